import type { ComponentSpec, PlanningContext } from "../planning-context.js";
import { parseItem } from "../planning-context.js";

/** One value a node needs: an input or parameter, or a documented field of a dict input. */
export interface Slot {
  /** Where the value goes inside node params, e.g. ["file_path"] or ["inputs", "csv_text"]. */
  path: string[];
  /** The last part of `path`. */
  name: string;
  /** Declared type as written in the context ("str", "list[str]", "any"). */
  type: string;
  /** False when the context calls it optional or names a default: then it may be left out. */
  required: boolean;
  /** The context's description, without the optional/default remarks. */
  description: string;
}

/** A component as the planner sees it. */
export interface Component {
  name: string;
  kind: "node" | "workflow";
  description: string;
  slots: Slot[];
  /** Output name → type. */
  outputs: Record<string, string>;
  /** Position in the planning context (the last tie-breaker of the ordering). */
  index: number;
  /** Has a `prompt` input: the step that does the language work. */
  llmLike: boolean;
}

type ItemSection = "inputs" | "outputs" | "params" | "other";

/**
 * Components of a parsed planning context, with what the parser does not keep: which inputs and
 * parameters are optional (the parser records only names and types) and the item descriptions.
 * Those come from a second, narrow read of the same markdown; anything it cannot place counts as
 * required, so the planner binds a value rather than leaving a needed one out.
 */
export function describeComponents(markdown: string, context: PlanningContext): Component[] {
  const details = itemDescriptions(markdown);
  const components: Component[] = [];
  const add = (spec: ComponentSpec) => {
    const items = details.get(`${spec.kind}:${spec.name}`) ?? new Map<string, string>();
    const slots: Slot[] = [];
    for (const [section, record] of [
      ["inputs", spec.inputs],
      ["params", spec.params],
    ] as const) {
      for (const [name, type] of Object.entries(record)) {
        // A parameter listed under both Inputs and Parameters is one value.
        if (slots.some((slot) => slot.path.length === 1 && slot.name === name)) continue;
        slots.push(...slotsOf(name, type, items.get(`${section}:${name}`) ?? ""));
      }
    }
    components.push({
      name: spec.name,
      kind: spec.kind,
      description: spec.description,
      slots,
      outputs: { ...spec.outputs },
      index: components.length,
      llmLike: spec.kind === "node" && Object.hasOwn(spec.inputs, "prompt"),
    });
  };
  Object.values(context.nodes).forEach(add);
  Object.values(context.workflows).forEach(add);
  return components;
}

function slotsOf(name: string, type: string, bullet: string): Slot[] {
  const required = !/\boptional\b|\(default\b|\bdefaults?\s+(?:to|is)\b|\bdefault\s*:/i.test(
    bullet,
  );
  const text = itemText(bullet);
  const description = cleanDescription(text);
  // "`inputs: dict` - `{csv_text: str, delimiter: str}`: the CSV" documents the dict's keys:
  // wiring them one by one lets an upstream text output reach `inputs.csv_text`.
  const fields = /^\s*\{([^}]*)\}/.exec(text.replace(/`/g, ""));
  if (fields !== null && /^(dict|object|map)/i.test(type)) {
    const parsed = fields[1]!
      .split(",")
      .map((field) => parseItem(field))
      .filter((field): field is { name: string; type: string } => field !== undefined);
    if (parsed.length > 0) {
      return parsed.map((field) => ({
        path: [name, field.name],
        name: field.name,
        type: field.type,
        required,
        description: `${field.name} of ${name}: ${description}`.replace(/:\s*$/, ""),
      }));
    }
  }
  return [{ path: [name], name, type, required, description }];
}

function cleanDescription(text: string): string {
  return text
    .replace(/`?\{[^}]*\}`?\s*:?\s*/, "")
    .replace(/\((?:optional|default)[^)]*\)/gi, "")
    .replace(/^optional\s+/i, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;,:]+$/, "");
}

/** `${kind}:${component}` → `${section}:${item}` → the item's bullet text. */
function itemDescriptions(markdown: string): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  let inWorkflowSection = false;
  let items: Map<string, string> | undefined;
  let section: ItemSection = "other";
  let inFence = false;
  for (const line of markdown.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith("```")) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const level2 = /^##\s+(.*)$/.exec(trimmed);
    if (level2 !== null) {
      inWorkflowSection = /workflow/i.test(level2[1]!);
      items = undefined;
      continue;
    }
    const level3 = /^###\s+(.*)$/.exec(trimmed);
    if (level3 !== null) {
      const heading = componentHeading(level3[1]!, inWorkflowSection);
      items = undefined;
      section = "other";
      if (heading !== undefined) {
        const key = `${heading.kind}:${heading.name}`;
        // The parser keeps the first of two same-named components; so does this.
        if (!result.has(key)) result.set(key, new Map());
        items = result.get(key);
      }
      continue;
    }
    if (items === undefined) continue;
    const label = sectionLabel(line);
    if (label !== undefined) {
      section = label;
      continue;
    }
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    if (bullet === null || section === "other" || section === "outputs") continue;
    const parsed = parseItem(bullet[1]!);
    if (parsed === undefined) continue;
    const key = `${section}:${parsed.name}`;
    if (!items.has(key)) items.set(key, bullet[1]!);
  }
  return result;
}

/** The same heading forms the planning-context parser accepts. */
function componentHeading(
  heading: string,
  inWorkflowSection: boolean,
): { name: string; kind: "node" | "workflow" } | undefined {
  const text = heading
    .replace(/[`*]/g, "")
    .replace(/^\d+[.)]\s*/, "")
    .trim();
  const prefixed = /^(?:saved\s+)?workflow\s*:\s*(\S+)/i.exec(text);
  const suffixed = /^(\S+)\s*\((?:saved\s+)?workflow\)/i.exec(text);
  const explicit = prefixed ?? suffixed;
  const name = explicit !== null ? explicit[1] : /^[^\s(]+/.exec(text)?.[0];
  if (name === undefined) return undefined;
  return {
    name: name.replace(/[:,.]+$/, ""),
    kind: explicit !== null || inWorkflowSection ? "workflow" : "node",
  };
}

function sectionLabel(line: string): ItemSection | undefined {
  const match =
    /^\s*#{4,6}\s+([A-Za-z][A-Za-z ]*)/.exec(line) ??
    /^\s*(?:[-*+]\s+)?\*\*([^*]+)\*\*/.exec(line) ??
    /^\s*([A-Za-z][A-Za-z ]*)(?:\([^)]*\))?\s*:/.exec(line);
  if (match === null) return undefined;
  const label = match[1]!.replace(/:\s*$/, "").trim().toLowerCase();
  if (/^(inputs?|reads)$/.test(label)) return "inputs";
  if (/^(outputs?|writes)$/.test(label)) return "outputs";
  if (/^(parameters|params)$/.test(label)) return "params";
  if (/^(available paths|structure)/.test(label)) return "other";
  return undefined;
}

/** "`file_path: str` - Path of the file" → "Path of the file"; the head is the name and type. */
function itemText(content: string): string {
  const text = content.replace(/\*/g, "").trim();
  const dashed = text.split(/\s+[-–—]\s+/);
  if (dashed.length > 1) return dashed.slice(1).join(" - ");
  const parenthesised = /^`?[A-Za-z_][\w-]*`?\s*\([^)]*\)\s*:?\s*(.*)$/.exec(text);
  return parenthesised?.[1] ?? "";
}
