import { GenerationFailure } from "../../../errors/generation-error.js";
import type { GenerationErrorCode, TokenUsage } from "../../../errors/generation-error.js";
import type { Deadline } from "../../../llm/deadline.js";
import type { StructuredAnswer } from "../../../llm/structured-llm.js";
import type { FlowIr } from "../flow-ir.contract.js";
import { findWorkflowIssues } from "../validate-workflow.js";
import { irLimitProblems } from "../workflow-limits.js";
import type { WorkflowLimits } from "../workflow-limits.js";
import { MAX_GENERATIONS } from "../workflow.types.js";
import type { GenerateWorkflowResult, WorkflowAttemptRecord } from "../workflow.types.js";
import type { AnsweringModel } from "./answering-model.js";
import type { AttemptGenerator } from "./attempt-generator.js";
import type { PreparedRequest } from "./prepared-request.js";
import { retryPrompt } from "./retry-prompt.js";

export interface GenerationLoopSettings {
  generate: AttemptGenerator;
  /** Size limits a generated document must meet, and the issues an attempt lists. */
  limits: WorkflowLimits;
  /** Largest retry prompt with the previous workflow in it, in estimated tokens. */
  maxPromptTokens: number;
  answering: AnsweringModel;
}

type Stop = { error: string; errorCode: GenerationErrorCode };

/**
 * The generator → validator → generator loop of workflow.md section 1, at most `prepared.budget`
 * generations. It retries only output: an answer without a usable tool call, a document over the
 * size limits, or one that fails the validator (judged against the planning context parsed in
 * prepareRequest), feeding back the first errors and the workflow itself. Transport, refusal,
 * truncation and configuration failures end it, as does an attempt with exactly the errors of
 * the one before. Every attempt is kept in the result.
 */
