/**
 * Parser of the planning-context markdown (workflow.md section 4). Accepted form, lenient on
 * purpose because the text is written by people and by other tools:
 *
 * ```markdown
 * ## Selected Components
 *
 * ### github-get-issue
 * Fetches one issue.
 *
 * **Inputs**:
 * - `repo: str` - Repository as owner/name
 * - `issue_number: int` - Issue number
 *
 * **Outputs**:
 * - `issue_data: dict` - The issue
 *   Structure (JSON format):
 *   ```json
 *   { "issue_data": { "title": "str", "labels": [{ "name": "str" }] } }
 *   ```
 *   Available paths:
 *   - `issue_data.title` (str) - Issue title
 *   - `issue_data.labels[0].name` (str) - Label name
 *
 * **Parameters**: none
 *
 * ## Selected Workflows
 *
 * ### generate-changelog
 * Builds a changelog from commits.
 *
 * **Inputs**:
 * - `since_tag: str` - Tag to start from
 *
 * **Outputs**:
 * - `changelog_markdown: str` - The changelog
 * ```
 *
 * Variations accepted:
 * - a saved workflow is any `###` component under a `##` heading that mentions "workflow", or a
 *   heading written `### <name> (workflow)` or `### workflow: <name>`;
 * - section labels `**Inputs**:`, `**Inputs:**`, `- **Inputs**:`, `#### Inputs`, or `Inputs:` on
 *   its own line; `Reads`/`Writes` for inputs/outputs, `Params` for parameters;
 * - items `- \`name: type\` - description`, `- name: type - description`, `- name (type): text`,
 *   `- name - description` (type "any"); backticks optional; inline lists such as
 *   `**Inputs**: \`a: str\`, \`b: int\``; `none` for an empty section;
 * - nested structure as a JSON block (keys are the outputs, or the structure of the output item
 *   it follows) and/or "Available paths" bullets (`path (type)` or `path: type`); list indexes
 *   (`[0]`, `[]`, `[*]`) are dropped from paths, so `labels[0].name` is stored as `labels.name`.
 */

export interface ComponentSpec {
  name: string;
  kind: "node" | "workflow";
  description: string;
  /** Input name → declared type ("any" when none is written). */
  inputs: Record<string, string>;
  /** Output name → declared type. */
  outputs: Record<string, string>;
  /** Nested output path without list indexes (e.g. "issue_data.labels.name") → type. */
  paths: Record<string, string>;
  /** Parameter name → declared type. */
  params: Record<string, string>;
  /** What the text says about each input, output and parameter besides its type. */
  details: Record<ItemSection, Record<string, ItemDetail>>;
}

export type ItemSection = "inputs" | "outputs" | "params";

/** One input, output or parameter's text, as written after its name and type. */
export interface ItemDetail {
  /**
   * The text after the name and type, remarks included: "Path of the file (optional)" for
   * `- \`file_path: str\` - Path of the file (optional)`; "" when there is none.
   */
  description: string;
  /**
   * The item says "optional" or names a default ("(default …)", "defaults to", "default is",
   * "default:"), anywhere in it, type included: then a workflow may leave it out.
   */
  optional: boolean;
}

export interface PlanningContext {
  /** Node types by name. */
  nodes: Record<string, ComponentSpec>;
  /** Saved workflows (used as nodes of type "workflow") by name. */
  workflows: Record<string, ComponentSpec>;
}

type Section = "inputs" | "outputs" | "params" | "paths" | "structure" | undefined;

const SECTION_LABELS: [RegExp, Exclude<Section, undefined>][] = [
  [/^(inputs?|reads)\b/i, "inputs"],
  [/^(outputs?|writes)\b/i, "outputs"],
  [/^(parameters|params)\b/i, "params"],
  [/^available\s+paths\b/i, "paths"],
  [/^structure\b/i, "structure"],
];

const ITEM_NAME = "[A-Za-z_][A-Za-z0-9_-]*";
const PARENTHESISED_ITEM = new RegExp(`^(${ITEM_NAME})\\s*\\(([^)]*)\\)`);
const COLON_ITEM = new RegExp(`^(${ITEM_NAME})\\s*:\\s*(.*)$`);
const BARE_ITEM = new RegExp(`^(${ITEM_NAME})(?:\\s|$)`);
/** Deepest path read from a structure block or a path bullet; deeper levels are not recorded. */
export const MAX_PATH_SEGMENTS = 32;

// `name`, `name[...]`, and unions of them (`list[dict] | None`). Checked by isTypeText rather
// than one regular expression: `(\[.*\])?` inside a repeated group backtracks exponentially on
// text like "a|a[]|a[]|…!" (24 repeats took 0.3 s, every few more doubled it).
const TYPE_NAMES = /^[A-Za-z_][\w.]*(?:\s*\|\s*[A-Za-z_][\w.]*)*$/;
const MORE_TYPE_NAMES = /^(?:\s*\|\s*[A-Za-z_][\w.]*)*$/;

