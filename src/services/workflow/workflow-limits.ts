import { measureJson } from "./json-size.js";

/**
 * Size limits on what the workflow services read: FlowIR documents (a caller's `ir`, a model's
 * answer) and the context they come with. Checked before any rule runs or any model is called,
 * without recursion, and at a cost bounded by the limits rather than by the input. Each limit is a
 * configuration variable (src/config.ts); messages name it so a caller knows which one it hit.
 */
export interface WorkflowLimits {
  /** Deepest nesting of objects and arrays in `ir` and `discoveredParams` (WORKFLOW_MAX_DEPTH). */
  maxDepth: number;
  /** Most nodes of a FlowIR document (WORKFLOW_MAX_NODES). */
  maxNodes: number;
  /** Most edges of a FlowIR document (WORKFLOW_MAX_EDGES). */
  maxEdges: number;
  /** Most characters of a FlowIR document as compact JSON (WORKFLOW_MAX_IR_CHARS). */
  maxIrChars: number;
  /**
   * Most characters of `planningContext`, of `discoveredParams` as compact JSON, of all
   * `validationErrors` together and of all `browsedComponents` names together
   * (WORKFLOW_MAX_CONTEXT_CHARS).
   */
  maxContextChars: number;
  /** Most values in `discoveredParams`, list items counted (WORKFLOW_MAX_DISCOVERED_PARAMS). */
  maxDiscoveredParams: number;
  /** Most issues a validation lists; the rest are counted (VALIDATION_MAX_ISSUES). */
  maxIssues: number;
}

/** The defaults of src/config.ts, for services built without configuration (tests, benchmarks). */
export const DEFAULT_WORKFLOW_LIMITS: Readonly<WorkflowLimits> = Object.freeze({
  maxDepth: 64,
  maxNodes: 100,
  maxEdges: 200,
  maxIrChars: 262_144,
  maxContextChars: 100_000,
  maxDiscoveredParams: 50,
  maxIssues: 100,
});

const count = (value: number) => value.toLocaleString("en-US");

/** One broken limit: a sentence for people and the variable that sets the limit. */
export interface LimitProblem {
  message: string;
  /** e.g. "WORKFLOW_MAX_DEPTH" */
  limit: string;
}

function problem(message: string, limit: string): LimitProblem {
  return { message: `${message} (${limit})`, limit };
}

/**
 * Why a FlowIR document is too large, one problem per limit it breaks, each sentence starting
 * with `subject` ("input.ir", "The generated workflow"); empty when it is within every limit.
 */
export function irLimitProblems(
  ir: unknown,
  limits: WorkflowLimits,
  subject: string,
): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const record = ir !== null && typeof ir === "object" && !Array.isArray(ir) ? ir : undefined;
  const nodes = (record as { nodes?: unknown } | undefined)?.nodes;
  const edges = (record as { edges?: unknown } | undefined)?.edges;
  if (Array.isArray(nodes) && nodes.length > limits.maxNodes) {
    problems.push(
      problem(
        `${subject} has ${count(nodes.length)} nodes; the limit is ${count(limits.maxNodes)}`,
        "WORKFLOW_MAX_NODES",
      ),
    );
  }
  if (Array.isArray(edges) && edges.length > limits.maxEdges) {
    problems.push(
      problem(
        `${subject} has ${count(edges.length)} edges; the limit is ${count(limits.maxEdges)}`,
        "WORKFLOW_MAX_EDGES",
      ),
    );
  }
  problems.push(
    ...jsonSizeProblems(ir, subject, limits.maxDepth, limits.maxIrChars, "WORKFLOW_MAX_IR_CHARS"),
  );
  return problems;
}

/** Why `discoveredParams` is too large: depth, characters, number of values. */
export function discoveredParamsProblems(
  discovered: Record<string, unknown>,
  limits: WorkflowLimits,
  subject = "discoveredParams",
): LimitProblem[] {
  const problems = jsonSizeProblems(
    discovered,
    subject,
    limits.maxDepth,
    limits.maxContextChars,
    "WORKFLOW_MAX_CONTEXT_CHARS",
  );
  let values = 0;
  for (const value of Object.values(discovered)) values += Array.isArray(value) ? value.length : 1;
  if (values > limits.maxDiscoveredParams) {
    problems.push(
      problem(
        `${subject} holds ${count(values)} values (list items counted); the limit is ${count(limits.maxDiscoveredParams)}`,
        "WORKFLOW_MAX_DISCOVERED_PARAMS",
      ),
    );
  }
  return problems;
}

/** Why a text (`planningContext`, all `validationErrors`) is too long, or undefined. */
export function contextTextProblem(
  characters: number,
  limits: WorkflowLimits,
  subject: string,
): LimitProblem | undefined {
  if (characters <= limits.maxContextChars) return undefined;
  return problem(
    `${subject} is ${count(characters)} characters; the limit is ${count(limits.maxContextChars)}`,
    "WORKFLOW_MAX_CONTEXT_CHARS",
  );
}

function jsonSizeProblems(
  value: unknown,
  subject: string,
  maxDepth: number,
  maxChars: number,
  charsVariable: string,
): LimitProblem[] {
  const size = measureJson(value, { maxDepth, maxChars });
  if (size.exceeded === "depth") {
    return [
      problem(
        `${subject} is nested more than ${count(maxDepth)} levels deep (objects and arrays); the limit is ${count(maxDepth)}`,
        "WORKFLOW_MAX_DEPTH",
      ),
    ];
  }
  if (size.exceeded === "chars") {
    return [
      problem(
        `${subject} is more than ${count(maxChars)} characters as JSON; the limit is ${count(maxChars)}`,
        charsVariable,
      ),
    ];
  }
  return [];
}
