import { BadUserInputError } from "../../errors/bad-user-input-error.js";
import { PROMPT_TEXT_RULES, checkPromptText, cleanPromptText } from "../text/prompt-text.js";
import { joinPath } from "./templates.js";
import type { LimitProblem, WorkflowLimits } from "./workflow-limits.js";
import {
  contextTextProblem,
  discoveredParamsProblems,
  irLimitProblems,
} from "./workflow-limits.js";
import { MAX_GENERATIONS } from "./workflow.types.js";
import type { PlanningContextError } from "./workflow.types.js";

/**
 * Checks of a generateWorkflow request, before any model call and never retried (workflow.md
 * section 1, step 1). Messages are the seed's where it has one; every error names its field.
 */

/** One BadUserInputError naming `field` for every problem, or nothing. */
function throwProblems(field: string, problems: ReadonlyArray<LimitProblem | undefined>): void {
  const broken = problems.filter((problem) => problem !== undefined);
  if (broken.length === 0) return;
  throw BadUserInputError.combine(
    broken.map((problem) => new BadUserInputError(field, problem.message, problem.limit)),
  );
}

/** A FlowIR document within the size limits (validateWorkflow's `ir`). */
export function checkIrSize(ir: unknown, limits: WorkflowLimits): void {
  throwProblems("input.ir", irLimitProblems(ir, limits, "input.ir"));
}

/**
 * The seed's planning-context checks, with its messages; then its size (WORKFLOW_MAX_CONTEXT_CHARS)
 * and, when `forPrompt`, the prompt-text rules (src/services/text/prompt-text.ts).
 */
export function checkPlanningContext(
  value: unknown,
  limits?: WorkflowLimits,
  forPrompt = false,
): string {
  if (value === undefined || value === null || value === "") {
    throw new BadUserInputError(
      "input.planningContext",
      "Planning context is required but was empty",
    );
  }
  if (typeof value === "object" && "error" in value) {
    const details = (value as PlanningContextError).error;
    throw new BadUserInputError(
      "input.planningContext",
      `Planning context error: ${typeof details === "string" ? details : JSON.stringify(details)}`,
    );
  }
  if (typeof value !== "string") {
    throw new BadUserInputError(
      "input.planningContext",
      `Planning context error: expected a markdown string, got ${Array.isArray(value) ? "an array" : typeof value}`,
    );
  }
  if (value.trim() === "") {
    throw new BadUserInputError(
      "input.planningContext",
      "Planning context is required but was empty",
    );
  }
  if (limits !== undefined) checkContextSize(value, limits);
  return forPrompt ? cleanPromptText(value, PROMPT_TEXT_RULES.planningContext) : value;
}

/** planningContext within WORKFLOW_MAX_CONTEXT_CHARS (validateWorkflow's, which may be absent). */
export function checkContextSize(value: string | null | undefined, limits: WorkflowLimits): void {
  if (typeof value !== "string") return;
  throwProblems("input.planningContext", [
    contextTextProblem(value.length, limits, "input.planningContext"),
  ]);
}

/**
 * discoveredParams within the size limits and, when `forPrompt`, cleaned by the prompt-text
 * rules: keys checked, string values at any depth cleaned (the copy is returned).
 */
export function checkDiscoveredParams(
  value: Record<string, unknown> | null | undefined,
  limits: WorkflowLimits,
  forPrompt = false,
): Record<string, unknown> | undefined {
  if (value === null || value === undefined) return undefined;
  throwProblems(
    "input.discoveredParams",
    discoveredParamsProblems(value, limits, "input.discoveredParams"),
  );
  return forPrompt ? cleanDiscoveredParams(value) : value;
}

/** A copy with every string cleaned, walked without recursion (depth is already bounded). */
function cleanDiscoveredParams(value: Record<string, unknown>): Record<string, unknown> {
  const rule = PROMPT_TEXT_RULES.discoveredParams;
  const root: Record<string, unknown> = {};
  type Pending = {
    source: unknown;
    target: Record<string, unknown> | unknown[];
    key: string | number;
    parent: string;
  };
  const pending: Pending[] = [];
  const pushEntries = (source: object, target: Pending["target"], parent: string) => {
    const entries = Array.isArray(source) ? source.entries() : Object.entries(source);
    for (const [key, child] of entries) pending.push({ source: child, target, key, parent });
  };
  pushEntries(value, root, rule.field);
  while (pending.length > 0) {
    const { source, target, key, parent } = pending.pop()!;
    // A bad key is named by where it sits, not quoted: quoting it would carry the character.
    if (typeof key === "string") checkPromptText(key, rule, `a key in ${parent}`);
    const where = joinPath(parent, key);
    let copy: unknown = source;
    if (typeof source === "string") {
      copy = cleanPromptText(source, rule, where);
    } else if (source !== null && typeof source === "object") {
      copy = Array.isArray(source) ? [] : {};
      pushEntries(source, copy as Pending["target"], where);
    }
    (target as Record<string | number, unknown>)[key] = copy;
  }
  return root;
}

