import type { Component, Slot } from "./components.js";
import { nonTextKind, readsTextFiles } from "./file-kinds.js";
import { isSink } from "./relevance.js";
import type { DiscoveredParam } from "./request.js";
import { inputTypeOf, valueTypeOf } from "./value-types.js";
import { isTextName } from "./wiring.js";
import {
  GENERIC_TOKENS,
  nameTokens,
  SINK_WORDS,
  SOURCE_WORDS,
  stem,
  VAGUE_TOKENS,
} from "./words.js";

/** A discovered value feeding one slot of one component. */
export interface Binding {
  param: DiscoveredParam;
  component: Component;
  slot: Slot;
  score: number;
}

/**
 * How well a discovered parameter fits a slot: 10 for the same name; else one point per shared
 * name token, half a point up or down when the parameter's name says where the value goes
 * ("input_file" suits a reader, "output_file" a writer); half a point when only the slot's
 * description names it; 0 when the value cannot be of the slot's type. The llm prompt is never bound: the planner writes it.
 */
export function bindingScore(param: DiscoveredParam, slot: Slot, component: Component): number {
  if (component.llmLike && slot.name === "prompt") return 0;
  if (!valueFits(param.value, slot.type)) return 0;
  // A path names the text, it is not the text: "sales.csv" must reach a reader, not `csv_text`.
  if (looksLikePath(param.value) && isTextName(slot.name)) return 0;
  // "scans/receipt.jpg" needs OCR: a reader of text files would pass on the image's bytes.
  if (nonTextKind(param.value) !== undefined && readsTextFiles(component)) return 0;
  if (param.name === slot.name) return 10;
  const tokens = nameTokens(param.name);
  const slotStems = new Set(nameTokens(slot.name).map(stem));
  const shared = tokens.filter(
    (token) => !SOURCE_WORDS.has(token) && !SINK_WORDS.has(token) && slotStems.has(stem(token)),
  ).length;
  if (shared === 0) return sameRolePath(tokens, slot) ? 1 : describedScore(tokens, slot);
  const sink = isSink(component);
  let score = shared;
  if (tokens.some((token) => SOURCE_WORDS.has(token))) score += sink ? -0.5 : 0.5;
  if (tokens.some((token) => SINK_WORDS.has(token))) score += sink ? 0.5 : -0.5;
  return score;
}

/** File and path both name where a file is. */
const LOCATION_TOKENS = new Set(["file", "path"]);

/**
 * `output_file` for `output_path`: the same role word and, for the rest, only "file" or "path",
 * which name the same thing (a file is given by its path).
 */
function sameRolePath(tokens: readonly string[], slot: Slot): boolean {
  const slotTokens = nameTokens(slot.name);
  const role = (token: string) => SOURCE_WORDS.has(token) || SINK_WORDS.has(token);
  const roles = tokens.filter(role);
  const rest = (list: readonly string[]) => list.filter((token) => !role(token));
  return (
    roles.length > 0 &&
    roles.every((token) => slotTokens.includes(token)) &&
    [...rest(tokens), ...rest(slotTokens)].every((token) => LOCATION_TOKENS.has(token)) &&
    rest(tokens).length > 0 &&
    rest(slotTokens).length > 0
  );
}

/**
 * Half a point when the slot's description names what the parameter is and the slot's name does
 * not: a discovered `city` feeds `location` ("City name or coordinates"), `recipient` feeds `to`
 * ("Recipient address"). Less than any name match, so it only decides when nothing else does, and
 * too little for the planner to add a component for it.
 */
function describedScore(tokens: readonly string[], slot: Slot): number {
  // A field of a dict input carries its parent's description, which is not about the field.
  if (slot.path.length > 1) return 0;
  const described = nameTokens(slot.description).map(stem);
  const meaningful = tokens.filter(
    (token) => !SOURCE_WORDS.has(token) && !SINK_WORDS.has(token) && !VAGUE_TOKENS.has(token),
  );
  // "silent" is said by "Send silently": a described word may carry an ending the stem keeps.
  const says = (token: string) =>
    described.some((word) => word === stem(token) || (token.length >= 5 && word.startsWith(token)));
  return meaningful.some(says) ? 0.5 : 0;
}

