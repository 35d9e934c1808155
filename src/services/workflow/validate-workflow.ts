import { parsePlanningContext } from "./planning-context.js";
import type { PlanningContext } from "./planning-context.js";
import { checkComponents } from "./rules/component-rules.js";
import { checkGraph } from "./rules/graph-rules.js";
import { checkHardcoded } from "./rules/hardcoded-rules.js";
import { checkInputs } from "./rules/input-rules.js";
import type { IssueText } from "./rules/issue-text.js";
import { REPORTED_TEXT_LIMITS, elideMiddle } from "./rules/issue-text.js";
import type { BrowsedComponents, IssueLocation, Report, RuleInput } from "./rules/rule-context.js";
import { isRecord } from "./rules/rule-context.js";
import type { WorkflowRule } from "./rules/rule-table.js";
import { checkStructure } from "./rules/structure-rules.js";
import { checkTemplates } from "./rules/template-rules.js";
import { scanParams } from "./templates.js";
import type { ParamLocation } from "./templates.js";
import type { WorkflowIssue, WorkflowValidation } from "./workflow-issue.js";
import { comparePathParts, pathParts } from "./workflow-issue.js";

export type { IssueSeverity, WorkflowIssue, WorkflowValidation } from "./workflow-issue.js";
export { firstErrorsForPrompt, formatIssue, PROMPT_ERROR_LIMIT } from "./error-cap.js";

/** Issues an answer lists unless told otherwise (VALIDATION_MAX_ISSUES). */
export const DEFAULT_MAX_ISSUES = 100;

export interface WorkflowValidationContext {
  /** Markdown of the offered components; node types, outputs and paths are checked against it. */
  planningContext?: string;
  /** Restricts node types to `nodeIds` (or "workflow" with a `workflow_name` in `workflowNames`). */
  browsedComponents?: { nodeIds: string[]; workflowNames: string[] };
  /** Values from the request; literal copies inside params are reported as hard-coded. */
  discoveredParams?: Record<string, unknown>;
}

/**
 * The context with its planning context already read (parsePlanningContext): what the rules run
 * against. Whoever holds one parses no more; validateWorkflow makes it from the markdown once.
 */
export interface ParsedValidationContext {
  planningContext?: PlanningContext;
  browsedComponents?: WorkflowValidationContext["browsedComponents"];
  discoveredParams?: WorkflowValidationContext["discoveredParams"];
}

export interface WorkflowValidationOptions {
  /**
   * Most issues the answer lists, errors first; the rest are only counted (`omittedIssues`).
   * Default {@link DEFAULT_MAX_ISSUES}.
   */
  maxIssues?: number;
}

/**
 * Validates a FlowIR document against every rule of workflow-rules.json (pure, never throws on
 * bad input). Order (workflow.md section 4): shape first, and nothing else when the document is
 * not usable; then the graph; then components, inputs, templates and hard-coded values. Issues
 * come back de-duplicated and sorted by rule order, then path, then message; at most `maxIssues`
 * of them, with the number left out.
 *
 * Work and answer grow at most linearly with the document: values are walked without recursion
 * and once (the template scan serves every rule), paths and the costly parts of messages are built
 * only for reported issues and are bounded in length (issue-text.ts, templates.ts). Size limits on
 * the document itself (depth, nodes, characters) are the caller's: workflow-limits.ts.
 */
export function validateWorkflow(
  ir: unknown,
  context: WorkflowValidationContext = {},
  options: WorkflowValidationOptions = {},
): WorkflowValidation {
  return findWorkflowIssues(ir, parseValidationContext(context)).report(
    options.maxIssues ?? DEFAULT_MAX_ISSUES,
  );
}

/** The markdown of `context` parsed (the one parse of a validateWorkflow request). */
export function parseValidationContext(
  context: WorkflowValidationContext,
): ParsedValidationContext {
  const markdown = context.planningContext;
  return {
    planningContext: typeof markdown === "string" ? parsePlanningContext(markdown) : undefined,
    browsedComponents: context.browsedComponents,
    discoveredParams: context.discoveredParams,
  };
}

/** One finding before it is reported: its message may still have deferred parts. */
interface Finding {
  /** The rule's row: id, severity, report order and retry priority. */
  rule: WorkflowRule;
  message: string | IssueText;
  path?: string;
  /** The path split for natural ordering (pathParts), made when first compared. */
  parts?: string[];
  /**
   * What tells two places apart: the path, or a place inside params itself (two deep places can
   * share a shortened path text without being the same place).
   */
  place: string | ParamLocation;
  nodeId?: string;
}

/**
 * Every finding of one document, de-duplicated and sorted, with messages rendered only for the
 * issues handed out: the answer (`report`) and the retry prompt (`mostActionable`) each take a
 * few.
 */
export class WorkflowFindings {
  private readonly findings: Finding[];

  constructor(found: Finding[]) {
    // Sorting first puts repeats next to each other (they compare equal, and the sort is stable):
    // only a run of equal findings needs comparing places, with no key string built per finding.
    const sorted = found.sort(compareFindings);
    const unique: Finding[] = [];
    let runStart = 0;
    let places = new Set<string | ParamLocation>();
    for (let index = 0; index < sorted.length; index++) {
      const current = sorted[index]!;
      if (index === 0 || compareFindings(sorted[runStart]!, current) !== 0) {
        runStart = index;
        places = new Set();
      }
      if (places.has(current.place)) continue;
      places.add(current.place);
      unique.push(current);
    }
    this.findings = unique;
  }

