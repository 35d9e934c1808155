import { InputChecks } from "../../../errors/bad-user-input-error.js";
import type { ValidationRequest } from "../validation/workflow-validator.js";
import {
  checkBrowsedComponents,
  checkContextSize,
  checkDiscoveredParams,
  checkIrSize,
} from "../workflow-input.js";
import type { WorkflowLimits } from "../workflow-limits.js";
import type { ValidateWorkflowRequest } from "../workflow.types.js";

/**
 * A validateWorkflow request checked against the size limits (BadUserInputError naming each
 * field over a limit, every field at once, before any rule runs). The planning context stays
 * markdown: it is parsed once where the validation runs, on a worker thread for a large document,
 * which keeps the parse of a large context off the event loop too. (A parsed context would also
 * cross to the thread as plain objects, losing the prototype-free records that keep a component
 * or item named "constructor" from resolving to Object.prototype's.)
 */
export function validationRequest(
  request: ValidateWorkflowRequest,
  limits: WorkflowLimits,
): ValidationRequest {
  const checks = new InputChecks();
  checks.run(() => checkIrSize(request.ir, limits));
  checks.run(() => checkContextSize(request.planningContext, limits));
  checks.run(() => checkBrowsedComponents(request.browsedComponents, limits));
  checks.run(() => checkDiscoveredParams(request.discoveredParams, limits));
  checks.throwIfAny();
  const context = {
    planningContext: request.planningContext ?? undefined,
    browsedComponents: request.browsedComponents ?? undefined,
    discoveredParams: request.discoveredParams ?? undefined,
  };
  return { ir: request.ir, context, maxIssues: limits.maxIssues };
}
