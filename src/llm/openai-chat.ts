import type OpenAI from "openai";
import { BadRequestError } from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from "openai/resources/chat/completions";
import type { Logger } from "pino";
import { z } from "zod";
import { GenerationFailure } from "../errors/generation-error.js";
import { checkAnswer, readCompletionJson, readCompletionMessage } from "./openai-completion.js";
import { toGenerationFailure } from "./openai-errors.js";
import { toStrictJsonSchema } from "./strict-json-schema.js";
import type { JsonSchema } from "./strict-json-schema.js";
import { streamChatCompletion } from "./openai-chat-stream.js";
import type {
  AnswerFieldListener,
  ProviderName,
  StructuredAnswer,
  StructuredCall,
  StructuredLlm,
  StructuredOutputSpec,
} from "./structured-llm.js";

export interface OpenAiChatOptions {
  provider: Extract<ProviderName, "azure-openai" | "openai">;
  /** Human label used in error messages, e.g. "Azure OpenAI". */
  label: string;
  /** Model id (OpenAI) or deployment name (Azure). */
  defaultModel: string;
  /** Builds the SDK client; called once, on the first request. */
  createClient: () => OpenAI;
  /**
   * For OpenAI-compatible servers (custom `baseURL`): when a `json_schema` request is refused
   * with HTTP 400, retry it once in JSON mode (`json_object`, schema in the system prompt) and
   * use JSON mode for every later call of this adapter. Default false: api.openai.com and Azure
   * support strict schemas, and a 400 there means something else.
   */
  jsonModeFallback?: boolean;
  /** Receives the one warning when the adapter switches to JSON mode. */
  logger?: Logger;
}

type RequestBody = ChatCompletionCreateParamsNonStreaming;

/**
 * What one `generate` or `stream` carries through its HTTP requests: the calls made so far (two
 * when it falls back to JSON mode) and, when streaming, who hears the answer's fields.
 */
interface CallState {
  httpCalls: number;
  onField?: AnswerFieldListener;
}

type Answer<T> = Omit<StructuredAnswer<T>, "httpCalls">;

/**
 * Structured output over the chat-completions API, shared by Azure OpenAI and OpenAI (they differ
 * only in how the client is built). Three request forms:
 * - a zod contract without a hand-built schema (the mode task): `chat.completions.parse` with
 *   `zodResponseFormat`, strict, the wire contract of api.md;
 * - a hand-built JSON Schema or `validate: false` (the workflow task, whose FlowIR has open
 *   objects zod's helper cannot make strict): `chat.completions.create` with the schema rewritten
 *   by `toStrictJsonSchema`, the answer decoded back to the caller's form;
 * - JSON mode, for OpenAI-compatible servers without `json_schema` support (see
 *   `jsonModeFallback`).
 * `stream` makes the same requests over the streaming API (openai-chat-stream.ts) and judges the
 * assembled completion with the same checks.
 * The client must be built with `maxRetries: 0`: the SDK would sleep a Retry-After without
 * looking at the deadline. ResilientLlm retries instead, and `httpCalls` counts every request.
 */
export class OpenAiChatLlm implements StructuredLlm {
  readonly provider: OpenAiChatOptions["provider"];
  readonly defaultModel: string;
  private readonly options: OpenAiChatOptions;
  private client: OpenAI | undefined;
  /** Set once this server has refused `json_schema` and accepted `json_object`. */
  private jsonModeOnly = false;

  constructor(options: OpenAiChatOptions) {
    this.options = options;
    this.provider = options.provider;
    this.defaultModel = options.defaultModel;
  }

  /** Whether this adapter has switched to JSON mode for good. */
  get usesJsonMode(): boolean {
    return this.jsonModeOnly;
  }

  generate<T>(call: StructuredCall<T>): Promise<StructuredAnswer<T>> {
    return this.answer(call, { httpCalls: 0 });
  }

  /** `generate` over the streaming API: the same request forms, checks and fallback. */
  stream<T>(call: StructuredCall<T>, onField: AnswerFieldListener): Promise<StructuredAnswer<T>> {
    return this.answer(call, { httpCalls: 0, onField });
  }

