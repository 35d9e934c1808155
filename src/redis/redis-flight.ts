import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { Deadline } from "../llm/deadline.js";
import type { Flight } from "../services/sharing/coalescer.js";
import { Doorbell } from "./doorbell.js";
import { CLAIM_FLIGHT, FINISH_FLIGHT, RENEW_FLIGHT } from "./flight.scripts.js";
import type { RedisConnection } from "./redis-connection.js";
import type { RedisKeys } from "./redis-keys.js";

export interface RedisFlightsOptions {
  /** Lock expiry (REDIS_LOCK_TTL_MS); the holder renews it every third of it. */
  lockTtlMs: number;
  /** How often a waiter checks on the holder besides pub/sub (REDIS_WAIT_POLL_MS). */
  waitPollMs: number;
  /**
   * The task's deadline (MODE_DEADLINE_MS, WORKFLOW_DEADLINE_MS): waiting for another replica and
   * generating after taking over both count against it.
   */
  deadlineMs: number;
  logger: Logger;
}

type FlightKeys = ReturnType<RedisKeys["flight"]>;

/** How a wait for another replica's generation ended. */
type WaitOutcome =
  | { kind: "answered"; value: unknown }
  /** The holder finished without an answer, or its lock expired (it died): claim again. */
  | { kind: "released" }
  /** Redis stopped answering: go on alone. */
  | { kind: "unavailable" }
  /** The deadline passed first. */
  | { kind: "out-of-time" };

/**
 * One generation per key across every replica. The first replica to take a short lock
 * (`SET NX PX`, renewed while it works) generates; the others wait for its answer, told by
 * publish/subscribe and polling all the same (a message can be lost), within their own deadline.
 *
 * - The holder stores its answer (JSON, briefly) under a key of its lock token, then releases the
 *   lock and publishes. A generation failure that is data (a FALLBACK mode, `success: false`) is
 *   an answer and is shared, as within one process.
 * - A holder that throws, or whose callers all left (the answer would be a cancelled
 *   placeholder), releases the lock without an answer; a waiter takes over.
 * - A holder that dies leaves its lock to expire (REDIS_LOCK_TTL_MS); a waiter then takes over.
 * - A waiter whose deadline passes runs `work` with the expired signal, which answers at once
 *   with the service's own timeout result, as a holder would at its deadline.
 * - When Redis stops answering, each replica goes on alone (the in-process coalescer in front
 *   still joins identical requests within the replica).
 */
export class RedisFlights {
  /** How long an answer stays readable: enough for every waiter's next check. */
  private readonly answerTtlMs: number;

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: RedisKeys,
    private readonly options: RedisFlightsOptions,
  ) {
    this.answerTtlMs = Math.max(10_000, 2 * options.lockTtlMs);
  }

  /** Whether some replica holds the lock for `key` now; false when Redis does not answer. */
  async isHeld(key: string): Promise<boolean> {
    return this.redis.attempt(
      "flight.check",
      async (client) => (await client.exists(this.keys.flight(key).lock)) > 0,
      () => false,
    );
  }

  /**
   * Generates for `key` (taking the lock) or waits for the replica that does. `signal` aborts
   * when every caller in this process has left; the wait then stops and nothing is generated.
   */
  async run<T>(
    key: string,
    signal: AbortSignal,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<Flight<T>> {
    const keys = this.keys.flight(key);
    const token = randomUUID();
    const deadline = new Deadline(this.options.deadlineMs, signal);
    try {
      for (;;) {
        const holder = await this.redis.attempt(
          "flight.claim",
          (client) => CLAIM_FLIGHT.run(client, [keys.lock], [token, this.options.lockTtlMs]),
          () => undefined,
        );
        if (holder === undefined) return { value: await work(deadline.signal), shared: false };
        if (holder === token) {
          return { value: await this.hold(keys, token, signal, deadline, work), shared: false };
        }
        const outcome = await this.waitFor(keys, String(holder), signal, deadline.signal);
        if (outcome.kind === "answered") return { value: outcome.value as T, shared: true };
        if (outcome.kind !== "released") {
          return { value: await work(deadline.signal), shared: false };
        }
      }
    } finally {
      deadline.dispose();
    }
  }

  /** Runs `work` holding the lock (renewed meanwhile), then hands its answer to the waiters. */
  private async hold<T>(
    keys: FlightKeys,
    token: string,
    callers: AbortSignal,
    deadline: Deadline,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const renewal = setInterval(
      () => void this.renew(keys, token),
      Math.max(1, Math.floor(this.options.lockTtlMs / 3)),
    );
    renewal.unref();
    let value: T;
    try {
      value = await work(deadline.signal);
    } catch (error) {
      clearInterval(renewal);
      await this.finish(keys, token, "");
      throw error;
    }
    clearInterval(renewal);
    // Callers that all left got a cancelled placeholder: not an answer for anyone else.
    await this.finish(keys, token, callers.aborted ? "" : JSON.stringify(value));
    return value;
  }

  private async renew(keys: FlightKeys, token: string): Promise<void> {
    const renewed = await this.redis.attempt(
      "flight.renew",
      (client) => RENEW_FLIGHT.run(client, [keys.lock], [token, this.options.lockTtlMs]),
      () => undefined,
    );
    if (renewed === 0) {
      this.options.logger.warn(
        { lockTtlMs: this.options.lockTtlMs },
        "a generation outlived its Redis lock (the event loop or Redis stalled for longer than REDIS_LOCK_TTL_MS): another replica may generate the same",
      );
    }
  }

  private async finish(keys: FlightKeys, token: string, answer: string): Promise<void> {
    await this.redis.attempt(
      "flight.finish",
      (client) =>
        FINISH_FLIGHT.run(
          client,
          [keys.lock, keys.answer(token)],
          [token, answer, this.answerTtlMs, keys.channel],
        ),
      () => undefined,
    );
  }

  /** Waits for the flight of `holder`: its answer, its end without one, or its lock's expiry. */
  private async waitFor(
    keys: FlightKeys,
    holder: string,
    callers: AbortSignal,
    deadline: AbortSignal,
  ): Promise<WaitOutcome> {
    const doorbell = new Doorbell();
    const stopListening = await this.redis.listen(keys.channel, doorbell.ring);
    try {
      for (;;) {
        const state = await this.redis.attempt(
          "flight.wait",
          (client) => client.mGet([keys.answer(holder), keys.lock]),
          () => undefined,
        );
        if (state === undefined) return { kind: "unavailable" };
        const [answer, lock] = state;
        if (typeof answer === "string") return { kind: "answered", value: JSON.parse(answer) };
        if (lock !== holder) return { kind: "released" };
        try {
          await doorbell.wait(this.options.waitPollMs, deadline);
        } catch (reason) {
          if (callers.aborted) throw reason;
          return { kind: "out-of-time" };
        }
      }
    } finally {
      stopListening();
    }
  }
}
