import type { FlowIr } from "../../src/services/workflow/flow-ir.contract.js";
import { planWorkflowOffline } from "../../src/services/workflow/offline-planner.js";
import type { OfflinePlanInput } from "../../src/services/workflow/offline-planner.js";

/**
 * A request over the given components (each a `### name` markdown section of a planning
 * context), all of them browsed. Shared by the offline planner's test files.
 */
export function offer(
  nodes: string[],
  userInput: string,
  discoveredParams: Record<string, unknown>,
): OfflinePlanInput {
  return {
    userInput,
    planningContext: `## Selected Components\n\n${nodes.join("\n")}`,
    browsedComponents: {
      nodeIds: nodes.map((node) => /^### (\S+)/.exec(node)![1]!),
      workflowNames: [],
    },
    discoveredParams,
  };
}

/** The planned workflow; throws with the failure when the planner refused. */
export function plan(input: OfflinePlanInput): FlowIr {
  const result = planWorkflowOffline(input);
  if ("failure" in result) throw new Error(`expected a workflow, got failure: ${result.failure}`);
  return result.workflow;
}

/** The planner's failure sentence; throws with the nodes when it planned a workflow. */
export function failureOf(input: OfflinePlanInput): string {
  const result = planWorkflowOffline(input);
  if (!("failure" in result)) {
    throw new Error(`expected a failure, got ${JSON.stringify(result.workflow.nodes)}`);
  }
  return result.failure;
}
