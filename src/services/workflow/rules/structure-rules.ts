import { toSnakeCase, toSnakeIdentifier } from "../../text/snake-case.js";
import { INPUT_TYPES, IR_VERSION, NODE_ID_PATTERN, ROOT_FIELDS } from "../flow-ir.contract.js";
import { jsonPreview } from "../json-size.js";
import { joinPath } from "../templates.js";
import { plainList } from "./issue-text.js";
import type { IrEdge, IrInput, IrNode, Report, UsableWorkflow } from "./rule-context.js";
import { describeType, isRecord, quoteList } from "./rule-context.js";
import { RULES } from "./rule-table.js";

const NODE_FIELDS = ["id", "type", "params", "purpose"];
const INPUT_FIELDS = ["description", "required", "type", "default"];
/** Input names must be reachable from a `${name}` template. */
const INPUT_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Shape checks (root-fields, ir-version, nodes-empty, node-shape, duplicate-id, edge-shape,
 * edge-action, input-shape). Returns the typed document when graph and template checks can run on
 * it, or undefined when they would only produce confusing cascades (workflow.md section 4):
 * no node list, a node without id/type/params, duplicate ids (edges become ambiguous), an edge
 * without from/to, or `inputs` that is not an object.
 */
export function checkStructure(ir: unknown, report: Report): UsableWorkflow | undefined {
  if (!isRecord(ir)) {
    report(
      RULES["root-fields"],
      `workflow must be a JSON object with ir_version, inputs, nodes and edges, not ${describeType(ir)}`,
    );
    return undefined;
  }
  checkRootFields(ir, report);
  checkIrVersion(ir, report);
  const nodes = checkNodes(ir.nodes, report);
  const edges = checkEdges(ir.edges, report);
  const inputs = checkInputs(ir.inputs, report);
  if (nodes === undefined || edges === undefined || inputs === undefined) return undefined;
  return {
    nodes,
    edges,
    inputs,
    startNode: ir.start_node,
    hasStartNode: Object.hasOwn(ir, "start_node"),
  };
}

function checkRootFields(ir: Record<string, unknown>, report: Report): void {
  const allowed: readonly string[] = ROOT_FIELDS;
  const unexpected = Object.keys(ir)
    .filter((key) => !allowed.includes(key))
    .sort();
  if (unexpected.length > 0) {
    report(
      RULES["root-fields"],
      `unexpected top-level field(s): ${plainList(unexpected)}; remove them: the top level may only hold ${ROOT_FIELDS.join(", ")}`,
    );
  }
  if (Object.hasOwn(ir, "outputs") && !isRecord(ir.outputs)) {
    report(
      RULES["root-fields"],
      `outputs must be an object mapping names to {description, type, source}, not ${describeType(ir.outputs)}; fix it or remove it`,
      { path: "outputs" },
    );
  }
}

function checkIrVersion(ir: Record<string, unknown>, report: Report): void {
  if (!Object.hasOwn(ir, "ir_version")) {
    report(RULES["ir-version"], `ir_version is missing; set "ir_version": "${IR_VERSION}"`, {
      path: "ir_version",
    });
  } else if (ir.ir_version !== IR_VERSION) {
    report(
      RULES["ir-version"],
      `ir_version must be "${IR_VERSION}", got ${jsonPreview(ir.ir_version)}`,
      {
        path: "ir_version",
      },
    );
  }
}

function checkNodes(value: unknown, report: Report): IrNode[] | undefined {
  if (!Array.isArray(value)) {
    report(
      RULES["nodes-empty"],
      value === undefined
        ? "workflow must contain at least one node: add a nodes array"
        : `nodes must be an array of nodes, not ${describeType(value)}`,
      { path: "nodes" },
    );
    return undefined;
  }
  if (value.length === 0) {
    report(
      RULES["nodes-empty"],
      "workflow must contain at least one node; add the steps that do the work",
      {
        path: "nodes",
      },
    );
    return undefined;
  }
  const nodes: IrNode[] = [];
  let usable = true;
  value.forEach((raw, index) => {
    const node = checkNode(raw, index, report);
    if (node === undefined) usable = false;
    else nodes.push(node);
  });
  if (!usable) return undefined;
  return checkDuplicateIds(nodes, report) ? nodes : undefined;
}

function checkNode(raw: unknown, index: number, report: Report): IrNode | undefined {
  const path = `nodes[${index}]`;
  if (!isRecord(raw)) {
    report(
      RULES["node-shape"],
      `${path} must be an object with id, type and params, not ${describeType(raw)}`,
      {
        path,
      },
    );
    return undefined;
  }
  const label = typeof raw.id === "string" ? `node '${raw.id}'` : path;
  const nodeId = typeof raw.id === "string" ? raw.id : undefined;
  let usable = true;
  if (typeof raw.id !== "string" || raw.id === "") {
    report(
      RULES["node-shape"],
      `${path} needs a string id naming what the step does, e.g. "fetch_issue"`,
      {
        path: `${path}.id`,
      },
    );
    usable = false;
  } else if (!NODE_ID_PATTERN.test(raw.id)) {
    report(
      RULES["node-shape"],
      `node id '${raw.id}' may only contain letters, digits, '_' and '-'; rename it, e.g. '${toSnakeCase(raw.id) || "fetch_issue"}'`,
      { path: `${path}.id`, nodeId },
    );
  }
  if (typeof raw.type !== "string" || raw.type === "") {
    report(
      RULES["node-shape"],
      `${label} needs a string type naming one of the available components`,
      {
        path: `${path}.type`,
        nodeId,
      },
    );
    usable = false;
  }
  if (!isRecord(raw.params)) {
    report(
      RULES["node-shape"],
      raw.params === undefined
        ? `${label} has no params; add "params": {} (an object, empty when the node takes none)`
        : `${label} params must be an object, not ${describeType(raw.params)}`,
      { path: `${path}.params`, nodeId },
    );
    usable = false;
  }
  const extra = Object.keys(raw)
    .filter((key) => !NODE_FIELDS.includes(key))
    .sort();
  if (extra.length > 0) {
    report(
      RULES["node-shape"],
      `${label} has unexpected field(s): ${plainList(extra)}; a node holds only id, type, params and an optional purpose: move settings into params`,
      { path, nodeId },
    );
  }
  if (Object.hasOwn(raw, "purpose") && typeof raw.purpose !== "string") {
    report(
      RULES["node-shape"],
      `${label} purpose must be a string, not ${describeType(raw.purpose)}`,
      {
        path: `${path}.purpose`,
        nodeId,
      },
    );
  }
  if (!usable) return undefined;
  return {
    index,
    id: raw.id as string,
    type: raw.type as string,
    params: raw.params as Record<string, unknown>,
    path,
  };
}

