import type { LocatedTemplate } from "../templates.js";
import { fieldParts } from "../templates.js";
import type { RuleInput } from "./rule-context.js";
import { outputSpec } from "./node-outputs.js";

type Family = "string" | "number" | "boolean" | "object" | "array";

/**
 * The family of a type as written in a planning context or an input declaration; undefined when
 * it says nothing checkable ("any", unions, unknown names), so unknown never means mismatch.
 */
export function typeFamily(type: string): Family | undefined {
  const text = type.trim().toLowerCase();
  const optional = /^optional\[(.*)\]$/.exec(text);
  if (optional !== null) return typeFamily(optional[1]!);
  if (text.includes("|")) return undefined;
  if (/^(str|string|text)$/.test(text)) return "string";
  if (/^(int|integer|float|number|double)$/.test(text)) return "number";
  if (/^(bool|boolean)$/.test(text)) return "boolean";
  if (/^(dict|object|json|map|mapping)(\[.*\])?$/.test(text)) return "object";
  if (/^(list|array|tuple|sequence)(\[.*\])?$/.test(text)) return "array";
  return undefined;
}

/** Scalars can fill a string parameter (they are rendered); containers cannot. */
export function typeCompatible(actual: string, expected: string): boolean {
  const from = typeFamily(actual);
  const to = typeFamily(expected);
  if (from === undefined || to === undefined || from === to) return true;
  return to === "string" && (from === "number" || from === "boolean");
}

/** Element type of `list[X]`, or undefined. */
function elementType(type: string): string | undefined {
  return /^(?:list|array|sequence)\[(.*)\]$/i.exec(type.trim())?.[1]?.trim();
}

/** The declared type a template evaluates to, when inputs or the planning context say. */
export function typeOfTemplate(input: RuleInput, template: LocatedTemplate): string | undefined {
  const declared = input.inputByName.get(template.base);
  if (declared !== undefined) return template.parts.length === 0 ? declared.type : undefined;
  const target = input.nodeById.get(template.base);
  if (target === undefined) return undefined;
  const spec = outputSpec(target, input.planning);
  if (spec === undefined) return undefined;
  const fields = fieldParts(template.parts);
  let type: string | undefined = spec.paths[fields.join(".")];
  if (type === undefined || !Object.hasOwn(spec.paths, fields.join("."))) return undefined;
  // Indexes after the last field pick elements: `labels[0]` of list[dict] is a dict.
  for (
    let index = template.parts.length - 1;
    index >= 0 && typeof template.parts[index] === "number";
    index--
  ) {
    type = elementType(type);
    if (type === undefined) return undefined;
  }
  return type;
}
