import type OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { GenerationFailure } from "../errors/generation-error.js";
import { toGenerationFailure } from "./openai-errors.js";
import type {
  ProviderName,
  StructuredAnswer,
  StructuredCall,
  StructuredLlm,
} from "./structured-llm.js";

export interface OpenAiChatOptions {
  provider: Extract<ProviderName, "azure-openai" | "openai">;
  /** Human label used in error messages, e.g. "Azure OpenAI". */
  label: string;
  /** Model id (OpenAI) or deployment name (Azure). */
  defaultModel: string;
  /** Builds the SDK client; called once, on the first request. */
  createClient: () => OpenAI;
}

/**
 * Structured output over the chat-completions API: `chat.completions.parse` with a strict
 * `json_schema` response format built from the zod contract. Shared by Azure OpenAI and OpenAI,
 * which differ only in how the client is constructed.
 */
export class OpenAiChatLlm implements StructuredLlm {
  readonly provider: OpenAiChatOptions["provider"];
  readonly defaultModel: string;
  private readonly options: OpenAiChatOptions;
  private client: OpenAI | undefined;

  constructor(options: OpenAiChatOptions) {
    this.options = options;
    this.provider = options.provider;
    this.defaultModel = options.defaultModel;
  }

  async generate<T>(call: StructuredCall<T>): Promise<StructuredAnswer<T>> {
    const label = this.options.label;
    try {
      this.client ??= this.options.createClient();
      const completion = await this.client.chat.completions.parse(
        {
          model: call.model ?? this.defaultModel,
          messages: [
            { role: "system", content: call.system },
            { role: "user", content: call.user },
          ],
          response_format: zodResponseFormat(call.output.schema, call.output.name, {
            description: call.output.description,
          }),
          ...(call.temperature === undefined ? {} : { temperature: call.temperature }),
          ...(call.maxOutputTokens === undefined
            ? {}
            : { max_completion_tokens: call.maxOutputTokens }),
        },
        { signal: call.signal },
      );
      const usage = {
        inputTokens: completion.usage?.prompt_tokens,
        outputTokens: completion.usage?.completion_tokens,
      };
      const message = completion.choices[0]?.message;
      if (!message) {
        throw new GenerationFailure("GENERATION_INVALID", `${label} returned no choices`, {
          usage,
        });
      }
      if (message.refusal) {
        throw new GenerationFailure("GENERATION_REFUSED", `${label} refused: ${message.refusal}`, {
          usage,
          rawText: message.refusal,
        });
      }
      if (message.parsed === null || message.parsed === undefined) {
        throw new GenerationFailure("GENERATION_INVALID", `${label} returned an empty answer`, {
          usage,
          rawText: message.content ?? undefined,
        });
      }
      return { data: message.parsed as T, model: completion.model, usage };
    } catch (error) {
      throw toGenerationFailure(error, label);
    }
  }
}
