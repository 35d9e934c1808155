import { describe, expect, it } from "vitest";
import { flowIrSchema } from "../../../src/services/workflow/flow-ir.contract.js";
import { parsePlanningContext } from "../../../src/services/workflow/planning-context.js";
import { validateWorkflow } from "../../../src/services/workflow/validate-workflow.js";
import { contextOf, loadFixtures } from "../../support/workflow-fixtures.js";

const fixtures = loadFixtures();

describe("workflow fixtures", () => {
  it("has the 20 scenarios issue 11 asks for, two with a saved workflow node", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    expect(
      fixtures.filter((fixture) =>
        fixture.validWorkflow.nodes.some((node) => node.type === "workflow"),
      ).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))(
    "%s: validWorkflow passes every rule against its own context",
    (_name, fixture) => {
      const result = validateWorkflow(fixture.validWorkflow, contextOf(fixture));
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.valid).toBe(true);
      expect(flowIrSchema.safeParse(fixture.validWorkflow).success).toBe(true);
    },
  );

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))(
    "%s: planning context describes 3-6 components, each node type among them",
    (_name, fixture) => {
      const parsed = parsePlanningContext(fixture.planningContext);
      const count = Object.keys(parsed.nodes).length + Object.keys(parsed.workflows).length;
      expect(count).toBeGreaterThanOrEqual(3);
      expect(count).toBeLessThanOrEqual(6);
      for (const node of fixture.validWorkflow.nodes) {
        if (node.type === "workflow") {
          expect(Object.keys(parsed.workflows)).toContain(node.params.workflow_name);
        } else {
          expect(Object.keys(parsed.nodes)).toContain(node.type);
          expect(Object.keys(parsed.nodes[node.type]!.outputs).length).toBeGreaterThan(0);
        }
      }
      expect(Object.keys(parsed.nodes).sort()).toEqual(
        [...fixture.browsedComponents.nodeIds].sort(),
      );
    },
  );
});
