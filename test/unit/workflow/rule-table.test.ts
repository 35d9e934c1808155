import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WORKFLOW_RULES } from "../../../src/services/workflow/rules/rule-table.js";

const vendored = JSON.parse(
  readFileSync(new URL("../../fixtures/design/workflow-rules.json", import.meta.url), "utf8"),
) as { rules: { id: string; severity: string }[] };

describe("WORKFLOW_RULES", () => {
  it("lists every rule of workflow-rules.json with its severity, in the JSON's order", () => {
    expect(vendored.rules).toHaveLength(30);
    expect(WORKFLOW_RULES.map(({ id, severity }) => ({ id, severity }))).toEqual(
      vendored.rules.map(({ id, severity }) => ({ id, severity })),
    );
  });
});
