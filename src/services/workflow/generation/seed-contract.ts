import type {
  GenerateWorkflowRequest,
  GenerateWorkflowResult,
  SeedGenerationResult,
  SeedNodeParams,
  SeedSharedStore,
} from "../workflow.types.js";

/** The seed's snake_case shared-store inputs and node params as a generateWorkflow request. */
export function seedRequest(
  shared: SeedSharedStore,
  params: SeedNodeParams,
): GenerateWorkflowRequest {
  const browsed = shared.browsed_components;
  return {
    userInput: typeof shared.user_input === "string" ? shared.user_input : "",
    planningContext: shared.planning_context as GenerateWorkflowRequest["planningContext"],
    browsedComponents: browsed
      ? { nodeIds: browsed.node_ids ?? [], workflowNames: browsed.workflow_names ?? [] }
      : undefined,
    discoveredParams: shared.discovered_params,
    validationErrors: shared.validation_errors,
    generationAttempts: shared.generation_attempts,
    model: params.model,
    temperature: params.temperature,
  };
}

/** The seed's outputs: its shared-store side effects on success, exec_fallback's dict else. */
export function seedResult(result: GenerateWorkflowResult): SeedGenerationResult {
  if (result.success && result.workflow) {
    return {
      success: true,
      generated_workflow: result.workflow,
      generation_attempts: result.generationAttempts,
    };
  }
  return { success: false, error: result.error ?? "Workflow generation failed", workflow: null };
}
