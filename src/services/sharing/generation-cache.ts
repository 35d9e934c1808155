import { LRUCache } from "lru-cache";

/**
 * Answers kept for identical later requests, by a key that covers everything that shapes the
 * answer. Asynchronous so a shared backend (Redis) can stand behind the same interface.
 */
export interface GenerationCache<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
}

/** The embedded cache: a bounded LRU in this process, entries expiring after `ttlMs`. */
export class InMemoryGenerationCache<T extends object> implements GenerationCache<T> {
  private readonly entries: LRUCache<string, T>;

  constructor(options: { capacity: number; ttlMs: number }) {
    this.entries = new LRUCache({ max: options.capacity, ttl: options.ttlMs });
  }

  async get(key: string): Promise<T | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, value: T): Promise<void> {
    this.entries.set(key, value);
  }
}
