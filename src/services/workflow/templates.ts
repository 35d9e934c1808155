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

export interface StringScan {
  templates: TemplateRef[];
  malformed: MalformedTemplate[];
}

/** A template found somewhere inside a node's params. */
export interface LocatedTemplate extends TemplateRef {
  /** Full document path, e.g. "nodes[1].params.inputs.csv_text". */
  path: string;
  /** Path inside params, e.g. "inputs.csv_text" (what messages call the parameter). */
  paramPath: string;
}

export interface LocatedMalformed extends MalformedTemplate {
  path: string;
  paramPath: string;
}

export interface ParamsScan {
  templates: LocatedTemplate[];
  malformed: LocatedMalformed[];
  /** Every string value visited, with its location (used by the hard-coded value check). */
  strings: { path: string; paramPath: string; value: string }[];
}

const IDENTIFIER_START = /[A-Za-z_]/;
const BRACED_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*/;
const BARE_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*/;
/** Characters a braced body may consist of; anything else ends it. */
const BODY_CHAR = /[A-Za-z0-9_\-.[\]]/;
/** How much of an unterminated template to quote back. */
const EXCERPT_LIMIT = 40;

/** Scans one string for templates and malformed `${` occurrences, left to right. */
export function scanString(text: string): StringScan {
  const templates: TemplateRef[] = [];
  const malformed: MalformedTemplate[] = [];
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
      index = scanBraced(text, dollar, templates, malformed);
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

function scanBraced(
  text: string,
  dollar: number,
  templates: TemplateRef[],
  malformed: MalformedTemplate[],
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
            : "the body must be a name followed by .field or [n] parts, e.g. ${node_id.output_key.items[0]}",
      });
    }
    return end + 1;
  }
  const closing = text.indexOf("}", bodyStart);
  const nextTemplate = text.indexOf("${", bodyStart);
  const hasLaterClose = closing >= 0 && (nextTemplate < 0 || closing < nextTemplate);
  const excerptEnd = hasLaterClose ? closing + 1 : end;
  let raw = text.slice(dollar, Math.min(excerptEnd, dollar + EXCERPT_LIMIT));
  if (excerptEnd > dollar + EXCERPT_LIMIT) raw += "...";
  malformed.push({
    raw,
    start: dollar,
    reason: hasLaterClose
      ? "templates may not contain spaces or other punctuation; write ${name.field} with no spaces"
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
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return base === "" ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

/**
 * Walks every string at any depth of `params` (nested objects, arrays, `param_mapping`), in
 * document order, and scans each one. Object keys are not scanned: templates live in values.
 */
export function scanParams(params: unknown, paramsPath: string): ParamsScan {
  const result: ParamsScan = { templates: [], malformed: [], strings: [] };
  walk(params, paramsPath, "", result);
  return result;
}

function walk(value: unknown, path: string, paramPath: string, result: ParamsScan): void {
  if (typeof value === "string") {
    result.strings.push({ path, paramPath, value });
    const scan = scanString(value);
    for (const template of scan.templates) result.templates.push({ ...template, path, paramPath });
    for (const bad of scan.malformed) result.malformed.push({ ...bad, path, paramPath });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      walk(item, joinPath(path, index), joinPath(paramPath, index), result),
    );
    return;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      walk(child, joinPath(path, key), joinPath(paramPath, key), result);
    }
  }
}
