import type { Logger } from "pino";
import type { PlanningContext } from "../planning-context.js";
import type { WorkflowPrompt } from "../workflow.prompt.js";

/** A generateWorkflow request checked and normalised, with what every later step needs. */
export interface PreparedRequest {
  userInput: string;
  /** The markdown as sent: what the prompt shows and the cache key hashes. */
  planningMarkdown: string;
  /** The markdown parsed, once per request: what the validator and the offline planner read. */
  planningContext: PlanningContext;
  browsedComponents?: { nodeIds: string[]; workflowNames: string[] };
  discoveredParams?: Record<string, unknown>;
  /** The caller's errors from its earlier attempt (empty when it made none). */
  callerErrors: string[];
  priorAttempts: number;
  /** Generations this request may make. */
  budget: number;
  model?: string;
  temperature: number;
  toolSchema: Record<string, unknown>;
  firstPrompt: WorkflowPrompt;
  promptTokens: number;
  logger: Logger;
}