  /** True when no error was found (warnings allowed). */
  get valid(): boolean {
    return !this.findings.some((finding) => finding.rule.severity === "error");
  }

  /** Distinct issues found, errors and warnings. */
  get count(): number {
    return this.findings.length;
  }

  /** The answer: at most `maxIssues` issues, errors before warnings, and how many were left out. */
  report(maxIssues: number): WorkflowValidation {
    const limit = Math.max(0, maxIssues);
    const errors = this.findings.filter((finding) => finding.rule.severity === "error");
    const warnings = this.findings.filter((finding) => finding.rule.severity === "warning");
    const listedErrors = errors.slice(0, limit);
    const listedWarnings = warnings.slice(0, limit - listedErrors.length);
    return {
      valid: errors.length === 0,
      errors: listedErrors.map(toIssue),
      warnings: listedWarnings.map(toIssue),
      omittedIssues: this.findings.length - listedErrors.length - listedWarnings.length,
    };
  }

  /**
   * The `limit` errors a model can act on most directly, chosen among all errors (not only the
   * listed ones): the retry prompt's selection, as firstErrorsForPrompt makes it (error-cap.ts).
   */
  mostActionable(limit: number): WorkflowIssue[] {
    const seen = new Set<string>();
    const chosen: WorkflowIssue[] = [];
    const ranked = this.findings
      .filter((finding) => finding.rule.severity === "error")
      .sort(
        (left, right) =>
          left.rule.retryPriority - right.rule.retryPriority || compareFindings(left, right),
      );
    for (const finding of ranked) {
      if (chosen.length >= limit) break;
      const key = keyOf(finding);
      if (seen.has(key)) continue;
      seen.add(key);
      chosen.push(toIssue(finding));
    }
    return chosen;
  }
}

/** All findings of a document (see {@link validateWorkflow}), for callers that need more than one view. */
export function findWorkflowIssues(
  ir: unknown,
  context: ParsedValidationContext = {},
): WorkflowFindings {
  const found: Finding[] = [];
  const report: Report = (rule, message, location = {}) => {
    found.push(finding(rule, message, location));
  };
  const workflow = checkStructure(ir, report);
  if (workflow !== undefined) {
    const order = checkGraph(workflow, report);
    const discoveredParams = isRecord(context.discoveredParams)
      ? context.discoveredParams
      : undefined;
    const values = discoveredParams !== undefined && Object.keys(discoveredParams).length > 0;
    const input: RuleInput = {
      workflow,
      nodeById: new Map(workflow.nodes.map((node) => [node.id, node])),
      inputByName: new Map(workflow.inputs.map((declared) => [declared.name, declared])),
      order,
      scans: workflow.nodes.map((node) =>
        scanParams(node.params, `${node.path}.params`, { values }),
      ),
      planning: usablePlanning(context.planningContext),
      browsed: usableBrowsed(context.browsedComponents),
      discoveredParams,
    };
    checkComponents(input, report);
    checkInputs(input, report);
    checkTemplates(input, report);
    checkHardcoded(input, report);
  }
  return new WorkflowFindings(found);
}

function finding(
  rule: WorkflowRule,
  message: string | IssueText,
  location: IssueLocation,
): Finding {
  const where = location.path;
  const path = typeof where === "string" || where === undefined ? where : where.path;
  return {
    rule,
    message,
    path,
    place: where ?? "",
    nodeId: location.nodeId,
  };
}

/** Rule order, then path, then message (compareIssues, on findings). */
function compareFindings(left: Finding, right: Finding): number {
  if (left.rule !== right.rule) return left.rule.order - right.rule.order;
  if (left.path !== right.path) {
    if (left.path === undefined) return -1;
    if (right.path === undefined) return 1;
    // Split once per finding, then compared with native string comparisons: sorting compares
    // each finding about log2(n) times.
    left.parts ??= pathParts(left.path);
    right.parts ??= pathParts(right.path);
    const byPath = comparePathParts(left.parts, right.parts);
    if (byPath !== 0) return byPath;
  }
  // The message without deferred parts sorts like the full message (issue-text.ts).
  const leftKey = keyOf(left);
  const rightKey = keyOf(right);
  return leftKey < rightKey ? -1 : leftKey > rightKey ? 1 : 0;
}

function keyOf(finding: Finding): string {
  return typeof finding.message === "string" ? finding.message : finding.message.key;
}

/**
 * The reported issue: the message rendered, and message, path and node id each bounded
 * (REPORTED_TEXT_LIMITS), so one issue's size does not depend on the document's. Optional fields
 * stay absent rather than `undefined`, so issues compare and serialise cleanly.
 */
function toIssue(finding: Finding): WorkflowIssue {
  const message = typeof finding.message === "string" ? finding.message : finding.message.render();
  const issue: WorkflowIssue = {
    rule: finding.rule.id,
    severity: finding.rule.severity,
    message: elideMiddle(message, REPORTED_TEXT_LIMITS.message),
  };
  if (finding.path !== undefined) issue.path = elideMiddle(finding.path, REPORTED_TEXT_LIMITS.path);
  if (finding.nodeId !== undefined) {
    issue.nodeId = elideMiddle(finding.nodeId, REPORTED_TEXT_LIMITS.nodeId);
  }
  return issue;
}

/** A context that names no component says nothing checkable: skip those checks, do not guess. */
function usablePlanning(parsed: PlanningContext | undefined): PlanningContext | undefined {
  if (parsed === undefined) return undefined;
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
