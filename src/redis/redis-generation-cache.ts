import type { GenerationCache } from "../services/sharing/generation-cache.js";
import type { RedisConnection } from "./redis-connection.js";
import type { RedisKeys } from "./redis-keys.js";

/**
 * The generation cache in Redis, shared by every replica: JSON under `<base>:cache:<key>`,
 * expiring after CACHE_TTL_SECONDS. There is no entry limit here (WORKFLOW_CACHE_SIZE bounds the
 * embedded cache): entries expire, and Redis's own maxmemory policy bounds the rest. When Redis
 * does not answer, a read is a miss and a write is skipped: the answer is still served.
 */
export class RedisGenerationCache<T> implements GenerationCache<T> {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: RedisKeys,
    private readonly ttlMs: number,
  ) {}

  async get(key: string): Promise<T | undefined> {
    const text = await this.redis.attempt(
      "cache.get",
      (client) => client.get(this.keys.cache(key)),
      () => null,
    );
    return text === null ? undefined : (JSON.parse(text) as T);
  }

  async set(key: string, value: T): Promise<void> {
    const text = JSON.stringify(value);
    await this.redis.attempt(
      "cache.set",
      (client) => client.set(this.keys.cache(key), text, { PX: this.ttlMs }),
      () => undefined,
    );
  }
}
