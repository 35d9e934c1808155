import { abortableSleep } from "../../src/abortable.js";
import type { TokenUsage } from "../../src/errors/generation-error.js";
import type {
  AnswerFieldListener,
  ProviderName,
  StructuredAnswer,
  StructuredCall,
  StructuredLlm,
} from "../../src/llm/structured-llm.js";

/**
 * A stream that fails part-way: `stream` tells `fields` (in key order), then rejects with `then`;
 * `generate` rejects with `then` at once. Made by `cutShort`.
 */
export class CutShortAnswer {
  constructor(
    readonly fields: Readonly<Record<string, unknown>>,
    readonly then: Error,
  ) {}
}

/** A scripted answer whose stream tells `fields` and then fails with `error` (a dropped stream). */
export function cutShort(fields: Record<string, unknown>, error: Error): CutShortAnswer {
  return new CutShortAnswer(fields, error);
}

/**
 * One scripted answer: the data the model returns, an Error the call throws (a
 * GenerationFailure, say), a CutShortAnswer (see `cutShort`), or a function of the call that
 * returns any of these (it may wait, e.g. for the call's signal).
 */
export type ScriptedAnswer =
  unknown | Error | ((call: StructuredCall<unknown>) => unknown | Promise<unknown>);

/** A call as the service made it, with whether its signal had been aborted when it ended. */
export interface RecordedCall extends StructuredCall<unknown> {
  abortedAtEnd: boolean;
  /** True when the call came through `stream` (absent for `generate`). */
  streamed?: true;
}

export interface RecordingLlm extends StructuredLlm {
  /** Every call, in order. */
  readonly calls: RecordedCall[];
  /** The user turns of the calls, in order: what tests read most. */
  userTurns(): string[];
  stream<T>(call: StructuredCall<T>, onField: AnswerFieldListener): Promise<StructuredAnswer<T>>;
}

export interface RecordingLlmOptions {
  provider?: ProviderName;
  /** `defaultModel`, and the model reported in answers unless a call names one. */
  defaultModel?: string;
  /** Usage reported for every answer. */
  usage?: TokenUsage;
  /**
   * Wait before each field `stream` tells, in ms. Default 0: the fields are told synchronously,
   * one after the other, once the script has answered. A wait ends early when the call's signal
   * aborts, and the call then rejects with the signal's reason.
   */
  fieldDelayMs?: number;
}

/**
 * The model interface (StructuredLlm) as a script: service tests drive the generate → validate →
 * retry logic with it and read exactly what each call carried, with no SDK and no HTTP in
 * between (the wire is tested in test/integration with real SDKs against loopback servers).
 * Answers are used in order; when the script runs out, the last answer repeats. `stream` plays
 * the same script: a plain-object answer's top-level fields are told in key order, then the call
 * settles exactly as `generate` would; an Error rejects with no field told.
 */
export function recordingLlm(
  answers: readonly ScriptedAnswer[],
  options: RecordingLlmOptions = {},
): RecordingLlm {
  if (answers.length === 0) throw new Error("recordingLlm needs at least one scripted answer");
  const defaultModel = options.defaultModel ?? "recorded-model";
  const usage = options.usage ?? { inputTokens: 10, outputTokens: 5 };
  const fieldDelayMs = options.fieldDelayMs ?? 0;
  const calls: RecordedCall[] = [];

  async function answer<T>(
    call: StructuredCall<T>,
    onField: AnswerFieldListener | undefined,
  ): Promise<StructuredAnswer<T>> {
    const recorded: RecordedCall = { ...(call as StructuredCall<unknown>), abortedAtEnd: false };
    if (onField) recorded.streamed = true;
    calls.push(recorded);
    const scripted = answers[Math.min(calls.length - 1, answers.length - 1)];
    try {
      const data =
        typeof scripted === "function"
          ? await (scripted as (call: StructuredCall<unknown>) => unknown)(recorded)
          : scripted;
      if (data instanceof Error) throw data;
      if (data instanceof CutShortAnswer) {
        if (onField) await tellFields(data.fields, onField, call.signal);
        throw data.then;
      }
      if (onField && isPlainObject(data)) await tellFields(data, onField, call.signal);
      return { data: data as T, model: call.model ?? defaultModel, usage, httpCalls: 1 };
    } finally {
      recorded.abortedAtEnd = call.signal?.aborted ?? false;
    }
  }

  async function tellFields(
    fields: Readonly<Record<string, unknown>>,
    onField: AnswerFieldListener,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    for (const [name, value] of Object.entries(fields)) {
      if (fieldDelayMs > 0) await abortableSleep(fieldDelayMs, signal);
      onField(name, value);
    }
  }

  return {
    provider: options.provider ?? "azure-openai",
    defaultModel,
    calls,
    userTurns: () => calls.map((call) => call.user),
    generate: (call) => answer(call, undefined),
    stream: (call, onField) => answer(call, onField),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
