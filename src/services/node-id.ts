import { MODE_ID_PATTERN } from "./mode/mode-id.js";

/**
 * Global object identifiers (Relay's rule: no two distinct objects the API serves share an `id`,
 * across every type). A mode's id is its readable snake_case id, unique per stored mode; every
 * other identifiable object is named by its type, its parent and its per-parent `key`:
 *
 *   Mode          pet_store
 *   ModeTab       ModeTab:pet_store:inventory
 *   ModeMetric    ModeMetric:pet_store:monthly_revenue
 *   FlowIR        FlowIR:<16 hex of the document's SHA-256>
 *   WorkflowNode  WorkflowNode:<that digest>:read_data
 *
 * Mode ids never contain ":", so they cannot meet any other form. Clients treat ids as opaque;
 * only `node(id)` reads them back.
 */
export type NodeType = "Mode" | "ModeTab" | "ModeMetric" | "FlowIR" | "WorkflowNode";

/** A global id taken apart; `parent` is a mode id or a workflow digest. */
export type ParsedNodeId =
  | { type: "Mode"; modeId: string }
  | { type: "ModeTab" | "ModeMetric"; modeId: string; key: string }
  | { type: "FlowIR"; digest: string }
  | { type: "WorkflowNode"; digest: string; key: string };

export function modeTabId(modeId: string, key: string): string {
  return `ModeTab:${modeId}:${key}`;
}

export function modeMetricId(modeId: string, key: string): string {
  return `ModeMetric:${modeId}:${key}`;
}

export function flowIrId(digest: string): string {
  return `FlowIR:${digest}`;
}

export function workflowNodeId(digest: string, key: string): string {
  return `WorkflowNode:${digest}:${key}`;
}

/** Reads a global id back; undefined for anything the API never issued. */
export function parseNodeId(id: string): ParsedNodeId | undefined {
  if (MODE_ID_PATTERN.test(id)) return { type: "Mode", modeId: id };
  const first = id.indexOf(":");
  if (first < 0) return undefined;
  const type = id.slice(0, first);
  const rest = id.slice(first + 1);
  if (type === "FlowIR") return rest ? { type, digest: rest } : undefined;
  // The key comes last and may itself contain ":" (FlowIR node ids are free text).
  const second = rest.indexOf(":");
  if (second <= 0 || second === rest.length - 1) return undefined;
  const parent = rest.slice(0, second);
  const key = rest.slice(second + 1);
  if (type === "ModeTab" || type === "ModeMetric") return { type, modeId: parent, key };
  if (type === "WorkflowNode") return { type, digest: parent, key };
  return undefined;
}

/** The GraphQL type an issued id belongs to (the Node interface's type resolution). */
export function nodeTypeOfId(id: string): NodeType | undefined {
  return parseNodeId(id)?.type;
}
