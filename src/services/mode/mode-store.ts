import type { Mode } from "./mode.types.js";

/** A held mode on one principal's shelf, with its place in that principal's `modes`. */
export interface ShelvedMode {
  readonly mode: Mode;
  /** When the mode came onto the shelf; `modes` pages by it, so reading never moves a mode. */
  readonly position: number;
}

/** Part of a principal's shelf after a position, and how much stands there in all. */
export interface ShelfPage {
  /** The modes placed after the position, in shelf order, at most the limit asked for. */
  readonly modes: ShelvedMode[];
  /** How many of the principal's modes stand after the position (the page's and beyond). */
  readonly remaining: number;
  /** How many modes the principal holds. */
  readonly total: number;
}

/**
 * Generated and fallback modes, kept per principal: each caller has a shelf of at most a fixed
 * number of modes (least recently used evicted), so one caller cannot evict another's. A mode is
 * held once, whoever holds it, so the generation cache (identity → mode) is shared: the same
 * request gives the same mode, with the same id, to every caller. Built-ins are not stored here;
 * they are always available and their ids are reserved.
 *
 * Ids are unique across every principal: a mode keeps the id it was built with when that id is
 * free or already belongs to the same identity; a different mode that would take it gets the id
 * plus a few hex digits of its identity's hash (mode-id-candidates.ts).
 *
 * Two backends: in this process (in-memory-mode-store.ts) and in Redis, shared by every replica
 * (src/redis/redis-mode-store.ts); the composition root picks one.
 */
export interface ModeStore {
  /**
   * Holds `mode` under a unique id, puts it on the principal's shelf, and returns it as held (its
   * id may differ from the one it was built with). `identity` is what the mode was made for: the
   * generation's cache key for a generated mode, or the request and "fallback" for a fallback.
   * Equal identity means the same mode; anything else never shares its id.
   */
  save(principal: string, mode: Mode, identity: string): Promise<Mode>;
  /** The mode held for exactly this identity, whoever generated it; never one made for another. */
  findByIdentity(identity: string): Promise<Mode | undefined>;
  /**
   * The mode held for exactly this identity, now also on the principal's shelf (a cache hit):
   * findByIdentity then keep, in one step.
   */
  reuse(principal: string, identity: string): Promise<Mode | undefined>;
  /** Puts a held mode (e.g. a cache hit) on the principal's shelf, where it was not yet. */
  keep(principal: string, mode: Mode): Promise<void>;
  /** A mode on the principal's shelf (reading it counts as a use for the eviction order). */
  get(principal: string, id: string): Promise<Mode | undefined>;
  /** The principal's modes placed after `position`, at most `limit`, with the counts. */
  page(principal: string, position: number, limit: number): Promise<ShelfPage>;
}
