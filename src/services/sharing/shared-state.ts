import type { ModeStore } from "../mode/mode-store.js";
import type { SpendLimiter } from "../quota/spend-limiter.js";
import type { WorkflowStore } from "../workflow/workflow-store.js";
import type { GenerateWorkflowResult } from "../workflow/workflow.types.js";
import type { Coalescer } from "./coalescer.js";
import type { GenerationCache } from "./generation-cache.js";

/**
 * Everything that must be shared by the replicas of one deployment, one interface per concern.
 * Embedded (everything in this process) or in Redis; the composition root picks, the services
 * never know which.
 */
export interface SharedState {
  /** Generated and fallback modes per principal; also the modes' generation cache. */
  modeStore: ModeStore;
  /** Workflows the API returned, for `node(id)`. */
  workflowStore: WorkflowStore;
  /** Successful temperature-0 workflow answers for identical later requests. */
  workflowCache: GenerationCache<GenerateWorkflowResult>;
  /** One generation per distinct generateMode request. */
  modeCoalescer: Coalescer;
  /** One generation per distinct generateWorkflow request. */
  workflowCoalescer: Coalescer;
  /** Quotas per principal, for both tasks together. */
  limiter: SpendLimiter;
  /** Connects what needs connecting; resolves once ready or known to be unreachable. */
  start(): Promise<void>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}
