import type { Logger } from "pino";
import type { AppConfig, ProviderChoice } from "../config.js";
import { AnthropicLlm } from "./anthropic.js";
import { createAzureOpenAiLlm } from "./azure-openai.js";
import { createOpenAiLlm } from "./openai.js";
import type { CircuitStateName } from "./provider-circuit.js";
import { ResilientLlm } from "./resilient-llm.js";
import type { ProviderName, StructuredLlm } from "./structured-llm.js";

/**
 * The adapter serving a task, from configuration; undefined for "offline" (the services then use
 * their built-in offline generators). Clients inside adapters are created on first use. Every
 * adapter serves both tasks: the mode contract (a zod schema) and FlowIR (a hand-built JSON
 * Schema with open objects, `validate: false`). `logger` receives the adapters' warnings.
 * Adapters make one HTTP call per `generate`; createTaskLlms puts them behind ResilientLlm.
 */
export function createLlm(
  config: AppConfig,
  provider: ProviderChoice,
  logger?: Logger,
): StructuredLlm | undefined {
  const transport = { timeoutMs: config.llm.timeoutMs };
  switch (provider) {
    case "azure-openai":
      return createAzureOpenAiLlm({ ...config.azure!, ...transport });
    case "openai":
      return createOpenAiLlm({ ...config.openai!, ...transport, logger });
    case "anthropic":
      return new AnthropicLlm({
        apiKey: config.anthropic!.apiKey,
        baseURL: config.anthropic!.baseURL,
        defaultModel: config.anthropic!.model,
        ...transport,
        logger,
      });
    case "offline":
      return undefined;
  }
}

/** The model behind each task; undefined for offline. */
export interface TaskLlms {
  mode: StructuredLlm | undefined;
  workflow: StructuredLlm | undefined;
}

export interface TaskLlmOptions {
  /** Adapters to use instead of the configured ones (tests, benchmarks); wrapped all the same. */
  overrides?: { mode?: StructuredLlm; workflow?: StructuredLlm };
  logger?: Logger;
  /** Every circuit state change per provider (the metrics' gauge). */
  onCircuitStateChange?: (provider: ProviderName, state: CircuitStateName) => void;
}

/**
 * Each task's model behind its provider's ResilientLlm. Adapters and their guards are built once
 * per provider (once per override adapter), so when both tasks use one provider they share its
 * client, its circuit breaker and its bulkhead.
 */
export function createTaskLlms(config: AppConfig, options: TaskLlmOptions = {}): TaskLlms {
  const { overrides = {}, logger } = options;
  const adapters = new Map<ProviderChoice, StructuredLlm | undefined>();
  const adapterFor = (provider: ProviderChoice) => {
    if (!adapters.has(provider)) adapters.set(provider, createLlm(config, provider, logger));
    return adapters.get(provider);
  };
  const guarded = new Map<StructuredLlm, ResilientLlm>();
  const guard = (adapter: StructuredLlm | undefined) => {
    if (!adapter) return undefined;
    let resilient = guarded.get(adapter);
    if (!resilient) {
      resilient = new ResilientLlm(adapter, {
        maxRetries: config.llm.maxRetries,
        timeoutMs: config.llm.timeoutMs,
        maxConcurrency: config.llm.maxConcurrency,
        breakerFailures: config.llm.breakerFailures,
        breakerResetMs: config.llm.breakerResetMs,
        logger,
        onCircuitStateChange: (state) => options.onCircuitStateChange?.(adapter.provider, state),
      });
      guarded.set(adapter, resilient);
    }
    return resilient;
  };
  return {
    mode: guard(overrides.mode ?? adapterFor(config.mode.provider)),
    workflow: guard(overrides.workflow ?? adapterFor(config.workflow.provider)),
  };
}
