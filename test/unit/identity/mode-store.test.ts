import { describe, expect, it } from "vitest";
import { BUILTIN_MODE_IDS } from "../../../src/services/mode/builtin-modes.js";
import { InMemoryModeStore } from "../../../src/services/mode/in-memory-mode-store.js";
import { parseNodeId } from "../../../src/services/node-id.js";
import { modeStoreContract } from "../../contracts/mode-store.contract.js";

modeStoreContract(
  "in-memory",
  async (capacity, firstPosition) =>
    new InMemoryModeStore(capacity, BUILTIN_MODE_IDS, firstPosition),
);

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
