import type { Binding } from "./bind-params.js";
import type { Component } from "./components.js";
import type { Relevance } from "./relevance.js";
import { isSink } from "./relevance.js";
import { bestOutput } from "./wiring.js";

/**
 * The chain order. Each component gets a rank:
 * 0 sources (nothing chosen can feed their required inputs: paths, repo, ids come from the request),
 * 1 transforms fed by another non-model component, 2 the language-model step, 2.5 components only
 * the model's answer can feed, 3 sinks (write, save, post, send, create, commit…).
 * Equal ranks go in order of mention in the request (sinks by their last mention: "write it to X
 * and commit it"), then context order; then producers are moved before their consumers.
 */
export function orderChain(
  components: readonly Component[],
  bindings: readonly Binding[],
  relevance: ReadonlyMap<Component, Relevance>,
): Component[] {
  const bound = new Set(bindings.map((binding) => binding.slot));
  const feeds = (producer: Component, consumer: Component) =>
    producer !== consumer &&
    consumer.slots.some(
      (slot) =>
        slot.required &&
        !bound.has(slot) &&
        !(consumer.llmLike && slot.name === "prompt") &&
        bestOutput(producer.outputs, slot) !== undefined,
    );
  const llm = components.find((component) => component.llmLike);
  const rank = (component: Component): number => {
    if (component.llmLike) return 2;
    if (isSink(component)) return 3;
    const feeders = components.filter(
      (other) => !other.llmLike && !isSink(other) && feeds(other, component),
    );
    if (feeders.length > 0) return 1;
    return llm !== undefined && feeds(llm, component) ? 2.5 : 0;
  };
  const mention = (component: Component): number => {
    const known = relevance.get(component);
    if (isSink(component) && known?.last !== undefined) return known.last;
    const positions = bindings
      .filter((binding) => binding.component === component)
      .flatMap((binding) => binding.param.wordIndexes);
    if (known?.first !== undefined) positions.push(known.first);
    return positions.length === 0 ? Infinity : Math.min(...positions);
  };
  const keyed = components.map((component) => ({
    component,
    rank: rank(component),
    mention: mention(component),
  }));
  keyed.sort(
    (left, right) =>
      left.rank - right.rank ||
      left.mention - right.mention ||
      left.component.index - right.component.index,
  );
  return producersFirst(
    keyed.map((entry) => entry.component),
    (producer, consumer) =>
      keyed.find((entry) => entry.component === producer)!.rank ===
        keyed.find((entry) => entry.component === consumer)!.rank && feeds(producer, consumer),
  );
}

/** Stable topological pass: take the first component whose same-rank producers are placed. */
function producersFirst(
  sorted: Component[],
  feeds: (producer: Component, consumer: Component) => boolean,
): Component[] {
  const remaining = [...sorted];
  const placed: Component[] = [];
  while (remaining.length > 0) {
    const next = remaining.findIndex((candidate) =>
      remaining.every((other) => other === candidate || !feeds(other, candidate)),
    );
    // A cycle (each feeds the other) keeps the sorted order rather than failing.
    const index = next === -1 ? 0 : next;
    placed.push(...remaining.splice(index, 1));
  }
  return placed;
}
