import type { Logger } from "pino";
import { GenerationFailure } from "../errors/generation-error.js";
import { AbortableSemaphore } from "./abortable-semaphore.js";
import type { Release } from "./abortable-semaphore.js";
import { isTimeoutReason } from "./deadline.js";
import { ProviderCircuit } from "./provider-circuit.js";
import type { CircuitStateName, Verdict } from "./provider-circuit.js";
import type {
  AnswerFieldListener,
  ProviderName,
  StructuredAnswer,
  StructuredCall,
  StructuredLlm,
} from "./structured-llm.js";
import { callWithTransportRetries, stoppedFailure } from "./transport-retry.js";
import type { Backoff, HttpAttempt } from "./transport-retry.js";

/** Provider names as messages spell them. */
export const PROVIDER_LABELS: Record<ProviderName, string> = {
  "azure-openai": "Azure OpenAI",
  openai: "OpenAI",
  anthropic: "Anthropic",
  offline: "The offline generator",
};

export interface ResilienceOptions {
  /** Retries per model call after a transport failure (LLM_MAX_RETRIES). */
  maxRetries: number;
  /** Longest one HTTP call may take, in ms (LLM_TIMEOUT_MS). */
  timeoutMs: number;
  /** Model calls in flight to this provider at most; the rest wait (UPSTREAM_MAX_CONCURRENCY). */
  maxConcurrency: number;
  /** Consecutive faults (5xx, timeouts, connection errors) that open the circuit (BREAKER_FAILURES). */
  breakerFailures: number;
  /** How long an open circuit refuses calls before one probe goes through, in ms (BREAKER_RESET_MS). */
  breakerResetMs: number;
  /** Backoff between retries when the provider names no wait. Default 500 ms doubling to 8 s. */
  backoff?: Backoff;
  /** Receives circuit changes (warn when it opens) and retries (debug). */
  logger?: Logger;
  /** Every circuit state change, starting with "closed" (the metrics' gauge). */
  onCircuitStateChange?: (state: CircuitStateName) => void;
}

/**
 * Any StructuredLlm behind the three guards of one provider, outermost first:
 * 1. a circuit breaker (provider-circuit.ts): after consecutive faults, or one 401/403, calls are
 *    refused at once without an upstream call until a single probe succeeds;
 * 2. a bulkhead (abortable-semaphore.ts): at most `maxConcurrency` model calls in flight, the
 *    rest queued within their own deadline, then UPSTREAM_RATE_LIMITED;
 * 3. transport retries (transport-retry.ts): the SDKs make none; here 429/5xx/timeouts are
 *    retried after the provider's Retry-After or backoff, only while the deadline allows, and
 *    every HTTP call is raced against its deadline.
 * `generate` and `stream` go through the same three guards; only the HTTP attempt differs.
 * Built once per provider in the composition root, so both tasks share the breaker and the
 * bulkhead. Services only see a StructuredLlm.
 */
export class ResilientLlm implements StructuredLlm {
  readonly provider: ProviderName;
  readonly defaultModel: string;
  private readonly adapter: StructuredLlm;
  private readonly options: ResilienceOptions;
  private readonly label: string;
  private readonly circuit: ProviderCircuit;
  private readonly bulkhead: AbortableSemaphore;

  constructor(adapter: StructuredLlm, options: ResilienceOptions) {
    this.adapter = adapter;
    this.options = options;
    this.provider = adapter.provider;
    this.defaultModel = adapter.defaultModel;
    this.label = PROVIDER_LABELS[adapter.provider];
    this.bulkhead = new AbortableSemaphore(options.maxConcurrency);
    this.circuit = new ProviderCircuit({
      label: this.label,
      failureThreshold: options.breakerFailures,
      resetMs: options.breakerResetMs,
      onStateChange: (state, cause) => this.circuitChanged(state, cause),
    });
    options.onCircuitStateChange?.("closed");
  }

  /** The provider's circuit: closed, open (calls refused) or half-open (one probe under way). */
  get circuitState(): CircuitStateName {
    return this.circuit.state;
  }

  /** Model calls holding a bulkhead slot, and calls waiting for one. */
  get load(): { inFlight: number; queued: number } {
    return { inFlight: this.bulkhead.inUse, queued: this.bulkhead.queued };
  }

  generate<T>(call: StructuredCall<T>): Promise<StructuredAnswer<T>> {
    return this.guarded(call, (attemptCall) => this.adapter.generate(attemptCall));
  }