export async function runGenerationLoop(
  prepared: PreparedRequest,
  deadline: Deadline,
  settings: GenerationLoopSettings,
  onAttempt?: (attempt: WorkflowAttemptRecord) => void,
): Promise<GenerateWorkflowResult> {
  const attempts: WorkflowAttemptRecord[] = [];
  // Each attempt is told the moment it is judged (a streaming caller shows it), then kept.
  const record = (attempt: WorkflowAttemptRecord) => {
    attempts.push(attempt);
    onAttempt?.(attempt);
  };
  // HTTP calls to the provider over every generation, transport retries included.
  let httpCalls = 0;
  let prompt = prepared.firstPrompt;
  let previousErrors: string[] | undefined =
    prepared.callerErrors.length > 0 ? prepared.callerErrors : undefined;
  let lastValidatedErrors: string[] = [];
  let answeredModel: string | undefined;
  let stop: Stop | undefined;
  let workflow: FlowIr | null = null;

  for (let index = 0; index < prepared.budget; index++) {
    const number = prepared.priorAttempts + index + 1;
    const more = index + 1 < prepared.budget;
    const attemptStarted = performance.now();
    let answer: StructuredAnswer<unknown>;
    try {
      answer = await settings.generate(prepared, prompt, deadline);
    } catch (error) {
      if (!(error instanceof GenerationFailure)) throw error;
      httpCalls += error.httpCalls;
      record(unusableAttempt(number, attemptStarted, error.usage, error));
      // An answer without a usable tool call is an output failure: another generation may
      // succeed. Transport, refusal, truncation and configuration failures are final.
      if (error.code === "GENERATION_INVALID" && more) {
        prepared.logger.debug({ attempt: number, err: error }, "Unusable answer; generating again");
        continue;
      }
      stop = { error: error.message, errorCode: error.code };
      break;
    }

    httpCalls += answer.httpCalls;
    answeredModel = answer.model;
    // A model's answer meets the same size limits as a caller's document: an oversized or too
    // deeply nested one is an unusable generation (kept, without the document), never a crash.
    const oversized = irLimitProblems(answer.data, settings.limits, "The generated workflow");
    if (oversized.length > 0) {
      const message = oversized.map((problem) => problem.message).join("; ");
      record(
        unusableAttempt(number, attemptStarted, answer.usage, {
          code: "GENERATION_INVALID",
          message,
        }),
      );
      if (more) continue;
      stop = { error: message, errorCode: "GENERATION_INVALID" };
      break;
    }
    const ir = answer.data as Record<string, unknown>;
    const findings = findWorkflowIssues(ir, {
      planningContext: prepared.planningContext,
      browsedComponents: prepared.browsedComponents,
      discoveredParams: prepared.discoveredParams,
    });
    const validation = findings.report(settings.limits.maxIssues);
    record({
      number,
      ir,
      issues: [...validation.errors, ...validation.warnings],
      omittedIssues: validation.omittedIssues,
      latencyMs: elapsed(attemptStarted),
      inputTokens: answer.usage.inputTokens ?? null,
      outputTokens: answer.usage.outputTokens ?? null,
    });
    prepared.logger.debug(`Generated ${Array.isArray(ir.nodes) ? ir.nodes.length : 0} nodes`);

    if (validation.valid) {
      workflow = ir as FlowIr; // validateWorkflow is the authority on the FlowIR shape
      lastValidatedErrors = [];
      break;
    }
    const errors = validation.errors.map((issue) => issue.message);
    lastValidatedErrors = errors;
    if (previousErrors !== undefined && sameErrors(previousErrors, errors)) {
      stop = {
        error: `Stopped after attempt ${number}: it returned exactly the errors of the attempt before, so another generation would not help. First error: ${errors[0]}`,
        errorCode: "GENERATION_INVALID",
      };
      break;
    }
    previousErrors = errors;
    if (more) prompt = retryPrompt(prepared, findings, ir, number, settings.maxPromptTokens);
  }

  const generations = attempts.length;
  if (!workflow && !stop) stop = exhausted(prepared, generations, lastValidatedErrors);
  return {
    success: workflow !== null,
    workflow,
    error: stop?.error ?? null,
    errorCode: stop?.errorCode ?? null,
    generationAttempts: prepared.priorAttempts + generations,
    validationErrors: workflow ? [] : lastValidatedErrors,
    attempts,
    generation: {
      provider: settings.answering.provider,
      model: answeredModel ?? prepared.model ?? settings.answering.defaultModel,
      cached: false,
      shared: false,
      attempts: httpCalls,
      latencyMs: 0,
      inputTokens: sumKnown(attempts.map((attempt) => attempt.inputTokens)),
      outputTokens: sumKnown(attempts.map((attempt) => attempt.outputTokens)),
    },
  };
}

/** A generation that gave no document to validate: kept with its usage and why. */
function unusableAttempt(
  number: number,
  started: number,
  usage: TokenUsage,
  failure: { code: GenerationErrorCode; message: string },
): WorkflowAttemptRecord {
  return {
    number,
    ir: null,
    issues: [],
    omittedIssues: 0,
    latencyMs: elapsed(started),
    inputTokens: usage.inputTokens ?? null,
    outputTokens: usage.outputTokens ?? null,
    failure: { code: failure.code, message: failure.message },
  };
}

/** The budget ran out without a valid workflow. */
function exhausted(prepared: PreparedRequest, generations: number, lastErrors: string[]): Stop {
  const plural = generations === 1 ? "" : "s";
  return {
    error:
      lastErrors.length > 0
        ? `The workflow failed validation after ${generations} generation${plural} (attempt ${prepared.priorAttempts + generations} of ${MAX_GENERATIONS}). First error: ${lastErrors[0]}`
        : `No usable workflow after ${generations} generation${plural}`,
    errorCode: "GENERATION_INVALID",
  };
}

function sameErrors(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((message, index) => message === right[index]);
}

function sumKnown(values: ReadonlyArray<number | null>): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : known.reduce((total, value) => total + value, 0);
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
