import { describe, expect, it } from "vitest";
import { buildMode } from "../../../src/services/mode/build-mode.js";
import { BUILTIN_MODES, BUILTIN_MODE_IDS } from "../../../src/services/mode/builtin-modes.js";
import { ModeStore } from "../../../src/services/mode/mode-store.js";
import type { Mode } from "../../../src/services/mode/mode.types.js";
import { parseNodeId } from "../../../src/services/node-id.js";

const base = BUILTIN_MODES[0]!;
function modeWithId(id: string, industry: string): Mode {
  return buildMode({ ...base, id }, industry, "GENERATED");
}

describe("ModeStore ids", () => {
  it("keeps the wanted id when free, suffixes a different identity, and is deterministic", () => {
    const first = new ModeStore(10, BUILTIN_MODE_IDS);
    const a = first.save("alice", modeWithId("restaurant", "food truck"), "identity-a");
    const b = first.save("alice", modeWithId("restaurant", "resturant"), "identity-b");
    expect(a.id).toBe("restaurant");
    expect(b.id).toMatch(/^restaurant_[0-9a-f]{6}$/);
    expect(b.tabs.every((tab) => tab.id === `ModeTab:${b.id}:${tab.key}`)).toBe(true);
    expect(b.defaultMetrics.every((metric) => metric.id.startsWith(`ModeMetric:${b.id}:`))).toBe(
      true,
    );

    // Another store, same arrivals: the same ids.
    const second = new ModeStore(10, BUILTIN_MODE_IDS);
    second.save("alice", modeWithId("restaurant", "food truck"), "identity-a");
    expect(second.save("alice", modeWithId("restaurant", "resturant"), "identity-b").id).toBe(b.id);
  });

  it("gives the same identity its id back, and answers a lookup only for that identity", () => {
    const store = new ModeStore(10, BUILTIN_MODE_IDS);
    const saved = store.save("alice", modeWithId("pet_store", "pet store"), "identity-a");
    expect(store.save("alice", modeWithId("pet_store", "pet store"), "identity-a").id).toBe(
      saved.id,
    );
    expect(store.findByIdentity("identity-a")?.id).toBe("pet_store");
    expect(store.findByIdentity("identity-b")).toBeUndefined();
  });

  it("never hands out a built-in id", () => {
    const store = new ModeStore(10, BUILTIN_MODE_IDS);
    expect(store.save("alice", modeWithId("banking", "banking app"), "identity-a").id).toMatch(
      /^banking_[0-9a-f]{6}$/,
    );
  });

  it("forgets an evicted mode's identity, so its id is free again", () => {
    const store = new ModeStore(1, BUILTIN_MODE_IDS);
    store.save("alice", modeWithId("bakery", "bakery"), "identity-a");
    store.save("alice", modeWithId("florist", "florist"), "identity-b");
    expect(store.findByIdentity("identity-a")).toBeUndefined();
    expect(store.save("alice", modeWithId("florist", "flower shop"), "identity-c").id).toMatch(
      /^florist_/,
    );
    expect(store.save("alice", modeWithId("bakery", "bakery two"), "identity-d").id).toBe("bakery");
  });

  it("lists in creation order from a position, and reading does not reorder", () => {
    const store = new ModeStore(10, BUILTIN_MODE_IDS, 4);
    for (const id of ["a_mode", "b_mode", "c_mode"]) store.save("alice", modeWithId(id, id), id);
    store.get("alice", "a_mode");
    expect(
      store.listAfter("alice", -1, 10).map((stored) => [stored.mode.id, stored.position]),
    ).toEqual([
      ["a_mode", 4],
      ["b_mode", 5],
      ["c_mode", 6],
    ]);
    expect(store.listAfter("alice", 4, 1).map((stored) => stored.mode.id)).toEqual(["b_mode"]);
    expect(store.countAfter("alice", 5)).toBe(1);
  });
});

describe("ModeStore per principal", () => {
  it("keeps each principal's modes apart, so one cannot evict another's", () => {
    const store = new ModeStore(3, BUILTIN_MODE_IDS);
    for (let index = 0; index < 3; index++) {
      store.save("alice", modeWithId(`alice_${index}`, `a ${index}`), `alice-${index}`);
    }
    for (let index = 0; index < 10; index++) {
      store.save("mallory", modeWithId(`mallory_${index}`, `m ${index}`), `mallory-${index}`);
    }
    expect(store.sizeOf("alice")).toBe(3);
    expect(store.sizeOf("mallory")).toBe(3);
    expect(store.get("alice", "alice_0")?.id).toBe("alice_0");
    expect(store.get("mallory", "alice_0")).toBeUndefined();
    expect(store.get("alice", "mallory_9")).toBeUndefined();
  });

  it("shares one held mode between principals who asked the same, under one id", () => {
    const store = new ModeStore(2, BUILTIN_MODE_IDS);
    const saved = store.save("alice", modeWithId("pet_store", "pet store"), "identity-a");
    const cached = store.findByIdentity("identity-a")!;
    store.keep("bob", cached);
    expect(store.get("bob", "pet_store")).toBe(saved);
    // Alice lets it go (evicted from her shelf); Bob still holds it, so it stays held.
    store.save("alice", modeWithId("x_mode", "x"), "identity-x");
    store.save("alice", modeWithId("y_mode", "y"), "identity-y");
    expect(store.get("alice", "pet_store")).toBeUndefined();
    expect(store.findByIdentity("identity-a")).toBe(saved);
    expect(store.get("bob", "pet_store")).toBe(saved);
  });
});

describe("parseNodeId", () => {
  it("reads every id form back, keys with colons included", () => {
    expect(parseNodeId("pet_store")).toEqual({ type: "Mode", modeId: "pet_store" });
    expect(parseNodeId("ModeTab:pet_store:inventory")).toEqual({
      type: "ModeTab",
      modeId: "pet_store",
      key: "inventory",
    });
    expect(parseNodeId("WorkflowNode:0123456789abcdef:step:2")).toEqual({
      type: "WorkflowNode",
      digest: "0123456789abcdef",
      key: "step:2",
    });
    expect(parseNodeId("FlowIR:0123456789abcdef")).toEqual({
      type: "FlowIR",
      digest: "0123456789abcdef",
    });
  });

  it.each([
    "",
    "Pet Store",
    "ModeTab:pet_store",
    "ModeTab::x",
    "ModeTab:pet_store:",
    "FlowIR:",
    "Other:a:b",
  ])("rejects %j", (id) => {
    expect(parseNodeId(id)).toBeUndefined();
  });
});
