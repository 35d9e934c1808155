import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { withModeId } from "./build-mode.js";
import { MODE_ID_MAX_LENGTH, toSnakeId } from "./mode-id.js";
import type { Mode } from "./mode.types.js";

/** A held mode on one principal's shelf, with its place in that principal's `modes`. */
export interface ShelvedMode {
  readonly mode: Mode;
  /** When the mode came onto the shelf; `modes` pages by it, so reading never moves a mode. */
  readonly position: number;
}

interface HeldMode {
  readonly mode: Mode;
  /**
   * What the mode was made for: the generation's cache key (request, prompt, derivation, model)
   * for a generated mode, or the request and "fallback" for a fallback. Equal identity means the
   * same mode; anything else is a different mode and never shares its id.
   */
  readonly identity: string;
  /** Principals whose shelf holds it; the mode is forgotten when the last one lets it go. */
  readonly holders: Set<string>;
}

/**
 * Generated and fallback modes, kept per principal: each caller has a shelf of at most
 * `capacity` modes (least recently used evicted), so one caller cannot evict another's. A mode
 * is held once, whoever holds it, so the generation cache (identity → mode) is shared: the same
 * request gives the same mode, with the same id, to every caller. Built-ins are not stored here;
 * they are always available and their ids are `reserved`.
 *
 * Ids are unique across every principal: a mode keeps the id it was built with when that id is
 * free or already belongs to the same identity; a different mode that would take it gets the id
 * plus a few hex digits of its identity's hash (deterministic, so a repeat of either request
 * keeps its own id).
 */
export class ModeStore {
  private readonly held = new Map<string, HeldMode>();
  private readonly idByIdentity = new Map<string, string>();
  private readonly shelves = new Map<string, LRUCache<string, number>>();
  private nextPosition: number;

  constructor(
    private readonly capacity: number,
    private readonly reserved: ReadonlySet<string>,
    firstPosition = 0,
  ) {
    this.nextPosition = firstPosition;
  }

  /**
   * Holds `mode` under a unique id, puts it on the principal's shelf, and returns it as held (its
   * id may differ from the one it was built with).
   */
  save(principal: string, mode: Mode, identity: string): Mode {
    const id = this.idFor(mode.id, identity);
    const previous = this.held.get(id);
    const held: HeldMode = {
      mode: id === mode.id ? mode : withModeId(mode, id),
      identity,
      holders: previous?.holders ?? new Set(),
    };
    this.held.set(id, held);
    this.idByIdentity.set(identity, id);
    this.keep(principal, held.mode);
    return held.mode;
  }

  /** The mode held for exactly this identity, whoever generated it; never one made for another. */
  findByIdentity(identity: string): Mode | undefined {
    const id = this.idByIdentity.get(identity);
    const held = id === undefined ? undefined : this.held.get(id);
    return held?.identity === identity ? held.mode : undefined;
  }

  /** Puts a held mode (e.g. a cache hit) on the principal's shelf, where it was not yet. */
  keep(principal: string, mode: Mode): void {
    const held = this.held.get(mode.id);
    if (held === undefined) return;
    const shelf = this.shelfOf(principal);
    if (!shelf.has(mode.id)) shelf.set(mode.id, this.nextPosition++);
    held.holders.add(principal);
  }

  /** A mode on the principal's shelf. */
  get(principal: string, id: string): Mode | undefined {
    return this.shelves.get(principal)?.get(id) === undefined ? undefined : this.held.get(id)?.mode;
  }

  /** The principal's modes placed after `position`, in shelf order, at most `limit`. */
  listAfter(principal: string, position: number, limit: number): ShelvedMode[] {
    const shelf = this.shelves.get(principal);
    if (!shelf) return [];
    return [...shelf.entries()]
      .filter(([, placed]) => placed > position)
      .sort(([, a], [, b]) => a - b)
      .slice(0, limit)
      .map(([id, placed]) => ({ mode: this.held.get(id)!.mode, position: placed }));
  }

  /** How many of the principal's modes stand after `position`. */
  countAfter(principal: string, position: number): number {
    let count = 0;
    for (const placed of this.shelves.get(principal)?.values() ?? [])
      if (placed > position) count++;
    return count;
  }

  /** How many modes the principal holds. */
  sizeOf(principal: string): number {
    return this.shelves.get(principal)?.size ?? 0;
  }

  private shelfOf(principal: string): LRUCache<string, number> {
    let shelf = this.shelves.get(principal);
    if (!shelf) {
      shelf = new LRUCache<string, number>({
        max: this.capacity,
        dispose: (_position, id, reason) => {
          // "set" replaces a position of a mode still on the shelf; anything else removes it.
          if (reason !== "set") this.release(principal, id);
        },
      });
      this.shelves.set(principal, shelf);
    }
    return shelf;
  }

  private release(principal: string, id: string): void {
    const held = this.held.get(id);
    if (!held) return;
    held.holders.delete(principal);
    if (held.holders.size > 0) return;
    this.held.delete(id);
    if (this.idByIdentity.get(held.identity) === id) this.idByIdentity.delete(held.identity);
  }

  private idFor(wanted: string, identity: string): string {
    const current = this.idByIdentity.get(identity);
    if (current !== undefined && this.held.has(current)) return current;
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
    const holder = this.held.get(id);
    return holder === undefined || holder.identity === identity;
  }
}
