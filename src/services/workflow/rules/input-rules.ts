import type { Report, RuleInput } from "./rule-context.js";

/** input-required-default, optional-input-default and unused-input. */
export function checkInputs(input: RuleInput, report: Report): void {
  const used = new Set<string>();
  for (const scan of input.scans) for (const template of scan.templates) used.add(template.base);
  for (const declared of input.workflow.inputs) {
    const where = { path: declared.path };
    if (declared.required === true && declared.hasDefault) {
      report(
        "input-required-default",
        `input '${declared.name}' is required but also has a default; a required input must not declare a default: remove "default", or set "required": false if the default is universal`,
        where,
      );
    }
    if (declared.required === false && !declared.hasDefault) {
      report(
        "optional-input-default",
        `input '${declared.name}' is optional but has no default; add a universal default or make it required`,
        where,
      );
    }
    if (!used.has(declared.name)) {
      report(
        "unused-input",
        `Declared input(s) never used as template variable: ${declared.name}; reference it as \${${declared.name}} in the node parameter that needs it, or remove it from inputs`,
        where,
      );
    }
  }
}
