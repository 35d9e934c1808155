import { createClient } from "redis";
import type { Logger } from "pino";
import type { RedisSettings } from "../config.js";
import { RedisHealth } from "./redis-health.js";
import type { RedisObserver } from "./redis-health.js";
import { withinTimeout } from "./within-timeout.js";
import { withoutCredentials } from "./redis-url.js";

export type RedisClient = ReturnType<typeof createClient>;

/** While Redis is down, how often to ask it whether it is back (PING), in ms. */
const PROBE_INTERVAL_MS = 1_000;

/**
 * Reconnection backoff: 100 ms doubling to 2 s, with jitter so replicas do not reconnect in step.
 * node-redis keeps trying for as long as the process runs.
 */
function reconnectDelay(retries: number): number {
  return Math.min(100 * 2 ** retries, 2_000) + Math.floor(Math.random() * 100);
}

/**
 * The process's Redis: one client for commands, a duplicate for subscriptions (a subscribed
 * connection can run nothing else), and the health every backend consults. Commands fail at
 * once while disconnected (`disableOfflineQueue`) instead of piling up, and `attempt` bounds
 * every command by REDIS_COMMAND_TIMEOUT_MS, so an unreachable Redis costs a request nothing
 * but the fallback.
 */
export class RedisConnection {
  readonly client: RedisClient;
  readonly subscriber: RedisClient;
  readonly health: RedisHealth;
  readonly commandTimeoutMs: number;
  private probing: ReturnType<typeof setInterval> | undefined;
  /** The probe run on the latest "ready": start() waits for it, so Redis is up when it returns. */
  private readyProbe: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(settings: RedisSettings, logger: Logger, observer: RedisObserver) {
    this.commandTimeoutMs = settings.commandTimeoutMs;
    this.health = new RedisHealth(logger, observer, withoutCredentials(settings.url));
    this.client = createClient({
      url: settings.url,
      disableOfflineQueue: true,
      // Also bounds a command still waiting to be written (withinTimeout bounds the rest).
      commandOptions: { timeout: settings.commandTimeoutMs },
      socket: {
        connectTimeout: Math.max(settings.commandTimeoutMs, 1_000),
        reconnectStrategy: reconnectDelay,
      },
    });
    this.subscriber = this.client.duplicate();
    this.client.on("error", (error: unknown) => this.failed(error));
    this.client.on("ready", () => (this.readyProbe = this.probe()));
    // The subscriber's own trouble shows on the command client too; polling covers the gap.
    this.subscriber.on("error", () => undefined);
  }

  /** Connects both clients; resolves once Redis answered or the first attempt failed. */
  async start(): Promise<void> {
    const settled = new Promise<void>((resolve) => {
      this.client.once("ready", () => void this.readyProbe.then(resolve));
      this.client.once("error", () => resolve());
    });
    // connect() retries until it succeeds (reconnectStrategy); failures arrive as "error".
    this.client.connect().catch(() => undefined);
    this.subscriber.connect().catch(() => undefined);
    await settled;
  }

  /**
   * Runs `command` against Redis within the command timeout; when Redis is down, or the command
   * fails or times out, counts the fallback and returns `fallback()` instead. A failure marks
   * Redis down until a probe answers: later calls fall back at once instead of each waiting.
   */
  async attempt<T, F>(
    operation: string,
    command: (client: RedisClient) => Promise<T>,
    fallback: () => F,
  ): Promise<T | F> {
    if (!this.health.isUp || !this.client.isReady) {
      this.health.fellBack(operation);
      return fallback();
    }
    try {
      return await withinTimeout(command(this.client), this.commandTimeoutMs);
    } catch (error) {
      this.failed(error);
      this.health.fellBack(operation);
      return fallback();
    }
  }

  /**
   * Calls `listener` on every message of `channel` until the returned function is called. When
   * the subscription cannot be made in time, nothing is delivered: callers also poll, since a
   * message published while a connection was down is lost anyway.
   */
  async listen(channel: string, listener: () => void): Promise<() => void> {
    const unsubscribe = () =>
      void this.subscriber.unsubscribe(channel, listener).catch(() => undefined);
    if (!this.health.isUp || !this.subscriber.isReady) return () => undefined;
    try {
      await withinTimeout(this.subscriber.subscribe(channel, listener), this.commandTimeoutMs);
    } catch {
      unsubscribe(); // in case it went through after all
      return () => undefined;
    }
    return unsubscribe;
  }

  /** Closes both connections and stops probing; pending commands fail and fall back. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.probing);
    await Promise.all([this.client, this.subscriber].map((client) => closeClient(client)));
  }

  private failed(error: unknown): void {
    if (this.closed) return;
    this.health.markDown(error);
    this.probing ??= setInterval(() => void this.probe(), PROBE_INTERVAL_MS).unref();
  }

  /** Marks Redis up when it answers a PING in time (after a reconnect, or while probing). */
  private async probe(): Promise<void> {
    if (this.closed || !this.client.isReady) return;
    try {
      await withinTimeout(this.client.ping(), this.commandTimeoutMs);
    } catch (error) {
      this.failed(error);
      return;
    }
    clearInterval(this.probing);
    this.probing = undefined;
    this.health.markUp();
  }
}

async function closeClient(client: RedisClient): Promise<void> {
  if (client.isReady) {
    try {
      await client.close();
      return;
    } catch {
      // Fall through: a connection that cannot close gracefully is cut.
    }
  }
  if (client.isOpen) client.destroy();
}
