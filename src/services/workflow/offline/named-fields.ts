import type { Component, Slot } from "./components.js";
import type { DiscoveredParam, PlanningRequest } from "./request.js";
import { statedValue } from "./stated-values.js";
import { inputTypeOf } from "./value-types.js";

/** Object inputs that hold a URL's query string. */
const QUERY_SLOT = /^(query|params|query_params|querystring|query_string)$/i;

/**
 * A value the request gives as a named field: its parameter's name is the word right before it
 * ("with base EUR and symbols USD,GBP,CHF", "priority high").
 */
export function isNamedField(param: DiscoveredParam, request: PlanningRequest): boolean {
  const first = param.wordIndexes[0];
  if (first === undefined || first === 0) return false;
  return request.words[first - 1]!.word === param.name.toLowerCase();
}

/**
 * A GET call's query fields the request names: "…/latest with base EUR and symbols USD,GBP,CHF"
 * gives the undocumented `query` dict the fields `base` and `symbols`, each then bound to its
 * discovered value. The keys are the request's own words, so nothing is guessed; a request that
 * does not name them (or a call with another method, whose values belong in a body) is left as
 * it is, and still fails when its values have nowhere to go.
 */
export function withNamedQueryFields(component: Component, request: PlanningRequest): Component {
  const query = component.slots.find(
    (slot) =>
      slot.path.length === 1 && QUERY_SLOT.test(slot.name) && inputTypeOf(slot.type) === "object",
  );
  if (
    query === undefined ||
    component.slots.some((slot) => slot.path[0] === query.name && slot.path.length > 1)
  ) {
    return component;
  }
  const method = component.slots.find((slot) => slot.path.length === 1 && slot.name === "method");
  const stated = method === undefined ? undefined : statedValue(method, request);
  if (stated !== undefined && String(stated).toUpperCase() !== "GET") return component;
  const taken = new Set(component.slots.map((slot) => slot.name));
  const fields = request.discovered.filter(
    (param) => isNamedField(param, request) && !taken.has(param.name),
  );
  if (fields.length === 0) return component;
  const slots: Slot[] = fields.map((param) => ({
    path: [query.name, param.name],
    name: param.name,
    type: "str",
    required: false,
    description: `${param.name} of ${query.name}: ${query.description}`,
  }));
  return { ...component, slots: [...component.slots, ...slots] };
}
