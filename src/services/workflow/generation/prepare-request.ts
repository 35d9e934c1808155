import type { Logger } from "pino";
import { InputChecks } from "../../../errors/bad-user-input-error.js";
import { flowIrJsonSchema } from "../flow-ir.contract.js";
import { parsePlanningContext } from "../planning-context.js";
import type { PlanningContext } from "../planning-context.js";
import { estimatePromptTokens } from "../prompt-tokens.js";
import {
  checkBrowsedComponents,
  checkDiscoveredParams,
  checkInteger,
  checkModel,
  checkPlanningContext,
  checkPriorAttempts,
  checkTemperature,
  checkUserInput,
  checkValidationErrors,
} from "../workflow-input.js";
import type { WorkflowLimits } from "../workflow-limits.js";
import { buildWorkflowPrompt } from "../workflow.prompt.js";
import { MAX_GENERATIONS } from "../workflow.types.js";
import type { GenerateWorkflowRequest } from "../workflow.types.js";
import type { PreparedRequest } from "./prepared-request.js";
import { promptTooLarge } from "./prompt-too-large.js";

export interface PrepareSettings {
  limits: WorkflowLimits;
  maxUserInputChars: number;
  maxPromptTokens: number;
  /** A model answers: up to MAX_GENERATIONS generations. Else the offline planner, once. */
  hasModel: boolean;
  /** Used when the request brings no logger of its own. */
  logger: Logger;
  /** Reads the planning context; the one parse of a request. Default parsePlanningContext. */
  parse?: (markdown: string) => PlanningContext;
}

/**
 * Input checks (workflow.md section 1, step 1), the planning context parsed and the first prompt
 * with its size check; no model call. Throws BadUserInputError naming every bad field at once.
 */
export function prepareRequest(
  request: GenerateWorkflowRequest,
  settings: PrepareSettings,
): PreparedRequest {
  const { limits } = settings;
  const checks = new InputChecks();
  const planningMarkdown = checks.run(() =>
    checkPlanningContext(request.planningContext, limits, true),
  );
  const userInput = checks.run(() => checkUserInput(request.userInput, settings.maxUserInputChars));
  const discoveredParams = checks.run(() =>
    checkDiscoveredParams(request.discoveredParams, limits, true),
  );
  const validationErrors = checks.run(() =>
    checkValidationErrors(request.validationErrors, limits),
  );
  const browsedComponents = checks.run(() =>
    checkBrowsedComponents(request.browsedComponents, limits, true),
  );
  const priorAttempts = checks.run(() => checkPriorAttempts(request.generationAttempts));
  const maxAttempts = checks.run(() =>
    checkInteger(request.maxAttempts, "maxAttempts", MAX_GENERATIONS, 1, 3),
  );
  const temperature = checks.run(() => checkTemperature(request.temperature));
  const model = checks.run(() => checkModel(request.model));
  checks.throwIfAny();
  return prepareChecked(
    {
      planningMarkdown: planningMarkdown!,
      userInput: userInput!,
      discoveredParams,
      validationErrors: validationErrors!,
      browsedComponents,
      priorAttempts: priorAttempts!,
      maxAttempts: maxAttempts!,
      temperature: temperature!,
      model,
      logger: request.logger ?? settings.logger,
    },
    settings,
  );
}

/** The request's fields once every one is known to be good. */
interface CheckedRequest {
  planningMarkdown: string;
  userInput: string;
  discoveredParams: Record<string, unknown> | undefined;
  validationErrors: string[];
  browsedComponents: { nodeIds: string[]; workflowNames: string[] } | undefined;
  priorAttempts: number;
  maxAttempts: number;
  temperature: number;
  model: string | undefined;
  logger: Logger;
}

/** The first prompt and its size check, then the one parse of the planning context. */
function prepareChecked(checked: CheckedRequest, settings: PrepareSettings): PreparedRequest {
  const { planningMarkdown, userInput, discoveredParams, browsedComponents } = checked;
  const { priorAttempts, maxAttempts } = checked;
  // Seed rule 11: a caller's errors only mean something when it made an attempt before.
  const callerErrors = priorAttempts > 0 ? checked.validationErrors : [];
  const toolSchema = flowIrJsonSchema({ nodeTypes: offeredNodeTypes(browsedComponents) });
  const firstPrompt = buildWorkflowPrompt({
    userInput,
    planningContext: planningMarkdown,
    discoveredParams,
    retry: callerErrors.length > 0 ? { errors: callerErrors, attempt: priorAttempts } : undefined,
  });
  const { estimatedTokens } = estimatePromptTokens({ ...firstPrompt, toolSchema });
  if (estimatedTokens > settings.maxPromptTokens) {
    throw promptTooLarge(estimatedTokens, settings.maxPromptTokens, {
      planningContext: planningMarkdown,
      userInput,
      discoveredParams: discoveredParams === undefined ? "" : JSON.stringify(discoveredParams),
      validationErrors: callerErrors.join("\n"),
    });
  }
  const parse = settings.parse ?? parsePlanningContext;
  return {
    userInput,
    planningMarkdown,
    planningContext: parse(planningMarkdown),
    browsedComponents,
    discoveredParams,
    callerErrors,
    priorAttempts,
    // The offline planner is deterministic: a second generation would repeat the first.
    budget: settings.hasModel ? Math.min(maxAttempts, MAX_GENERATIONS - priorAttempts) : 1,
    model: checked.model,
    temperature: checked.temperature,
    toolSchema,
    firstPrompt,
    promptTokens: estimatedTokens,
    logger: checked.logger,
  };
}

/** Node types for the tool schema's enum (flowIrJsonSchema adds "workflow" itself). */
function offeredNodeTypes(
  browsed: { nodeIds: string[]; workflowNames: string[] } | undefined,
): string[] | undefined {
  return browsed && browsed.nodeIds.length > 0 ? browsed.nodeIds : undefined;
}
