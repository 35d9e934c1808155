import { foldCase, needleOf, wordOccurrences } from "../discovered-values.js";
import type { PlanningRequest } from "./request.js";

export interface PromptParts {
  request: PlanningRequest;
  /** Discovered parameter name → declared input name. */
  inputFor: ReadonlyMap<string, string>;
  /** Templates of the upstream data, with a label each, e.g. ["content", "${read_notes.content}"]. */
  upstream: readonly (readonly [label: string, template: string])[];
  /** Inputs no other step uses: the prompt must reference them (the `unused-input` rule). */
  mustUse: readonly string[];
  /** Component names of the other steps, for the sentence that says what this step does not do. */
  otherSteps: readonly string[];
}

/**
 * The model step's prompt: the request itself, every discovered value in it replaced by its input
 * template (so the step works for any value, and the `hardcoded` rule has nothing to find), what
 * this step is for among the others, then the upstream data by template. Inputs the request text
 * does not show are listed, so every declared input is used.
 */
export function modelPrompt(parts: PromptParts): string {
  let task = templated(parts.request, parts.inputFor).trim();
  task = task.charAt(0).toUpperCase() + task.slice(1);
  if (!/[.!?]$/.test(task)) task += ".";
  const lines = [`Task: ${task}`, ""];
  if (parts.otherSteps.length > 0) {
    lines.push(
      `This step does the language work of the task; the other steps of the workflow (${parts.otherSteps.join(", ")}) fetch and deliver the data. Reply with the result only.`,
    );
  } else {
    lines.push("Reply with the result only.");
  }
  const missing = parts.mustUse.filter((name) => !task.includes(`\${${name}}`));
  if (missing.length > 0) {
    lines.push("", "Details:", ...[...new Set(missing)].map((name) => `- ${name}: \${${name}}`));
  }
  if (parts.upstream.length === 1) {
    lines.push("", "Input:", parts.upstream[0]![1]);
  } else {
    for (const [label, template] of parts.upstream) lines.push("", `${label}:`, template);
  }
  return scrubLiterals(lines.join("\n"), parts.request, parts.inputFor);
}

/** The request with `$` escaped (a literal dollar, not a template) and values as templates. */
function templated(request: PlanningRequest, inputFor: ReadonlyMap<string, string>): string {
  return replaceLiterals(request.text.replace(/\$/g, "$$$$"), request, inputFor);
}

/**
 * Replaces what is left of discovered values in the fixed wording (a value that happens to be
 * "Input" or an output name), outside templates only; templates stay as they are.
 */
function scrubLiterals(
  text: string,
  request: PlanningRequest,
  inputFor: ReadonlyMap<string, string>,
): string {
  return text
    .split(/(\$\$|\$\{[^}]*\})/)
    .map((segment, index) =>
      index % 2 === 1 ? segment : replaceLiterals(segment, request, inputFor),
    )
    .join("");
}

function replaceLiterals(
  text: string,
  request: PlanningRequest,
  inputFor: ReadonlyMap<string, string>,
): string {
  let result = text;
  for (const param of request.discovered) {
    const name = inputFor.get(param.name);
    if (name !== undefined && param.literals.length > 1) {
      result = replaceList(result, param.literals, `\${${name}}`);
    }
  }
  // Longest first, so "README.es.md" is replaced before a shorter value it contains. A
  // word-only item of a list ("id" of the columns) left after its list is prose, not the value.
  const literals = request.discovered
    .flatMap((param) =>
      param.literals
        .filter((literal) => param.literals.length === 1 || !needleOf(literal).word)
        .map((literal) => ({ literal, name: inputFor.get(param.name) })),
    )
    .filter((entry): entry is { literal: string; name: string } => entry.name !== undefined)
    .sort((left, right) => right.literal.length - left.literal.length);
  for (const { literal, name } of literals) {
    result = result
      .split(/(\$\{[^}]*\})/)
      .map((segment, index) =>
        index % 2 === 1 ? segment : replaceWords(segment, literal, `\${${name}}`),
      )
      .join("");
  }
  return result;
}

/**
 * "the id, amount and customer columns": a list value said as a list becomes its one template,
 * not a template per item ("the ${columns}, ${columns} and ${columns} columns").
 */
function replaceList(text: string, items: readonly string[], replacement: string): string {
  const item = items
    .map((entry) => entry.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .sort((left, right) => right.length - left.length)
    .join("|");
  const list = new RegExp(
    `(?<![\\w-])(?:${item})(?:\\s*(?:,\\s*(?:and\\s+|or\\s+)?|\\s+and\\s+|\\s+or\\s+)(?:${item}))+(?![\\w-])`,
    "gi",
  );
  return text
    .split(/(\$\{[^}]*\})/)
    .map((segment, index) => (index % 2 === 1 ? segment : segment.replace(list, () => replacement)))
    .join("");
}

/**
 * Every word-bounded occurrence of `literal` in `text` (discovered-values.ts) replaced, but for a
 * word-only value inside a hyphenated name ("customer" of "stripe-get-customer"): that is no copy
 * of the value to the `hardcoded` rule, and templating it would garble the name.
 */
function replaceWords(text: string, literal: string, replacement: string): string {
  const needle = needleOf(literal);
  const starts = wordOccurrences(foldCase(text), needle).filter(
    (start) => !needle.word || (text[start - 1] !== "-" && text[start + literal.length] !== "-"),
  );
  if (starts.length === 0) return text;
  const pieces: string[] = [];
  let from = 0;
  for (const start of starts) {
    pieces.push(text.slice(from, start), replacement);
    from = start + literal.length;
  }
  pieces.push(text.slice(from));
  return pieces.join("");
}