  private async answer<T>(call: StructuredCall<T>, state: CallState): Promise<StructuredAnswer<T>> {
    try {
      return { ...(await this.generateCounted(call, state)), httpCalls: state.httpCalls };
    } catch (error) {
      throw toGenerationFailure(error, this.options.label).withDetails({
        httpCalls: state.httpCalls,
      });
    }
  }

  private async generateCounted<T>(call: StructuredCall<T>, state: CallState): Promise<Answer<T>> {
    this.client ??= this.options.createClient();
    if (this.jsonModeOnly) return await this.generateInJsonMode(this.client, call, state);
    try {
      return await this.generateWithSchema(this.client, call, state);
    } catch (error) {
      if (!this.mayFallBackToJsonMode(error)) throw error;
      return await this.fallBackToJsonMode(this.client, call, error, state);
    }
  }

  private generateWithSchema<T>(client: OpenAI, call: StructuredCall<T>, state: CallState) {
    const { output } = call;
    return output.jsonSchema === undefined && output.validate !== false
      ? this.generateWithZodFormat(client, call, state)
      : this.generateWithStrictJsonSchema(client, call, state);
  }

  /** The mode task's wire contract: unchanged `parse` + `zodResponseFormat`. */
  private async generateWithZodFormat<T>(
    client: OpenAI,
    call: StructuredCall<T>,
    state: CallState,
  ): Promise<Answer<T>> {
    const label = this.options.label;
    const body = {
      ...this.baseRequest(call, call.system),
      response_format: cachedZodResponseFormat(call.output),
    };
    state.httpCalls++;
    const completion = state.onField
      ? await this.streamed(client, body, call, state.onField)
      : await client.chat.completions.parse(body, { signal: call.signal });
    const { message, content, usage } = readCompletionMessage(completion, label);
    if (message.parsed === null || message.parsed === undefined) {
      throw new GenerationFailure("GENERATION_INVALID", `${label} returned an empty answer`, {
        usage,
        rawText: content,
      });
    }
    return { data: message.parsed as T, model: completion.model, usage };
  }

  /** Schemas with open objects (FlowIR): rewritten strict, the answer decoded back. */
  private async generateWithStrictJsonSchema<T>(
    client: OpenAI,
    call: StructuredCall<T>,
    state: CallState,
  ): Promise<Answer<T>> {
    const strict = toStrictJsonSchema(sourceJsonSchema(call.output));
    const completion = await this.complete(
      client,
      {
        ...this.baseRequest(call, call.system),
        response_format: {
          type: "json_schema",
          json_schema: {
            name: call.output.name,
            description: call.output.description,
            strict: true,
            schema: strict.schema,
          },
        },
      },
      call,
      state,
    );
    const answer = readCompletionJson(completion, { label: this.options.label });
    const data = checkAnswer(strict.decode(answer.json), call.output, answer, this.options.label);
    return { data, model: answer.model, usage: answer.usage };
  }

  /** JSON mode: the server only promises JSON, so the schema travels in the prompt. */
  private async generateInJsonMode<T>(
    client: OpenAI,
    call: StructuredCall<T>,
    state: CallState,
  ): Promise<Answer<T>> {
    const completion = await this.requestJsonMode(client, call, state);
    return this.readJsonModeAnswer(completion, call);
  }

  private requestJsonMode<T>(
    client: OpenAI,
    call: StructuredCall<T>,
    state: CallState,
  ): Promise<ChatCompletion> {
    return this.complete(
      client,
      {
        ...this.baseRequest(call, jsonModeSystemPrompt(call)),
        response_format: { type: "json_object" },
      },
      call,
      state,
    );
  }

  /** One `create` request, or its streamed twin when the call streams. */
  private complete<T>(
    client: OpenAI,
    body: RequestBody,
    call: StructuredCall<T>,
    state: CallState,
  ): Promise<ChatCompletion> {
    state.httpCalls++;
    return state.onField
      ? this.streamed(client, body, call, state.onField)
      : client.chat.completions.create(body, { signal: call.signal });
  }

