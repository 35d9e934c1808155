import type { ProviderName } from "../llm/structured-llm.js";

/** Who produced a result: a provider, or no model at all (GraphQL `GenerationProvider`). */
export type GenerationProviderId = ProviderName | "builtin" | "cache";

/** How a result was produced (GraphQL `GenerationInfo`), for modes and workflows alike. */
export interface GenerationInfo {
  provider: GenerationProviderId;
  model: string | null;
  /** Served without calling a model (cache, built-in, offline). */
  cached: boolean;
  /** Joined a generation already in flight for an identical request: no model call of its own. */
  shared: boolean;
  /** Model calls this request made itself (0 when cached, shared, built-in or offline). */
  attempts: number;
  latencyMs: number;
  inputTokens: number | null;
  outputTokens: number | null;
}

/**
 * The generation info of a caller that joined another's generation: the same provider and model,
 * but no calls or tokens of its own, and its own latency.
 */
export function sharedInfo(generation: GenerationInfo, latencyMs: number): GenerationInfo {
  return {
    ...generation,
    shared: true,
    attempts: 0,
    inputTokens: null,
    outputTokens: null,
    latencyMs,
  };
}

/** The generation info of an answer served from the cache: no model call, its own latency. */
export function cachedInfo(generation: GenerationInfo, latencyMs: number): GenerationInfo {
  return {
    ...generation,
    provider: "cache",
    model: null,
    cached: true,
    shared: false,
    attempts: 0,
    inputTokens: null,
    outputTokens: null,
    latencyMs,
  };
}

/** Tokens a generation used, input and output together (0 when unreported). */
export function tokensOf(generation: GenerationInfo): number {
  return (generation.inputTokens ?? 0) + (generation.outputTokens ?? 0);
}
