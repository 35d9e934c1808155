import { createHash } from "node:crypto";

/**
 * Version of the shapes stored under the keys below. Part of every key and channel: a release
 * that changes a stored shape bumps it, and then never reads what an older release wrote (the
 * old keys are simply not found and expire or are evicted).
 */
export const KEY_SCHEMA_VERSION = "v1";

/**
 * Every Redis key and channel of one deployment: `<REDIS_PREFIX>:v1:...`. Parts that come from
 * requests (cache keys, identities, principals) are hashed or encoded, so a key never depends on
 * what a client typed beyond its digest and cannot run into another key's shape.
 */
export class RedisKeys {
  /** `<prefix>:<version>`, the start of every key; the Lua scripts build keys from it too. */
  readonly base: string;

  constructor(prefix: string) {
    this.base = `${prefix}:${KEY_SCHEMA_VERSION}`;
  }

  /** A cached generation answer (GenerationCache), e.g. `cache:workflow:<sha256>`. */
  cache(key: string): string {
    return `${this.base}:cache:${key}`;
  }

  /** Lock, answer and channel of the cross-replica flight for one coalescing key. */
  flight(key: string): { lock: string; channel: string; answer: (token: string) => string } {
    const digest = sha256(key);
    const stem = `${this.base}:flight:${digest}`;
    return { lock: `${stem}:lock`, channel: stem, answer: (token) => `${stem}:answer:${token}` };
  }

  /**
   * The mode store. A mode is a hash (`identity`, `index`, `json`) under `mode:<id>` with the set
   * of principals holding it under `holders:<id>` (the Lua scripts build these two from `base`,
   * in the same shapes); each principal has a shelf (positions) and a recency order; positions
   * come from one counter, so they grow across every replica and cursors work on all of them.
   */
  modes(principal: string): {
    shelf: string;
    recency: string;
    positions: string;
    touches: string;
  } {
    const owner = principalKeyPart(principal);
    return {
      shelf: `${this.base}:shelf:${owner}`,
      recency: `${this.base}:recency:${owner}`,
      positions: `${this.base}:counter:mode-position`,
      touches: `${this.base}:counter:mode-use`,
    };
  }

  /** Which mode id an identity (a generation's cache key) is held under. */
  modeIdentity(identity: string): string {
    return `${this.base}:identity:${sha256(identity)}`;
  }

  /** The workflow store: documents by digest, and one recency order for eviction. */
  workflow(digest: string): { document: string; recency: string; touches: string } {
    return {
      document: `${this.base}:workflow:${digest}`,
      recency: `${this.base}:workflows:recency`,
      touches: `${this.base}:counter:workflow-use`,
    };
  }

  /** rate-limiter-flexible's key prefix for one quota (it appends `:<principal>`). */
  quota(name: string): string {
    return `${this.base}:quota:${name}`;
  }
}

/** Hex SHA-256: request-derived key parts of bounded length. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A principal as a key part: readable, but never containing the `:` that separates parts. */
export function principalKeyPart(principal: string): string {
  return encodeURIComponent(principal);
}