/**
 * Greedy assignment, best score first (ties: the slot whose description gives the value as its
 * example, then parameter, component, slot order). A slot takes one value; a value may fill
 * slots of several components, one each (the repository of both the fetch and the comment step),
 * but only slots that fit it by name as well as its best one, so a file path meant for the writer
 * does not also become the reader's path, nor the recipient also the copy recipient.
 */
export function bindParams(
  params: readonly DiscoveredParam[],
  components: readonly Component[],
): Binding[] {
  const candidates: (Binding & { order: number[] })[] = [];
  params.forEach((param, paramIndex) => {
    components.forEach((component, componentIndex) => {
      component.slots.forEach((slot, slotIndex) => {
        const score = bindingScore(param, slot, component);
        if (score > 0 && ownerOf(param, components, component) === component) {
          candidates.push({
            param,
            component,
            slot,
            score,
            order: [paramIndex, component.index, componentIndex, slotIndex],
          });
        }
      });
    });
  });
  // Of equal fits, a slot whose description gives the value as its example ("Language to
  // translate into, e.g. French") first.
  const example = (candidate: Binding) =>
    candidate.param.literals.some((literal) =>
      candidate.slot.description.toLowerCase().includes(literal.toLowerCase()),
    )
      ? 0
      : 1;
  candidates.sort(
    (left, right) =>
      right.score - left.score ||
      example(left) - example(right) ||
      compareOrder(left.order, right.order),
  );
  const taken = new Set<Slot>();
  const best = new Map<DiscoveredParam, number>();
  const bindings: Binding[] = [];
  for (const { order: _order, ...candidate } of candidates) {
    if (taken.has(candidate.slot)) continue;
    const bestScore = best.get(candidate.param);
    // A second slot only by name: a description match ("Recipient address") is one slot's.
    if (bestScore !== undefined && (candidate.score < bestScore || candidate.score < 1)) continue;
    // One value is one thing to a component: "French" is the target language, not the source too.
    if (
      bindings.some(
        (bound) => bound.param === candidate.param && bound.component === candidate.component,
      )
    ) {
      continue;
    }
    taken.add(candidate.slot);
    best.set(candidate.param, candidate.score);
    bindings.push(candidate);
  }
  return bindings;
}

/**
 * The one component a parameter's name names and that takes it ("ocr_language" is ocr-image's
 * language, not the translator's source language too); otherwise the component asked about.
 */
function ownerOf(
  param: DiscoveredParam,
  components: readonly Component[],
  asked: Component,
): Component {
  const tokens = new Set(nameTokens(param.name).filter((token) => !GENERIC_TOKENS.has(token)));
  const owners = components.filter(
    (component) =>
      !component.llmLike &&
      nameTokens(component.name).some((token) => tokens.has(token)) &&
      component.slots.some((slot) => bindingScore(param, slot, component) > 0),
  );
  if (owners.length !== 1) return asked;
  // `issue_number` names github-get-issue, but github-create-comment's own `issue_number` is
  // about an issue too: only a word none of the asked component's inputs says makes it another's.
  const ownerWords = nameTokens(owners[0]!.name).filter((token) => tokens.has(token));
  const askedWords = new Set(asked.slots.flatMap((slot) => nameTokens(slot.name)));
  return ownerWords.some((token) => askedWords.has(token)) ? asked : owners[0]!;
}

function compareOrder(left: number[], right: number[]): number {
  for (let index = 0; index < left.length; index++) {
    const difference = left[index]! - right[index]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

/** "1234" fits an int slot, a single path fits a list slot (it is wrapped), true never fits a str. */
function valueFits(value: unknown, slotType: string): boolean {
  const target = inputTypeOf(slotType);
  const source = valueTypeOf(value);
  if (target === undefined || target === source) return true;
  if (target === "array") return source !== "object";
  if (target === "integer" || target === "number") {
    return (
      source === "integer" ||
      source === "number" ||
      (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim()))
    );
  }
  if (target === "string") return source === "integer" || source === "number";
  return false;
}

/** A single path or address ("notes.txt", "https://…/x"): something to read, not prose. */
export function looksLikePath(value: unknown): boolean {
  return (
    typeof value === "string" &&
    /^[^\s]*[\\/.][^\s]*$/.test(value.trim()) &&
    /\.[A-Za-z0-9]{1,5}$|[\\/]/.test(value.trim())
  );
}
