import type { FlowIr } from "./flow-ir.contract.js";
import { flowIrSchema } from "./flow-ir.contract.js";
import { buildWorkflow } from "./offline/build-workflow.js";
import type { Component } from "./offline/components.js";
import { describeComponents } from "./offline/components.js";
import { missingChannel } from "./offline/missing-channel.js";
import { withNamedQueryFields } from "./offline/named-fields.js";
import { nodeIds } from "./offline/node-ids.js";
import { orderChain } from "./offline/order-chain.js";
import { readRequest } from "./offline/request.js";
import { selectComponents } from "./offline/select-components.js";
import { parsePlanningContext } from "./planning-context.js";
import type { PlanningContext } from "./planning-context.js";
import { DEFAULT_MAX_ISSUES, findWorkflowIssues, formatIssue } from "./validate-workflow.js";

/** What a plan is made from, the planning context already parsed: the only source of component facts. */
export interface OfflinePlanRequest {
  userInput: string;
  planningContext: PlanningContext;
  /** When given, only these components are candidates (and only these pass validation). */
  browsedComponents?: { nodeIds: string[]; workflowNames: string[] };
  /** Values from the request; each becomes a declared input, never a literal in params. */
  discoveredParams?: Record<string, unknown>;
}

/** The same request with the planning context as markdown (planning-context.ts). */
export interface OfflinePlanInput extends Omit<OfflinePlanRequest, "planningContext"> {
  planningContext: string;
}

export type OfflinePlanResult = { workflow: FlowIr } | { failure: string };

/** How many validator errors a failure names: enough to act on, short enough to read. */
const FAILURE_ERROR_LIMIT = 3;

/**
 * Builds a linear FlowIR workflow without a model: deterministic and pure, the same input gives a
 * deep-equal result. Steps: read the offered components; choose the ones the request needs
 * (select-components.ts); order them producer-first (order-chain.ts); name the nodes
 * (node-ids.ts); fill every parameter from discovered values, earlier outputs or new inputs
 * (build-workflow.ts); then judge the result with the same validator and contract as a model's
 * answer. Precision over recall: it places only what the request asks for (the model step only for
 * language work, a sink only for a change asked of it), and a messaging service the request names
 * that no offered component speaks is a failure, never a swap. A sink is found by its name or by
 * the object its description gives its action ("Sends an email"); a file an earlier step made goes
 * to a step's attachment or file-list input, never its text body; an image, recording, PDF or
 * archive never goes to a reader of text files (with no reader for its kind, the failure says so).
 * It never returns an invalid
 * workflow, nor one that leaves out or fakes a step: a chosen
 * component whose program or object input the request does not give, upstream data a step cannot
 * take, a read, transform or model answer no later step uses, a request value no step takes,
 * request values that belong in an object
 * input whose fields are not documented, or two values that fit one slot equally make a failure
 * naming each component.
 *
 * The workflow service calls planFromContext when no model is configured, with the request's
 * `userInput`, the planning context it parsed once, `browsedComponents` and `discoveredParams`,
 * and treats a failure as a generation failure; one call is enough, since a retry would repeat it. There is no
 * offline `StructuredLlm`: it would have to recover these inputs from prompt text.
 */
export function planWorkflowOffline(input: OfflinePlanInput): OfflinePlanResult {
  const markdown = typeof input.planningContext === "string" ? input.planningContext : "";
  return planFromContext({ ...input, planningContext: parsePlanningContext(markdown) });
}

/** {@link planWorkflowOffline} for a caller that has parsed the planning context already. */
export function planFromContext(input: OfflinePlanRequest): OfflinePlanResult {
  const { planningContext } = input;
  const components = describeComponents(planningContext);
  if (components.length === 0) {
    return { failure: "the planning context describes no components to build a workflow from" };
  }
  const offered = offeredComponents(components, input.browsedComponents);
  if (offered.length === 0) {
    return {
      failure: `none of the browsed components (${describeBrowsed(input.browsedComponents)}) is described in the planning context`,
    };
  }
  const request = readRequest(input.userInput ?? "", input.discoveredParams ?? {});
  const channel = missingChannel(request, offered);
  if (channel !== undefined) {
    // Delivering elsewhere than asked is a wrong success, however well the rest is planned.
    return {
      failure: `the request asks to deliver on ${channel}, but none of the offered components (${offered.map((component) => component.name).join(", ")}) works with ${channel}`,
    };
  }
  const selection = selectComponents(
    offered.map((component) => withNamedQueryFields(component, request)),
    request,
  );
  if (selection.components.length === 0) {
    return {
      failure: `the request mentions none of the offered components (${offered.map((component) => component.name).join(", ")}) and none of them takes a discovered value`,
    };
  }
  const chain = orderChain(selection.components, selection.bindings, selection.relevance);
  const ids = nodeIds(chain, selection.bindings, request);
  const { draft, problems } = buildWorkflow(chain, ids, selection.bindings, request);
  if (problems.length > 0) {
    // A workflow that leaves out or fakes a step the request needs is not a success.
    return {
      failure: `the planned chain (${chain.map((component) => component.name).join(" → ")}) does not do what was asked: ${problems.join("; ")}`,
    };
  }

  const validation = findWorkflowIssues(draft, {
    planningContext,
    browsedComponents: input.browsedComponents,
    discoveredParams: input.discoveredParams,
  }).report(DEFAULT_MAX_ISSUES);
  if (!validation.valid) {
    const first = validation.errors.slice(0, FAILURE_ERROR_LIMIT).map(formatIssue);
    return {
      failure: `the planned chain (${chain.map((component) => component.name).join(" → ")}) does not validate: ${first.join("; ")}${validation.errors.length > FAILURE_ERROR_LIMIT ? `; and ${validation.errors.length - FAILURE_ERROR_LIMIT} more` : ""}`,
    };
  }
  const contract = flowIrSchema.safeParse(draft);
  if (!contract.success) {
    return {
      failure: `the planned workflow breaks the FlowIR contract: ${contract.error.message}`,
    };
  }
  return { workflow: contract.data };
}

/** Browsed node ids and workflow names when given (in their context order), else everything. */
function offeredComponents(
  components: readonly Component[],
  browsed: OfflinePlanRequest["browsedComponents"],
): Component[] {
  if (browsed === undefined || browsed === null) return [...components];
  const nodeIds = new Set(Array.isArray(browsed.nodeIds) ? browsed.nodeIds : []);
  const workflowNames = new Set(Array.isArray(browsed.workflowNames) ? browsed.workflowNames : []);
  return components.filter((component) =>
    component.kind === "workflow" ? workflowNames.has(component.name) : nodeIds.has(component.name),
  );
}

function describeBrowsed(browsed: OfflinePlanRequest["browsedComponents"]): string {
  const names = [...(browsed?.nodeIds ?? []), ...(browsed?.workflowNames ?? [])];
  return names.length === 0 ? "none" : names.join(", ");
}
