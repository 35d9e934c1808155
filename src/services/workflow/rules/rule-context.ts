import type { PlanningContext } from "../planning-context.js";
import type { ParamLocation, ParamsScan } from "../templates.js";
import type { IssueText } from "./issue-text.js";
import type { WorkflowRule } from "./rule-table.js";

export { quoteList } from "./issue-text.js";

/** A node that passed the shape checks. */
export interface IrNode {
  index: number;
  id: string;
  type: string;
  params: Record<string, unknown>;
  /** "nodes[i]" */
  path: string;
}

export interface IrEdge {
  index: number;
  from: string;
  to: string;
  path: string;
}

/** A declared input; `spec` fields are only set when they have the right type. */
export interface IrInput {
  name: string;
  path: string;
  required?: boolean;
  type?: string;
  hasDefault: boolean;
}

/** A document usable for graph and template checks (shape errors may still have been reported). */
export interface UsableWorkflow {
  nodes: IrNode[];
  edges: IrEdge[];
  inputs: IrInput[];
  /** `undefined` when the key is absent. */
  startNode: unknown;
  hasStartNode: boolean;
}

/** What the graph checks learned about the order nodes run in. */
export interface ExecutionOrder {
  /** The node ids of the single chain, when the edges form one. */
  chain?: string[];
  /** Nodes in execution order when known, else in array order (for listing ids in messages). */
  sequence: IrNode[];
  /** True when `earlier` runs before `later`. */
  runsBefore(earlier: string, later: string): boolean;
}

export interface BrowsedComponents {
  nodeIds: string[];
  workflowNames: string[];
}

/** Everything a semantic rule may look at. */
export interface RuleInput {
  workflow: UsableWorkflow;
  nodeById: Map<string, IrNode>;
  inputByName: Map<string, IrInput>;
  order: ExecutionOrder;
  /** Template scan of each node's params, by node index. */
  scans: ParamsScan[];
  /** Present only when the markdown named at least one component. */
  planning?: PlanningContext;
  browsed?: BrowsedComponents;
  discoveredParams?: Record<string, unknown>;
}

export interface IssueLocation {
  /** A document path, or a place inside params (its text is built only if reported). */
  path?: string | ParamLocation;
  nodeId?: string;
}

/**
 * Records one issue of a rule, given by its row of the rule table (severity and order come from it). A message with costly parts is an
 * IssueText, rendered only if the issue is reported (issue-text.ts).
 */
export type Report = (
  rule: WorkflowRule,
  message: string | IssueText,
  location?: IssueLocation,
) => void;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** JSON-flavoured name of a value's type, for "must be X, not Y" messages. */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}
