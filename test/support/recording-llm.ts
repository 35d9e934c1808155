import type { TokenUsage } from "../../src/errors/generation-error.js";
import type {
  ProviderName,
  StructuredAnswer,
  StructuredCall,
  StructuredLlm,
} from "../../src/llm/structured-llm.js";

/**
 * One scripted answer: the data the model returns, an Error the call throws (a
 * GenerationFailure, say), or a function of the call that returns either (it may wait, e.g. for
 * the call's signal).
 */
export type ScriptedAnswer =
  unknown | Error | ((call: StructuredCall<unknown>) => unknown | Promise<unknown>);

/** A call as the service made it, with whether its signal had been aborted when it ended. */
export interface RecordedCall extends StructuredCall<unknown> {
  abortedAtEnd: boolean;
}

export interface RecordingLlm extends StructuredLlm {
  /** Every call, in order. */
  readonly calls: RecordedCall[];
  /** The user turns of the calls, in order: what tests read most. */
  userTurns(): string[];
}

export interface RecordingLlmOptions {
  provider?: ProviderName;
  /** `defaultModel`, and the model reported in answers unless a call names one. */
  defaultModel?: string;
  /** Usage reported for every answer. */
  usage?: TokenUsage;
}

/**
 * The model interface (StructuredLlm) as a script: service tests drive the generate → validate →
 * retry logic with it and read exactly what each call carried, with no SDK and no HTTP in
 * between (the wire is tested in test/integration with real SDKs against loopback servers).
 * Answers are used in order; when the script runs out, the last answer repeats.
 */
export function recordingLlm(
  answers: readonly ScriptedAnswer[],
  options: RecordingLlmOptions = {},
): RecordingLlm {
  if (answers.length === 0) throw new Error("recordingLlm needs at least one scripted answer");
  const defaultModel = options.defaultModel ?? "recorded-model";
  const usage = options.usage ?? { inputTokens: 10, outputTokens: 5 };
  const calls: RecordedCall[] = [];
  return {
    provider: options.provider ?? "azure-openai",
    defaultModel,
    calls,
    userTurns: () => calls.map((call) => call.user),
    async generate<T>(call: StructuredCall<T>): Promise<StructuredAnswer<T>> {
      const recorded: RecordedCall = { ...(call as StructuredCall<unknown>), abortedAtEnd: false };
      calls.push(recorded);
      const scripted = answers[Math.min(calls.length - 1, answers.length - 1)];
      try {
        const data =
          typeof scripted === "function"
            ? await (scripted as (call: StructuredCall<unknown>) => unknown)(recorded)
            : scripted;
        if (data instanceof Error) throw data;
        return { data: data as T, model: call.model ?? defaultModel, usage, httpCalls: 1 };
      } finally {
        recorded.abortedAtEnd = call.signal?.aborted ?? false;
      }
    },
  };
}
