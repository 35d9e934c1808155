import { createHash } from "node:crypto";
import { ErrorReply } from "redis";
import type { RedisClient } from "./redis-connection.js";

/**
 * A Lua script run atomically by Redis: by its SHA-1 (EVALSHA, the script is not sent again),
 * and by its text when this Redis does not know it yet (a fresh or restarted server).
 *
 * The scripts build some keys from `base` (ARGV) rather than receiving them all in KEYS, because
 * which keys they touch depends on what they read (an evicted mode's identity, say). That is
 * fine on one Redis (or a primary with replicas), not on Redis Cluster.
 */
export class LuaScript {
  readonly sha1: string;

  constructor(readonly source: string) {
    this.sha1 = createHash("sha1").update(source).digest("hex");
  }

  async run(client: RedisClient, keys: string[], args: Array<string | number>): Promise<unknown> {
    const options = { keys, arguments: args.map(String) };
    try {
      return await client.evalSha(this.sha1, options);
    } catch (error) {
      // NOSCRIPT is Redis's error code (the reply's first word) for an unknown SHA-1.
      if (!(error instanceof ErrorReply) || !error.message.startsWith("NOSCRIPT")) throw error;
      return client.eval(this.source, options);
    }
  }
}
