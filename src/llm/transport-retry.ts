import { GenerationFailure } from "../errors/generation-error.js";
import { abortableSleep, settleByAbort } from "../abortable.js";
import { Deadline, isTimeoutReason } from "./deadline.js";
import type { StructuredAnswer, StructuredCall } from "./structured-llm.js";
import { isTransientFailure } from "./upstream-failure.js";

/** Exponential backoff between retries when the provider names no wait. */
export interface Backoff {
  /** Wait before the first retry, in ms. Default 500 (the SDKs' own). */
  initialMs: number;
  /** Longest wait, in ms. Default 8000 (the SDKs' own). */
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 8_000 };

/**
 * Without a deadline on the call, a Retry-After longer than this is not waited for (the SDKs cap
 * it at 60 s too); with one, the deadline decides.
 */
export const MAX_WAIT_WITHOUT_DEADLINE_MS = 60_000;

/**
 * One HTTP attempt of a model call (two for the JSON-mode fallback): `adapter.generate`, or
 * `adapter.stream` with its listener. It gets the call with the attempt's own signal, which
 * aborts at the per-HTTP-call timeout, at the call's deadline or when the client leaves.
 */
export type HttpAttempt<T> = (call: StructuredCall<T>) => Promise<StructuredAnswer<T>>;

export interface TransportRetryOptions {
  /** Human label for messages, e.g. "Azure OpenAI". */
  label: string;
  /** Retries after a transport failure (429, 408, 409, 5xx, timeout, connection error). */
  maxRetries: number;
  /** Longest one HTTP call may take, in ms; a call past it is a transport failure. */
  timeoutMs: number;
  backoff?: Backoff;
  /** Receives every adapter call's own promise, which may outlive an abort (see settleByAbort). */
  track?: (pending: Promise<unknown>) => void;
  /** Asked before each retry; true stops retrying (the provider's circuit opened meanwhile). */
  stopRetrying?: () => boolean;
  /** Called before each wait, for the log. */
  onRetry?: (event: { retry: number; waitMs: number; failure: GenerationFailure }) => void;
  /** Jitter source, 0 ≤ x < 1. Default Math.random. */
  random?: () => number;
}

/**
 * One model call with transport retries, every wait inside the call's deadline:
 * 1. each HTTP call gets its own deadline (`timeoutMs`, inside the call's), and its promise is
 *    raced against that deadline's signal, so an adapter that ignores the signal still ends on time;
 * 2. a transport failure is retried after the wait the provider asked for (`retry-after-ms`,
 *    `Retry-After`), else after exponential backoff with jitter;
 * 3. a wait that would end past the deadline is not started: the call fails now with the last
 *    failure's code; every wait is abortable.
 * The answer and the final failure carry `httpCalls`, the HTTP calls made across the retries.
 * `attempt` makes one HTTP call; it is what differs between `generate` and `stream`.
 */
export async function callWithTransportRetries<T>(
  attempt: HttpAttempt<T>,
  call: StructuredCall<T>,
  options: TransportRetryOptions,
): Promise<StructuredAnswer<T>> {
  const signal = call.signal;
  let httpCalls = 0;
  for (let retry = 0; ; retry++) {
    // Retries only start inside the deadline, but a first call may arrive after it.
    if (signal?.aborted) throw stoppedFailure(options.label, signal, { httpCalls });
    const outcome = await attemptOnce(attempt, call, signal, options);
    if ("answer" in outcome) {
      return { ...outcome.answer, httpCalls: httpCalls + outcome.answer.httpCalls };
    }
    httpCalls += outcome.failure.httpCalls;
    const failure = outcome.failure.withDetails({ httpCalls });
    if (signal?.aborted || !isTransientFailure(failure)) throw failure;
    if (retry >= options.maxRetries || options.stopRetrying?.()) throw failure;

    const waitMs = failure.retryAfterMs ?? backoffMs(retry, options);
    const leftMs = call.deadline?.remainingMs() ?? MAX_WAIT_WITHOUT_DEADLINE_MS;
    if (waitMs >= leftMs) throw failure;
    options.onRetry?.({ retry: retry + 1, waitMs, failure });
    try {
      await abortableSleep(waitMs, signal);
    } catch {
      throw failure;
    }
  }
}

type AttemptOutcome<T> = { answer: StructuredAnswer<T> } | { failure: GenerationFailure };

/** One HTTP call (two for the JSON-mode fallback) under its own deadline. */
async function attemptOnce<T>(
  attempt: HttpAttempt<T>,
  call: StructuredCall<T>,
  signal: AbortSignal | undefined,
  options: TransportRetryOptions,
): Promise<AttemptOutcome<T>> {
  const attemptDeadline = new Deadline(options.timeoutMs, signal);
  try {
    const pending = attempt({ ...call, signal: attemptDeadline.signal });
    options.track?.(pending);
    return { answer: await settleByAbort(pending, attemptDeadline.signal) };
  } catch (error) {
    if (attemptDeadline.signal.aborted) {
      return { failure: abortFailure(error, attemptDeadline, signal, options) };
    }
    if (error instanceof GenerationFailure) return { failure: error };
    throw error;
  } finally {
    attemptDeadline.dispose();
  }
}

/**
 * The failure of a call its deadline (or the client) stopped, whatever the adapter made of the
 * abort, so the code does not depend on which of the two noticed first.
 */
function abortFailure(
  error: unknown,
  attempt: Deadline,
  signal: AbortSignal | undefined,
  options: TransportRetryOptions,
): GenerationFailure {
  const details = {
    // The call went out (or was about to): at least one HTTP call.
    httpCalls: Math.max(1, error instanceof GenerationFailure ? error.httpCalls : 0),
    usage: error instanceof GenerationFailure ? error.usage : undefined,
  };
  if (signal?.aborted) return stoppedFailure(options.label, signal, details);
  return new GenerationFailure(
    "UPSTREAM_TIMEOUT",
    `${options.label} did not answer within ${attempt.timeoutMs} ms`,
    { ...details, cause: error },
  );
}

/**
 * A model call stopped by its aborted signal: the request's deadline passed, or the client left.
 * Exported for the layers above, which stop such calls before they reach the retry loop.
 */
export function stoppedFailure(
  label: string,
  signal: AbortSignal,
  details: { httpCalls: number; usage?: GenerationFailure["usage"] },
): GenerationFailure {
  const message = isTimeoutReason(signal.reason)
    ? `${label} did not answer within the deadline`
    : `The request was cancelled before ${label} answered`;
  return new GenerationFailure("UPSTREAM_TIMEOUT", message, { ...details, cause: signal.reason });
}

/** Exponential backoff with up to 25% jitter (the SDKs' own formula). */
function backoffMs(retry: number, options: TransportRetryOptions): number {
  const { initialMs, maxMs } = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  return Math.min(initialMs * 2 ** retry, maxMs) * (1 - random() * 0.25);
}
