import { joinPath, scanString } from "../templates.js";
import type { IrNode, Report, RuleInput } from "./rule-context.js";
import { isRecord } from "./rule-context.js";

/** Values too generic to call a copy of the request: they occur in ordinary prose and settings. */
const GENERIC_VALUES = new Set(["true", "false", "null", "none", "yes", "no"]);
/** Params that name components, not request values. */
const EXEMPT_KEYS = new Set(["workflow_name", "storage_mode"]);

interface Hint {
  key: string;
  value: string;
  pattern: RegExp;
}

/**
 * hardcoded: a discovered parameter value copied literally into node params, instead of coming in
 * through a declared input. Strings match case-insensitively on word boundaries (so "20" is not
 * found inside "2020"), with template tokens blanked first (a value equal to an output name is
 * not a copy). Numbers compare as their decimal text. Booleans, empty and one-character values
 * are ignored: too common to mean anything.
 */
export function checkHardcoded(input: RuleInput, report: Report): void {
  const hints = collectHints(input.discoveredParams);
  if (hints.length === 0) return;
  for (const node of input.workflow.nodes) {
    for (const [key, value] of Object.entries(node.params)) {
      if (EXEMPT_KEYS.has(key)) continue;
      visit(value, joinPath(`${node.path}.params`, key), joinPath("", key), node, hints, report);
    }
  }
}

function collectHints(discovered: Record<string, unknown> | undefined): Hint[] {
  const hints: Hint[] = [];
  if (discovered === undefined) return hints;
  const add = (key: string, raw: unknown) => {
    if (typeof raw === "number" && Number.isFinite(raw)) raw = String(raw);
    if (typeof raw !== "string") return;
    const value = raw.trim();
    if (value.length < 2 || GENERIC_VALUES.has(value.toLowerCase())) return;
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    hints.push({
      key,
      value,
      pattern: new RegExp(`(?:^|[^A-Za-z0-9_])${escaped}(?:$|[^A-Za-z0-9_])`, "i"),
    });
  };
  for (const key of Object.keys(discovered).sort()) {
    const value = discovered[key];
    if (Array.isArray(value)) value.forEach((item) => add(key, item));
    else add(key, value);
  }
  return hints;
}

function visit(
  value: unknown,
  path: string,
  paramPath: string,
  node: IrNode,
  hints: readonly Hint[],
  report: Report,
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      visit(item, joinPath(path, index), joinPath(paramPath, index), node, hints, report),
    );
    return;
  }
  if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      visit(child, joinPath(path, key), joinPath(paramPath, key), node, hints, report);
    }
    return;
  }
  let text: string;
  if (typeof value === "string") text = withoutTemplates(value);
  else if (typeof value === "number") text = String(value);
  else return;
  for (const hint of hints) {
    const found = typeof value === "number" ? text === hint.value : hint.pattern.test(text);
    if (!found) continue;
    report(
      "hardcoded",
      `Node '${node.id}' parameter '${paramPath}' contains the hardcoded value '${hint.value}' from the user's request; use a template variable: declare an input (e.g. '${hint.key}') and write \${${hint.key}} instead`,
      { path, nodeId: node.id },
    );
  }
}

/** Replaces every template with a space so names inside templates never count as copies. */
function withoutTemplates(text: string): string {
  let result = text;
  for (const token of [...scanString(text).templates].reverse()) {
    result = result.slice(0, token.start) + " " + result.slice(token.start + token.raw.length);
  }
  return result;
}
