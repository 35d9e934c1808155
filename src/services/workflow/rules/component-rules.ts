import { toSnakeCase } from "../../text/snake-case.js";
import { WORKFLOW_NODE_TYPE } from "../flow-ir.contract.js";
import { jsonPreview } from "../json-size.js";
import { joinPath } from "../templates.js";
import { issueText, names, shown, suggest } from "./issue-text.js";
import type { IrNode, Report, RuleInput } from "./rule-context.js";
import { describeType, isRecord } from "./rule-context.js";
import { RULES } from "./rule-table.js";

/** n1, node2, step_3, task-4, s1: numbered placeholders that say nothing about the step. */
const PLACEHOLDER_ID = /^(?:n|s|t|node|step|stage|task|item|block|op)[_-]?\d+$/i;

/** What the context offers, looked up once per validation rather than once per node. */
interface Offer {
  /** Browsed node ids when given, else the planning context's; undefined when unknown. */
  types?: string[];
  typeSet: ReadonlySet<string>;
  /** Saved workflows on offer; undefined when unknown. */
  workflows?: string[];
  workflowSet: ReadonlySet<string>;
}

/** descriptive-id, unknown-type, duplicate-type and workflow-node. */
export function checkComponents(input: RuleInput, report: Report): void {
  const types = offeredTypes(input);
  const workflows = offeredWorkflows(input);
  const offer: Offer = {
    types,
    typeSet: new Set(types),
    workflows,
    workflowSet: new Set(workflows),
  };
  for (const node of input.workflow.nodes) {
    checkDescriptiveId(node, report);
    checkNodeType(offer, node, report);
    if (node.type === WORKFLOW_NODE_TYPE) checkWorkflowNode(input, offer, node, report);
  }
  checkDuplicateTypes(input, report);
}

function checkDescriptiveId(node: IrNode, report: Report): void {
  if (node.id.length >= 3 && !PLACEHOLDER_ID.test(node.id) && !/^[\d_-]+$/.test(node.id)) return;
  const suggestion = toSnakeCase(node.type);
  report(
    RULES["descriptive-id"],
    `node id '${shown(node.id)}' is not descriptive; name it after what the step does, e.g. '${shown(suggestion)}' (and update edges and templates that use it)`,
    { path: `${node.path}.id`, nodeId: node.id },
  );
}

/** The node types on offer: browsed ids when given, else the planning context's, else unknown. */
function offeredTypes(input: RuleInput): string[] | undefined {
  if (input.browsed !== undefined) return [...input.browsed.nodeIds];
  if (input.planning !== undefined) return Object.keys(input.planning.nodes);
  return undefined;
}

function offeredWorkflows(input: RuleInput): string[] | undefined {
  if (input.browsed !== undefined) return [...input.browsed.workflowNames];
  if (input.planning !== undefined) return Object.keys(input.planning.workflows);
  return undefined;
}

function checkNodeType(offer: Offer, node: IrNode, report: Report): void {
  const types = offer.types;
  const workflows = offer.workflows ?? [];
  if (types === undefined) return;
  const where = { path: `${node.path}.type`, nodeId: node.id };
  const id = shown(node.id);
  if (node.type === WORKFLOW_NODE_TYPE) {
    if (workflows.length === 0) {
      report(
        RULES["unknown-type"],
        issueText`Unknown node type: node '${id}' has type 'workflow' but no saved workflows are among the available components; use one of: ${names(() => types)}`,
        where,
      );
    }
    return;
  }
  if (offer.typeSet.has(node.type)) return;
  const type = shown(node.type);
  if (offer.workflowSet.has(node.type)) {
    report(
      RULES["unknown-type"],
      `Unknown node type: '${type}' (node '${id}') is a saved workflow, not a node type; use "type": "workflow" with params.workflow_name '${type}', a param_mapping and "storage_mode": "mapped"`,
      where,
    );
    return;
  }
  const choices = () => (workflows.length > 0 ? [...types, WORKFLOW_NODE_TYPE] : types);
  report(
    RULES["unknown-type"],
    issueText`Unknown node type: '${type}' (node '${id}') is not among the available components.${suggest(node.type, () => types)} Use one of: ${names(choices)}`,
    where,
  );
}

/**
 * One node per type (flat shared store). Workflow nodes are grouped by workflow_name: with
 * storage_mode "mapped" each writes only its output_mapping keys, so two different saved workflows
 * do not collide, but running the same one twice does.
 */
