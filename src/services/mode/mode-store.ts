import { LRUCache } from "lru-cache";
import type { Mode } from "./mode.types.js";

/**
 * Generated modes held in memory, least recently used evicted beyond `capacity`, plus the
 * generation cache (request key → mode id) so a repeated request needs no model call.
 * Built-ins are not stored here; they are always available.
 */
export class ModeStore {
  private readonly modes: LRUCache<string, Mode>;
  private readonly byRequest: LRUCache<string, string>;

  constructor(capacity: number) {
    this.modes = new LRUCache({ max: capacity });
    this.byRequest = new LRUCache({ max: capacity });
  }

  /** Keeps a generated mode, replacing an older one with the same id. */
  save(mode: Mode, requestKey: string): void {
    this.modes.set(mode.id, mode);
    this.byRequest.set(requestKey, mode.id);
  }

  get(id: string): Mode | undefined {
    return this.modes.get(id);
  }

  /** The mode generated earlier for the same request key, if still held. */
  findByRequest(requestKey: string): Mode | undefined {
    const id = this.byRequest.get(requestKey);
    return id === undefined ? undefined : this.modes.get(id);
  }

  /** Held modes, oldest first (so a list reads in the order they were created or used). */
  list(): Mode[] {
    return [...this.modes.rvalues()].filter((mode): mode is Mode => mode !== undefined);
  }

  get size(): number {
    return this.modes.size;
  }
}
