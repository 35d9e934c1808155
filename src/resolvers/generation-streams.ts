import type { RequestContext } from "../context.js";
import type { GenerateModeInput } from "../schema/mode.input.js";
import type { GenerateWorkflowInput } from "../schema/workflow.input.js";
import { streamMode } from "../services/mode/mode-stream.js";
import type { ModeStreamEvent } from "../services/mode/mode-stream.js";
import type { ModeService } from "../services/mode/mode.service.js";
import { streamWorkflow } from "../services/workflow/workflow-stream.js";
import type { WorkflowStreamEvent } from "../services/workflow/workflow-stream.js";
import type { WorkflowService } from "../services/workflow/workflow.service.js";
import type { GenerateWorkflowRequest } from "../services/workflow/workflow.types.js";

/**
 * Where the subscriptions get their events. It travels in the request context because
 * type-graphql calls a subscription's `subscribe` function without its resolver instance; the
 * composition root (server.ts) puts it there, beside the services it streams from.
 */
export interface GenerationStreams {
  mode(input: GenerateModeInput, context: RequestContext): AsyncIterableIterator<ModeStreamEvent>;
  workflow(
    input: GenerateWorkflowInput,
    context: RequestContext,
  ): AsyncIterableIterator<WorkflowStreamEvent>;
}

export function generationStreams(services: {
  modes: ModeService;
  workflows: WorkflowService;
}): GenerationStreams {
  return {
    mode: (input, context) =>
      streamMode(services.modes, input.industry, context, modeOptions(input)),
    workflow: (input, context) =>
      streamWorkflow(services.workflows, workflowRequest(input, context)),
  };
}

/** generateMode's options from its input: the mutation and the stream read it alike. */
export function modeOptions(input: GenerateModeInput): { brandFidelity: boolean } {
  return { brandFidelity: input.brandFidelity === true };
}

/** generateWorkflow's service request from its input and the caller's context. */
export function workflowRequest(
  input: GenerateWorkflowInput,
  context: RequestContext,
): GenerateWorkflowRequest {
  return {
    ...input,
    signal: context.signal,
    logger: context.logger,
    principal: context.principal,
  };
}
