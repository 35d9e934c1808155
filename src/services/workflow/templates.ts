/**
 * Template scanner for both forms in use (workflow.md section 2):
 * - braced: `${name}`, `${node_id.output.path}`, `${x.items[0].name}`
 * - bare (the seed's form): `$name`, `$name.field.sub`, `$x.items[0]`
 * `$$` is a literal dollar (so `$${x}` is the text "${x}"). A `$` not followed by `{`, `$` or an
 * identifier start is plain text ("costs $5", "$"). A `${` without a closing `}` or with a body
 * that is not `identifier(.identifier | [n])*` is reported as malformed.
 */

/** A path part: a field name, or a list index written `[n]`. */
export type TemplatePart = string | number;

export interface TemplateRef {
  /** The template as written, e.g. "${fetch.items[0].name}" or "$file.name". */
  raw: string;
  form: "braced" | "bare";
  /** The first identifier: an input name or a node id. */
  base: string;
  /** Everything after the base: field names as strings, `[n]` indexes as numbers. */
  parts: TemplatePart[];
  /** The string is exactly this template (its value keeps the referenced type). */
  wholeValue: boolean;
  /** Offset of the template in the scanned string. */
  start: number;
}

export interface MalformedTemplate {
  /** The offending text, e.g. "${fetch.body" or "${ name }". */
  raw: string;
  /** Why it is malformed, phrased as what to do instead. */
  reason: string;
  start: number;
}

import type { DeferredText } from "./rules/issue-text.js";

export interface StringScan {
  templates: TemplateRef[];
  malformed: MalformedTemplate[];
}

/** A template found somewhere inside a node's params. */
export interface LocatedTemplate extends TemplateRef {
  /** Full document path, e.g. "nodes[1].params.inputs.csv_text" (long paths are shortened). */
  readonly path: string;
  /** Path inside params, e.g. "inputs.csv_text" (what messages call the parameter). */
  readonly paramPath: string;
  readonly location: ParamLocation;
}

export interface LocatedMalformed extends MalformedTemplate {
  readonly path: string;
  readonly paramPath: string;
  readonly location: ParamLocation;
}

/** A string or number somewhere inside a node's params (what the hard-coded value check reads). */
export interface ScannedValue {
  location: ParamLocation;
  value: string | number;
  /** The templates of a string value, in order (empty for numbers). */
  templates: readonly TemplateRef[];
}

export interface ParamsScan {
  templates: LocatedTemplate[];
  malformed: LocatedMalformed[];
  /** Every string and number visited, in document order. */
  values: ScannedValue[];
}

const IDENTIFIER_START = /[A-Za-z_]/;
const BRACED_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*/;
const BARE_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*/;
/** Characters a braced body may consist of; anything else ends it. */
const BODY_CHAR = /[A-Za-z0-9_\-.[\]]/;
/** How much of an unterminated template to quote back. */
const EXCERPT_LIMIT = 40;

/** What a string without any `$` scans to (most strings): shared, never modified. */
const NOTHING_FOUND: StringScan = Object.freeze({
  templates: Object.freeze([]) as unknown as TemplateRef[],
  malformed: Object.freeze([]) as unknown as MalformedTemplate[],
});

/** Scans one string for templates and malformed `${` occurrences, left to right. */
export function scanString(text: string): StringScan {
  if (!text.includes("$")) return NOTHING_FOUND;
  const templates: TemplateRef[] = [];
  const malformed: MalformedTemplate[] = [];
  const closing = new ForwardSearch(text, "}");
  const opening = new ForwardSearch(text, "${");
  let index = 0;
  while (index < text.length) {
    const dollar = text.indexOf("$", index);
    if (dollar < 0) break;
    const next = text[dollar + 1];
    if (next === "$") {
      index = dollar + 2;
      continue;
    }
    if (next === "{") {
      index = scanBraced(text, dollar, templates, malformed, closing, opening);
      continue;
    }
    if (next !== undefined && IDENTIFIER_START.test(next)) {
      index = scanBare(text, dollar, templates);
      continue;
    }
    index = dollar + 1;
  }
  return { templates, malformed };
}

/**
 * `text.indexOf(needle, from)` for calls whose `from` never decreases, remembering the last hit:
 * a string of many unclosed `${` would otherwise search to its end once per `${` (quadratic).
 */
class ForwardSearch {
  private found = -2;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  from(position: number): number {
    if (this.found === -1 || this.found >= position) return this.found;
    this.found = this.text.indexOf(this.needle, position);
    return this.found;
  }
}

