import { withModeId } from "../services/mode/build-mode.js";
import { InMemoryModeStore } from "../services/mode/in-memory-mode-store.js";
import { modeIdCandidates } from "../services/mode/mode-id-candidates.js";
import type { ModeStore, ShelfPage } from "../services/mode/mode-store.js";
import type { Mode } from "../services/mode/mode.types.js";
import {
  CHOOSE_MODE_ID,
  FIND_MODE,
  GET_MODE,
  KEEP_MODE,
  PAGE_MODES,
  REUSE_MODE,
  SAVE_MODE,
} from "./mode-store.scripts.js";
import type { RedisClient, RedisConnection } from "./redis-connection.js";
import type { RedisKeys } from "./redis-keys.js";

export interface RedisModeStoreOptions {
  /** Modes per principal (MODE_STORE_SIZE). */
  capacity: number;
  /** Ids no stored mode may take (the built-ins'). */
  reserved: ReadonlySet<string>;
  /** Position of the first stored mode (after the built-ins' positions). */
  firstPosition: number;
}

/** Another replica took the chosen id between choosing and saving more often than this: give up. */
const SAVE_ATTEMPTS = 3;

/**
 * The mode store in Redis (see ModeStore), shared by every replica and kept across restarts:
 * modes never expire, they leave only when no principal's shelf holds them any more. Positions
 * come from one Redis counter, so `modes` cursors are valid on every replica.
 *
 * When Redis does not answer, the mode is kept in this process instead (an InMemoryModeStore of
 * the same size), so the caller still gets it and `mode(id)` finds it on this replica; reads that
 * miss in Redis look there too. Such modes stay local (they are not copied to Redis when it
 * returns), and `modes` lists them only while Redis is unreachable.
 */
export class RedisModeStore implements ModeStore {
  private readonly local: InMemoryModeStore;

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: RedisKeys,
    private readonly options: RedisModeStoreOptions,
  ) {
    this.local = new InMemoryModeStore(options.capacity, options.reserved, options.firstPosition);
  }

  async save(principal: string, mode: Mode, identity: string): Promise<Mode> {
    const saved = await this.redis.attempt(
      "modes.save",
      (client) => this.saveShared(client, principal, mode, identity),
      () => undefined,
    );
    return saved ?? this.local.save(principal, mode, identity);
  }

  async findByIdentity(identity: string): Promise<Mode | undefined> {
    const json = await this.redis.attempt(
      "modes.find",
      (client) =>
        FIND_MODE.run(client, [this.keys.modeIdentity(identity)], [this.keys.base, identity]),
      () => null,
    );
    return typeof json === "string" ? parseMode(json) : this.local.findByIdentity(identity);
  }

  async reuse(principal: string, identity: string): Promise<Mode | undefined> {
    const keys = this.keys.modes(principal);
    const json = await this.redis.attempt(
      "modes.reuse",
      (client) =>
        REUSE_MODE.run(
          client,
          [
            this.keys.modeIdentity(identity),
            keys.shelf,
            keys.recency,
            keys.positions,
            keys.touches,
          ],
          [this.keys.base, identity, principal, this.options.capacity, this.options.firstPosition],
        ),
      () => null,
    );
    return typeof json === "string" ? parseMode(json) : this.local.reuse(principal, identity);
  }

  async keep(principal: string, mode: Mode): Promise<void> {
    const keys = this.keys.modes(principal);
    const kept = await this.redis.attempt(
      "modes.keep",
      (client) =>
        KEEP_MODE.run(
          client,
          [keys.shelf, keys.recency, keys.positions, keys.touches],
          [this.keys.base, mode.id, principal, this.options.capacity, this.options.firstPosition],
        ),
      () => 0,
    );
    // A mode Redis does not hold was kept in this process while Redis was down.
    if (kept !== 1) await this.local.keep(principal, mode);
  }

  async get(principal: string, id: string): Promise<Mode | undefined> {
    const keys = this.keys.modes(principal);
    const json = await this.redis.attempt(
      "modes.get",
      (client) =>
        GET_MODE.run(client, [keys.shelf, keys.recency, keys.touches], [this.keys.base, id]),
      () => null,
    );
    return typeof json === "string" ? parseMode(json) : this.local.get(principal, id);
  }

  async page(principal: string, position: number, limit: number): Promise<ShelfPage> {
    const shared = await this.redis.attempt(
      "modes.page",
      async (client) => {
        const reply = (await PAGE_MODES.run(
          client,
          [this.keys.modes(principal).shelf],
          [this.keys.base, position, limit],
        )) as Array<number | string>;
        return toShelfPage(reply);
      },
      () => undefined,
    );
    return shared ?? this.local.page(principal, position, limit);
  }

  /** Chooses the id, builds the mode under it, and saves it; again if another took the id. */
  private async saveShared(
    client: RedisClient,
    principal: string,
    mode: Mode,
    identity: string,
  ): Promise<Mode> {
    const candidates = modeIdCandidates(mode.id, identity).filter(
      (candidate) => !this.options.reserved.has(candidate),
    );
    const index = this.keys.modeIdentity(identity);
    const keys = this.keys.modes(principal);
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
      const id = await CHOOSE_MODE_ID.run(
        client,
        [index],
        [this.keys.base, identity, ...candidates],
      );
      if (typeof id !== "string") throw new Error(`no free mode id for '${mode.id}'`); // a 64-bit hash collision
      const held = id === mode.id ? mode : withModeId(mode, id);
      const saved = await SAVE_MODE.run(
        client,
        [index, keys.shelf, keys.recency, keys.positions, keys.touches],
        [
          this.keys.base,
          id,
          identity,
          JSON.stringify(held),
          principal,
          this.options.capacity,
          this.options.firstPosition,
        ],
      );
      if (saved === 1) return held;
    }
    throw new Error(`mode id for '${mode.id}' kept being taken by other replicas`);
  }
}

function parseMode(json: string): Mode {
  return JSON.parse(json) as Mode;
}

/** PAGE_MODES' reply: counts, then position and JSON pairs. */
function toShelfPage(reply: Array<number | string>): ShelfPage {
  const [remaining, total, ...entries] = reply;
  const modes = [];
  for (let index = 0; index < entries.length; index += 2) {
    modes.push({ position: Number(entries[index]), mode: parseMode(String(entries[index + 1])) });
  }
  return { modes, remaining: Number(remaining), total: Number(total) };
}
