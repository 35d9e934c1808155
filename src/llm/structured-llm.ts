import type { z } from "zod";
import type { TokenUsage } from "../errors/generation-error.js";
import type { Deadline } from "./deadline.js";

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
  /** Aborts the call (the request's overall deadline, which follows the client). */
  signal?: AbortSignal;
  /**
   * The request's overall deadline, whose signal is `signal`: the resilience layer reads the time
   * left from it (a Retry-After that would outlast it fails the call at once).
   */
  deadline?: Pick<Deadline, "remainingMs">;
}

/** A usable answer and what it cost. */
export interface StructuredAnswer<T> {
  /** The answer: validated against `output.schema` unless `output.validate` was false. */
  data: T;
  /** Model or deployment that answered, as the provider reported it. */
  model: string;
  usage: TokenUsage;
  /** HTTP calls made to the provider for this answer, retries included (1 without retries). */
  httpCalls: number;
}

/**
 * Told each top-level field of a streamed answer once its value is complete (a string at its
 * closing quote, never half-written), in the order the model writes them. `value` is the field as
 * the model sent it: not yet checked against the contract, and in the wire form (for a schema an
 * adapter rewrites for the provider, the final answer is decoded; fields are not). The answer
 * `stream` resolves to is the authority; fields are a preview of it. Must not throw: a throwing
 * listener fails the call with its own error.
 */
export type AnswerFieldListener = (name: string, value: unknown) => void;

/**
 * The seam between services and model SDKs. Adapters throw `GenerationFailure` with a code for
 * every way a call can fail. The services see them through ResilientLlm (resilient-llm.ts), which
 * retries transport failures and bounds concurrency and consecutive failures per provider.
 */
export interface StructuredLlm {
  readonly provider: ProviderName;
  /** Default model or deployment, for GenerationInfo and cache keys. */
  readonly defaultModel: string;
  generate<T>(call: StructuredCall<T>): Promise<StructuredAnswer<T>>;
  /**
   * The same call as `generate`, with the answer streamed from the provider: `onField` hears each
   * top-level field as it completes, and the promise settles exactly as `generate` would have
   * (same request, validation, answer, usage and GenerationFailure codes). Optional: adapters
   * that cannot stream leave it out. ResilientLlm, what services are given, always has it and
   * answers through `generate` for such an adapter (then no field is heard); it retries a stream
   * cut short, so behind it a field may be heard again (see ResilientLlm.stream).
   */
  stream?<T>(call: StructuredCall<T>, onField: AnswerFieldListener): Promise<StructuredAnswer<T>>;
}
