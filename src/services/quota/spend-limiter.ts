import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { RateLimitedError } from "../../errors/rate-limited-error.js";

/**
 * Spend per principal, checked before a model call: model-backed requests per minute and model
 * tokens per day. Cache hits, shared generations, built-ins and offline generation never ask.
 */
export interface SpendLimiter {
  /**
   * Before a model call: RateLimitedError when the principal's tokens of the day are spent,
   * else takes one model-backed request from its minute (RateLimitedError when that is spent).
   */
  admit(principal: string): Promise<void>;
  /** Charges the tokens a generation used to the principal's day. */
  chargeTokens(principal: string, tokens: number): Promise<void>;
}

export interface SpendLimits {
  /** Model-backed requests per principal and minute; 0 for no limit. */
  generationsPerMinute: number;
  /** Model tokens per principal and day; 0 for no limit. */
  tokensPerDay: number;
}

const MINUTE_SECONDS = 60;
const DAY_SECONDS = 86_400;

/** Which of the two quotas a limiter counts (a shared store keeps them apart by it). */
export type QuotaName = "generations" | "tokens";

/** Makes the limiter of one quota: `points` per `durationSeconds` and principal. */
export type QuotaLimiterFactory = (
  points: number,
  durationSeconds: number,
  name: QuotaName,
) => RateLimiterAbstract;

/**
 * rate-limiter-flexible's limiters: in memory here; its Redis limiter stands behind the same
 * calls when state is shared (the limiter is injected so services never know which).
 */
export class RateLimiterSpendLimiter implements SpendLimiter {
  private readonly generations: RateLimiterAbstract | undefined;
  private readonly tokens: RateLimiterAbstract | undefined;
  private readonly tokensPerDay: number;

  constructor(
    limits: SpendLimits,
    create: QuotaLimiterFactory = (points, duration) => new RateLimiterMemory({ points, duration }),
  ) {
    this.generations =
      limits.generationsPerMinute > 0
        ? create(limits.generationsPerMinute, MINUTE_SECONDS, "generations")
        : undefined;
    this.tokens =
      limits.tokensPerDay > 0 ? create(limits.tokensPerDay, DAY_SECONDS, "tokens") : undefined;
    this.tokensPerDay = limits.tokensPerDay;
  }

  async admit(principal: string): Promise<void> {
    await this.checkTokens(principal);
    await this.consumeGeneration(principal);
  }

  private async consumeGeneration(principal: string): Promise<void> {
    if (!this.generations) return;
    try {
      await this.generations.consume(principal);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw new RateLimitedError("RATE_LIMIT_GENERATIONS_PER_MINUTE", seconds(rejection));
    }
  }

  private async checkTokens(principal: string): Promise<void> {
    if (!this.tokens) return;
    const spent = await this.tokens.get(principal);
    if (spent && spent.consumedPoints >= this.tokensPerDay) {
      throw new RateLimitedError("QUOTA_TOKENS_PER_DAY", seconds(spent));
    }
  }

  async chargeTokens(principal: string, tokens: number): Promise<void> {
    if (!this.tokens || tokens <= 0) return;
    // A penalty adds points without refusing: the call already happened and must be paid for.
    await this.tokens.penalty(principal, tokens);
  }
}

/** No limits at all (unit tests, benchmarks). */
export const NO_SPEND_LIMIT: SpendLimiter = {
  admit: async () => {},
  chargeTokens: async () => {},
};

function seconds(result: RateLimiterRes): number {
  return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
}
