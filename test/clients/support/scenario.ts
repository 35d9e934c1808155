import { expect } from "vitest";
import type { GenerateWorkflowInput } from "../../generated/graphql.js";
import { loadFixture } from "../../support/workflow-fixtures.js";

/**
 * What every client test generates on the offline server. No two catalog industries share both a
 * tab key and a metric key beyond "dashboard" and "settings", so three modes cover both: the
 * software agency's "projects" tab is also the construction company's (another icon), and its
 * "billable_hours" metric is also the law firm's (another value).
 */
export const MODE_INDUSTRIES = ["software agency", "law firm", "construction"];

/**
 * Offline plans of these fixtures both have a node keyed "generate_changelog": an llm step in one,
 * a saved workflow in the other.
 */
export const WORKFLOW_FIXTURES = ["changelog-from-commits", "release-notes-from-saved-workflow"];

/** Tab keys every mode has; sharing them proves nothing about content. */
const EVERY_MODE_TAB_KEYS = ["dashboard", "settings"];

export function workflowInput(fixtureName: string): GenerateWorkflowInput {
  const fixture = loadFixture(fixtureName);
  return {
    userInput: fixture.userInput,
    planningContext: fixture.planningContext,
    browsedComponents: fixture.browsedComponents,
    discoveredParams: fixture.discoveredParams,
  };
}

interface Keyed {
  id: string;
  key: string;
}

interface RawMode {
  id: string;
  tabs: readonly Keyed[];
  defaultMetrics: readonly Keyed[];
}

interface RawWorkflow {
  id: string;
  nodes: readonly Keyed[];
}

/**
 * The precondition of every client test, checked on the JSON the server sent: keys repeat across
 * modes and across workflows with different content, while every id stays distinct. A cache that
 * identified these objects by key would show one mode's tab inside another.
 */
export function expectOverlappingKeys(modes: RawMode[], workflows: RawWorkflow[]): void {
  const tabKeys = keysWithDifferentContent(modes.map((mode) => mode.tabs));
  expect(tabKeys.filter((key) => !EVERY_MODE_TAB_KEYS.includes(key))).not.toEqual([]);
  expect(keysWithDifferentContent(modes.map((mode) => mode.defaultMetrics))).not.toEqual([]);
  expect(keysWithDifferentContent(workflows.map((workflow) => workflow.nodes))).not.toEqual([]);

  const ids = [
    ...modes.flatMap((mode) => [mode, ...mode.tabs, ...mode.defaultMetrics]),
    ...workflows.flatMap((workflow) => [workflow, ...workflow.nodes]),
  ].map((object) => object.id);
  expect(new Set(ids).size).toBe(ids.length);
}

/** Keys used by objects of at least two parents whose contents (id aside) differ. */
function keysWithDifferentContent(parents: ReadonlyArray<readonly Keyed[]>): string[] {
  const contentsByKey = new Map<string, Set<string>>();
  for (const objects of parents) {
    for (const { id: _id, ...content } of objects) {
      const contents = contentsByKey.get(content.key) ?? new Set<string>();
      contents.add(JSON.stringify(content));
      contentsByKey.set(content.key, contents);
    }
  }
  return [...contentsByKey].filter(([, contents]) => contents.size > 1).map(([key]) => key);
}
