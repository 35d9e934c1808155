import { WORKFLOW_NODE_TYPE } from "../flow-ir.contract.js";
import type { ComponentSpec, PlanningContext } from "../planning-context.js";
import type { IrNode } from "./rule-context.js";
import { isRecord } from "./rule-context.js";

export interface NodeOutputs {
  /** Output keys, sorted. */
  names: string[];
  /** The component description when known (paths and types for deeper checks). */
  spec?: ComponentSpec;
  /** How to name the node in messages, e.g. "type: github-get-issue". */
  label: string;
}

/**
 * What a node outputs, or undefined when nothing says (then output checks are skipped rather than
 * guessed). A workflow node outputs the values of its output_mapping; without one, the saved
 * workflow's own outputs from the planning context. A component listed without any output is
 * treated as undescribed, not as outputting nothing.
 */
export function nodeOutputs(
  node: IrNode,
  planning: PlanningContext | undefined,
): NodeOutputs | undefined {
  if (node.type === WORKFLOW_NODE_TYPE) {
    const mapping = node.params.output_mapping;
    const name = typeof node.params.workflow_name === "string" ? node.params.workflow_name : "?";
    if (isRecord(mapping)) {
      const names = Object.values(mapping).filter(
        (value): value is string => typeof value === "string",
      );
      return {
        names: [...new Set(names)].sort(),
        label: `workflow '${name}', from its output_mapping`,
      };
    }
    const spec =
      planning !== undefined && Object.hasOwn(planning.workflows, name)
        ? planning.workflows[name]
        : undefined;
    if (spec === undefined || Object.keys(spec.outputs).length === 0) return undefined;
    return { names: Object.keys(spec.outputs).sort(), spec, label: `workflow '${name}'` };
  }
  if (planning === undefined || !Object.hasOwn(planning.nodes, node.type)) return undefined;
  const spec = planning.nodes[node.type]!;
  if (Object.keys(spec.outputs).length === 0) return undefined;
  return { names: Object.keys(spec.outputs).sort(), spec, label: `type: ${node.type}` };
}

/**
 * The component description behind a node's outputs: the same spec {@link nodeOutputs} returns,
 * found without listing the outputs (callers that ask once per template need O(1)).
 */
export function outputSpec(
  node: IrNode,
  planning: PlanningContext | undefined,
): ComponentSpec | undefined {
  if (planning === undefined) return undefined;
  let spec: ComponentSpec | undefined;
  if (node.type === WORKFLOW_NODE_TYPE) {
    if (isRecord(node.params.output_mapping)) return undefined;
    const name = typeof node.params.workflow_name === "string" ? node.params.workflow_name : "?";
    spec = Object.hasOwn(planning.workflows, name) ? planning.workflows[name] : undefined;
  } else {
    spec = Object.hasOwn(planning.nodes, node.type) ? planning.nodes[node.type] : undefined;
  }
  return spec !== undefined && hasEntries(spec.outputs) ? spec : undefined;
}

function hasEntries(record: Record<string, string>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}
