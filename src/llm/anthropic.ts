import {
  AnthropicError,
  Anthropic,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  BadRequestError,
} from "@anthropic-ai/sdk";
import type {
  Message,
  MessageCreateParamsNonStreaming,
  Tool,
} from "@anthropic-ai/sdk/resources/messages";
import type { Logger } from "pino";
import { z } from "zod";
import { GenerationFailure } from "../errors/generation-error.js";
import type { TokenUsage } from "../errors/generation-error.js";
import { isAbortError, retryAfterMs, upstreamFailure } from "./upstream-failure.js";
import { streamToolMessage } from "./anthropic-stream.js";
import type {
  AnswerFieldListener,
  StructuredAnswer,
  StructuredCall,
  StructuredLlm,
  StructuredOutputSpec,
} from "./structured-llm.js";

const LABEL = "Anthropic";

/**
 * SDK 1.x dropped the sampling parameters from its request types, but api.md fixes `temperature`
 * on the wire (default 0, for repeatable workflows) and the SDK sends the body as given.
 */
type RequestBody = MessageCreateParamsNonStreaming & { temperature: number };

export interface AnthropicLlmOptions {
  /** API key; always explicit so the SDK never goes looking for credential files. */
  apiKey: string;
  /** API base URL (proxies, loopback test servers). Default: the SDK's (api.anthropic.com). */
  baseURL?: string;
  /** Model used when a call names none. Default "claude-sonnet-4-0". */
  defaultModel?: string;
  /** Per-HTTP-request timeout handed to the SDK, in ms (the SDK default is 10 minutes). */
  timeoutMs: number;
  /** `max_tokens` when a call sets none. Default 4096 tokens. */
  maxOutputTokens?: number;
  /** Receives one warn line per failed call (code, status, request id). */
  logger?: Logger;
}

/**
 * Structured output from the Messages API through one forced tool call: the tool's `input_schema`
 * is the contract and the answer is read from `content[0].input` (the `tool_use` block), the exact
 * path the seed document requires. The SDK client is built on the first call, so a server without
 * a key starts and answers /health. `stream` sends the same request over the streaming API
 * (anthropic-stream.ts) and judges the assembled message the same way. One call is one HTTP call: the SDK's own retries are off
 * (it would sleep a Retry-After without looking at the deadline); ResilientLlm retries instead.
 */
export class AnthropicLlm implements StructuredLlm {
  readonly provider = "anthropic" as const;
  readonly defaultModel: string;
  private readonly options: AnthropicLlmOptions;
  private client: Anthropic | undefined;

  constructor(options: AnthropicLlmOptions) {
    this.options = options;
    this.defaultModel = options.defaultModel ?? "claude-sonnet-4-0";
  }

  generate<T>(call: StructuredCall<T>): Promise<StructuredAnswer<T>> {
    return this.answer(call, undefined);
  }

  /** `generate` over the streaming API: the same request, checks and failures. */
  stream<T>(call: StructuredCall<T>, onField: AnswerFieldListener): Promise<StructuredAnswer<T>> {
    return this.answer(call, onField);
  }

  private async answer<T>(
    call: StructuredCall<T>,
    onField: AnswerFieldListener | undefined,
  ): Promise<StructuredAnswer<T>> {
    let httpCalls = 0;
    try {
      const client = this.getClient();
      const request = this.buildRequest(call);
      httpCalls++;
      const response = onField
        ? await streamToolMessage(client, request, { signal: call.signal, label: LABEL, onField })
        : await client.messages.create(request, { signal: call.signal });
      return { ...readAnswer(response, call.output), httpCalls };
    } catch (error) {
      const failure = toGenerationFailure(error).withDetails({ httpCalls });
      this.options.logger?.warn(
        {
          code: failure.code,
          status: error instanceof APIError ? error.status : undefined,
          requestId: error instanceof APIError ? error.requestID : undefined,
          err: failure,
        },
        `${LABEL} call failed: ${failure.message}`,
      );
      throw failure;
    }
  }

  private getClient(): Anthropic {
    this.client ??= new Anthropic({
      apiKey: this.options.apiKey,
      baseURL: this.options.baseURL,
      timeout: this.options.timeoutMs,
      maxRetries: 0,
    });
    return this.client;
  }

  private buildRequest<T>(call: StructuredCall<T>): RequestBody {
    const tool: Tool = {
      name: call.output.name,
      description: call.output.description,
      input_schema: toolInputSchema(call.output),
    };
    const request: RequestBody = {
      model: call.model ?? this.defaultModel,
      max_tokens: call.maxOutputTokens ?? this.options.maxOutputTokens ?? 4096,
      temperature: call.temperature ?? 0,
      system: call.system,
      messages: [{ role: "user", content: call.user }],
      tools: [tool],
      tool_choice: { type: "tool", name: call.output.name },
    };
    return request;
  }
}

