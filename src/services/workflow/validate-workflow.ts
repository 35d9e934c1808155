import { parsePlanningContext } from "./planning-context.js";
import type { PlanningContext } from "./planning-context.js";
import { checkComponents } from "./rules/component-rules.js";
import { checkGraph } from "./rules/graph-rules.js";
import { checkHardcoded } from "./rules/hardcoded-rules.js";
import { checkInputs } from "./rules/input-rules.js";
import type { BrowsedComponents, Report, RuleInput } from "./rules/rule-context.js";
import { isRecord } from "./rules/rule-context.js";
import { checkStructure } from "./rules/structure-rules.js";
import { checkTemplates } from "./rules/template-rules.js";
import { scanParams } from "./templates.js";
import type { WorkflowIssue, WorkflowValidation } from "./workflow-issue.js";
import { sortAndDedupe } from "./workflow-issue.js";
import { ruleSeverity } from "./workflow-rules.js";

export type { IssueSeverity, WorkflowIssue, WorkflowValidation } from "./workflow-issue.js";
export { firstErrorsForPrompt, formatIssue, PROMPT_ERROR_LIMIT } from "./error-cap.js";

export interface WorkflowValidationContext {
  /** Markdown of the offered components; node types, outputs and paths are checked against it. */
  planningContext?: string;
  /** Restricts node types to `nodeIds` (or "workflow" with a `workflow_name` in `workflowNames`). */
  browsedComponents?: { nodeIds: string[]; workflowNames: string[] };
  /** Values from the request; literal copies inside params are reported as hard-coded. */
  discoveredParams?: Record<string, unknown>;
}

/**
 * Validates a FlowIR document against every rule of workflow-rules.json (pure, never throws on
 * bad input). Order (workflow.md section 4): shape first, and nothing else when the document is
 * not usable; then the graph; then components, inputs, templates and hard-coded values. Issues
 * come back de-duplicated and sorted by rule order, then path, then message.
 */
export function validateWorkflow(
  ir: unknown,
  context: WorkflowValidationContext = {},
): WorkflowValidation {
  const issues: WorkflowIssue[] = [];
  const report: Report = (rule, message, location = {}) => {
    issues.push({ rule, severity: ruleSeverity(rule), message, ...definedOnly(location) });
  };
  const workflow = checkStructure(ir, report);
  if (workflow !== undefined) {
    const order = checkGraph(workflow, report);
    const input: RuleInput = {
      workflow,
      nodeById: new Map(workflow.nodes.map((node) => [node.id, node])),
      inputByName: new Map(workflow.inputs.map((declared) => [declared.name, declared])),
      order,
      scans: workflow.nodes.map((node) => scanParams(node.params, `${node.path}.params`)),
      planning: usablePlanning(context.planningContext),
      browsed: usableBrowsed(context.browsedComponents),
      discoveredParams: isRecord(context.discoveredParams) ? context.discoveredParams : undefined,
    };
    checkComponents(input, report);
    checkInputs(input, report);
    checkTemplates(input, report);
    checkHardcoded(input, report);
  }
  const sorted = sortAndDedupe(issues);
  const errors = sorted.filter((issue) => issue.severity === "error");
  return {
    valid: errors.length === 0,
    errors,
    warnings: sorted.filter((issue) => issue.severity === "warning"),
  };
}

/** A context that names no component says nothing checkable: skip those checks, do not guess. */
function usablePlanning(markdown: string | undefined): PlanningContext | undefined {
  if (typeof markdown !== "string" || markdown.trim() === "") return undefined;
  const parsed = parsePlanningContext(markdown);
  const empty =
    Object.keys(parsed.nodes).length === 0 && Object.keys(parsed.workflows).length === 0;
  return empty ? undefined : parsed;
}

function usableBrowsed(
  browsed: WorkflowValidationContext["browsedComponents"],
): BrowsedComponents | undefined {
  if (browsed === undefined || browsed === null) return undefined;
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  return { nodeIds: strings(browsed.nodeIds), workflowNames: strings(browsed.workflowNames) };
}

/** Keeps optional fields absent rather than `undefined`, so issues compare and serialise cleanly. */
function definedOnly(location: { path?: string; nodeId?: string }): {
  path?: string;
  nodeId?: string;
} {
  const result: { path?: string; nodeId?: string } = {};
  if (location.path !== undefined) result.path = location.path;
  if (location.nodeId !== undefined) result.nodeId = location.nodeId;
  return result;
}
