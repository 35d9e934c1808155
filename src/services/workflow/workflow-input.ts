import { BadUserInputError } from "../../errors/bad-user-input-error.js";
import { MAX_GENERATIONS } from "./workflow.types.js";
import type { PlanningContextError } from "./workflow.types.js";

/**
 * Checks of a generateWorkflow request, before any model call and never retried (workflow.md
 * section 1, step 1). Messages are the seed's where it has one; every error names its field.
 */

/** The seed's planning-context checks, with its messages. */
export function checkPlanningContext(value: unknown): string {
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
  return value;
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
  const model = value.trim();
  if (model === "" || model.length > 200) {
    throw new BadUserInputError(
      "input.model",
      "model must be a non-empty name of at most 200 characters",
    );
  }
  return model;
}

/** userInput: required, not blank, at most `maxChars` characters; returned trimmed. */
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
  return value.trim();
}
