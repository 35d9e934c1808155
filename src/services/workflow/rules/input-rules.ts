import { plainList, shown } from "./issue-text.js";
import type { IrInput, Report, RuleInput } from "./rule-context.js";
import { RULES } from "./rule-table.js";

/** input-required-default, optional-input-default and unused-input. */
export function checkInputs(input: RuleInput, report: Report): void {
  const used = new Set<string>();
  for (const scan of input.scans) for (const template of scan.templates) used.add(template.base);
  const unused: IrInput[] = [];
  for (const declared of input.workflow.inputs) {
    const where = { path: declared.path };
    if (declared.required === true && declared.hasDefault) {
      report(
        RULES["input-required-default"],
        `input '${declared.name}' is required but also has a default; a required input must not declare a default: remove "default", or set "required": false if the default is universal`,
        where,
      );
    }
    if (declared.required === false && !declared.hasDefault) {
      report(
        RULES["optional-input-default"],
        `input '${declared.name}' is optional but has no default; add a universal default or make it required`,
        where,
      );
    }
    if (!used.has(declared.name)) unused.push(declared);
  }
  reportUnused(unused, report);
}

/**
 * unused-input, one error for all unused inputs (as pflow words it: "Declared input(s) never
 * used"): they share one fix, and one error per input would fill the retry prompt's three slots
 * (error-cap.ts) with a single cause. Its path is the input's when there is one, else "inputs".
 */
function reportUnused(unused: readonly IrInput[], report: Report): void {
  if (unused.length === 0) return;
  const first = unused[0]!;
  const shownNames = plainList(unused.map((declared) => declared.name));
  report(
    RULES["unused-input"],
    unused.length === 1
      ? `Declared input(s) never used as template variable: ${shown(first.name)}; reference it as \${${shown(first.name)}} in the node parameter that needs it, or remove it from inputs`
      : `Declared input(s) never used as template variable: ${shownNames}; reference each as \${name} (e.g. \${${shown(first.name)}}) in the node parameter that needs it, or remove them from inputs`,
    { path: unused.length === 1 ? first.path : "inputs" },
  );
}