/** validationErrors: together within WORKFLOW_MAX_CONTEXT_CHARS, each cleaned for the prompt. */
export function checkValidationErrors(
  value: readonly string[] | null | undefined,
  limits: WorkflowLimits,
): string[] {
  if (value === null || value === undefined) return [];
  const characters = value.reduce((total, error) => total + error.length, 0);
  throwProblems("input.validationErrors", [
    contextTextProblem(characters, limits, "input.validationErrors (all together)"),
  ]);
  const rule = PROMPT_TEXT_RULES.validationErrors;
  return value.map((error, index) => cleanPromptText(error, rule, `${rule.field}[${index}]`));
}

/** browsedComponents: names together within WORKFLOW_MAX_CONTEXT_CHARS, each a clean name. */
export function checkBrowsedComponents(
  value: { nodeIds: string[]; workflowNames: string[] } | null | undefined,
  limits: WorkflowLimits,
  forPrompt = false,
): { nodeIds: string[]; workflowNames: string[] } | undefined {
  if (value === null || value === undefined) return undefined;
  const names = [...value.nodeIds, ...value.workflowNames];
  const characters = names.reduce((total, name) => total + name.length, 0);
  throwProblems("input.browsedComponents", [
    contextTextProblem(characters, limits, "input.browsedComponents (all names together)"),
  ]);
  if (!forPrompt) return value;
  const rule = PROMPT_TEXT_RULES.browsedComponents;
  const clean = (list: string[], key: string) =>
    list.map((name, index) => cleanPromptText(name, rule, `${rule.field}.${key}[${index}]`));
  return {
    nodeIds: clean(value.nodeIds, "nodeIds"),
    workflowNames: clean(value.workflowNames, "workflowNames"),
  };
}

export function checkInteger(
  value: number | null | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(
      `input.${name}`,
      `${name} must be an integer from ${min} to ${max}, got ${value}`,
    );
  }
  return value;
}

/** generationAttempts: 0 or more, and fewer than the generations allowed per workflow. */
export function checkPriorAttempts(value: number | null | undefined): number {
  const priorAttempts = checkInteger(value, "generationAttempts", 0, 0, 1e6);
  if (priorAttempts >= MAX_GENERATIONS) {
    throw new BadUserInputError(
      "input.generationAttempts",
      `generationAttempts is ${priorAttempts}: the ${MAX_GENERATIONS} generations allowed per workflow are used up`,
    );
  }
  return priorAttempts;
}

export function checkTemperature(value: number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new BadUserInputError(
      "input.temperature",
      `temperature must be from 0 to 1, got ${value}`,
    );
  }
  return value;
}

export function checkModel(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value.length > 1_000) {
    throw new BadUserInputError(
      "input.model",
      "model must be a non-empty name of at most 200 characters",
    );
  }
  const model = cleanPromptText(value, PROMPT_TEXT_RULES.model);
  if (model === "" || model.length > 200) {
    throw new BadUserInputError(
      "input.model",
      "model must be a non-empty name of at most 200 characters",
    );
  }
  return model;
}

/**
 * userInput: required, not blank, at most `maxChars` characters, and clean by the prompt-text
 * rules; returned cleaned and trimmed.
 */
export function checkUserInput(value: unknown, maxChars: number): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new BadUserInputError("input.userInput", "userInput is required but was blank");
  }
  if (value.length > maxChars) {
    throw new BadUserInputError(
      "input.userInput",
      `userInput is ${value.length.toLocaleString("en-US")} characters; the limit is ${maxChars.toLocaleString("en-US")}`,
    );
  }
  const cleaned = cleanPromptText(value, PROMPT_TEXT_RULES.userInput).trim();
  if (cleaned === "") {
    throw new BadUserInputError(
      "input.userInput",
      "userInput is required but was blank (it held only invisible characters)",
    );
  }
  return cleaned;
}
