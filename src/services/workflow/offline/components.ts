import type { ComponentSpec, ItemDetail, PlanningContext } from "../planning-context.js";
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
  /** Documented paths inside outputs ("invoice.csv_line") → type. */
  paths: Record<string, string>;
  /** Position in the planning context (the last tie-breaker of the ordering). */
  index: number;
  /** Has a `prompt` input: the step that does the language work. */
  llmLike: boolean;
}

/**
 * Components of a parsed planning context as the planner sees them: each input and parameter a
 * slot, required unless the context calls it optional or names a default.
 */
export function describeComponents(context: PlanningContext): Component[] {
  const components: Component[] = [];
  const add = (spec: ComponentSpec) => {
    const slots: Slot[] = [];
    for (const section of ["inputs", "params"] as const) {
      for (const [name, type] of Object.entries(spec[section])) {
        // A parameter listed under both Inputs and Parameters is one value.
        if (slots.some((slot) => slot.path.length === 1 && slot.name === name)) continue;
        slots.push(...slotsOf(name, type, spec.details[section][name]));
      }
    }
    components.push({
      name: spec.name,
      kind: spec.kind,
      description: spec.description,
      slots,
      outputs: { ...spec.outputs },
      paths: { ...spec.paths },
      index: components.length,
      llmLike: spec.kind === "node" && Object.hasOwn(spec.inputs, "prompt"),
    });
  };
  Object.values(context.nodes).forEach(add);
  Object.values(context.workflows).forEach(add);
  return components;
}

function slotsOf(name: string, type: string, detail: ItemDetail | undefined): Slot[] {
  const required = detail?.optional !== true;
  const text = detail?.description ?? "";
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
