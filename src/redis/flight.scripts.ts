import { LuaScript } from "./lua-script.js";

// The cross-replica flight's Lua scripts (redis-flight.ts). The lock holds the holder's token;
// its answer goes under a key of that token, so a waiter only ever takes the answer of the very
// flight it waited for.

/**
 * Takes the lock for `token` unless another holds it; returns the holder's token either way
 * (ours: we generate). KEYS: lock. ARGV: token, lock ttl (ms).
 */
export const CLAIM_FLIGHT = new LuaScript(`
local holder = redis.call('GET', KEYS[1])
if holder then return holder end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return ARGV[1]
`);

/** Extends the lock while it is still ours: 1, or 0 when it was lost. KEYS: lock. ARGV: token, ttl. */
export const RENEW_FLIGHT = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`);

/**
 * Ends a flight: stores its answer (unless ARGV[2] is empty: no answer, waiters take over),
 * releases the lock if still ours, and tells the waiters. KEYS: lock, answer.
 * ARGV: token, answer JSON or '', answer ttl (ms), channel.
 */
export const FINISH_FLIGHT = new LuaScript(`
if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('PUBLISH', ARGV[4], ARGV[1])
return 1
`);
