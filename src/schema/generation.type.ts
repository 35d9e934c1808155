import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { GENERATION_ERROR_CODES } from "../errors/generation-error.js";
import type { GenerationErrorCode as GenerationErrorCodeValue } from "../errors/generation-error.js";

/** GraphQL enum built from the one list of codes, so the two can never drift apart. */
export const GenerationErrorCode = Object.fromEntries(
  GENERATION_ERROR_CODES.map((code) => [code, code]),
) as { [Code in GenerationErrorCodeValue]: Code };

registerEnumType(GenerationErrorCode, {
  name: "GenerationErrorCode",
  description: "Why a generation did not produce the requested result.",
  valuesConfig: {
    NOT_CONFIGURED: { description: "No usable provider, or it rejected our credentials/model." },
    UPSTREAM_TIMEOUT: { description: "The provider did not answer within the deadline." },
    UPSTREAM_UNAVAILABLE: { description: "The provider failed or could not be reached." },
    UPSTREAM_RATE_LIMITED: { description: "The provider is rate limiting; retry later." },
    CONTENT_FILTERED: {
      description: "The provider's content filter blocked the request or answer.",
    },
    GENERATION_REFUSED: { description: "The model refused to answer." },
    GENERATION_TRUNCATED: { description: "The answer hit the output token limit." },
    GENERATION_INVALID: { description: "The answer broke the contract, also after a retry." },
  },
});

/** GraphQL names of the providers, mapped to the service's provider ids. */
export const GenerationProvider = {
  AZURE_OPENAI: "azure-openai",
  OPENAI: "openai",
  ANTHROPIC: "anthropic",
  OFFLINE: "offline",
  BUILTIN: "builtin",
  CACHE: "cache",
} as const;
export type GenerationProvider = (typeof GenerationProvider)[keyof typeof GenerationProvider];

registerEnumType(GenerationProvider, {
  name: "GenerationProvider",
  description: "Who produced a result.",
  valuesConfig: {
    AZURE_OPENAI: { description: "A model on Azure OpenAI." },
    OPENAI: { description: "OpenAI or an OpenAI-compatible server (OPENAI_BASE_URL)." },
    ANTHROPIC: { description: "A model on Anthropic." },
    OFFLINE: { description: "The built-in offline generator (no model call)." },
    BUILTIN: { description: "One of the built-in modes (no model call)." },
    CACHE: { description: "An earlier answer to the same request (no model call)." },
  },
});

@ObjectType({ description: "How a result was produced: provider, model, cost and time." })
export class GenerationInfo {
  @Field(() => GenerationProvider, { description: "Who produced it." })
  provider!: GenerationProvider;

  @Field(() => String, {
    nullable: true,
    description: "Deployment or model id, when a model was called.",
  })
  model!: string | null;

  @Field(() => Boolean, { description: "True when served without calling a model." })
  cached!: boolean;

  @Field(() => Boolean, {
    description:
      "True when this request joined a generation already in flight for an identical request " +
      "and got its answer, making no model call of its own.",
  })
  shared!: boolean;

  @Field(() => Int, {
    description:
      "HTTP calls made to the model provider for this request, transport retries included (0 when cached, shared, built-in, offline or refused by an open circuit breaker).",
  })
  attempts!: number;

  @Field(() => Int, { description: "Server-side time spent on this request, in milliseconds." })
  latencyMs!: number;

  @Field(() => Int, { nullable: true, description: "Input tokens summed over all model calls." })
  inputTokens!: number | null;

  @Field(() => Int, { nullable: true, description: "Output tokens summed over all model calls." })
  outputTokens!: number | null;
}

@ObjectType({ description: "A generation failure, returned as data rather than a GraphQL error." })
export class GenerationError {
  @Field(() => GenerationErrorCode, { description: "Machine-readable reason." })
  code!: GenerationErrorCodeValue;

  @Field(() => String, { description: "Human-readable explanation, safe to show." })
  message!: string;
}
