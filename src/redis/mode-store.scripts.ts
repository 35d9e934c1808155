import { LuaScript } from "./lua-script.js";

// The mode store's Lua scripts (redis-mode-store.ts): each step that reads and writes runs as one
// script, so two replicas saving, keeping or evicting at once never see half a change. Key
// shapes are those of RedisKeys.modes; `base` .. ':mode:' .. id and ':holders:' .. id are built
// here because which ids a step touches depends on what it reads.

/**
 * Puts mode `id` on a principal's shelf unless it is there already (a keep does not count as a
 * use, as in the in-process LRU), then evicts the least recently used beyond `capacity`; a mode
 * no principal holds any more is deleted with its identity index.
 */
const KEEP_FUNCTION = `
local function keep(base, id, principal, shelf, recency, positions, touches, capacity, first)
  if redis.call('EXISTS', base .. ':mode:' .. id) == 0 then return 0 end
  if redis.call('ZSCORE', shelf, id) then return 1 end
  redis.call('ZADD', shelf, redis.call('INCR', positions) + first - 1, id)
  redis.call('ZADD', recency, redis.call('INCR', touches), id)
  redis.call('SADD', base .. ':holders:' .. id, principal)
  while redis.call('ZCARD', recency) > capacity do
    local oldest = redis.call('ZRANGE', recency, 0, 0)[1]
    redis.call('ZREM', recency, oldest)
    redis.call('ZREM', shelf, oldest)
    local holders = base .. ':holders:' .. oldest
    redis.call('SREM', holders, principal)
    if redis.call('SCARD', holders) == 0 then
      local evicted = base .. ':mode:' .. oldest
      local index = redis.call('HGET', evicted, 'index')
      if index and redis.call('GET', index) == oldest then redis.call('DEL', index) end
      redis.call('DEL', evicted)
    end
  end
  return 1
end
`;

/**
 * The id a mode made for `identity` takes: the one its identity already holds, else the first
 * candidate free or held by the same identity; false when none is. Reads only.
 * KEYS: identity index. ARGV: base, identity, candidates...
 */
export const CHOOSE_MODE_ID = new LuaScript(`
local base, identity = ARGV[1], ARGV[2]
local current = redis.call('GET', KEYS[1])
if current and redis.call('HGET', base .. ':mode:' .. current, 'identity') == identity then
  return current
end
for i = 3, #ARGV do
  local holder = redis.call('HGET', base .. ':mode:' .. ARGV[i], 'identity')
  if not holder or holder == identity then return ARGV[i] end
end
return false
`);

/**
 * Holds a mode under `id` and keeps it on the principal's shelf; 0 (nothing written) when
 * another identity took `id` since it was chosen, and the caller chooses again.
 * KEYS: identity index, shelf, recency, position counter, use counter.
 * ARGV: base, id, identity, json, principal, capacity, first position.
 */
export const SAVE_MODE = new LuaScript(`${KEEP_FUNCTION}
local base, id, identity = ARGV[1], ARGV[2], ARGV[3]
local key = base .. ':mode:' .. id
local holder = redis.call('HGET', key, 'identity')
if holder and holder ~= identity then return 0 end
redis.call('HSET', key, 'identity', identity, 'index', KEYS[1], 'json', ARGV[4])
redis.call('SET', KEYS[1], id)
return keep(base, id, ARGV[5], KEYS[2], KEYS[3], KEYS[4], KEYS[5], tonumber(ARGV[6]), tonumber(ARGV[7]))
`);

/**
 * Keeps a held mode on a principal's shelf; 0 when Redis does not hold it.
 * KEYS: shelf, recency, position counter, use counter. ARGV: base, id, principal, capacity, first.
 */
export const KEEP_MODE = new LuaScript(`${KEEP_FUNCTION}
return keep(ARGV[1], ARGV[2], ARGV[3], KEYS[1], KEYS[2], KEYS[3], KEYS[4], tonumber(ARGV[4]), tonumber(ARGV[5]))
`);

/**
 * A mode's JSON when it is on the principal's shelf (a read is a use: it moves up in the
 * eviction order), else false. KEYS: shelf, recency, use counter. ARGV: base, id.
 */
export const GET_MODE = new LuaScript(`
if not redis.call('ZSCORE', KEYS[1], ARGV[2]) then return false end
redis.call('ZADD', KEYS[2], 'XX', redis.call('INCR', KEYS[3]), ARGV[2])
return redis.call('HGET', ARGV[1] .. ':mode:' .. ARGV[2], 'json')
`);

/**
 * The JSON of the mode held for exactly this identity, else false.
 * KEYS: identity index. ARGV: base, identity.
 */
export const FIND_MODE = new LuaScript(`
local id = redis.call('GET', KEYS[1])
if not id then return false end
local fields = redis.call('HMGET', ARGV[1] .. ':mode:' .. id, 'identity', 'json')
if fields[1] ~= ARGV[2] then return false end
return fields[2]
`);

/**
 * The JSON of the mode held for exactly this identity, kept on the principal's shelf; false when
 * none is. KEYS: identity index, shelf, recency, position counter, use counter.
 * ARGV: base, identity, principal, capacity, first position.
 */
export const REUSE_MODE = new LuaScript(`${KEEP_FUNCTION}
local base = ARGV[1]
local id = redis.call('GET', KEYS[1])
if not id then return false end
local fields = redis.call('HMGET', base .. ':mode:' .. id, 'identity', 'json')
if fields[1] ~= ARGV[2] or not fields[2] then return false end
keep(base, id, ARGV[3], KEYS[2], KEYS[3], KEYS[4], KEYS[5], tonumber(ARGV[4]), tonumber(ARGV[5]))
return fields[2]
`);

/**
 * {count after the position, shelf size, position1, json1, position2, json2, ...}: at most
 * `limit` modes after the position, in shelf order. KEYS: shelf. ARGV: base, position, limit.
 */
export const PAGE_MODES = new LuaScript(`
local after = '(' .. ARGV[2]
local result = { redis.call('ZCOUNT', KEYS[1], after, '+inf'), redis.call('ZCARD', KEYS[1]) }
if tonumber(ARGV[3]) > 0 then
  local entries = redis.call('ZRANGEBYSCORE', KEYS[1], after, '+inf', 'WITHSCORES', 'LIMIT', 0, ARGV[3])
  for i = 1, #entries, 2 do
    local json = redis.call('HGET', ARGV[1] .. ':mode:' .. entries[i], 'json')
    if json then
      table.insert(result, entries[i + 1])
      table.insert(result, json)
    end
  end
end
return result
`);
