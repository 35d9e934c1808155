import type { Logger } from "pino";

/** What the Redis backends report for metrics (implemented by observability/metrics.ts). */
export interface RedisObserver {
  /** Redis answers (true) or does not (false). */
  recordRedisUp(up: boolean): void;
  /** An operation was served without Redis (cache miss, local coalescing, in-memory quota, ...). */
  recordRedisFallback(operation: string): void;
}

/**
 * Whether Redis answers, as the backends saw it. An outage is one episode: a warning when it
 * starts, an info line when it ends, nothing in between, however many requests fall back; the
 * gauge and the fallback counter show it meanwhile.
 */
export class RedisHealth {
  private state: "connecting" | "up" | "down" = "connecting";
  private downSince = 0;

  constructor(
    private readonly logger: Logger,
    private readonly observer: RedisObserver,
    /** Where Redis is, without credentials, for the log lines. */
    private readonly where: string,
  ) {
    observer.recordRedisUp(false);
  }

  get isUp(): boolean {
    return this.state === "up";
  }

  markUp(): void {
    if (this.state === "up") return;
    const wasDown = this.state === "down";
    this.state = "up";
    this.observer.recordRedisUp(true);
    if (wasDown) {
      this.logger.info(
        { redis: this.where, downForMs: Math.round(performance.now() - this.downSince) },
        "Redis is reachable again: shared state resumed",
      );
    } else {
      this.logger.info({ redis: this.where }, "Redis connected: state is shared by every replica");
    }
  }

  markDown(cause: unknown): void {
    if (this.state === "down") return;
    this.state = "down";
    this.downSince = performance.now();
    this.observer.recordRedisUp(false);
    this.logger.warn(
      { redis: this.where, err: cause },
      "Redis is unreachable: serving without it (cache misses, coalescing within this process, in-memory quotas, modes kept in this process) until it answers again",
    );
  }

  fellBack(operation: string): void {
    this.observer.recordRedisFallback(operation);
  }
}