function scanBraced(
  text: string,
  dollar: number,
  templates: TemplateRef[],
  malformed: MalformedTemplate[],
  closingSearch: ForwardSearch,
  openingSearch: ForwardSearch,
): number {
  const bodyStart = dollar + 2;
  let end = bodyStart;
  while (end < text.length && BODY_CHAR.test(text[end]!)) end++;
  if (text[end] === "}") {
    const body = text.slice(bodyStart, end);
    const parsed = parsePath(body, BRACED_IDENTIFIER);
    const raw = text.slice(dollar, end + 1);
    if (parsed !== undefined && parsed.consumed === body.length) {
      templates.push({
        raw,
        form: "braced",
        base: parsed.base,
        parts: parsed.parts,
        wholeValue: dollar === 0 && end + 1 === text.length,
        start: dollar,
      });
    } else {
      malformed.push({
        raw,
        start: dollar,
        reason:
          body.length === 0
            ? "empty template; write ${input_name} or ${node_id.output_key}"
            : "the body must be a name followed by .field or [n] parts, e.g. ${node_id.output_key.items[0]}; for a literal '${' (a shell expansion), write '$${'",
      });
    }
    return end + 1;
  }
  const closing = closingSearch.from(bodyStart);
  const nextTemplate = openingSearch.from(bodyStart);
  const hasLaterClose = closing >= 0 && (nextTemplate < 0 || closing < nextTemplate);
  const excerptEnd = hasLaterClose ? closing + 1 : end;
  let raw = text.slice(dollar, Math.min(excerptEnd, dollar + EXCERPT_LIMIT));
  if (excerptEnd > dollar + EXCERPT_LIMIT) raw += "...";
  malformed.push({
    raw,
    start: dollar,
    reason: hasLaterClose
      ? "templates may not contain spaces or other punctuation; write ${name.field} with no spaces, or '$${' for a literal '${' (a shell expansion such as ${HOME:-/tmp})"
      : "'${' has no closing '}'; close it, or write '$${' for a literal '${'",
  });
  // Skip what was quoted so its inside is not scanned again as bare `$name` templates; an
  // unterminated one resumes where its body stopped, so a later valid `${x}` is still found.
  return hasLaterClose ? closing + 1 : end;
}

function scanBare(text: string, dollar: number, templates: TemplateRef[]): number {
  const parsed = parsePath(text.slice(dollar + 1), BARE_IDENTIFIER);
  // IDENTIFIER_START matched, so a base always parses.
  const { base, parts, consumed } = parsed!;
  const end = dollar + 1 + consumed;
  templates.push({
    raw: text.slice(dollar, end),
    form: "bare",
    base,
    parts,
    wholeValue: dollar === 0 && end === text.length,
    start: dollar,
  });
  return end;
}

/**
 * Reads `identifier(.identifier | [n])*` from the start of `text`, stopping before anything that
 * does not continue the path (a trailing "." ends a sentence, not a path).
 */
function parsePath(
  text: string,
  identifier: RegExp,
): { base: string; parts: TemplatePart[]; consumed: number } | undefined {
  const baseMatch = identifier.exec(text);
  if (baseMatch === null) return undefined;
  const parts: TemplatePart[] = [];
  let offset = baseMatch[0].length;
  for (;;) {
    const rest = text.slice(offset);
    const field = rest.startsWith(".") ? identifier.exec(rest.slice(1)) : null;
    if (field !== null) {
      parts.push(field[0]);
      offset += 1 + field[0].length;
      continue;
    }
    const indexMatch = /^\[(\d+)\]/.exec(rest);
    if (indexMatch !== null) {
      parts.push(Number(indexMatch[1]));
      offset += indexMatch[0].length;
      continue;
    }
    return { base: baseMatch[0], parts, consumed: offset };
  }
}

/** Field names of a template path without list indexes: `a[0].b` → ["a", "b"]. */
export function fieldParts(parts: readonly TemplatePart[]): string[] {
  return parts.filter((part): part is string => typeof part === "string");
}

/** `${base.a[0].b}` in canonical braced form, for messages. */
export function templateText(base: string, parts: readonly TemplatePart[]): string {
  return `\${${base}${formatParts(parts)}}`;
}

export function formatParts(parts: readonly TemplatePart[]): string {
  return parts.map((part) => (typeof part === "number" ? `[${part}]` : `.${part}`)).join("");
}

/** Appends a key to a document path, quoting keys that are not plain identifiers. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  if (PLAIN_KEY.test(key)) return base === "" ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Paths longer than this many characters are shown as their start, "…" and their end. */
export const PATH_TEXT_LIMIT = 200;
const PATH_HEAD = 60;
const PATH_TAIL = 120;

/** A path's text, or only its two ends once it is longer than PATH_TEXT_LIMIT. */
interface PathText {
  /** The whole path while it is short. */
  whole?: string;
  head: string;
  tail: string;
  /** What paramPath shows (memo). */
  full?: string;
  /** What path shows (memo). */
  document?: string;
}

/**
 * Where a value sits inside a node's params. The walk makes one of these per value in O(1); the
 * text is only built when a rule reports the location, and is at most about PATH_TEXT_LIMIT
 * characters however deep the value or long its keys, so neither the work nor a report grows with
 * the square of the nesting depth.
 */
export class ParamLocation implements DeferredText {
  /** The top-level parameter this value belongs to. */
  readonly topKey: string | number;
  private text: PathText | undefined;

  constructor(
    /** The location of the enclosing object or array; undefined for a top-level parameter. */
    readonly parent: ParamLocation | undefined,
    readonly key: string | number,
    /** The document path of the params object, e.g. "nodes[1].params". */
    readonly paramsPath: string,
  ) {
    this.topKey = parent === undefined ? key : parent.topKey;
  }

