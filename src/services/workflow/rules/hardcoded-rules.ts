import { containsCopy, discoveredTexts, foldCase, needleOf } from "../discovered-values.js";
import type { ValueNeedle } from "../discovered-values.js";
import type { ScannedValue, TemplateRef } from "../templates.js";
import { issueText, shown } from "./issue-text.js";
import type { Report, RuleInput } from "./rule-context.js";
import { RULES } from "./rule-table.js";

/** Params that name components, not request values. */
const EXEMPT_KEYS = new Set(["workflow_name", "storage_mode"]);

interface Hint {
  key: string;
  needle: ValueNeedle;
}

/**
 * hardcoded: a discovered parameter value copied literally into node params, instead of coming in
 * through a declared input. Strings are searched as discovered-values.ts defines a copy (words,
 * case-insensitive; a letters-only value such as "main" only where it is a value rather than a
 * word of prose), with template tokens blanked first: a value equal to an output name is not a
 * copy, and "${remote} main" is the value "main". Numbers compare as their decimal text.
 *
 * Reads the strings and numbers the template scan already visited, folded once per string.
 */
export function checkHardcoded(input: RuleInput, report: Report): void {
  const hints = collectHints(input.discoveredParams);
  if (hints.length === 0) return;
  for (const node of input.workflow.nodes) {
    const id = shown(node.id);
    for (const scanned of input.scans[node.index]!.values) {
      const topKey = scanned.location.topKey;
      if (typeof topKey === "string" && EXEMPT_KEYS.has(topKey)) continue;
      const folded = typeof scanned.value === "string" ? foldedWithoutTemplates(scanned) : "";
      for (const hint of hints) {
        const found =
          typeof scanned.value === "number"
            ? String(scanned.value) === hint.needle.text
            : containsCopy(folded, hint.needle);
        if (!found) continue;
        report(
          RULES["hardcoded"],
          issueText`Node '${id}' parameter '${scanned.location}' contains the hardcoded value '${shown(hint.needle.text)}' from the user's request; use a template variable: declare an input (e.g. '${shown(hint.key)}') and write \${${shown(hint.key)}} instead`,
          { path: scanned.location, nodeId: node.id },
        );
      }
    }
  }
}

function collectHints(discovered: Record<string, unknown> | undefined): Hint[] {
  if (discovered === undefined) return [];
  return Object.keys(discovered)
    .sort()
    .flatMap((key) =>
      discoveredTexts(discovered[key]).map((text) => ({ key, needle: needleOf(text) })),
    );
}

/** The string with every template replaced by a space, case-folded, in one pass. */
function foldedWithoutTemplates(scanned: ScannedValue): string {
  const text = scanned.value as string;
  const templates: readonly TemplateRef[] = scanned.templates;
  if (templates.length === 0) return foldCase(text);
  const pieces: string[] = [];
  let from = 0;
  for (const token of templates) {
    pieces.push(text.slice(from, token.start), " ");
    from = token.start + token.raw.length;
  }
  pieces.push(text.slice(from));
  return foldCase(pieces.join(""));
}
