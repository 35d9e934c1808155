import type { AppConfig } from "./config.js";
import { BUILTIN_MODES, BUILTIN_MODE_IDS } from "./services/mode/builtin-modes.js";
import { InMemoryModeStore } from "./services/mode/in-memory-mode-store.js";
import { RateLimiterSpendLimiter } from "./services/quota/spend-limiter.js";
import { InProcessCoalescer } from "./services/sharing/coalescer.js";
import { InMemoryGenerationCache } from "./services/sharing/generation-cache.js";
import type { SharedState } from "./services/sharing/shared-state.js";
import { InMemoryWorkflowStore } from "./services/workflow/workflow-store.js";

/**
 * Shared state when REDIS_URL is unset: everything in this process, as a single-process server
 * has always kept it. Built-ins hold positions 0..3 of `modes`; stored modes follow.
 */
export function createEmbeddedSharedState(config: AppConfig): SharedState {
  return {
    modeStore: new InMemoryModeStore(config.modeStoreSize, BUILTIN_MODE_IDS, BUILTIN_MODES.length),
    workflowStore: new InMemoryWorkflowStore(config.workflowStoreSize),
    workflowCache: new InMemoryGenerationCache(config.workflowCache),
    modeCoalescer: new InProcessCoalescer(),
    workflowCoalescer: new InProcessCoalescer(),
    limiter: new RateLimiterSpendLimiter(config.spendLimits),
    start: async () => {},
    close: async () => {},
  };
}