/** Parses the markdown; unknown lines are ignored rather than rejected. */
export function parsePlanningContext(markdown: string): PlanningContext {
  const context: PlanningContext = { nodes: emptyRecord(), workflows: emptyRecord() };
  let inWorkflowSection = false;
  let component: ComponentSpec | undefined;
  let section: Section;
  let currentOutput: string | undefined;
  let fence: string[] | undefined;
  // "Available paths" / "Structure" usually sit indented under one output item; a bullet at the
  // output items' own indentation ends them and continues the outputs list.
  let nestedUnderOutputs = false;
  let outputIndent = 0;

  for (const rawLine of markdown.split(/\r?\n/)) {
    const line = rawLine.trimEnd();
    const trimmed = line.trim();
    if (fence !== undefined) {
      if (trimmed.startsWith("```")) {
        if (component !== undefined) addStructure(component, fence.join("\n"), currentOutput);
        fence = undefined;
      } else {
        fence.push(line);
      }
      continue;
    }
    if (trimmed.startsWith("```")) {
      fence = [];
      continue;
    }
    const level2 = /^##\s+(.*)$/.exec(trimmed);
    if (level2 !== null) {
      inWorkflowSection = /workflow/i.test(level2[1]!);
      component = undefined;
      continue;
    }
    const level3 = /^###\s+(.*)$/.exec(trimmed);
    if (level3 !== null) {
      component = startComponent(context, level3[1]!, inWorkflowSection);
      section = undefined;
      currentOutput = undefined;
      continue;
    }
    if (component === undefined || trimmed === "") continue;

    const header = sectionHeader(line);
    if (header !== undefined) {
      const nested = header.section === "paths" || header.section === "structure";
      nestedUnderOutputs =
        nested && (section === "outputs" || (nestedUnderOutputs && isNested(section)));
      section = header.section;
      if (section === "inputs" || section === "outputs" || section === "params") {
        currentOutput = undefined;
        for (const item of splitInline(header.rest)) addItem(component, section, item);
      }
      continue;
    }
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    if (bullet !== null && section !== undefined) {
      const content = bullet[1]!;
      const indent = line.length - line.trimStart().length;
      if (isNested(section) && nestedUnderOutputs && indent <= outputIndent) {
        section = "outputs";
        nestedUnderOutputs = false;
      }
      if (section === "paths") {
        addPath(component, content, currentOutput);
      } else if (section !== "structure") {
        const name = addItem(component, section, content);
        if (section === "outputs" && name !== undefined) {
          currentOutput = name;
          outputIndent = indent;
        }
      }
      continue;
    }
    if (section === undefined && component.description === "") component.description = trimmed;
  }
  return context;
}

function isNested(section: Section): boolean {
  return section === "paths" || section === "structure";
}