function checkDuplicateTypes(input: RuleInput, report: Report): void {
  const groups = new Map<string, IrNode[]>();
  for (const node of input.order.sequence) {
    const key =
      node.type === WORKFLOW_NODE_TYPE
        ? `${WORKFLOW_NODE_TYPE}:${String(node.params.workflow_name)}`
        : node.type;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [node]);
    else group.push(node);
  }
  for (const nodes of groups.values()) {
    if (nodes.length < 2) continue;
    const type =
      nodes[0]!.type === WORKFLOW_NODE_TYPE
        ? `workflow' (workflow_name '${String(nodes[0]!.params.workflow_name)}`
        : nodes[0]!.type;
    const second = nodes[1]!;
    report(
      RULES["duplicate-type"],
      issueText`nodes [${names(() => nodes.map((node) => node.id))}] are of the same type '${shown(type)}'; use at most one node per type: combine their work into one '${shown(nodes[0]!.id)}' node`,
      { path: `${second.path}.type`, nodeId: second.id },
    );
  }
}

const FORBIDDEN_WORKFLOW_PARAMS = ["workflow_ref", "workflow_ir"];

function checkWorkflowNode(input: RuleInput, offer: Offer, node: IrNode, report: Report): void {
  const params = node.params;
  const at = (key: string) => ({ path: `${node.path}.params.${key}`, nodeId: node.id });
  const workflows = offer.workflows;
  const id = shown(node.id);
  const name = params.workflow_name;
  if (typeof name !== "string" || name === "") {
    report(
      RULES["workflow-node"],
      workflows !== undefined && workflows.length > 0
        ? issueText`workflow node '${id}' is missing params.workflow_name; set it to the saved workflow to run: one of ${names(() => workflows)}`
        : `workflow node '${id}' is missing params.workflow_name; set it to the saved workflow to run`,
      at("workflow_name"),
    );
  } else if (workflows !== undefined && workflows.length > 0 && !offer.workflowSet.has(name)) {
    report(
      RULES["workflow-node"],
      issueText`workflow node '${id}' params.workflow_name '${shown(name)}' is not one of the available saved workflows.${suggest(name, () => workflows)} Use one of: ${names(() => workflows)}`,
      at("workflow_name"),
    );
  }
  checkParamMapping(input, node, typeof name === "string" ? name : undefined, report);
  if (Object.hasOwn(params, "output_mapping")) {
    const mapping = params.output_mapping;
    if (!isRecord(mapping)) {
      report(
        RULES["workflow-node"],
        `workflow node '${id}' params.output_mapping must be an object {"child_output": "name_for_this_workflow"}, not ${describeType(mapping)}`,
        at("output_mapping"),
      );
    } else {
      for (const [key, value] of Object.entries(mapping)) {
        if (typeof value === "string" && value !== "") continue;
        report(
          RULES["workflow-node"],
          `workflow node '${id}' params.output_mapping.${shown(key)} must be a non-empty string naming the output in this workflow, not ${describeType(value)}`,
          { path: joinPath(at("output_mapping").path, key), nodeId: node.id },
        );
      }
    }
  }
  if (Object.hasOwn(params, "storage_mode") && params.storage_mode !== "mapped") {
    report(
      RULES["workflow-node"],
      `workflow node '${id}' params.storage_mode is ${jsonPreview(params.storage_mode)}; use "mapped" (values pass only through param_mapping and output_mapping)`,
      at("storage_mode"),
    );
  }
  for (const key of FORBIDDEN_WORKFLOW_PARAMS) {
    if (!Object.hasOwn(params, key)) continue;
    report(
      RULES["workflow-node"],
      `workflow node '${id}' uses params.${key}; saved workflows are referenced by params.workflow_name only: remove ${key}`,
      at(key),
    );
  }
}

function checkParamMapping(
  input: RuleInput,
  node: IrNode,
  name: string | undefined,
  report: Report,
): void {
  const mapping = node.params.param_mapping;
  const where = { path: `${node.path}.params.param_mapping`, nodeId: node.id };
  const spec =
    name !== undefined &&
    input.planning !== undefined &&
    Object.hasOwn(input.planning.workflows, name)
      ? input.planning.workflows[name]
      : undefined;
  const childInputs = spec === undefined ? [] : Object.keys(spec.inputs);
  if (!isRecord(mapping)) {
    const example = childInputs.length > 0 ? shown(childInputs[0]!) : "child_input";
    report(
      RULES["workflow-node"],
      mapping === undefined
        ? `workflow node '${shown(node.id)}' is missing params.param_mapping; map each input of the saved workflow to a value, e.g. {"${example}": "\${${example}}"}`
        : `workflow node '${shown(node.id)}' params.param_mapping must be an object mapping the saved workflow's inputs to values, not ${describeType(mapping)}`,
      where,
    );
    return;
  }
  if (childInputs.length === 0) return;
  const known = new Set(childInputs);
  for (const key of Object.keys(mapping)) {
    if (known.has(key)) continue;
    report(
      RULES["workflow-node"],
      issueText`workflow node '${shown(node.id)}' params.param_mapping key '${shown(key)}' is not an input of saved workflow '${shown(name!)}'.${suggest(key, () => childInputs)} Its inputs are: ${names(() => childInputs)}`,
      { path: joinPath(where.path, key), nodeId: node.id },
    );
  }
}