  /**
   * `generate` with the answer streamed, behind the same guards: the circuit, the bulkhead (a
   * stream holds its slot until its HTTP call has ended) and the transport retries, each HTTP
   * attempt an `adapter.stream`. An adapter without `stream` answers through `generate`: the
   * answer is the same, and `onField` hears nothing.
   *
   * A transport failure is retried even after some fields were heard (a stream cut short after
   * the colour, a 503 mid-answer): the fields are a preview and the answer the promise settles
   * with is the authority, so a field the listener heard may be heard again, possibly with
   * another value, from the retry's stream, which starts over at the first field. Not retrying
   * would fail a request for a dropped connection that `generate` would have recovered from, for
   * the sake of previews. Only the attempt in flight is heard: one given up on (its timeout, the
   * deadline, the client gone) is silenced, so fields of two attempts never interleave even when
   * an adapter ignores its signal.
   */
  stream<T>(call: StructuredCall<T>, onField: AnswerFieldListener): Promise<StructuredAnswer<T>> {
    const adapter = this.adapter;
    if (!adapter.stream) return this.generate(call);
    return this.guarded(call, (attemptCall) =>
      adapter.stream!(attemptCall, whileLive(attemptCall.signal, onField)),
    );
  }

  /** One model call, made by `attempt` for each HTTP call, behind the circuit and the bulkhead. */
  private guarded<T>(
    call: StructuredCall<T>,
    attempt: HttpAttempt<T>,
  ): Promise<StructuredAnswer<T>> {
    const signal = call.signal;
    // Past its deadline already (a repair call after a slow first one): no slot, no call.
    if (signal?.aborted) {
      return Promise.reject(stoppedFailure(this.label, signal, { httpCalls: 0 }));
    }
    return this.circuit.run(
      () => this.throughBulkhead(call, signal, attempt),
      (failure) => verdictOf(failure, signal),
    );
  }

  private async throughBulkhead<T>(
    call: StructuredCall<T>,
    signal: AbortSignal | undefined,
    attempt: HttpAttempt<T>,
  ): Promise<StructuredAnswer<T>> {
    let release: Release;
    try {
      release = await this.bulkhead.acquire(signal);
    } catch {
      throw new GenerationFailure(
        "UPSTREAM_RATE_LIMITED",
        `${this.label} already has ${this.bulkhead.limit} calls in flight from this server, and none finished before the deadline`,
        { cause: signal?.reason },
      );
    }
    const pending: Array<Promise<unknown>> = [];
    try {
      return await callWithTransportRetries(attempt, call, {
        label: this.label,
        maxRetries: this.options.maxRetries,
        timeoutMs: this.options.timeoutMs,
        backoff: this.options.backoff,
        track: (adapterCall) => pending.push(adapterCall),
        // Another request's faults opened the circuit: this one stops retrying too.
        stopRetrying: () => this.circuit.state === "open",
        onRetry: ({ retry, waitMs, failure }) =>
          this.options.logger?.debug(
            { provider: this.provider, retry, waitMs: Math.round(waitMs), code: failure.code },
            `${this.label} call failed (${failure.message}); retrying`,
          ),
      });
    } finally {
      // The slot frees once every HTTP call has ended, not merely been given up on: an SDK that
      // ignores its signal must not take the calls in flight past the limit.
      void Promise.allSettled(pending).then(release);
    }
  }

  private circuitChanged(state: CircuitStateName, cause: GenerationFailure | undefined): void {
    this.options.onCircuitStateChange?.(state);
    const logger = this.options.logger;
    const fields = { provider: this.provider, circuit: state };
    if (state === "open") {
      logger?.warn(
        {
          ...fields,
          code: cause?.code,
          status: cause?.status,
          resetMs: this.options.breakerResetMs,
        },
        `${this.label} circuit open: calls are refused for ${this.options.breakerResetMs} ms (${cause?.message ?? "failures"})`,
      );
    } else {
      logger?.info(
        fields,
        state === "closed"
          ? `${this.label} circuit closed: calls go through again`
          : `${this.label} circuit half-open: one probe call goes through`,
      );
    }
  }
}

/** `onField`, silenced once `signal` (one HTTP attempt's) has aborted. */
function whileLive(
  signal: AbortSignal | undefined,
  onField: AnswerFieldListener,
): AnswerFieldListener {
  return (name, value) => {
    if (!signal?.aborted) onField(name, value);
  };
}

/** What a failed model call says about the provider (see Verdict). */
export function verdictOf(failure: GenerationFailure, signal: AbortSignal | undefined): Verdict {
  if (failure.httpCalls === 0) return "none";
  if (signal?.aborted && !isTimeoutReason(signal.reason)) return "none";
  if (failure.code === "NOT_CONFIGURED" && (failure.status === 401 || failure.status === 403)) {
    // Not 404: a workflow request may name its own model, and one bad name must not stop the rest.
    return "unauthorized";
  }
  if (failure.code === "UPSTREAM_UNAVAILABLE" || failure.code === "UPSTREAM_TIMEOUT") {
    return "fault";
  }
  return "healthy";
}