  private streamed<T>(
    client: OpenAI,
    body: RequestBody,
    call: StructuredCall<T>,
    onField: AnswerFieldListener,
  ) {
    return streamChatCompletion(client, body, {
      signal: call.signal,
      label: this.options.label,
      onField,
    });
  }

  private readJsonModeAnswer<T>(completion: ChatCompletion, call: StructuredCall<T>): Answer<T> {
    const label = this.options.label;
    const answer = readCompletionJson(completion, { label, unwrapCodeFence: true });
    // The prompt asked for the caller's own schema, so there is nothing to decode.
    const data = checkAnswer(answer.json, call.output, answer, label);
    return { data, model: answer.model, usage: answer.usage };
  }

  /** Only a 400 from a configured compatible server; Azure's 400 content_filter is not one. */
  private mayFallBackToJsonMode(error: unknown): error is BadRequestError {
    return (
      this.options.jsonModeFallback === true &&
      error instanceof BadRequestError &&
      error.code !== "content_filter"
    );
  }

  /**
   * Retries the call once in JSON mode. JSON mode is remembered only when the server accepts it:
   * a 400 for another reason (context too long, unknown model) fails the JSON-mode request too,
   * and then the original rejection is the one to report.
   */
  private async fallBackToJsonMode<T>(
    client: OpenAI,
    call: StructuredCall<T>,
    rejection: BadRequestError,
    state: CallState,
  ): Promise<Answer<T>> {
    let completion: ChatCompletion;
    try {
      completion = await this.requestJsonMode(client, call, state);
    } catch (error) {
      throw error instanceof BadRequestError ? rejection : error;
    }
    if (!this.jsonModeOnly) {
      this.jsonModeOnly = true;
      this.options.logger?.warn(
        {
          provider: this.provider,
          status: rejection.status,
          model: call.model ?? this.defaultModel,
        },
        `${this.options.label} refused a json_schema response format; this server gets JSON mode (schema in the prompt) from now on`,
      );
    }
    return this.readJsonModeAnswer(completion, call);
  }

  private baseRequest<T>(
    call: StructuredCall<T>,
    system: string,
  ): Omit<RequestBody, "response_format"> {
    return {
      model: call.model ?? this.defaultModel,
      messages: [
        { role: "system", content: system },
        { role: "user", content: call.user },
      ],
      ...(call.temperature === undefined ? {} : { temperature: call.temperature }),
      ...(call.maxOutputTokens === undefined
        ? {}
        : { max_completion_tokens: call.maxOutputTokens }),
    };
  }
}

/** The caller's hand-built schema, or zod's conversion of the contract, without `$schema`. */
function sourceJsonSchema<T>(output: StructuredOutputSpec<T>): JsonSchema {
  const schema = output.jsonSchema ?? (z.toJSONSchema(output.schema) as JsonSchema);
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}

/** The caller's instructions, then the schema the JSON object must follow. */
function jsonModeSystemPrompt<T>(call: StructuredCall<T>): string {
  return [
    call.system,
    `Answer with exactly one JSON object and nothing else (no prose, no code fence): ${call.output.description}`,
    `The JSON object must match this JSON Schema (named "${call.output.name}"):`,
    JSON.stringify(sourceJsonSchema(call.output)),
  ].join("\n\n");
}

// Converting a zod schema to JSON Schema costs ~0.3 ms a call; the mode contract never changes,
// so each (schema, name) pair is converted once.
const formatsBySchema = new WeakMap<object, Map<string, ReturnType<typeof zodResponseFormat>>>();

function cachedZodResponseFormat<T>(output: StructuredCall<T>["output"]) {
  let byName = formatsBySchema.get(output.schema);
  if (!byName) formatsBySchema.set(output.schema, (byName = new Map()));
  let format = byName.get(output.name);
  if (!format) {
    format = zodResponseFormat(output.schema, output.name, { description: output.description });
    byName.set(output.name, format);
  }
  return format;
}
