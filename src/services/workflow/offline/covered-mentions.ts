import type { Binding } from "./bind-params.js";
import type { Component } from "./components.js";
import type { PlanningRequest } from "./request.js";
import { isSink } from "./relevance.js";
import type { RequestWord } from "./words.js";
import { GENERIC_TOKENS, mentionStems, nameTokens, stem } from "./words.js";

// Mentions that belong to another chosen component: a word that names its parameter, or its
// service, is no wish for a second component.

/**
 * Chosen components less those the request mentions only through words that name parameters of
 * another chosen component it gives values to, and that take no value themselves: "append the
 * rows to orders.csv" sets csv-export's `append` and feeds its `rows`; it is no wish for
 * spreadsheet-append-row, which would need an invented spreadsheet id.
 */
export function dropCoveredMentions(
  chosen: readonly Component[],
  bindings: readonly Binding[],
  request: PlanningRequest,
): Component[] {
  // A component that may be dropped takes no value, so it is never among the covering ones.
  const covering = chosen.filter((other) => !other.llmLike && takesValue(other, bindings));
  const slotStems = new Set(
    covering.flatMap((other) =>
      other.slots.filter((slot) => slot.path.length === 1).map((slot) => stem(slot.name)),
    ),
  );
  // "send them the invitations" with `send_updates: all` given to the calendar step: the word
  // names a part of a parameter that got its value, and the calendar sends them itself.
  for (const binding of bindings) {
    if (!covering.includes(binding.component) || binding.slot.path.length !== 1) continue;
    nameTokens(binding.slot.name)
      .filter((token) => !GENERIC_TOKENS.has(token))
      .forEach((token) => slotStems.add(stem(token)));
  }
  return dropMentionedOnlyFor(
    chosen,
    request,
    (component) => !takesValue(component, bindings),
    (_component, mentions) => mentions.every((word) => slotStems.has(word.stem)),
  );
}

/**
 * Chosen components less a reader or search the request mentions only by a name word of a chosen
 * sink, every request value of which that sink takes too: "open a Jira bug in project SUP" names
 * jira-create-issue; jira-search-issues shares "jira" and the project but was not asked to search.
 */
export function dropSinkMentions(
  chosen: readonly Component[],
  bindings: readonly Binding[],
  request: PlanningRequest,
): Component[] {
  const sinks = chosen.filter((component) => isSink(component));
  return dropMentionedOnlyFor(
    chosen,
    request,
    (component) => !isSink(component),
    (component, mentions) =>
      sinks.some((sink) => {
        const sinkStems = new Set(nameTokens(sink.name).map(stem));
        const sinkValues = new Set(
          bindings.filter((binding) => binding.component === sink).map((binding) => binding.param),
        );
        return (
          mentions.every((word) => sinkStems.has(word.stem)) &&
          bindings
            .filter((binding) => binding.component === component)
            .every((binding) => sinkValues.has(binding.param))
        );
      }),
  );
}

/**
 * Chosen components less one that takes no value and is mentioned only by name words of another
 * chosen step that does: "Convert nda.docx to PDF" names docx-to-pdf; pdf-compress shares "pdf"
 * but nobody asked to compress.
 */
export function dropSharedNameMentions(
  chosen: readonly Component[],
  bindings: readonly Binding[],
  request: PlanningRequest,
): Component[] {
  return dropMentionedOnlyFor(
    chosen,
    request,
    (component) => !takesValue(component, bindings),
    (component, mentions) =>
      chosen.some((other) => {
        if (other === component || other.llmLike || !takesValue(other, bindings)) return false;
        const otherStems = new Set(nameTokens(other.name).map(stem));
        return mentions.every((word) => otherStems.has(word.stem));
      }),
  );
}

/**
 * The skeleton the three rules share: the model step and components `mayDrop` spares stay, and so
 * does one the request does not mention at all (other rules chose it); the rest leave when every
 * word mentioning them is `coveredElsewhere`. Words inside a discovered value mention nothing.
 */
function dropMentionedOnlyFor(
  chosen: readonly Component[],
  request: PlanningRequest,
  mayDrop: (component: Component) => boolean,
  coveredElsewhere: (component: Component, mentions: RequestWord[]) => boolean,
): Component[] {
  const valueWords = new Set(request.discovered.flatMap((param) => param.wordIndexes));
  const words = request.words.filter((word) => !valueWords.has(word.index));
  return chosen.filter((component) => {
    if (component.llmLike || !mayDrop(component)) return true;
    const mentions = mentionsOf(component, words);
    return mentions.length === 0 || !coveredElsewhere(component, mentions);
  });
}

function takesValue(component: Component, bindings: readonly Binding[]): boolean {
  return bindings.some((binding) => binding.component === component);
}

/** Request words that mention one of the component's name words (itself or a synonym). */
function mentionsOf(component: Component, words: readonly RequestWord[]): RequestWord[] {
  return words.filter((word) =>
    nameTokens(component.name).some(
      (token) => !GENERIC_TOKENS.has(token) && mentionStems(token).has(word.stem),
    ),
  );
}
