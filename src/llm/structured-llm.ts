import type { z } from "zod";
import type { TokenUsage } from "../errors/generation-error.js";

/** Names a provider reports in `GenerationInfo.provider`. */
export type ProviderName = "azure-openai" | "openai" | "anthropic" | "offline";

/**
 * What the caller wants back. `schema` is the contract the answer must satisfy; adapters derive
 * the provider's schema form from it (OpenAI `json_schema`, Anthropic tool `input_schema`) unless
 * `jsonSchema` is given explicitly (Anthropic's zod helper would collapse records to `{}`).
 */
export interface StructuredOutputSpec<T> {
  /** Schema / tool name sent to the provider, e.g. "generated_mode_config". */
  name: string;
  /** One sentence telling the model what the object is. */
  description: string;
  /** Zod contract of the answer. */
  schema: z.ZodType<T>;
  /** Hand-built JSON Schema for providers that take one directly (no `$schema` key). */
  jsonSchema?: Record<string, unknown>;
  /**
   * When false the adapter returns the parsed JSON as the model sent it, without checking it
   * against `schema` (the workflow validator judges it instead). Default true.
   */
  validate?: boolean;
}

/** One structured-output call. */
export interface StructuredCall<T> {
  /** System / developer instructions. */
  system: string;
  /** The user turn (data blocks included). */
  user: string;
  output: StructuredOutputSpec<T>;
  /** Model or deployment override; adapters fall back to their configured default. */
  model?: string;
  /** Sampling temperature; adapters fall back to their default (0 for workflows). */
  temperature?: number;
  /** Upper bound on generated tokens. */
  maxOutputTokens?: number;
  /** Aborts the call (the request's overall deadline). */
  signal?: AbortSignal;
}

/** A usable answer and what it cost. */
export interface StructuredAnswer<T> {
  /** The answer: validated against `output.schema` unless `output.validate` was false. */
  data: T;
  /** Model or deployment that answered, as the provider reported it. */
  model: string;
  usage: TokenUsage;
}

/**
 * The seam between services and model SDKs. Adapters throw `GenerationFailure` with a code for
 * every way a call can fail, after the SDK's own transport retries.
 */
export interface StructuredLlm {
  readonly provider: ProviderName;
  /** Default model or deployment, for GenerationInfo and cache keys. */
  readonly defaultModel: string;
  generate<T>(call: StructuredCall<T>): Promise<StructuredAnswer<T>>;
}