/** Empty record without a prototype, so a component named "constructor" cannot collide. */
function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function startComponent(
  context: PlanningContext,
  heading: string,
  inWorkflowSection: boolean,
): ComponentSpec | undefined {
  const text = heading
    .replace(/[`*]/g, "")
    .replace(/^\d+[.)]\s*/, "")
    .trim();
  let kind: ComponentSpec["kind"] = inWorkflowSection ? "workflow" : "node";
  let name: string | undefined;
  const prefixed = /^(?:saved\s+)?workflow\s*:\s*(\S+)/i.exec(text);
  const suffixed = /^(\S+)\s*\((?:saved\s+)?workflow\)/i.exec(text);
  if (prefixed !== null) {
    kind = "workflow";
    name = prefixed[1];
  } else if (suffixed !== null) {
    kind = "workflow";
    name = suffixed[1];
  } else {
    name = /^[^\s(]+/.exec(text)?.[0];
  }
  if (name === undefined) return undefined;
  name = name.replace(/(?<![:,.])[:,.]+$/, "");
  const spec: ComponentSpec = {
    name,
    kind,
    description: "",
    inputs: emptyRecord(),
    outputs: emptyRecord(),
    paths: emptyRecord(),
    params: emptyRecord(),
    details: { inputs: emptyRecord(), outputs: emptyRecord(), params: emptyRecord() },
  };
  const target = kind === "workflow" ? context.workflows : context.nodes;
  // A component listed twice keeps its first description (the later one is usually a repeat).
  if (!Object.hasOwn(target, name)) target[name] = spec;
  return target[name];
}

function sectionHeader(
  line: string,
): { section: Exclude<Section, undefined>; rest: string } | undefined {
  const patterns = [
    /^\s*#{4,6}\s+(.*)$/, // #### Inputs
    /^\s*(?:[-*+]\s+)?\*\*([^*]+)\*\*\s*:?\s*(.*)$/, // **Inputs**: / - **Inputs:**
    // The space runs of `[A-Za-z ]*` and a following `\s*` must not meet: that backtracks
    // quadratically on a long line of spaces.
    /^\s*([A-Za-z][A-Za-z ]*(?:\([^)]*\)\s*)?:)\s*(.*)$/, // Inputs:  /  Structure (JSON format):
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(line);
    if (match === null) continue;
    const label = match[1]!.replace(/:\s*$/, "").trim();
    const rest = (match[2] ?? "").replace(/^:\s*/, "").trim();
    for (const [labelPattern, section] of SECTION_LABELS) {
      if (labelPattern.test(label) && isWholeLabel(label)) return { section, rest };
    }
  }
  return undefined;
}

/** "Inputs" or "Inputs (from shared store)" but not "Inputs are read from…" prose. */
function isWholeLabel(label: string): boolean {
  return /^[A-Za-z]+(?:\s+paths)?(?:\s*\([^)]*\))?\s*:?$/i.test(label);
}

/** Splits `\`a: str\`, \`b: list[str, int]\`` at top-level commas; "none" is empty. */
function splitInline(rest: string): string[] {
  const text = rest.trim();
  if (text === "" || /^(none|n\/a|-|—)\.?$/i.test(text)) return [];
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "[" || char === "(") depth++;
    if (char === "]" || char === ")") depth--;
    if (char === "," && depth === 0) {
      items.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== "");
}

/** Adds `name: type - description` (and variants) to a section; returns the name. */
function addItem(
  component: ComponentSpec,
  section: ItemSection,
  content: string,
): string | undefined {
  const parsed = parseItem(content);
  if (parsed === undefined) return undefined;
  component[section][parsed.name] = parsed.type;
  // An item listed twice keeps the type written last but the first description: the later
  // listing is usually a shorter repeat.
  if (!Object.hasOwn(component.details[section], parsed.name)) {
    component.details[section][parsed.name] = {
      description: itemDescription(content),
      optional: OPTIONAL_ITEM.test(content),
    };
  }
  if (section === "outputs" && !Object.hasOwn(component.paths, parsed.name)) {
    component.paths[parsed.name] = parsed.type;
  }
  return parsed.name;
}

export function parseItem(content: string): { name: string; type: string } | undefined {
  const text = content.replace(/[`*]/g, "").trim();
  if (/^(none|n\/a)\.?$/i.test(text)) return undefined;
  const parenthesised = PARENTHESISED_ITEM.exec(text);
  if (parenthesised !== null) {
    return { name: parenthesised[1]!, type: cleanType(parenthesised[2]!) };
  }
  // (?<!\s): a match starts where a space run starts, so a long run is tried once, not per space.
  const head = text.split(/(?<!\s)\s+[-–—]\s+/)[0]!;
  const colon = COLON_ITEM.exec(head);
  if (colon !== null) {
    const candidate = withoutRequirementNote(colon[2]!).trim();
    return { name: colon[1]!, type: isTypeText(candidate) ? candidate : "any" };
  }
  const bare = BARE_ITEM.exec(head);
  return bare === null ? undefined : { name: bare[1]!, type: "any" };
}

const OPTIONAL_ITEM = /\boptional\b|\(default\b|\bdefaults?\s+(?:to|is)\b|\bdefault\s*:/i;

/** "`file_path: str` - Path of the file" → "Path of the file"; the head is the name and type. */
function itemDescription(content: string): string {
  const text = content.replace(/\*/g, "").trim();
  const dashed = text.split(/(?<!\s)\s+[-–—]\s+/); // (?<!\s): as in parseItem
  if (dashed.length > 1) return dashed.slice(1).join(" - ");
  const parenthesised = /^`?[A-Za-z_][\w-]*`?\s*\([^)]*\)\s*:?\s*(.*)$/.exec(text);
  return parenthesised?.[1] ?? "";
}

/** A type as written in a planning context: `str`, `list[dict]`, `dict | None`. */
export function isTypeText(text: string): boolean {
  const open = text.indexOf("[");
  if (open < 0) return TYPE_NAMES.test(text);
  // The first bracket follows a type name and the last closes the bracketed part; whatever sits
  // between (nested brackets, unions) is accepted, and only more names may follow.
  const close = text.lastIndexOf("]");
  return (
    close > open &&
    TYPE_NAMES.test(text.slice(0, open)) &&
    !/[\n\r\u2028\u2029]/.test(text.slice(open, close)) &&
    MORE_TYPE_NAMES.test(text.slice(close + 1))
  );
}

/**
 * `str (optional)` → `str `: drops a trailing "(optional …)" or "(required …)" note. The note is
 * the last parenthesis of the text, found by position rather than by a regular expression that
 * would try every "(" against the rest of the text.
 */
function withoutRequirementNote(text: string): string {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(")")) return text;
  const previousClose = trimmed.lastIndexOf(")", trimmed.length - 2);
  const note = /\((?:optional|required)/i.exec(trimmed.slice(previousClose + 1));
  if (note === null) return text;
  return trimmed.slice(0, previousClose + 1 + note.index).trimEnd();
}

/** "(str, optional)" → "str". */
function cleanType(text: string): string {
  const first = text.split(",")[0]!.trim();
  return isTypeText(first) && !/^(optional|required)$/i.test(first) ? first : "any";
}

/** Drops list indexes from a path: `a.items[0].name`, `a.items[].name` → "a.items.name". */
export function normalizePath(path: string): string {
  return path.replace(/\[[^\]]*\]/g, "");
}

function addPath(
  component: ComponentSpec,
  content: string,
  currentOutput: string | undefined,
): void {
  const text = content.replace(/`/g, "").trim();
  const match =
    /^([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[[^\]]*\])*)\s*(?:\(([^)]*)\)|:\s*([^\s-][^\s]*))?/.exec(
      text,
    );
  if (match === null) return;
  let path = normalizePath(match[1]!);
  const first = path.split(".")[0]!;
  if (
    currentOutput !== undefined &&
    !Object.hasOwn(component.outputs, first) &&
    first !== currentOutput
  ) {
    path = `${currentOutput}.${path}`;
  }
  const type = match[2] !== undefined ? cleanType(match[2]) : (match[3] ?? "any");
  recordPath(component, path, isTypeText(type) ? type : "any");
}

/**
 * Records a path and every parent prefix (parents default to "dict"). A path of more than
 * MAX_PATH_SEGMENTS segments is documentation no template will follow: it is not recorded, which
 * keeps the work per path linear (every prefix is a key of its own).
 */
function recordPath(component: ComponentSpec, path: string, type: string): void {
  const segments = path.split(".", MAX_PATH_SEGMENTS + 1);
  if (segments.length > MAX_PATH_SEGMENTS) return;
  let parent = segments[0]!;
  for (let length = 1; length < segments.length; length++) {
    if (!Object.hasOwn(component.paths, parent)) component.paths[parent] = "dict";
    parent = `${parent}.${segments[length]}`;
  }
  const known = component.paths[path];
  if (known === undefined || known === "any" || known === "dict") component.paths[path] = type;
}

function addStructure(
  component: ComponentSpec,
  text: string,
  currentOutput: string | undefined,
): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return; // A structure that is not JSON is documentation for people; paths can still come from bullets.
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return;
  const keys = Object.keys(parsed);
  const keyedByOutput =
    keys.length > 0 &&
    keys.every((key) => Object.hasOwn(component.outputs, key) || key === currentOutput);
  if (keyedByOutput || currentOutput === undefined) {
    for (const [key, value] of Object.entries(parsed)) walkStructure(component, key, value);
  } else {
    walkStructure(component, currentOutput, parsed);
  }
}

