import type { AppConfig, ProviderChoice } from "../config.js";
import { AnthropicLlm } from "./anthropic.js";
import { createAzureOpenAiLlm } from "./azure-openai.js";
import { createOpenAiLlm } from "./openai.js";
import type { StructuredLlm } from "./structured-llm.js";

/**
 * The adapter serving a task, from configuration; undefined for "offline" (the services then use
 * their built-in offline generators). Clients inside adapters are created on first use.
 */
export function createLlm(config: AppConfig, provider: ProviderChoice): StructuredLlm | undefined {
  const transport = { timeoutMs: config.llm.timeoutMs, maxRetries: config.llm.maxRetries };
  switch (provider) {
    case "azure-openai":
      return createAzureOpenAiLlm({ ...config.azure!, ...transport });
    case "openai":
      return createOpenAiLlm({ ...config.openai!, ...transport });
    case "anthropic":
      return new AnthropicLlm({
        apiKey: config.anthropic!.apiKey,
        baseURL: config.anthropic!.baseURL,
        defaultModel: config.anthropic!.model,
        ...transport,
      });
    case "offline":
      return undefined;
  }
}
