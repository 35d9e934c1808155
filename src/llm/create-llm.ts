import type { Logger } from "pino";
import type { AppConfig, ProviderChoice } from "../config.js";
import type { CircuitStateName } from "./provider-circuit.js";
import { ResilientLlm } from "./resilient-llm.js";
import type { ProviderName, StructuredLlm } from "./structured-llm.js";

/**
 * The adapter serving a task, from configuration; undefined for "offline" (the services then use
 * their built-in offline generators). Each adapter's module, and so its SDK, is imported only
 * when a task uses that provider: the three SDKs and Azure's identity library are half of the
 * start-up time of a server that needs none of them (about 0.9 s of CPU of 3 s). Clients
 * inside adapters are created on first use. Every
 * adapter serves both tasks: the mode contract (a zod schema) and FlowIR (a hand-built JSON
 * Schema with open objects, `validate: false`). `logger` receives the adapters' warnings.
 * Adapters make one HTTP call per `generate` or `stream`; createTaskLlms puts them behind
 * ResilientLlm.
 */
export async function createLlm(
  config: AppConfig,
  provider: ProviderChoice,
  logger?: Logger,
): Promise<StructuredLlm | undefined> {
  const transport = { timeoutMs: config.llm.timeoutMs };
  switch (provider) {
    case "azure-openai": {
      const { createAzureOpenAiLlm } = await import("./azure-openai.js");
      return createAzureOpenAiLlm({ ...config.azure!, ...transport });
    }
    case "openai": {
      const { createOpenAiLlm } = await import("./openai.js");
      return createOpenAiLlm({ ...config.openai!, ...transport, logger });
    }
    case "anthropic": {
      const { AnthropicLlm } = await import("./anthropic.js");
      return new AnthropicLlm({
        apiKey: config.anthropic!.apiKey,
        baseURL: config.anthropic!.baseURL,
        defaultModel: config.anthropic!.model,
        ...transport,
        logger,
      });
    }
    case "offline":
      return undefined;
  }
}

/**
 * The model behind each task; undefined for offline. A ResilientLlm, so `stream` is always there
 * (streamed when the adapter can, else answered through `generate`).
 */
export interface TaskLlms {
  mode: ResilientLlm | undefined;
  workflow: ResilientLlm | undefined;
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
export async function createTaskLlms(
  config: AppConfig,
  options: TaskLlmOptions = {},
): Promise<TaskLlms> {
  const { overrides = {}, logger } = options;
  const adapters = new Map<ProviderChoice, StructuredLlm | undefined>();
  const adapterFor = async (provider: ProviderChoice) => {
    if (!adapters.has(provider)) adapters.set(provider, await createLlm(config, provider, logger));
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
  // One after the other: both tasks on one provider must get the same adapter.
  const modeAdapter = overrides.mode ?? (await adapterFor(config.mode.provider));
  const workflowAdapter = overrides.workflow ?? (await adapterFor(config.workflow.provider));
  return { mode: guard(modeAdapter), workflow: guard(workflowAdapter) };
}
