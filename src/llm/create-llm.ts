import type { AppConfig, ProviderChoice } from "../config.js";
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
      // Wired in with the Anthropic adapter (workflow issue).
      return undefined;
    case "offline":
      return undefined;
  }
}
