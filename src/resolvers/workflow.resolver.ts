import { JSONObjectResolver } from "graphql-scalars";
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { GenerateWorkflowInput, ValidateWorkflowInput } from "../schema/workflow.input.js";
import {
  FlowIR,
  GenerateWorkflowPayload,
  WorkflowEdge,
  WorkflowInput,
  WorkflowNode,
  WorkflowValidation,
} from "../schema/workflow.type.js";
import { flowIrId } from "../services/node-id.js";
import type { FlowIr } from "../services/workflow/flow-ir.contract.js";
import { workflowDigest, workflowNodeViews } from "../services/workflow/workflow-store.js";
import type { WorkflowService } from "../services/workflow/workflow.service.js";
import { workflowRequest } from "./generation-streams.js";

@Resolver()
export class WorkflowResolver {
  constructor(private readonly workflowService: WorkflowService) {}

  @Mutation(() => GenerateWorkflowPayload, {
    description:
      "Generates a linear, parameterised workflow from the offered components, validating each " +
      "generation and retrying with the errors (at most 3 generations). Generation failures are " +
      "data (success: false); bad input is a BAD_USER_INPUT error.",
  })
  generateWorkflow(
    @Arg("input", () => GenerateWorkflowInput, { description: "The task and its components." })
    input: GenerateWorkflowInput,
    @Ctx() context: RequestContext,
  ): Promise<GenerateWorkflowPayload> {
    return this.workflowService.generateWorkflow(
      workflowRequest(input, context),
    ) as Promise<GenerateWorkflowPayload>;
  }

  @Query(() => WorkflowValidation, {
    description:
      "Validates a FlowIR document against every rule; never calls a model. A document or " +
      "context over a size limit (WORKFLOW_MAX_DEPTH, WORKFLOW_MAX_NODES, WORKFLOW_MAX_EDGES, " +
      "WORKFLOW_MAX_IR_CHARS, WORKFLOW_MAX_CONTEXT_CHARS, WORKFLOW_MAX_DISCOVERED_PARAMS) is a " +
      "BAD_USER_INPUT error naming the field and the limit.",
  })
  validateWorkflow(
    @Arg("input", () => ValidateWorkflowInput, { description: "The document and its context." })
    input: ValidateWorkflowInput,
    @Ctx() context: RequestContext,
  ): Promise<WorkflowValidation> {
    return this.workflowService.validateWorkflow(input, context.signal);
  }
}

/** Reads the GraphQL view of a FlowIR document off the document itself. */
@Resolver(() => FlowIR)
export class FlowIrResolver {
  @FieldResolver(() => ID, {
    description: "Global identifier, from the document's digest: equal documents share it.",
  })
  id(@Root() ir: FlowIr): string {
    return flowIrId(workflowDigest(ir));
  }

  @FieldResolver(() => String)
  irVersion(@Root() ir: FlowIr): string {
    return ir.ir_version;
  }

  @FieldResolver(() => [WorkflowInput])
  inputs(@Root() ir: FlowIr): WorkflowInput[] {
    return Object.entries(ir.inputs ?? {}).map(([name, input]) => ({ name, ...input }));
  }

  @FieldResolver(() => [WorkflowNode])
  nodes(@Root() ir: FlowIr): WorkflowNode[] {
    return workflowNodeViews(ir);
  }

  @FieldResolver(() => [WorkflowEdge])
  edges(@Root() ir: FlowIr): WorkflowEdge[] {
    return ir.edges;
  }

  @FieldResolver(() => JSONObjectResolver)
  ir(@Root() ir: FlowIr): Record<string, unknown> {
    return ir;
  }
}