/**
 * The tool's `input_schema`: the caller's hand-built JSON Schema when given (records survive;
 * Anthropic's zod helper would collapse them to `{}`), else zod's own conversion without the
 * `$schema` key, which the API does not need.
 */
export function toolInputSchema<T>(output: StructuredOutputSpec<T>): Tool.InputSchema {
  const schema = output.jsonSchema ?? (z.toJSONSchema(output.schema) as Record<string, unknown>);
  const { $schema: _ignored, ...rest } = schema;
  if (rest.type !== "object") {
    // A programming error, not a model failure: tools only take object inputs.
    throw new TypeError(
      `tool '${output.name}' needs an object schema, got type ${String(rest.type)}`,
    );
  }
  return rest as Tool.InputSchema;
}

/**
 * Reads `content[0].input` as the seed prescribes, with its messages for the three ways the
 * response can be unusable, after the stop reasons that explain an unusable answer better.
 */
function readAnswer<T>(
  response: Message | null | undefined,
  output: StructuredOutputSpec<T>,
): Omit<StructuredAnswer<T>, "httpCalls"> {
  if (response === null || response === undefined) {
    throw new GenerationFailure("GENERATION_INVALID", "LLM returned None response");
  }
  const usage: TokenUsage = {
    inputTokens: response.usage?.input_tokens,
    outputTokens: response.usage?.output_tokens,
  };
  if (response.stop_reason === "max_tokens") {
    throw new GenerationFailure(
      "GENERATION_TRUNCATED",
      `${LABEL} stopped at the output token limit before the answer was complete`,
      { usage, rawText: safeStringify(response.content) },
    );
  }
  if (response.stop_reason === "refusal") {
    throw new GenerationFailure("GENERATION_REFUSED", `${LABEL} refused to answer this request`, {
      usage,
      rawText: safeStringify(response.content),
    });
  }
  const content: unknown = response.content;
  if (!Array.isArray(content) || content.length === 0) {
    throw new GenerationFailure(
      "GENERATION_INVALID",
      "Invalid LLM response structure: missing or empty content",
      { usage },
    );
  }
  const first: unknown = content[0];
  if (typeof first !== "object" || first === null || !("input" in first)) {
    const kind =
      typeof first === "object" && first !== null && "type" in first
        ? `a '${String(first.type)}' block`
        : `a ${first === null ? "null" : typeof first} value`;
    throw new GenerationFailure(
      "GENERATION_INVALID",
      `Invalid LLM response structure: content[0] is ${kind} without 'input' (expected the '${output.name}' tool_use block)`,
      { usage, rawText: safeStringify(content) },
    );
  }
  const input = first.input;
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new GenerationFailure(
      "GENERATION_INVALID",
      `Invalid LLM response structure: content[0].input is ${Array.isArray(input) ? "an array" : String(input === null ? "null" : typeof input)}, not an object`,
      { usage, rawText: safeStringify(input) },
    );
  }
  if (output.validate === false) {
    return { data: input as T, model: response.model, usage };
  }
  const parsed = output.schema.safeParse(input);
  if (!parsed.success) {
    throw new GenerationFailure(
      "GENERATION_INVALID",
      `${LABEL} answered with an object that does not match the '${output.name}' schema`,
      {
        usage,
        rawText: safeStringify(input),
        issues: parsed.error.issues.map(
          (issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`,
        ),
      },
    );
  }
  return { data: parsed.data, model: response.model, usage };
}

/**
 * Maps what the SDK threw to a GenerationFailure, with the HTTP status and the provider's
 * Retry-After for the retry loop. Branches on the SDK's error classes only (their messages are not
 * stable); subclasses come before parents.
 */
export function toGenerationFailure(error: unknown): GenerationFailure {
  if (error instanceof GenerationFailure) return error;
  // Order matters: the timeout and abort classes are subclasses of the connection/API errors.
  if (
    error instanceof APIUserAbortError ||
    error instanceof APIConnectionTimeoutError ||
    isAbortError(error)
  ) {
    return upstreamFailure(LABEL, { kind: "timeout" }, error);
  }
  if (error instanceof APIConnectionError) {
    return upstreamFailure(LABEL, { kind: "unreachable" }, error);
  }
  if (error instanceof APIError) {
    const detail = error instanceof BadRequestError ? (error.apiMessage ?? undefined) : undefined;
    return upstreamFailure(
      LABEL,
      {
        kind: "status",
        status: error.status,
        detail,
        retryAfterMs: retryAfterMs(error.headers),
      },
      error,
    );
  }
  if (error instanceof AnthropicError) {
    // Raised before any request: missing or unusable credentials, bad client options.
    return new GenerationFailure("NOT_CONFIGURED", `${LABEL} client is not usable`, {
      cause: error,
    });
  }
  throw error;
}

function safeStringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
