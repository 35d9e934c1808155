import type { Component } from "./components.js";
import { mentionTokens } from "./described-object.js";
import type { PlanningRequest } from "./request.js";
import {
  GENERIC_TOKENS,
  mentionStems,
  nameTokens,
  SINK_VERBS,
  stem,
  VERB_TOKENS,
} from "./words.js";

/** How strongly the request mentions a component by name, and where. */
export interface Relevance {
  /** 2 per matched noun token, 1 per matched verb token; 0 means not mentioned. */
  score: number;
  /** Index of the first and last request word that mentions it (undefined when none does). */
  first?: number;
  last?: number;
}

/**
 * Name tokens (and the object a sink's description adds) against request words (stems and the synonym table). Words inside discovered values
 * do not count: "CHANGELOG.md" is data, not a wish for a changelog component. "file", "data" and
 * the like do not count either: every reader and writer has them.
 */
export function relevanceOf(
  component: Component,
  request: PlanningRequest,
  offered: readonly Component[] = [],
  claimed: ReadonlyMap<number, Component> = new Map(),
): Relevance {
  const valueWords = new Set(request.discovered.flatMap((param) => param.wordIndexes));
  // A word that states another component's parameter ("POSTing" its method, "the open pull
  // requests" its state) is about that component, not a mention of this one.
  const words = request.words.filter(
    (word) => !valueWords.has(word.index) && (claimed.get(word.index) ?? component) === component,
  );
  // A word that is another offered component's own name word mentions that one, not this one
  // through a synonym: "commit" names git-commit, it is no wish for git-log's history.
  const ownStems = new Set(nameTokens(component.name).map(stem));
  const otherStems = new Set(
    offered
      .filter((other) => other !== component)
      .flatMap((other) => nameTokens(other.name))
      .filter((token) => !GENERIC_TOKENS.has(token))
      .map(stem)
      .filter((token) => !ownStems.has(token)),
  );
  const relevance: Relevance = { score: 0 };
  for (const token of new Set(mentionTokens(component))) {
    if (GENERIC_TOKENS.has(token)) continue;
    const stems = mentionStems(token);
    const matches = words.filter(
      (word) => stems.has(word.stem) && (word.stem === stem(token) || !otherStems.has(word.stem)),
    );
    if (matches.length === 0) continue;
    relevance.score += VERB_TOKENS.has(token) ? 1 : 2;
    relevance.first = Math.min(relevance.first ?? Infinity, matches[0]!.index);
    relevance.last = Math.max(relevance.last ?? -Infinity, matches[matches.length - 1]!.index);
  }
  return relevance;
}

/** A component that delivers the result somewhere (write, post, send, commit…): it ends the chain. */
export function isSink(component: Component): boolean {
  return (
    component.kind === "node" &&
    !component.llmLike &&
    nameTokens(component.name).some((token) => SINK_VERBS.has(token))
  );
}

/**
 * What a component works on, without its verb: github-get-issue and github-list-issues share
 * "github issue" and so compete for the same place in the chain.
 */
export function familyOf(component: Component): string {
  return nameTokens(component.name)
    .filter((token) => !VERB_TOKENS.has(token))
    .map(stem)
    .sort()
    .join(" ");
}
