import { toSnakeCase } from "../../text/snake-case.js";
import type { Binding } from "./bind-params.js";
import type { Component } from "./components.js";
import type { DiscoveredParam, PlanningRequest } from "./request.js";
import {
  BOUNDARY_WORDS,
  FILLER_WORDS,
  mentionStems,
  nameTokens,
  stem,
  VERB_TOKENS,
} from "./words.js";

/** Verbs that name the language work of a request, in no particular order. */
const TASK_VERBS = [
  "summarize",
  "summarise",
  "translate",
  "triage",
  "classify",
  "categorize",
  "analyze",
  "analyse",
  "explain",
  "review",
  "extract",
  "rewrite",
  "describe",
  "draft",
  "compose",
  "generate",
  "make",
  "write",
  "create",
  "answer",
  "outline",
  "convert",
  "label",
  "rank",
  "compare",
  "prioritize",
  "detect",
  "check",
];
/** Task verbs that may also be a component's own verb ("write a report" with write-file present). */
const WRITING_VERBS = new Set(["write", "make", "create", "generate", "draft", "compose"]);
/** Name tokens that stand for "the thing the value names": replaced by the value's own name. */
const OBJECT_TOKENS = new Set(["file", "files", "directory", "folder", "document", "dir", "path"]);
/** Node ids the validator calls placeholders (n1, node2, step_3). */
const PLACEHOLDER_ID = /^(?:n|s|t|node|step|stage|task|item|block|op)[_-]?\d+$/i;

/**
 * Descriptive, unique ids in chain order: the model step is named after the task verb and its
 * object in the request (summarize_notes, triage_issue); a saved workflow after its name; other
 * components after their name, with the verb the request used (write-file + "save" → save_…) and
 * a file-like object replaced by the name of the value they take (read-file + notes.txt →
 * read_notes).
 */
export function nodeIds(
  chain: readonly Component[],
  bindings: readonly Binding[],
  request: PlanningRequest,
): string[] {
  const ids: string[] = [];
  for (const component of chain) {
    let base: string;
    if (component.kind === "workflow") base = toSnakeCase(component.name);
    else if (component.llmLike) base = modelStepId(chain, request);
    else base = componentId(component, bindings, request);
    ids.push(unique(descriptive(base, component), ids));
  }
  return ids;
}

function componentId(
  component: Component,
  bindings: readonly Binding[],
  request: PlanningRequest,
): string {
  const valueNames = bindings
    .filter((binding) => binding.component === component)
    .map((binding) => valueName(binding.param))
    .filter((name): name is string => name !== undefined);
  let objectReplaced = false;
  const tokens = nameTokens(component.name).map((token) => {
    if (VERB_TOKENS.has(token)) return requestVerb(token, request) ?? token;
    if (OBJECT_TOKENS.has(token) && !objectReplaced && valueNames.length > 0) {
      objectReplaced = true;
      return valueNames[0]!;
    }
    return token;
  });
  // send-email said as "email the output" is email, not email_email.
  return tokens.filter((token, index) => token !== tokens[index - 1]).join("_");
}

/** The word the request uses for a component verb: "save" for write. */
function requestVerb(token: string, request: PlanningRequest): string | undefined {
  const stems = mentionStems(token);
  const words = request.words.filter((word) => stems.has(word.stem) && /^[a-z]+$/.test(word.word));
  // "the git commits … and commit it": the token itself, when said, is the verb the request uses.
  return (words.find((word) => word.word === token) ?? words[0])?.word;
}

function modelStepId(chain: readonly Component[], request: PlanningRequest): string {
  const claimed = new Set<string>();
  for (const component of chain) {
    if (component.llmLike) continue;
    for (const token of nameTokens(component.name))
      mentionStems(token).forEach((s) => claimed.add(s));
  }
  const valueWords = new Set(request.discovered.flatMap((param) => param.wordIndexes));
  const taskStems = new Set(TASK_VERBS.map(stem));
  const candidates = request.words.filter(
    (word) => !valueWords.has(word.index) && taskStems.has(word.stem),
  );
  const verb =
    candidates.find((word) => !claimed.has(word.stem)) ??
    candidates.find((word) => WRITING_VERBS.has(word.word));
  if (verb === undefined) return "process_request";
  return [verb.word, ...objectAfter(verb.index, request)].join("_");
}

/** Up to two words after the verb, skipping articles and counts, ending at a preposition. */
function objectAfter(verbIndex: number, request: PlanningRequest): string[] {
  const object: string[] = [];
  for (const word of request.words.slice(verbIndex + 1)) {
    if (object.length === 2) break;
    const param = request.discovered.find((candidate) =>
      candidate.wordIndexes.includes(word.index),
    );
    if (param !== undefined) {
      const name = valueName(param);
      if (object.length === 0 && name !== undefined) object.push(name);
      break;
    }
    // Leading articles and counts are skipped: "summarize the 5 newest issues" → newest_issues.
    if (FILLER_WORDS.has(word.word) || /^\d+$/.test(word.word)) {
      if (object.length === 0) continue;
      break;
    }
    if (BOUNDARY_WORDS.has(word.word) || /^\d/.test(word.word)) break;
    object.push(word.word);
  }
  return object.length > 0 ? object : ["text"];
}

/**
 * A short name for a file-like value: "notes.txt" → notes, "docs/README.es.md" → readme_es.
 * Undefined for values that do not name a file (a repository, a number, a sentence).
 */
export function valueName(param: DiscoveredParam): string | undefined {
  if (typeof param.value !== "string") return undefined;
  const value = param.value.trim();
  if (!/^[^\s]+\.[A-Za-z0-9]{1,5}$/.test(value)) return undefined;
  const base = value
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[A-Za-z0-9]{1,5}$/, "");
  const name = toSnakeCase(base);
  return /^[a-z][a-z0-9_]{1,24}$/.test(name) ? name : undefined;
}

function descriptive(base: string, component: Component): string {
  let id = toSnakeCase(base);
  if (id === "") id = toSnakeCase(component.name);
  if (id.length < 3 || PLACEHOLDER_ID.test(id) || /^[\d_]+$/.test(id)) id = `run_${id}`;
  return id;
}

function unique(id: string, taken: readonly string[]): string {
  if (!taken.includes(id)) return id;
  for (let suffix = 2; ; suffix++) {
    if (!taken.includes(`${id}_${suffix}`)) return `${id}_${suffix}`;
  }
}
