import { createHash } from "node:crypto";
import type { StructuredLlm } from "../../../llm/structured-llm.js";
import { PROMPT_VERSION } from "../workflow.prompt.js";
import type { PreparedRequest } from "./prepared-request.js";

/**
 * Everything that shapes a model's answer: the request, its context, components and discovered
 * values, the caller's earlier attempts and errors, the budget, provider, model, temperature and
 * prompt version. Hashed so keys stay short.
 */
export function workflowCacheKey(prepared: PreparedRequest, llm: StructuredLlm): string {
  const shape = JSON.stringify([
    PROMPT_VERSION,
    llm.provider,
    prepared.model ?? llm.defaultModel,
    prepared.temperature,
    prepared.userInput,
    prepared.planningMarkdown,
    prepared.browsedComponents ?? null,
    prepared.discoveredParams ?? null,
    prepared.callerErrors,
    prepared.priorAttempts,
    prepared.budget,
  ]);
  return `workflow:${createHash("sha256").update(shape).digest("hex")}`;
}
