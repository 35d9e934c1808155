import type { FlowIr } from "../services/workflow/flow-ir.contract.js";
import { InMemoryWorkflowStore, workflowDigest } from "../services/workflow/workflow-store.js";
import type { WorkflowStore } from "../services/workflow/workflow-store.js";
import { LuaScript } from "./lua-script.js";
import type { RedisConnection } from "./redis-connection.js";
import type { RedisKeys } from "./redis-keys.js";

/**
 * Stores a document and counts the save as a use; evicts the least recently used beyond the
 * capacity. KEYS: document, recency, use counter. ARGV: json, digest, capacity, base.
 */
const SAVE_WORKFLOW = new LuaScript(`
redis.call('SET', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[2])
while redis.call('ZCARD', KEYS[2]) > tonumber(ARGV[3]) do
  local oldest = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
  redis.call('ZREM', KEYS[2], oldest)
  redis.call('DEL', ARGV[4] .. ':workflow:' .. oldest)
end
return 1
`);

/** A document's JSON, its read counted as a use; false when not held. KEYS as above; ARGV: digest. */
const GET_WORKFLOW = new LuaScript(`
local json = redis.call('GET', KEYS[1])
if json then redis.call('ZADD', KEYS[2], 'XX', redis.call('INCR', KEYS[3]), ARGV[1]) end
return json
`);

/**
 * The workflow store in Redis, shared by every replica: WORKFLOW_STORE_SIZE documents, least
 * recently used evicted, no expiry. When Redis does not answer, documents are kept in this
 * process instead, and reads that miss in Redis look there too.
 */
export class RedisWorkflowStore implements WorkflowStore {
  private readonly local: InMemoryWorkflowStore;

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: RedisKeys,
    private readonly capacity: number,
  ) {
    this.local = new InMemoryWorkflowStore(capacity);
  }

  async save(document: FlowIr): Promise<void> {
    const digest = workflowDigest(document);
    const keys = this.keys.workflow(digest);
    const saved = await this.redis.attempt(
      "workflows.save",
      (client) =>
        SAVE_WORKFLOW.run(
          client,
          [keys.document, keys.recency, keys.touches],
          [JSON.stringify(document), digest, this.capacity, this.keys.base],
        ),
      () => 0,
    );
    if (saved !== 1) await this.local.save(document);
  }

  async get(digest: string): Promise<FlowIr | undefined> {
    const keys = this.keys.workflow(digest);
    const json = await this.redis.attempt(
      "workflows.get",
      (client) => GET_WORKFLOW.run(client, [keys.document, keys.recency, keys.touches], [digest]),
      () => null,
    );
    return typeof json === "string" ? (JSON.parse(json) as FlowIr) : this.local.get(digest);
  }
}
