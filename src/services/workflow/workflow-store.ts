import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { workflowNodeId } from "../node-id.js";
import type { FlowIr } from "./flow-ir.contract.js";

const digests = new WeakMap<object, string>();

/**
 * A FlowIR document's identity: 16 hex digits (64 bits) of the SHA-256 of its JSON. Equal
 * documents share it, so the same workflow always has the same global id (node-id.ts). Memoised
 * per document object, since every node of a response asks for it.
 */
export function workflowDigest(document: FlowIr): string {
  let digest = digests.get(document);
  if (digest === undefined) {
    digest = createHash("sha256").update(JSON.stringify(document)).digest("hex").slice(0, 16);
    digests.set(document, digest);
  }
  return digest;
}

/**
 * Workflows the API returned, by digest: what `node(id)` resolves a FlowIR or WorkflowNode id
 * against. Two backends: in this process (below) and in Redis, shared by every replica
 * (src/redis/redis-workflow-store.ts); the composition root picks one.
 */
export interface WorkflowStore {
  save(document: FlowIr): Promise<void>;
  get(digest: string): Promise<FlowIr | undefined>;
}

/** The embedded workflow store: least recently used evicted beyond `capacity`. */
export class InMemoryWorkflowStore implements WorkflowStore {
  private readonly documents: LRUCache<string, FlowIr>;

  constructor(capacity: number) {
    this.documents = new LRUCache({ max: capacity });
  }

  async save(document: FlowIr): Promise<void> {
    this.documents.set(workflowDigest(document), document);
  }

  async get(digest: string): Promise<FlowIr | undefined> {
    return this.documents.get(digest);
  }
}

/** A FlowIR node as the API shows it: its document id as `key`, and a global `id`. */
export interface WorkflowNodeView {
  id: string;
  key: string;
  type: string;
  params: Record<string, unknown>;
}

/** The nodes of a document with their global ids, in document order. */
export function workflowNodeViews(document: FlowIr): WorkflowNodeView[] {
  const digest = workflowDigest(document);
  return document.nodes.map((node) => ({
    id: workflowNodeId(digest, node.id),
    key: node.id,
    type: node.type,
    params: node.params,
  }));
}
