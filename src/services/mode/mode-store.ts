import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { withModeId } from "./build-mode.js";
import { MODE_ID_MAX_LENGTH, toSnakeId } from "./mode-id.js";
import type { Mode } from "./mode.types.js";

/** A held mode with what it was made for and where it stands in `modes`. */
export interface StoredMode {
  readonly mode: Mode;
  /**
   * What the mode was made for: the generation's cache key (request, prompt, derivation, model)
   * for a generated mode, or the request and "fallback" for a fallback. Equal identity means the
   * same mode; anything else is a different mode and never shares its id.
   */
  readonly identity: string;
  /** Creation order; `modes` pages by it, so reading a mode never moves it. */
  readonly position: number;
}

/**
 * Generated and fallback modes held in memory (least recently used evicted beyond `capacity`),
 * and the generation cache (identity → mode). Built-ins are not stored here; they are always
 * available and their ids are `reserved`.
 *
 * Ids are unique per stored mode: a mode keeps the id it was built with when that id is free or
 * already belongs to the same identity; a different mode that would take it gets the id plus a
 * few hex digits of its identity's hash (deterministic, so a repeat of either request keeps its
 * own id).
 */
export class ModeStore {
  private readonly modes: LRUCache<string, StoredMode>;
  private readonly idByIdentity = new Map<string, string>();
  private nextPosition: number;

  constructor(
    capacity: number,
    private readonly reserved: ReadonlySet<string>,
    firstPosition = 0,
  ) {
    this.nextPosition = firstPosition;
    this.modes = new LRUCache({
      max: capacity,
      dispose: (stored, id) => {
        if (this.idByIdentity.get(stored.identity) === id) {
          this.idByIdentity.delete(stored.identity);
        }
      },
    });
  }

  /** Keeps `mode` under a unique id and returns it as stored (its id may differ from the one given). */
  save(mode: Mode, identity: string): Mode {
    const id = this.idFor(mode.id, identity);
    const stored: StoredMode = {
      mode: id === mode.id ? mode : withModeId(mode, id),
      identity,
      position: this.nextPosition++,
    };
    this.modes.set(id, stored);
    this.idByIdentity.set(identity, id);
    return stored.mode;
  }

  get(id: string): Mode | undefined {
    return this.modes.get(id)?.mode;
  }

  /** The mode held for exactly this identity; never one made for another request. */
  findByIdentity(identity: string): Mode | undefined {
    const id = this.idByIdentity.get(identity);
    const stored = id === undefined ? undefined : this.modes.get(id);
    return stored?.identity === identity ? stored.mode : undefined;
  }

  /** Held modes in creation order whose position is after `position`, at most `limit`. */
  listAfter(position: number, limit: number): StoredMode[] {
    return [...this.modes.values()]
      .filter((stored) => stored.position > position)
      .sort((a, b) => a.position - b.position)
      .slice(0, limit);
  }

  /** How many held modes stand after `position`. */
  countAfter(position: number): number {
    let count = 0;
    for (const stored of this.modes.values()) if (stored.position > position) count++;
    return count;
  }

  get size(): number {
    return this.modes.size;
  }

  private idFor(wanted: string, identity: string): string {
    const current = this.idByIdentity.get(identity);
    if (current !== undefined && this.modes.has(current)) return current;
    if (this.isFree(wanted, identity)) return wanted;
    const hash = createHash("sha256").update(identity).digest("hex");
    // 6 hex digits suffice in practice; longer ones only if even that id is somebody else's.
    for (let digits = 6; digits <= 16; digits += 2) {
      const suffix = hash.slice(0, digits);
      const id = `${toSnakeId(wanted, MODE_ID_MAX_LENGTH - suffix.length - 1)}_${suffix}`;
      if (this.isFree(id, identity)) return id;
    }
    throw new Error(`no free mode id for '${wanted}'`); // needs a 64-bit hash collision
  }

  private isFree(id: string, identity: string): boolean {
    if (this.reserved.has(id)) return false;
    const holder = this.modes.peek(id);
    return holder === undefined || holder.identity === identity;
  }
}
