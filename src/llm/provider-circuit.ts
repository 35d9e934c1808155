import {
  CircuitState,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  isIsolatedCircuitError,
} from "cockatiel";
import type { CircuitBreakerPolicy, FailureReason, IBreaker } from "cockatiel";
import { GenerationFailure } from "../errors/generation-error.js";

/** A circuit's state, as the metrics and the log name it. */
export type CircuitStateName = "closed" | "half-open" | "open";

/**
 * What a finished call says about the provider:
 * - `healthy`: it answered (an answer, or a failure that is the request's, not the provider's:
 *   a refusal, an invalid answer, a 400, a 429);
 * - `fault`: a 5xx, a timeout or a connection error, counted towards opening;
 * - `unauthorized`: 401/403, which opens the circuit at once (asking again will not help);
 * - `none`: the call never reached the provider or the client left (no evidence either way).
 */
export type Verdict = "healthy" | "fault" | "unauthorized" | "none";

export interface ProviderCircuitOptions {
  /** Human label for messages, e.g. "Azure OpenAI". */
  label: string;
  /** Consecutive faults that open the circuit (BREAKER_FAILURES). */
  failureThreshold: number;
  /** How long it stays open before one probe call may go through, in ms (BREAKER_RESET_MS). */
  resetMs: number;
  /** Every state change (the metrics' gauge, the log). */
  onStateChange?: (state: CircuitStateName, cause: GenerationFailure | undefined) => void;
}

/** Carries a failed call through cockatiel with its verdict, for VerdictBreaker to read. */
class JudgedFailure extends Error {
  constructor(
    readonly failure: GenerationFailure,
    readonly verdict: Exclude<Verdict, "healthy">,
  ) {
    super(failure.message);
  }
}

/**
 * cockatiel's ConsecutiveBreaker, plus: an `unauthorized` failure opens at once and a `none`
 * failure changes nothing. cockatiel sets `lastFailure` right before it asks `failure()`.
 */
class VerdictBreaker implements IBreaker {
  /** Consecutive faults (cockatiel's name for the breaker's serialisable state). */
  state = 0;

  constructor(
    private readonly threshold: number,
    private readonly lastFailure: () => FailureReason<unknown> | undefined,
  ) {}

  success(): void {
    this.state = 0;
  }

  failure(): boolean {
    const reason = this.lastFailure();
    const verdict =
      reason && "error" in reason && reason.error instanceof JudgedFailure
        ? reason.error.verdict
        : "fault";
    if (verdict === "none") return false;
    if (verdict === "unauthorized") return true;
    return ++this.state >= this.threshold;
  }
}

/**
 * A circuit breaker for one provider, on cockatiel's CircuitBreakerPolicy. Closed: calls go
 * through and faults are counted. Open: calls are refused at once, without an upstream call, as
 * UPSTREAM_UNAVAILABLE (or NOT_CONFIGURED when a 401/403 opened it). Once `resetMs` have passed
 * the next call is the single probe: while it runs every other call is refused (cockatiel would
 * make them wait for the probe, past their own deadlines); its success closes the circuit, its
 * fault opens it again.
 */
export class ProviderCircuit {
  private readonly options: ProviderCircuitOptions;
  private readonly policy: CircuitBreakerPolicy;
  private openedBy: GenerationFailure | undefined;
  private openedAt = 0;

  constructor(options: ProviderCircuitOptions) {
    this.options = options;
    const breaker = new VerdictBreaker(options.failureThreshold, () => this.policy.lastFailure);
    this.policy = circuitBreaker(
      handleWhen((error) => error instanceof JudgedFailure),
      { halfOpenAfter: options.resetMs, breaker },
    );
    this.policy.onBreak((reason) => {
      this.openedAt = Date.now();
      const judged =
        "error" in reason && reason.error instanceof JudgedFailure ? reason.error : undefined;
      // A probe that never reached the provider reopens the circuit but says nothing new: the
      // failure that opened it first still explains the refusals (a 401 stays NOT_CONFIGURED).
      if (judged?.verdict !== "none") this.openedBy = judged?.failure;
    });
    this.policy.onStateChange((state) => {
      const name = stateName(state);
      options.onStateChange?.(name, name === "open" ? this.openedBy : undefined);
    });
  }

  get state(): CircuitStateName {
    return stateName(this.policy.state);
  }

  /**
   * Runs `task` unless the circuit refuses it, and records what its outcome says about the
   * provider (`judge`). Resolves or rejects like `task`; a refusal is a GenerationFailure with
   * `httpCalls: 0`.
   */
  async run<T>(task: () => Promise<T>, judge: (failure: GenerationFailure) => Verdict): Promise<T> {
    if (this.policy.state === CircuitState.HalfOpen) throw this.refusal();
    let outcome: { value: T } | { failure: GenerationFailure };
    try {
      outcome = await this.policy.execute(async () => {
        try {
          return { value: await task() };
        } catch (error) {
          if (!(error instanceof GenerationFailure)) throw error;
          const verdict = judge(error);
          // A healthy failure is a success for the circuit: the provider answered.
          if (verdict === "healthy") return { failure: error };
          throw new JudgedFailure(error, verdict);
        }
      });
    } catch (error) {
      if (error instanceof JudgedFailure) throw error.failure;
      if (isBrokenCircuitError(error) || isIsolatedCircuitError(error)) throw this.refusal();
      throw error;
    }
    if ("failure" in outcome) throw outcome.failure;
    return outcome.value;
  }

  /** Why a call is refused: the failure that opened the circuit decides the code. */
  private refusal(): GenerationFailure {
    const { label, resetMs } = this.options;
    if (this.policy.state === CircuitState.HalfOpen) {
      return new GenerationFailure(
        this.openedBy?.code === "NOT_CONFIGURED" ? "NOT_CONFIGURED" : "UPSTREAM_UNAVAILABLE",
        `${label} is not being called: one probe call is checking whether it has recovered`,
      );
    }
    const seconds = Math.max(1, Math.ceil((this.openedAt + resetMs - Date.now()) / 1000));
    if (this.openedBy?.code === "NOT_CONFIGURED") {
      return new GenerationFailure(
        "NOT_CONFIGURED",
        `${label} rejected the credentials${this.openedBy.status ? ` (HTTP ${this.openedBy.status})` : ""}; it is not called again for ${seconds} s`,
      );
    }
    const last = this.openedBy ? ` (last: ${this.openedBy.message})` : "";
    return new GenerationFailure(
      "UPSTREAM_UNAVAILABLE",
      `${label} keeps failing${last}; it is not called for ${seconds} s`,
    );
  }
}

function stateName(state: CircuitState): CircuitStateName {
  switch (state) {
    case CircuitState.Closed:
      return "closed";
    case CircuitState.HalfOpen:
      return "half-open";
    default:
      return "open";
  }
}
