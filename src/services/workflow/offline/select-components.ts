import type { Binding } from "./bind-params.js";
import { bindingScore, bindParams, looksLikePath } from "./bind-params.js";
import type { Component } from "./components.js";
import type { Relevance } from "./relevance.js";
import { familyOf, isSink, relevanceOf } from "./relevance.js";
import type { DiscoveredParam, PlanningRequest } from "./request.js";
import { asksForAction } from "./asked-actions.js";
import {
  dropCoveredMentions,
  dropSharedNameMentions,
  dropSinkMentions,
} from "./covered-mentions.js";
import { dropTextReadersOfMedia } from "./file-kinds.js";
import { asksForLanguageWork } from "./language-work.js";
import { statedChoices } from "./stated-values.js";
import { dropUnneeded } from "./unneeded.js";
import { inputTypeOf } from "./value-types.js";
import { isMetaOutput, isTextName, writesFiles } from "./wiring.js";
import { nameTokens, SINK_WORDS } from "./words.js";

export interface Selection {
  /** Chosen components, in context order (the chain order is decided later). */
  components: Component[];
  bindings: Binding[];
  relevance: Map<Component, Relevance>;
}

/**
 * Which offered components the workflow uses:
 * 1. every component the request mentions by name (relevance > 0), except the model step and
 *    any sink whose change the request does not ask for (asked-actions.ts): "the current
 *    commit" is no wish to commit, "post … on Slack" none to create an issue;
 * 2. at most one saved workflow (node types must be unique, and saved ones all have type
 *    "workflow"), and one of components that do the same thing to the same object;
 * 3. then, for each discovered value no chosen component takes, the offered component that
 *    takes it best ("summarize notes.txt" names no reader, but notes.txt needs one), except a
 *    component unmentioned but for that value when the model's prompt can carry it;
 * 4. less any reader or transform the request does not clearly ask for that would need an
 *    invented required input (unneeded.ts), and any the request mentions only through words
 *    that name parameters of another chosen step it gives values to, or a reader that shares
 *    only a chosen sink's service word and values, or only by name words of another chosen step
 *    that takes values (covered-mentions.ts), or a text-file reader
 *    when another step reads the request's image or recording (file-kinds.ts);
 * 5. the language-model step (a component with a `prompt` input) only when the request asks for
 *    language work (language-work.ts), or when a chosen sink takes text and no chosen step
 *    produces any: then the model turns the data into that text ("post their titles to Slack").
 *    Otherwise data goes straight through, since a model's answer would replace the exact data.
 */
export function selectComponents(
  offered: readonly Component[],
  request: PlanningRequest,
): Selection {
  const claimed = claimedWords(offered, request);
  const relevance = new Map(
    offered.map((component) => [component, relevanceOf(component, request, offered, claimed)]),
  );
  const score = (component: Component) => relevance.get(component)!.score;
  const llm = offered
    .filter((component) => component.llmLike)
    .sort((left, right) => score(right) - score(left) || left.index - right.index)[0];
  const unasked = new Set(
    offered.filter((component) => isSink(component) && !asksForAction(component, request, offered)),
  );
  let chosen = offered.filter(
    (component) => !component.llmLike && score(component) > 0 && !unasked.has(component),
  );
  chosen = keepBestWorkflow(chosen, score);

  let bindings = bindParams(request.discovered, chosen);
  chosen = dropRedundant(chosen, bindings, score);
  bindings = bindParams(request.discovered, chosen);

  const language = llm !== undefined && asksForLanguageWork(request, chosen);
  const mayCover = (component: Component, param: DiscoveredParam): boolean => {
    // "… into summary.md" asks for no write, but a value named as a destination needs a sink.
    if (unasked.has(component)) return nameTokens(param.name).some((word) => SINK_WORDS.has(word));
    // The model's prompt carries a value such as "French"; a translator nobody asked for does not
    // get it. A path still needs its reader.
    return !language || score(component) > 0 || isSink(component) || looksLikePath(param.value);
  };
  for (;;) {
    const extra = bestCoverage(offered, chosen, bindings, request, mayCover);
    if (extra === undefined) break;
    chosen.push(extra);
    bindings = bindParams(request.discovered, chosen);
  }
  chosen = dropUnneeded(chosen, bindings, request);
  bindings = bindParams(request.discovered, chosen);
  chosen = dropCoveredMentions(chosen, bindings, request);
  bindings = bindParams(request.discovered, chosen);
  chosen = dropSinkMentions(chosen, bindings, request);
  bindings = bindParams(request.discovered, chosen);
  chosen = dropSharedNameMentions(chosen, bindings, request);
  bindings = bindParams(request.discovered, chosen);
  chosen = dropTextReadersOfMedia(chosen, bindings);
  bindings = bindParams(request.discovered, chosen);
  if (llm !== undefined && (language || needsTextFromData(chosen, bindings))) {
    chosen.push(llm);
    bindings = bindParams(request.discovered, chosen);
  }
  chosen.sort((left, right) => left.index - right.index);
  return { components: chosen, bindings, relevance };
}

