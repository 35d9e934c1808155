import type { Logger } from "pino";
import type { Principal } from "../../auth/principal.js";
import type { GenerationErrorCode } from "../../errors/generation-error.js";
import type { GenerationInfo } from "../generation-info.js";
import type { FlowIr } from "./flow-ir.contract.js";
import type { WorkflowIssue } from "./validate-workflow.js";

/** The request, result and seed-contract shapes of generateWorkflow, and its fixed limits. */

/** Generations per request, counting the caller's earlier ones (seed: "Maximum 3 retry attempts"). */
export const MAX_GENERATIONS = 3;

/** Name of the one tool the model must call; its input is the workflow (seed output key). */
export const WORKFLOW_TOOL_NAME = "generated_workflow";

/** `GenerationInfo.model` of workflows made by the offline planner. */
export const OFFLINE_PLANNER_MODEL = "offline-planner";

/** A planning context that failed upstream (the seed's `{ error }` form). */
export interface PlanningContextError {
  error: unknown;
}

/** The fields of GraphQL `ValidateWorkflowInput`; null and undefined mean "not given". */
export interface ValidateWorkflowRequest {
  ir: unknown;
  planningContext?: string | null;
  browsedComponents?: { nodeIds: string[]; workflowNames: string[] } | null;
  discoveredParams?: Record<string, unknown> | null;
}

/** The fields of GraphQL `GenerateWorkflowInput` (camelCase); null and undefined mean "not given". */
export interface GenerateWorkflowRequest {
  userInput: string;
  /** Markdown describing the components; service callers may pass an upstream `{ error }`. */
  planningContext: string | PlanningContextError;
  browsedComponents?: { nodeIds: string[]; workflowNames: string[] } | null;
  discoveredParams?: Record<string, unknown> | null;
  /** Errors the caller's own earlier attempt got; used when generationAttempts > 0 (seed rule 11). */
  validationErrors?: readonly string[] | null;
  /** Generations the caller already made. Default 0. */
  generationAttempts?: number | null;
  /** Generations this call may make, 1..3. Default 3 (fewer when generationAttempts used some). */
  maxAttempts?: number | null;
  /** Model override; default the model client's. */
  model?: string | null;
  /** Sampling temperature 0..1. Default 0 (seed: deterministic generation). */
  temperature?: number | null;
  /** The request's own cancellation (client gone); combined with the overall deadline. */
  signal?: AbortSignal;
  /** Request-scoped logger (carries the request id); default: the service's. */
  logger?: Logger;
  /** The caller; quotas are per principal. Default: anonymous. */
  principal?: Principal;
  /**
   * A streaming caller (workflow-stream.ts): hears STARTED once it is admitted or joins an
   * identical generation in flight, then each attempt as soon as it is judged (one joined late
   * hears the attempts so far first). Must not throw.
   */
  onProgress?: (progress: WorkflowProgress) => void;
}

/** What a workflow generation tells a streaming caller before its answer. */
export type WorkflowProgress =
  { kind: "STARTED" } | { kind: "ATTEMPT"; attempt: WorkflowAttemptRecord };

/** One generation as it happened (GraphQL `WorkflowAttempt`). */
export interface WorkflowAttemptRecord {
  /** Counts the caller's earlier attempts: the first generation here is generationAttempts + 1. */
  number: number;
  /** What the model returned, as returned; null when the call produced nothing usable. */
  ir: Record<string, unknown> | null;
  /** Errors then warnings found in `ir`, at most the issue limit (VALIDATION_MAX_ISSUES). */
  issues: WorkflowIssue[];
  /** Issues found in `ir` but left out of `issues` by the limit. */
  omittedIssues: number;
  latencyMs: number;
  inputTokens: number | null;
  outputTokens: number | null;
  /** Why this generation failed at the model, when it did. */
  failure?: { code: GenerationErrorCode; message: string };
}

/** GraphQL `GenerateWorkflowPayload` as plain data. */
export interface GenerateWorkflowResult {
  success: boolean;
  workflow: FlowIr | null;
  error: string | null;
  errorCode: GenerationErrorCode | null;
  /** Input generationAttempts + generations made now. */
  generationAttempts: number;
  /** Messages of the last validated attempt's errors, in order (empty on success). */
  validationErrors: string[];
  attempts: WorkflowAttemptRecord[];
  generation: GenerationInfo;
}

/** The seed's shared-store inputs (snake_case), for callers ported from the Python original. */
export interface SeedSharedStore {
  user_input?: unknown;
  planning_context?: unknown;
  browsed_components?: { node_ids?: string[]; workflow_names?: string[] } | null;
  discovered_params?: Record<string, unknown> | null;
  validation_errors?: string[] | null;
  generation_attempts?: number | null;
}

/** The seed's node params. */
export interface SeedNodeParams {
  model?: string;
  temperature?: number;
}

/** The seed's outputs: its shared-store side effects on success, exec_fallback's dict on failure. */
export type SeedGenerationResult =
  | { success: true; generated_workflow: FlowIr; generation_attempts: number }
  | { success: false; error: string; workflow: null };
