import { describe, expect, it } from "vitest";
import { buildMode } from "../../src/services/mode/build-mode.js";
import { BUILTIN_MODES } from "../../src/services/mode/builtin-modes.js";
import type { ModeStore } from "../../src/services/mode/mode-store.js";
import type { Mode } from "../../src/services/mode/mode.types.js";

/** Makes an empty store of `capacity` modes per principal, positions from `firstPosition`. */
export type ModeStoreFactory = (capacity: number, firstPosition?: number) => Promise<ModeStore>;

const base = BUILTIN_MODES[0]!;
export function modeWithId(id: string, industry: string): Mode {
  return buildMode({ ...base, id }, industry, "GENERATED");
}

async function listIds(store: ModeStore, principal: string): Promise<string[]> {
  return (await store.page(principal, -1, 1_000)).modes.map((stored) => stored.mode.id);
}

/**
 * What every ModeStore backend must do (mode-store.ts), run against each: the in-memory store
 * always, the Redis store when a Redis is configured for the tests.
 */
export function modeStoreContract(backend: string, createStore: ModeStoreFactory): void {
  describe(`${backend} mode store: ids`, () => {
    it("keeps the wanted id when free, suffixes a different identity, and is deterministic", async () => {
      const first = await createStore(10);
      const a = await first.save("alice", modeWithId("restaurant", "food truck"), "identity-a");
      const b = await first.save("alice", modeWithId("restaurant", "resturant"), "identity-b");
      expect(a.id).toBe("restaurant");
      expect(b.id).toMatch(/^restaurant_[0-9a-f]{6}$/);
      expect(b.tabs.every((tab) => tab.id === `ModeTab:${b.id}:${tab.key}`)).toBe(true);
      expect(b.defaultMetrics.every((metric) => metric.id.startsWith(`ModeMetric:${b.id}:`))).toBe(
        true,
      );

      // Another store, same arrivals: the same ids.
      const second = await createStore(10);
      await second.save("alice", modeWithId("restaurant", "food truck"), "identity-a");
      const again = await second.save("alice", modeWithId("restaurant", "resturant"), "identity-b");
      expect(again.id).toBe(b.id);
    });

    it("gives the same identity its id back, and answers a lookup only for that identity", async () => {
      const store = await createStore(10);
      const saved = await store.save("alice", modeWithId("pet_store", "pet store"), "identity-a");
      const resaved = await store.save("alice", modeWithId("pet_store", "pet store"), "identity-a");
      expect(resaved.id).toBe(saved.id);
      expect((await store.findByIdentity("identity-a"))?.id).toBe("pet_store");
      expect(await store.findByIdentity("identity-b")).toBeUndefined();
    });

    it("never hands out a built-in id", async () => {
      const store = await createStore(10);
      const saved = await store.save("alice", modeWithId("banking", "banking app"), "identity-a");
      expect(saved.id).toMatch(/^banking_[0-9a-f]{6}$/);
    });

    it("forgets an evicted mode's identity, so its id is free again", async () => {
      const store = await createStore(1);
      await store.save("alice", modeWithId("bakery", "bakery"), "identity-a");
      await store.save("alice", modeWithId("florist", "florist"), "identity-b");
      expect(await store.findByIdentity("identity-a")).toBeUndefined();
      const clash = await store.save("alice", modeWithId("florist", "flower shop"), "identity-c");
      expect(clash.id).toMatch(/^florist_/);
      const freed = await store.save("alice", modeWithId("bakery", "bakery two"), "identity-d");
      expect(freed.id).toBe("bakery");
    });

    it("keeps a mode's content whole: what is read back equals what was saved", async () => {
      const store = await createStore(10);
      const saved = await store.save("alice", modeWithId("pet_store", "pet store"), "identity-a");
      expect(await store.get("alice", "pet_store")).toEqual(saved);
      expect(await store.findByIdentity("identity-a")).toEqual(saved);
    });
  });

  describe(`${backend} mode store: shelves`, () => {
    it("lists in creation order from a position, and reading does not reorder", async () => {
      const store = await createStore(10, 4);
      for (const id of ["a_mode", "b_mode", "c_mode"]) {
        await store.save("alice", modeWithId(id, id), id);
      }
      await store.get("alice", "a_mode");
      const all = await store.page("alice", -1, 10);
      const positions = all.modes.map((stored) => stored.position);
      expect(all.modes.map((stored) => stored.mode.id)).toEqual(["a_mode", "b_mode", "c_mode"]);
      expect(positions[0]).toBeGreaterThanOrEqual(4);
      expect(positions[1]).toBeGreaterThan(positions[0]!);
      expect(positions[2]).toBeGreaterThan(positions[1]!);
      expect(all).toMatchObject({ remaining: 3, total: 3 });
      const next = await store.page("alice", positions[0]!, 1);
      expect(next.modes.map((stored) => stored.mode.id)).toEqual(["b_mode"]);
      expect(next).toMatchObject({ remaining: 2, total: 3 });
      expect(await store.page("alice", positions[1]!, 0)).toMatchObject({
        modes: [],
        remaining: 1,
      });
    });

    it("evicts the least recently used: reading a mode keeps it", async () => {
      const store = await createStore(2);
      await store.save("alice", modeWithId("a_mode", "a"), "a");
      await store.save("alice", modeWithId("b_mode", "b"), "b");
      await store.get("alice", "a_mode");
      await store.save("alice", modeWithId("c_mode", "c"), "c");
      expect(await listIds(store, "alice")).toEqual(["a_mode", "c_mode"]);
      expect(await store.get("alice", "b_mode")).toBeUndefined();
    });

    it("keeps each principal's modes apart, so one cannot evict another's", async () => {
      const store = await createStore(3);
      for (let index = 0; index < 3; index++) {
        await store.save("alice", modeWithId(`alice_${index}`, `a ${index}`), `alice-${index}`);
      }
      for (let index = 0; index < 10; index++) {
        await store.save(
          "mallory",
          modeWithId(`mallory_${index}`, `m ${index}`),
          `mallory-${index}`,
        );
      }
      expect((await store.page("alice", -1, 0)).total).toBe(3);
      expect((await store.page("mallory", -1, 0)).total).toBe(3);
      expect((await store.get("alice", "alice_0"))?.id).toBe("alice_0");
      expect(await store.get("mallory", "alice_0")).toBeUndefined();
      expect(await store.get("alice", "mallory_9")).toBeUndefined();
    });

    it("shares one held mode between principals who asked the same, under one id", async () => {
      const store = await createStore(2);
      const saved = await store.save("alice", modeWithId("pet_store", "pet store"), "identity-a");
      const cached = (await store.findByIdentity("identity-a"))!;
      await store.keep("bob", cached);
      expect(await store.get("bob", "pet_store")).toEqual(saved);
      // Alice lets it go (evicted from her shelf); Bob still holds it, so it stays held.
      await store.save("alice", modeWithId("x_mode", "x"), "identity-x");
      await store.save("alice", modeWithId("y_mode", "y"), "identity-y");
      expect(await store.get("alice", "pet_store")).toBeUndefined();
      expect(await store.findByIdentity("identity-a")).toEqual(saved);
      expect(await store.get("bob", "pet_store")).toEqual(saved);
    });

    it("reuses a held mode for another principal in one step, and nothing for an unknown identity", async () => {
      const store = await createStore(5);
      const saved = await store.save("alice", modeWithId("pet_store", "pet store"), "identity-a");
      expect(await store.reuse("bob", "identity-a")).toEqual(saved);
      expect(await store.get("bob", "pet_store")).toEqual(saved);
      expect(await store.reuse("bob", "identity-unknown")).toBeUndefined();
      expect((await store.page("bob", -1, 10)).total).toBe(1);
    });

    it("keeps nothing for a mode it does not hold", async () => {
      const store = await createStore(2);
      await store.keep("alice", modeWithId("never_saved", "never"));
      expect(await store.page("alice", -1, 10)).toEqual({ modes: [], remaining: 0, total: 0 });
    });
  });
}