/**
 * Request words that state a listed choice of a component the request gives a value for: the
 * word belongs to that component ("POSTing to <url>" is the method of the http step taking the
 * url, not a wish for slack-post-message).
 */
function claimedWords(
  offered: readonly Component[],
  request: PlanningRequest,
): Map<number, Component> {
  const claimed = new Map<number, Component>();
  for (const component of offered) {
    const takesValue = request.discovered.some((param) =>
      component.slots.some((slot) => bindingScore(param, slot, component) >= 1),
    );
    if (!takesValue) continue;
    for (const slot of component.slots) {
      for (const { word } of statedChoices(slot, request)) {
        if (!claimed.has(word.index)) claimed.set(word.index, component);
      }
    }
  }
  return claimed;
}

function keepBestWorkflow(
  components: Component[],
  score: (component: Component) => number,
): Component[] {
  const workflows = components
    .filter((component) => component.kind === "workflow")
    .sort((left, right) => score(right) - score(left) || left.index - right.index);
  return components.filter(
    (component) => component.kind !== "workflow" || component === workflows[0],
  );
}

/** Of two chosen components with the same family and role, keep the better-supported one. */
function dropRedundant(
  components: Component[],
  bindings: readonly Binding[],
  score: (component: Component) => number,
): Component[] {
  const support = (component: Component) =>
    score(component) + bindings.filter((binding) => binding.component === component).length;
  return components.filter((component) => {
    if (component.llmLike) return true;
    return !components.some(
      (other) =>
        other !== component &&
        !other.llmLike &&
        familyOf(other) === familyOf(component) &&
        isSink(other) === isSink(component) &&
        (support(other) > support(component) ||
          (support(other) === support(component) && other.index < component.index)),
    );
  });
}

/** An unchosen component that takes a discovered value no chosen component takes. */
function bestCoverage(
  offered: readonly Component[],
  chosen: readonly Component[],
  bindings: readonly Binding[],
  request: PlanningRequest,
  mayCover: (component: Component, param: DiscoveredParam) => boolean,
): Component | undefined {
  const bound = new Set(bindings.map((binding) => binding.param));
  const hasWorkflow = chosen.some((component) => component.kind === "workflow");
  let best: { component: Component; score: number } | undefined;
  for (const param of request.discovered) {
    if (bound.has(param)) continue;
    for (const component of offered) {
      if (chosen.includes(component) || component.llmLike) continue;
      if (!mayCover(component, param)) continue;
      if (component.kind === "workflow" && hasWorkflow) continue;
      for (const slot of component.slots) {
        const score = bindingScore(param, slot, component);
        // One shared word at least, net of a role mismatch: a weaker fit is a guess.
        if (score >= 1 && (best === undefined || score > best.score)) best = { component, score };
      }
    }
  }
  return best?.component;
}

/**
 * A chosen sink (not a file writer, which writes lists and objects as they are) needs a text no
 * request value gives, while no chosen step outputs any text: only the model step can write it.
 */
function needsTextFromData(chosen: readonly Component[], bindings: readonly Binding[]): boolean {
  const bound = new Set(bindings.map((binding) => binding.slot));
  const producesText = chosen.some(
    (component) =>
      !isSink(component) &&
      Object.entries(component.outputs).some(
        ([name, type]) => !isMetaOutput(name) && inputTypeOf(type) === "string",
      ),
  );
  if (producesText) return false;
  return chosen.some(
    (component) =>
      isSink(component) &&
      component.slots.some(
        (slot) =>
          slot.required &&
          !bound.has(slot) &&
          isTextName(slot.name) &&
          !writesFiles(component, slot),
      ),
  );
}
