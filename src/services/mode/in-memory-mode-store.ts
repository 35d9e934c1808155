import { LRUCache } from "lru-cache";
import { withModeId } from "./build-mode.js";
import { modeIdCandidates } from "./mode-id-candidates.js";
import type { ModeStore, ShelfPage, ShelvedMode } from "./mode-store.js";
import type { Mode } from "./mode.types.js";

interface HeldMode {
  readonly mode: Mode;
  /** What the mode was made for (ModeStore.save); equal identity means the same mode. */
  readonly identity: string;
  /** Principals whose shelf holds it; the mode is forgotten when the last one lets it go. */
  readonly holders: Set<string>;
}

/**
 * The embedded mode store (see ModeStore): everything in this process, lost on restart. Each
 * principal's shelf is an LRU of `capacity` modes; positions count up from `firstPosition`.
 */
export class InMemoryModeStore implements ModeStore {
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

  async save(principal: string, mode: Mode, identity: string): Promise<Mode> {
    const id = this.idFor(mode.id, identity);
    const previous = this.held.get(id);
    const held: HeldMode = {
      mode: id === mode.id ? mode : withModeId(mode, id),
      identity,
      holders: previous?.holders ?? new Set(),
    };
    this.held.set(id, held);
    this.idByIdentity.set(identity, id);
    this.shelve(principal, held.mode);
    return held.mode;
  }

  async findByIdentity(identity: string): Promise<Mode | undefined> {
    const id = this.idByIdentity.get(identity);
    const held = id === undefined ? undefined : this.held.get(id);
    return held?.identity === identity ? held.mode : undefined;
  }

  async reuse(principal: string, identity: string): Promise<Mode | undefined> {
    const mode = await this.findByIdentity(identity);
    if (mode) this.shelve(principal, mode);
    return mode;
  }

  async keep(principal: string, mode: Mode): Promise<void> {
    this.shelve(principal, mode);
  }

  async get(principal: string, id: string): Promise<Mode | undefined> {
    return this.shelves.get(principal)?.get(id) === undefined ? undefined : this.held.get(id)?.mode;
  }

  async page(principal: string, position: number, limit: number): Promise<ShelfPage> {
    const shelf = this.shelves.get(principal);
    if (!shelf) return { modes: [], remaining: 0, total: 0 };
    const after = [...shelf.entries()].filter(([, placed]) => placed > position);
    const modes: ShelvedMode[] = after
      .sort(([, a], [, b]) => a - b)
      .slice(0, limit)
      .map(([id, placed]) => ({ mode: this.held.get(id)!.mode, position: placed }));
    return { modes, remaining: after.length, total: shelf.size };
  }

  /** Synchronous core of keep (save needs it without a turn of the event loop in between). */
  private shelve(principal: string, mode: Mode): void {
    const held = this.held.get(mode.id);
    if (held === undefined) return;
    const shelf = this.shelfOf(principal);
    if (!shelf.has(mode.id)) shelf.set(mode.id, this.nextPosition++);
    held.holders.add(principal);
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
    const id = modeIdCandidates(wanted, identity).find((candidate) =>
      this.isFree(candidate, identity),
    );
    if (id === undefined) throw new Error(`no free mode id for '${wanted}'`); // a 64-bit hash collision
    return id;
  }

  private isFree(id: string, identity: string): boolean {
    if (this.reserved.has(id)) return false;
    const holder = this.held.get(id);
    return holder === undefined || holder.identity === identity;
  }
}
