import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { FlowIr } from "../../src/services/workflow/flow-ir.contract.js";
import type { WorkflowValidationContext } from "../../src/services/workflow/validate-workflow.js";

/** One scenario of test/fixtures/workflows (shared with the prompt and offline-planner work). */
export interface WorkflowFixture {
  name: string;
  userInput: string;
  planningContext: string;
  browsedComponents: { nodeIds: string[]; workflowNames: string[] };
  discoveredParams: Record<string, unknown>;
  validWorkflow: FlowIr;
}

/**
 * test/fixtures/workflows, found by walking up from this file: it is read from test/support
 * (tests) and from dist/test/support (the compiled benchmarks).
 */
function findFixtureDirectory(): string {
  let directory = import.meta.dirname;
  for (let depth = 0; depth < 6; depth++) {
    const candidate = join(directory, "test", "fixtures", "workflows");
    if (existsSync(candidate)) return candidate;
    directory = dirname(directory);
  }
  throw new Error(`test/fixtures/workflows not found above ${import.meta.dirname}`);
}

const directory = findFixtureDirectory();

export function loadFixtures(): WorkflowFixture[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(directory, file), "utf8")) as WorkflowFixture);
}

export function loadFixture(name: string): WorkflowFixture {
  const fixture = loadFixtures().find((candidate) => candidate.name === name);
  if (fixture === undefined) throw new Error(`no workflow fixture named ${name}`);
  return fixture;
}

export function contextOf(fixture: WorkflowFixture): WorkflowValidationContext {
  return {
    planningContext: fixture.planningContext,
    browsedComponents: fixture.browsedComponents,
    discoveredParams: fixture.discoveredParams,
  };
}

/** A deep copy of the fixture's valid workflow, as a plain mutable JSON value. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function cloneWorkflow(fixture: WorkflowFixture): any {
  return structuredClone(fixture.validWorkflow);
}
