import { ResilientLlm } from "../../src/llm/resilient-llm.js";
import type { ResilienceOptions } from "../../src/llm/resilient-llm.js";
import type { StructuredLlm } from "../../src/llm/structured-llm.js";

/**
 * An adapter behind the resilience layer the composition root puts it behind, with test-sized
 * limits: the SDKs make no retries of their own, so retry behaviour is tested through this.
 */
export function resilient(
  adapter: StructuredLlm,
  options: Partial<ResilienceOptions> = {},
): ResilientLlm {
  return new ResilientLlm(adapter, {
    maxRetries: 1,
    timeoutMs: 2_000,
    maxConcurrency: 16,
    // High enough that a test file's failures never open the circuit unless it means to.
    breakerFailures: 1_000,
    breakerResetMs: 30_000,
    ...options,
  });
}
