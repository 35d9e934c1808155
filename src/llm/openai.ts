import OpenAI from "openai";
import type { Logger } from "pino";
import { OpenAiChatLlm } from "./openai-chat.js";

export interface OpenAiLlmOptions {
  /** API key; OpenAI-compatible local servers often accept any value. */
  apiKey?: string;
  /** e.g. http://127.0.0.1:11434/v1 for Ollama; default api.openai.com. */
  baseURL?: string;
  /** Model id. */
  model: string;
  /** Per-HTTP-call timeout in ms. */
  timeoutMs: number;
  /** Receives the one warning when a compatible server needs JSON mode. */
  logger?: Logger;
}

/**
 * OpenAI (or any OpenAI-compatible server through `baseURL`). With a custom `baseURL` the adapter
 * falls back to JSON mode when the server refuses `json_schema` (many local servers do).
 */
export function createOpenAiLlm(options: OpenAiLlmOptions): OpenAiChatLlm {
  return new OpenAiChatLlm({
    provider: "openai",
    label: "OpenAI",
    defaultModel: options.model,
    jsonModeFallback: options.baseURL !== undefined,
    logger: options.logger,
    createClient: () =>
      new OpenAI({
        // Local servers need no key, but the SDK refuses to start without one.
        apiKey: options.apiKey ?? "not-needed",
        baseURL: options.baseURL,
        timeout: options.timeoutMs,
        // One generate, one HTTP call: ResilientLlm retries within the deadline.
        maxRetries: 0,
      }),
  });
}
