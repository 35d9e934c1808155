import type { Component, Slot } from "./components.js";
import { typesFit } from "./value-types.js";
import { nameTokens, stem } from "./words.js";

/** Outputs that report on the call rather than carry its result; never wired onward. */
const META_OUTPUT = /^(errors?|.*_errors?|usage|.*_usage|status|success|ok)$/i;

/** Names that hold free text: any of them can feed any other (content → body, response → text). */
const TEXT_NAME =
  /^(content|text|body|response|result|output|markdown|answer|summary|report|prompt)$|_(text|markdown|content|body|response|summary|report)$/i;

export function isTextName(name: string): boolean {
  return TEXT_NAME.test(name);
}

/**
 * A description that says the input is the text of what is sent or written: "Message text",
 * "Issue text", "Text to write" (not "Commit message": a label, not the data). Such an input takes the data the chain carries, whatever its name.
 */
const TEXT_DESCRIPTION =
  /^(the\s+)?((message|description|body|content|text)\b|\w+\s+(text|body|content)\b)/i;

/** An input that carries the chain's text: a free-text name, or a description that says so. */
export function takesText(slot: Slot): boolean {
  return (
    TEXT_NAME.test(slot.name) || (slot.type === "str" && TEXT_DESCRIPTION.test(slot.description))
  );
}

export function isMetaOutput(name: string): boolean {
  return META_OUTPUT.test(name);
}

/**
 * How well an output fits a slot: 3 same name, 2 both free text, 1 a shared name word; 0 when
 * the types do not fit or the output is a status/usage report.
 */
export function wireScore(outputName: string, outputType: string, slot: Slot): number {
  if (isMetaOutput(outputName) || !typesFit(outputType, slot.type)) return 0;
  if (outputName === slot.name) return 3;
  if (TEXT_NAME.test(outputName) && TEXT_NAME.test(slot.name)) return 2;
  const slotStems = new Set(nameTokens(slot.name).map(stem));
  return nameTokens(outputName).some((token) => slotStems.has(stem(token))) ? 1 : 0;
}

/** The best output of one producer for a slot, or undefined. */
export function bestOutput(
  outputs: Readonly<Record<string, string>>,
  slot: Slot,
): { name: string; score: number } | undefined {
  let best: { name: string; score: number } | undefined;
  for (const [name, type] of Object.entries(outputs)) {
    const score = wireScore(name, type, slot);
    if (score > 0 && (best === undefined || score > best.score)) best = { name, score };
  }
  return best;
}

/** Outputs worth passing on: everything but status and usage reports. */
export function dataOutputs(outputs: Readonly<Record<string, string>>): string[] {
  return Object.keys(outputs).filter((name) => !isMetaOutput(name));
}

/** Parameters that hold what a file writer writes (as in rules/template-rules.ts). */
const CONTENT_SLOTS = new Set(["content", "contents", "data", "text", "body"]);
const FILE_WRITER_NAME =
  /(write|save|append|dump|export)[-_]?(file|json|to[-_]?file)|file[-_]?(write|writer|save)/i;
const FILE_WRITER_TEXT = /\b(writes?|saves?|appends?)\b[^.]*\bfiles?\b/i;

/** The content slot of a component that writes files: it takes text, lists and objects alike. */
export function writesFiles(component: Component, slot: Slot): boolean {
  return (
    component.kind === "node" &&
    slot.path.length === 1 &&
    CONTENT_SLOTS.has(slot.name) &&
    (FILE_WRITER_NAME.test(component.name) || FILE_WRITER_TEXT.test(component.description))
  );
}
