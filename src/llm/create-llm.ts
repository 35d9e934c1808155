import type { Logger } from "pino";
import type { AppConfig, ProviderChoice } from "../config.js";
import { AnthropicLlm } from "./anthropic.js";
import { createAzureOpenAiLlm } from "./azure-openai.js";
import { createOpenAiLlm } from "./openai.js";
import type { StructuredLlm } from "./structured-llm.js";

/**
 * The adapter serving a task, from configuration; undefined for "offline" (the services then use
 * their built-in offline generators). Clients inside adapters are created on first use. Every
 * adapter serves both tasks: the mode contract (a zod schema) and FlowIR (a hand-built JSON
 * Schema with open objects, `validate: false`). `logger` receives the adapters' warnings.
 */
export function createLlm(
  config: AppConfig,
  provider: ProviderChoice,
  logger?: Logger,
): StructuredLlm | undefined {
  const transport = { timeoutMs: config.llm.timeoutMs, maxRetries: config.llm.maxRetries };
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