/** Reports every repeat of an id; false when there was one. */
function checkDuplicateIds(nodes: readonly IrNode[], report: Report): boolean {
  const firstIndex = new Map<string, number>();
  let unique = true;
  for (const node of nodes) {
    const first = firstIndex.get(node.id);
    if (first === undefined) {
      firstIndex.set(node.id, node.index);
      continue;
    }
    unique = false;
    report(
      RULES["duplicate-id"],
      `Duplicate node ID '${node.id}' (nodes[${first}] and nodes[${node.index}]); give each node a unique, descriptive id and update the edges and templates that use it`,
      { path: `${node.path}.id`, nodeId: node.id },
    );
  }
  return unique;
}

function checkEdges(value: unknown, report: Report): IrEdge[] | undefined {
  if (!Array.isArray(value)) {
    report(
      RULES["edge-shape"],
      value === undefined
        ? 'edges is missing; add "edges": [{"from": ..., "to": ...}] (an empty array for a single node)'
        : `edges must be an array of {from, to} objects, not ${describeType(value)}`,
      { path: "edges" },
    );
    return undefined;
  }
  const edges: IrEdge[] = [];
  let usable = true;
  value.forEach((raw, index) => {
    const path = `edges[${index}]`;
    if (!isRecord(raw) || typeof raw.from !== "string" || typeof raw.to !== "string") {
      report(
        RULES["edge-shape"],
        `${path} must have 'from' and 'to' (node id strings), e.g. {"from": "fetch_issue", "to": "summarize_issue"}`,
        { path },
      );
      usable = false;
      return;
    }
    if (Object.hasOwn(raw, "action")) {
      report(
        RULES["edge-action"],
        `${path} carries an action field (${jsonPreview(raw.action)}); linear workflows use plain {from, to} edges: remove "action"`,
        { path: `${path}.action` },
      );
    }
    const extra = Object.keys(raw)
      .filter((key) => key !== "from" && key !== "to" && key !== "action")
      .sort();
    if (extra.length > 0) {
      report(
        RULES["edge-shape"],
        `${path} has unexpected field(s): ${plainList(extra)}; an edge holds only 'from' and 'to'`,
        { path },
      );
    }
    edges.push({ index, from: raw.from, to: raw.to, path });
  });
  return usable ? edges : undefined;
}

function checkInputs(value: unknown, report: Report): IrInput[] | undefined {
  // A missing inputs object is treated as {}: templates then report what needs declaring.
  if (value === undefined) {
    report(
      RULES["input-shape"],
      'inputs is missing; add "inputs": {} (or declare the values the workflow needs)',
      {
        path: "inputs",
      },
    );
    return [];
  }
  if (!isRecord(value)) {
    report(
      RULES["input-shape"],
      `inputs must be an object mapping each input name to {description, required, type}, not ${describeType(value)}`,
      { path: "inputs" },
    );
    return undefined;
  }
  return Object.entries(value).map(([name, spec]) => checkInput(name, spec, report));
}

/** Reports shape problems; the input still counts as declared so templates using it do not cascade. */
function checkInput(name: string, spec: unknown, report: Report): IrInput {
  const path = joinPath("inputs", name);
  const input: IrInput = { name, path, hasDefault: false };
  if (!INPUT_NAME_PATTERN.test(name)) {
    report(
      RULES["input-shape"],
      `input name '${name}' cannot be used in a template; use letters, digits and '_' only, e.g. '${toSnakeIdentifier(name)}'`,
      { path },
    );
  }
  if (!isRecord(spec)) {
    report(
      RULES["input-shape"],
      `input '${name}' must be an object with description, required and type, not ${describeType(spec)}`,
      { path },
    );
    return input;
  }
  input.hasDefault = Object.hasOwn(spec, "default");
  const problems: string[] = [];
  if (typeof spec.description !== "string") problems.push("description must be a string");
  if (typeof spec.required === "boolean") input.required = spec.required;
  else problems.push("required must be true or false");
  const types: readonly string[] = INPUT_TYPES;
  if (typeof spec.type === "string" && types.includes(spec.type)) input.type = spec.type;
  else {
    problems.push(
      `type must be one of ${INPUT_TYPES.join(", ")}${spec.type === undefined ? "" : ` (got ${jsonPreview(spec.type)})`}`,
    );
  }
  const extra = Object.keys(spec)
    .filter((key) => !INPUT_FIELDS.includes(key))
    .sort();
  if (extra.length > 0) problems.push(`unexpected field(s) ${quoteList(extra)} must be removed`);
  if (problems.length > 0) {
    report(RULES["input-shape"], `input '${name}': ${problems.join("; ")}`, { path });
  }
  return input;
}