/**
 * Records `value`'s paths under `path`, without recursion and to MAX_PATH_SEGMENTS segments: a
 * structure block is JSON written by whoever sends the planning context, nested as deep as they
 * like.
 */
function walkStructure(component: ComponentSpec, path: string, value: unknown): void {
  const pending: Array<{ path: string; value: unknown; segments: number }> = [
    { path, value, segments: path.split(".").length },
  ];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (current.segments > MAX_PATH_SEGMENTS) continue;
    recordPath(component, current.path, structureType(current.value));
    const element = Array.isArray(current.value) ? current.value[0] : current.value;
    if (element !== null && typeof element === "object" && !Array.isArray(element)) {
      const entries = Object.entries(element);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, child] = entries[index]!;
        pending.push({
          path: `${current.path}.${key}`,
          value: child,
          segments: current.segments + key.split(".").length,
        });
      }
    }
  }
}

/** `list[list[dict]]` for nested lists: written out to MAX_PATH_SEGMENTS levels, then "any". */
function structureType(value: unknown): string {
  let prefix = "";
  let suffix = "";
  let current = value;
  for (let level = 0; Array.isArray(current); level++) {
    if (current.length === 0) return `${prefix}list${suffix}`;
    if (level >= MAX_PATH_SEGMENTS) return `${prefix}any${suffix}`;
    prefix += "list[";
    suffix += "]";
    current = current[0];
  }
  return `${prefix}${scalarStructureType(current)}${suffix}`;
}

function scalarStructureType(value: unknown): string {
  if (typeof value === "string") return value;
  if (value !== null && typeof value === "object") return "dict";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  if (typeof value === "boolean") return "bool";
  return "any";
}