  /** Path inside params, e.g. "inputs.csv_text" or 'files[1]' or '["odd key"]'. */
  get paramPath(): string {
    const text = this.pathText();
    return (text.full ??= `${text.head}…${text.tail}`);
  }

  /** In a message (issue-text.ts): the path inside params. */
  deferredText(): string {
    return this.paramPath;
  }

  /** Full document path, e.g. "nodes[1].params.inputs.csv_text". */
  get path(): string {
    const text = this.pathText();
    if (text.document === undefined) {
      const paramPath = this.paramPath;
      text.document = paramPath.startsWith("[")
        ? `${this.paramsPath}${paramPath}`
        : `${this.paramsPath}.${paramPath}`;
    }
    return text.document;
  }

  /** Builds the missing texts from the nearest ancestor that has one, without recursion. */
  private pathText(): PathText {
    if (this.text !== undefined) return this.text;
    const pending: ParamLocation[] = [this];
    let location = this.parent;
    while (location !== undefined && location.text === undefined) {
      pending.push(location);
      location = location.parent;
    }
    let parentText = location?.text;
    for (let index = pending.length - 1; index >= 0; index--) {
      const current = pending[index]!;
      current.text = extendPath(parentText, current.key);
      parentText = current.text;
    }
    return this.text!;
  }
}

function extendPath(parent: PathText | undefined, key: string | number): PathText {
  if (parent === undefined) return shortened(joinPath("", key));
  if (parent.whole !== undefined) return shortened(joinPath(parent.whole, key));
  // joinPath on the tail: a key never needs the text before it to be quoted.
  const tail = joinPath(parent.tail, key);
  return { head: parent.head, tail: tail.slice(-PATH_TAIL) };
}

function shortened(text: string): PathText {
  if (text.length <= PATH_TEXT_LIMIT) return { whole: text, full: text, head: text, tail: text };
  return { head: text.slice(0, PATH_HEAD), tail: text.slice(-PATH_TAIL) };
}

/** Where a found template or malformed reference sits; its paths are read lazily from it. */
abstract class Located {
  constructor(readonly location: ParamLocation) {}

  get path(): string {
    return this.location.path;
  }

  get paramPath(): string {
    return this.location.paramPath;
  }
}

class LocatedTemplateRef extends Located implements LocatedTemplate {
  readonly raw: string;
  readonly form: "braced" | "bare";
  readonly base: string;
  readonly parts: TemplatePart[];
  readonly wholeValue: boolean;
  readonly start: number;

  constructor(template: TemplateRef, location: ParamLocation) {
    super(location);
    this.raw = template.raw;
    this.form = template.form;
    this.base = template.base;
    this.parts = template.parts;
    this.wholeValue = template.wholeValue;
    this.start = template.start;
  }
}

class LocatedMalformedRef extends Located implements LocatedMalformed {
  readonly raw: string;
  readonly reason: string;
  readonly start: number;

  constructor(bad: MalformedTemplate, location: ParamLocation) {
    super(location);
    this.raw = bad.raw;
    this.reason = bad.reason;
    this.start = bad.start;
  }
}

/**
 * Walks every string at any depth of `params` (nested objects, arrays, `param_mapping`), in
 * document order, and scans each one. Object keys are not scanned: templates live in values.
 * Iterative, so no nesting depth can overflow the stack; each value costs O(1) besides its scan.
 * `values: false` skips the list of every string and number (only the hard-coded value check
 * reads it, and only when there are discovered values).
 */
export function scanParams(
  params: unknown,
  paramsPath: string,
  options: { values?: boolean } = {},
): ParamsScan {
  const keepValues = options.values ?? true;
  const result: ParamsScan = { templates: [], malformed: [], values: [] };
  // Two parallel stacks rather than an object per pending value: a document may hold many.
  const pendingValues: unknown[] = [];
  const pendingLocations: ParamLocation[] = [];
  const pushChildren = (value: unknown, parent: ParamLocation | undefined) => {
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        pendingValues.push(value[index]);
        pendingLocations.push(new ParamLocation(parent, index, paramsPath));
      }
    } else if (value !== null && typeof value === "object") {
      const keys = Object.keys(value);
      for (let index = keys.length - 1; index >= 0; index--) {
        const key = keys[index]!;
        pendingValues.push((value as Record<string, unknown>)[key]);
        pendingLocations.push(new ParamLocation(parent, key, paramsPath));
      }
    }
  };
  pushChildren(params, undefined);
  while (pendingValues.length > 0) {
    const value = pendingValues.pop();
    const location = pendingLocations.pop()!;
    if (typeof value === "string") {
      const scan = scanString(value);
      if (keepValues) result.values.push({ location, value, templates: scan.templates });
      for (const template of scan.templates) {
        result.templates.push(new LocatedTemplateRef(template, location));
      }
      for (const bad of scan.malformed) {
        result.malformed.push(new LocatedMalformedRef(bad, location));
      }
    } else if (typeof value === "number") {
      if (keepValues) result.values.push({ location, value, templates: [] });
    } else {
      pushChildren(value, location);
    }
  }
  return result;
}
