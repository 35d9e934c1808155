import type { InputType } from "../flow-ir.contract.js";

/** A context type ("str", "list[dict]", "int | None") as a FlowIR input type, or undefined for "any". */
export function inputTypeOf(contextType: string): InputType | undefined {
  const base =
    contextType
      .trim()
      .toLowerCase()
      .split(/[[|\s]/)[0] ?? "";
  if (/^(str|string|text|path)$/.test(base)) return "string";
  if (/^(int|integer)$/.test(base)) return "integer";
  if (/^(float|number|double|decimal)$/.test(base)) return "number";
  if (/^(bool|boolean)$/.test(base)) return "boolean";
  if (/^(dict|object|map|json|record)$/.test(base)) return "object";
  if (/^(list|array|tuple|set|sequence)$/.test(base)) return "array";
  return undefined;
}

/** The FlowIR type of a discovered value. */
export function valueTypeOf(value: unknown): InputType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (Array.isArray(value)) return "array";
  if (value !== null && typeof value === "object") return "object";
  return "string";
}

/** Whether a value of `from` may be passed where `to` is declared; "any" on either side fits. */
export function typesFit(from: string, to: string): boolean {
  const source = inputTypeOf(from);
  const target = inputTypeOf(to);
  if (source === undefined || target === undefined || source === target) return true;
  return (
    (source === "integer" && target === "number") || (source === "number" && target === "integer")
  );
}
