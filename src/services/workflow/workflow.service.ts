import { createHash } from "node:crypto";
import type { Logger } from "pino";
import { BadUserInputError, InputChecks } from "../../errors/bad-user-input-error.js";
import { GenerationFailure } from "../../errors/generation-error.js";
import type { GenerationErrorCode, TokenUsage } from "../../errors/generation-error.js";
import type { GenerationObserver } from "../../observability/generation-observer.js";
import { NO_OBSERVER } from "../../observability/generation-observer.js";
import { Deadline } from "../../llm/deadline.js";
import { callOutcome } from "../call-outcome.js";
import type { StructuredAnswer, StructuredLlm } from "../../llm/structured-llm.js";
import { flowIrJsonSchema, flowIrSchema } from "./flow-ir.contract.js";
import type { FlowIr } from "./flow-ir.contract.js";
import { planFromContext } from "./offline-planner.js";
import { parsePlanningContext } from "./planning-context.js";
import type { PlanningContext } from "./planning-context.js";
import { InMemoryWorkflowStore } from "./workflow-store.js";
import type { WorkflowStore } from "./workflow-store.js";
import { ANONYMOUS_PRINCIPAL } from "../../auth/principal.js";
import { cachedInfo, sharedInfo, tokensOf } from "../generation-info.js";
import { NO_SPEND_LIMIT } from "../quota/spend-limiter.js";
import type { SpendLimiter } from "../quota/spend-limiter.js";
import { InProcessCoalescer } from "../sharing/coalescer.js";
import type { Coalescer } from "../sharing/coalescer.js";
import { runSharedGeneration } from "../sharing/shared-generation.js";
import { InMemoryGenerationCache } from "../sharing/generation-cache.js";
import type { GenerationCache } from "../sharing/generation-cache.js";
import {
  checkBrowsedComponents,
  checkContextSize,
  checkDiscoveredParams,
  checkInteger,
  checkIrSize,
  checkModel,
  checkPlanningContext,
  checkPriorAttempts,
  checkTemperature,
  checkUserInput,
  checkValidationErrors,
} from "./workflow-input.js";
import { DEFAULT_WORKFLOW_LIMITS, irLimitProblems } from "./workflow-limits.js";
import type { WorkflowLimits } from "./workflow-limits.js";
import { MAX_GENERATIONS, OFFLINE_PLANNER_MODEL, WORKFLOW_TOOL_NAME } from "./workflow.types.js";
import type {
  GenerateWorkflowRequest,
  GenerateWorkflowResult,
  SeedGenerationResult,
  SeedNodeParams,
  SeedSharedStore,
  ValidateWorkflowRequest,
  WorkflowAttemptRecord,
} from "./workflow.types.js";
import { countTextTokens, estimatePromptTokens, PROMPT_TOKEN_LIMIT } from "./prompt-tokens.js";
import { findWorkflowIssues } from "./validate-workflow.js";
import type { WorkflowFindings, WorkflowValidation } from "./validate-workflow.js";
import { INLINE_VALIDATOR } from "./validation/workflow-validator.js";
import type { WorkflowValidator } from "./validation/workflow-validator.js";
import { buildWorkflowPrompt, PROMPT_ERROR_LIMIT, PROMPT_VERSION } from "./workflow.prompt.js";
import type { WorkflowPrompt, WorkflowPromptInput } from "./workflow.prompt.js";

export interface WorkflowServiceOptions {
  /**
   * The model seam; one `generate` call per generation. Absent: the deterministic offline planner
   * (offline-planner.ts) makes the one generation instead, judged by the same validator.
   */
  llm?: StructuredLlm;
  /** Debug lines of the seed ("Generating workflow for: ...", "Generated N nodes") and one info line per request. */
  logger: Logger;
  /**
   * Deadline over every model call of one request, transport retries and their waits included, in
   * ms. Worst case per request: MAX_GENERATIONS (3) generations × (1 + LLM_MAX_RETRIES) HTTP
   * calls, e.g. 3 × (1 + 2) = 9 with the default of 2; this deadline bounds their total time
   * whatever the count (a Retry-After that would outlast it is not waited for).
   */
  overallTimeoutMs: number;
  /** Longest accepted userInput, in characters. Default 4000. */
  maxUserInputChars?: number;
  /** Largest estimated prompt, in tokens (see prompt-tokens.ts). Default 8000. */
  maxPromptTokens?: number;
  /** `max_tokens` per generation. Default 4096: a linear workflow is far smaller. */
  maxOutputTokens?: number;
  /** Receives every model call for the metrics. */
  observer?: GenerationObserver;
  /** Valid workflows the default store keeps for `node(id)`, least recently used evicted. Default 500. */
  storeCapacity?: number;
  /** Where valid workflows are kept for `node(id)`. Default: in this process, `storeCapacity`. */
  store?: WorkflowStore;
  /** Successful temperature-0 answers for identical later requests. Default: 500 in memory, 24 h. */
  cache?: GenerationCache<GenerateWorkflowResult>;
  /** Shares one generation between identical concurrent requests. Default: in this process. */
  coalescer?: Coalescer;
  /** Quotas per principal, asked before a model call. Default: no limit. */
  limiter?: SpendLimiter;
  /** Runs validateWorkflow's validations (large documents off the event loop). Default: inline. */
  validator?: WorkflowValidator;
  /**
   * Size limits on documents and context (workflow-limits.ts), for callers' input and the model's
   * answers alike. Default DEFAULT_WORKFLOW_LIMITS (the configuration's defaults).
   */
  limits?: Partial<WorkflowLimits>;
}

/** Checked input, normalised. */
interface PreparedRequest {
  userInput: string;
  /** The markdown as sent: what the prompt shows and the cache key hashes. */
  planningMarkdown: string;
  /** The markdown parsed, once per request: what the validator and the offline planner read. */
  planningContext: PlanningContext;
  browsedComponents?: { nodeIds: string[]; workflowNames: string[] };
  discoveredParams?: Record<string, unknown>;
  callerErrors: string[];
  priorAttempts: number;
  budget: number;
  model?: string;
  temperature: number;
  toolSchema: Record<string, unknown>;
  firstPrompt: WorkflowPrompt;
  promptTokens: number;
  logger: Logger;
}

/**
 * generateWorkflow: the generator → validator → generator loop of workflow.md section 1, run
 * here rather than by a flow framework. Two kinds of retry, never mixed: the model seam (its
 * resilience layer) retries transport (429, 5xx, timeouts) inside one generation; this loop
 * retries only workflows that fail the validator (or answers with no tool call), feeding back the
 * first errors and the workflow itself.
 */
export class WorkflowService {
  private readonly llm: StructuredLlm | undefined;
  private readonly logger: Logger;
  private readonly overallTimeoutMs: number;
  private readonly maxUserInputChars: number;
  private readonly maxPromptTokens: number;
  private readonly maxOutputTokens: number;
  private readonly observer: GenerationObserver;
  private readonly store: WorkflowStore;
  private readonly cache: GenerationCache<GenerateWorkflowResult>;
  private readonly coalescer: Coalescer;
  private readonly limiter: SpendLimiter;
  private readonly limits: WorkflowLimits;
  private readonly validator: WorkflowValidator;

  constructor(options: WorkflowServiceOptions) {
    this.validator = options.validator ?? INLINE_VALIDATOR;
    this.limits = { ...DEFAULT_WORKFLOW_LIMITS, ...options.limits };
    this.limiter = options.limiter ?? NO_SPEND_LIMIT;
    this.cache =
      options.cache ?? new InMemoryGenerationCache({ capacity: 500, ttlMs: 24 * 3_600_000 });
    this.coalescer = options.coalescer ?? new InProcessCoalescer();
    this.store = options.store ?? new InMemoryWorkflowStore(options.storeCapacity ?? 500);
    this.llm = options.llm;
    this.logger = options.logger;
    this.overallTimeoutMs = options.overallTimeoutMs;
    this.maxUserInputChars = options.maxUserInputChars ?? 4_000;
    this.maxPromptTokens = options.maxPromptTokens ?? PROMPT_TOKEN_LIMIT;
    this.maxOutputTokens = options.maxOutputTokens ?? 4_096;
    this.observer = options.observer ?? NO_OBSERVER;
  }

  /**
   * validateWorkflow: checks the document and its context against the size limits first
   * (BadUserInputError naming each field over a limit, every field at once, before any rule
   * runs), then validates; at most `maxIssues` issues are listed. Large documents are validated
   * on a worker thread (validation/workflow-validator.ts); `signal` drops one whose caller left.
   */
  async validateWorkflow(
    request: ValidateWorkflowRequest,
    signal?: AbortSignal,
  ): Promise<WorkflowValidation> {
    const checks = new InputChecks();
    checks.run(() => checkIrSize(request.ir, this.limits));
    checks.run(() => checkContextSize(request.planningContext, this.limits));
    checks.run(() => checkBrowsedComponents(request.browsedComponents, this.limits));
    checks.run(() => checkDiscoveredParams(request.discoveredParams, this.limits));
    checks.throwIfAny();
    const context = {
      planningContext: request.planningContext ?? undefined,
      browsedComponents: request.browsedComponents ?? undefined,
      discoveredParams: request.discoveredParams ?? undefined,
    };
    return this.validator.validate(
      { ir: request.ir, context, maxIssues: this.limits.maxIssues },
      signal,
    );
  }

  /**
   * Throws BadUserInputError (before any model call) for input the caller must fix; every other
   * outcome, generation failures included, is returned as data.
   */
  async generateWorkflow(request: GenerateWorkflowRequest): Promise<GenerateWorkflowResult> {
    const prepared = this.prepare(request);
    const startedAt = performance.now();
    const latency = () => Math.round(performance.now() - startedAt);
    // Only a model's deterministic answers (temperature 0) are shared and cached: at a higher
    // temperature two identical requests ask for two samples. The offline planner costs nothing.
    const key = this.llm && prepared.temperature === 0 ? this.cacheKey(prepared) : undefined;
    const principal = (request.principal ?? ANONYMOUS_PRINCIPAL).id;
    if (key === undefined) {
      if (this.llm) await this.limiter.admit(principal);
      return this.charged(principal, await this.generateFresh(prepared, request.signal, undefined));
    }

    const cached = await this.cache.get(key);
    if (cached) {
      this.observer.recordCacheHit("workflow");
      return { ...cached, generation: cachedInfo(cached.generation, latency()) };
    }
    const flight = await runSharedGeneration({
      coalescer: this.coalescer,
      limiter: this.limiter,
      observer: this.observer,
      task: "workflow",
      key,
      principal,
      signal: request.signal,
      work: (signal) => this.generateFresh(prepared, signal, key),
    });
    if (!flight) return this.cancelledResult(prepared);
    if (!flight.shared) return this.charged(principal, flight.value);
    return { ...flight.value, generation: sharedInfo(flight.value.generation, latency()) };
  }

  /** Charges the tokens `result` used to the principal, and returns it. */
  private async charged(
    principal: string,
    result: GenerateWorkflowResult,
  ): Promise<GenerateWorkflowResult> {
    await this.limiter.chargeTokens(principal, tokensOf(result.generation));
    return result;
  }

  /** Runs the loop under the overall deadline; a success is kept for node(id) and the cache. */
  private async generateFresh(
    prepared: PreparedRequest,
    signal: AbortSignal | undefined,
    cacheKey: string | undefined,
  ): Promise<GenerateWorkflowResult> {
    prepared.logger.debug(`Generating workflow for: ${prepared.userInput.slice(0, 100)}...`);
    const deadline = new Deadline(this.overallTimeoutMs, signal);
    const started = performance.now();
    if (this.llm) this.observer.recordGeneration("workflow", 1);
    let result: GenerateWorkflowResult;
    try {
      result = await this.runLoop(prepared, deadline);
    } finally {
      if (this.llm) this.observer.recordGeneration("workflow", -1);
      deadline.dispose();
    }
    result.generation.latencyMs = Math.round(performance.now() - started);
    if (result.workflow) {
      await this.store.save(result.workflow);
      if (cacheKey !== undefined) await this.cache.set(cacheKey, result);
    }
    this.logOutcome(prepared, result);
    return result;
  }

  /**
   * Everything that shapes the answer: the request, its context, components and discovered
   * values, the caller's earlier attempts and errors, the budget, provider, model, temperature
   * and prompt version. Hashed so keys stay short.
   */
  private cacheKey(prepared: PreparedRequest): string {
    const shape = JSON.stringify([
      PROMPT_VERSION,
      this.llm?.provider,
      prepared.model ?? this.llm?.defaultModel,
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

  /** A caller that went away before the answer: nobody reads this, but it must be well-formed. */
  private cancelledResult(prepared: PreparedRequest): GenerateWorkflowResult {
    return {
      success: false,
      workflow: null,
      error: "The request was cancelled before the model answered",
      errorCode: "UPSTREAM_TIMEOUT",
      generationAttempts: prepared.priorAttempts,
      validationErrors: [],
      attempts: [],
      generation: {
        provider: this.llm?.provider ?? "offline",
        model: prepared.model ?? this.llm?.defaultModel ?? OFFLINE_PLANNER_MODEL,
        cached: false,
        shared: false,
        attempts: 0,
        latencyMs: 0,
        inputTokens: null,
        outputTokens: null,
      },
    };
  }

  /** A workflow this service returned, by its digest (workflow-store.ts), while still held. */
  getWorkflow(digest: string): Promise<FlowIr | undefined> {
    return this.store.get(digest);
  }

  /**
   * The seed's node contract: snake_case shared-store inputs in, `{ success: false, error,
   * workflow: null }` (its exec_fallback) on any failure, bad input included.
   */
  async generateFromSeedInputs(
    shared: SeedSharedStore,
    params: SeedNodeParams = {},
  ): Promise<SeedGenerationResult> {
    try {
      const browsed = shared.browsed_components;
      const result = await this.generateWorkflow({
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
      });
      if (result.success && result.workflow) {
        return {
          success: true,
          generated_workflow: result.workflow,
          generation_attempts: result.generationAttempts,
        };
      }
      return {
        success: false,
        error: result.error ?? "Workflow generation failed",
        workflow: null,
      };
    } catch (error) {
      if (error instanceof BadUserInputError) {
        // The seed reports one problem: the first, in its own words.
        const message = error.problems[0]!.message;
        this.logger.error(`GeneratorNode failed: ${message}`);
        return { success: false, error: message, workflow: null };
      }
      throw error;
    }
  }

  /** Input checks (workflow.md section 1, step 1) and the first prompt; no model call. */
  private prepare(request: GenerateWorkflowRequest): PreparedRequest {
    // Every independent check runs, so a client learns about all its bad fields at once.
    const checks = new InputChecks();
    const planningContext = checks.run(() =>
      checkPlanningContext(request.planningContext, this.limits, true),
    );
    const userInput = checks.run(() => checkUserInput(request.userInput, this.maxUserInputChars));
    const discoveredParams = checks.run(() =>
      checkDiscoveredParams(request.discoveredParams, this.limits, true),
    );
    const validationErrors = checks.run(() =>
      checkValidationErrors(request.validationErrors, this.limits),
    );
    const browsedComponents = checks.run(() =>
      checkBrowsedComponents(request.browsedComponents, this.limits, true),
    );
    const priorAttempts = checks.run(() => checkPriorAttempts(request.generationAttempts));
    const maxAttempts = checks.run(() =>
      checkInteger(request.maxAttempts, "maxAttempts", MAX_GENERATIONS, 1, 3),
    );
    const temperature = checks.run(() => checkTemperature(request.temperature));
    const model = checks.run(() => checkModel(request.model));
    checks.throwIfAny();
    return this.prepareChecked(request, {
      planningContext: planningContext!,
      userInput: userInput!,
      discoveredParams,
      validationErrors: validationErrors!,
      browsedComponents,
      priorAttempts: priorAttempts!,
      maxAttempts: maxAttempts!,
      temperature: temperature!,
      model,
    });
  }

  /** The first prompt and its size check, once every field is known to be good. */
  private prepareChecked(
    request: GenerateWorkflowRequest,
    checked: {
      planningContext: string;
      userInput: string;
      discoveredParams: Record<string, unknown> | undefined;
      validationErrors: string[];
      browsedComponents: { nodeIds: string[]; workflowNames: string[] } | undefined;
      priorAttempts: number;
      maxAttempts: number;
      temperature: number;
      model: string | undefined;
    },
  ): PreparedRequest {
    const { planningContext, userInput, priorAttempts, maxAttempts, temperature, model } = checked;
    const { browsedComponents, discoveredParams } = checked;
    // Seed rule 11: a caller's errors only mean something when it made an attempt before.
    const callerErrors = priorAttempts > 0 ? checked.validationErrors : [];
    const toolSchema = flowIrJsonSchema({ nodeTypes: offeredNodeTypes(browsedComponents) });
    const firstPrompt = buildWorkflowPrompt({
      userInput,
      planningContext,
      discoveredParams,
      retry: callerErrors.length > 0 ? { errors: callerErrors, attempt: priorAttempts } : undefined,
    });
    const { estimatedTokens } = estimatePromptTokens({ ...firstPrompt, toolSchema });
    if (estimatedTokens > this.maxPromptTokens) {
      throw this.promptTooLarge(estimatedTokens, {
        planningContext,
        userInput,
        discoveredParams: discoveredParams === undefined ? "" : JSON.stringify(discoveredParams),
        validationErrors: callerErrors.join("\n"),
      });
    }
    return {
      userInput,
      planningMarkdown: planningContext,
      planningContext: parsePlanningContext(planningContext),
      browsedComponents,
      discoveredParams,
      callerErrors,
      priorAttempts,
      // The offline planner is deterministic: a second generation would repeat the first.
      budget: this.llm ? Math.min(maxAttempts, MAX_GENERATIONS - priorAttempts) : 1,
      model,
      temperature,
      toolSchema,
      firstPrompt,
      promptTokens: estimatedTokens,
      logger: request.logger ?? this.logger,
    };
  }

  /**
   * The prompt is over its token limit: the error names the field holding most of it (an
   * oversized discoveredParams is discoveredParams' fault, not planningContext's) and says how
   * much each field takes.
   */
  private promptTooLarge(
    estimatedTokens: number,
    fields: Record<
      "planningContext" | "userInput" | "discoveredParams" | "validationErrors",
      string
    >,
  ): BadUserInputError {
    const shares = Object.entries(fields)
      .map(([name, text]) => ({ name, tokens: countTextTokens(text) }))
      .sort((left, right) => right.tokens - left.tokens);
    const largest = shares[0]!;
    const count = (value: number) => value.toLocaleString("en-US");
    return new BadUserInputError(
      `input.${largest.name}`,
      `The workflow prompt is estimated at ${count(estimatedTokens)} tokens; the limit is ${count(this.maxPromptTokens)}. ${largest.name} holds most of it: shorten it. (Tokens by field: ${shares.map((share) => `${share.name} ${count(share.tokens)}`).join(", ")}.)`,
    );
  }

  private async runLoop(
    prepared: PreparedRequest,
    deadline: Deadline,
  ): Promise<GenerateWorkflowResult> {
    const attempts: WorkflowAttemptRecord[] = [];
    // HTTP calls to the provider over every generation, transport retries included.
    let httpCalls = 0;
    let prompt = prepared.firstPrompt;
    let previousErrors: string[] | undefined =
      prepared.callerErrors.length > 0 ? prepared.callerErrors : undefined;
    let lastValidatedErrors: string[] = [];
    let answeredModel: string | undefined;
    let stop: { error: string; errorCode: GenerationErrorCode } | undefined;
    let workflow: FlowIr | null = null;

    for (let index = 0; index < prepared.budget; index++) {
      const number = prepared.priorAttempts + index + 1;
      const attemptStarted = performance.now();
      let answer;
      try {
        answer = await this.generateOnce(prepared, prompt, deadline);
      } catch (error) {
        if (!(error instanceof GenerationFailure)) throw error;
        httpCalls += error.httpCalls;
        attempts.push({
          number,
          ir: null,
          issues: [],
          latencyMs: elapsed(attemptStarted),
          inputTokens: error.usage.inputTokens ?? null,
          outputTokens: error.usage.outputTokens ?? null,
          omittedIssues: 0,
          failure: { code: error.code, message: error.message },
        });
        // An answer without a usable tool call is an output failure: another generation may
        // succeed. Transport, refusal, truncation and configuration failures are final.
        if (error.code === "GENERATION_INVALID" && index + 1 < prepared.budget) {
          prepared.logger.debug(
            { attempt: number, err: error },
            "Unusable answer; generating again",
          );
          continue;
        }
        stop = { error: error.message, errorCode: error.code };
        break;
      }

      httpCalls += answer.httpCalls;
      answeredModel = answer.model;
      // A model's answer meets the same size limits as a caller's document: an oversized or too
      // deeply nested one is an unusable generation (kept, without the document), never a crash.
      const oversized = irLimitProblems(answer.data, this.limits, "The generated workflow").map(
        (problem) => problem.message,
      );
      if (oversized.length > 0) {
        attempts.push({
          number,
          ir: null,
          issues: [],
          omittedIssues: 0,
          latencyMs: elapsed(attemptStarted),
          inputTokens: answer.usage.inputTokens ?? null,
          outputTokens: answer.usage.outputTokens ?? null,
          failure: { code: "GENERATION_INVALID", message: oversized.join("; ") },
        });
        if (index + 1 < prepared.budget) continue;
        stop = { error: oversized.join("; "), errorCode: "GENERATION_INVALID" };
        break;
      }
      const ir = answer.data as Record<string, unknown>;
      const findings = findWorkflowIssues(ir, {
        planningContext: prepared.planningContext,
        browsedComponents: prepared.browsedComponents,
        discoveredParams: prepared.discoveredParams,
      });
      const validation = findings.report(this.limits.maxIssues);
      attempts.push({
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
      if (index + 1 < prepared.budget) {
        prompt = this.retryPrompt(prepared, findings, ir, number);
      }
    }

    const generations = attempts.length;
    if (!workflow && !stop) {
      stop = {
        error:
          lastValidatedErrors.length > 0
            ? `The workflow failed validation after ${generations} generation${generations === 1 ? "" : "s"} (attempt ${prepared.priorAttempts + generations} of ${MAX_GENERATIONS}). First error: ${lastValidatedErrors[0]}`
            : `No usable workflow after ${generations} generation${generations === 1 ? "" : "s"}`,
        errorCode: "GENERATION_INVALID",
      };
    }
    return {
      success: workflow !== null,
      workflow,
      error: stop?.error ?? null,
      errorCode: stop?.errorCode ?? null,
      generationAttempts: prepared.priorAttempts + generations,
      validationErrors: workflow ? [] : lastValidatedErrors,
      attempts,
      generation: {
        provider: this.llm?.provider ?? "offline",
        model: answeredModel ?? prepared.model ?? this.llm?.defaultModel ?? OFFLINE_PLANNER_MODEL,
        cached: false,
        shared: false,
        attempts: httpCalls,
        latencyMs: 0,
        inputTokens: sumKnown(attempts.map((attempt) => attempt.inputTokens)),
        outputTokens: sumKnown(attempts.map((attempt) => attempt.outputTokens)),
      },
    } satisfies GenerateWorkflowResult;
  }

  /** One generation: a model call, or the offline planner when no model is configured. */
  private async generateOnce(
    prepared: PreparedRequest,
    prompt: WorkflowPrompt,
    deadline: Deadline,
  ): Promise<StructuredAnswer<unknown>> {
    if (!this.llm) return this.planOffline(prepared);
    const llm = this.llm;
    const started = performance.now();
    const record = (outcome: string, usage: TokenUsage) =>
      this.observer.recordModelCall({
        task: "workflow",
        provider: llm.provider,
        outcome,
        latencyMs: performance.now() - started,
        usage,
      });
    try {
      const answer = await this.callModel(llm, prepared, prompt, deadline);
      record("ok", answer.usage);
      return answer;
    } catch (error) {
      if (error instanceof GenerationFailure) record(callOutcome(error, deadline), error.usage);
      throw error;
    }
  }

  /** The deterministic offline planner, judged by the same validator afterwards. */
  private planOffline(prepared: PreparedRequest): StructuredAnswer<unknown> {
    const plan = planFromContext(prepared);
    if ("failure" in plan) {
      throw new GenerationFailure(
        "GENERATION_INVALID",
        `The offline planner could not build a valid workflow from the offered components: ${plan.failure}`,
      );
    }
    return { data: plan.workflow, model: OFFLINE_PLANNER_MODEL, usage: {}, httpCalls: 0 };
  }

  private callModel(
    llm: StructuredLlm,
    prepared: PreparedRequest,
    prompt: WorkflowPrompt,
    deadline: Deadline,
  ): Promise<StructuredAnswer<unknown>> {
    return llm.generate({
      system: prompt.system,
      user: prompt.user,
      output: {
        name: WORKFLOW_TOOL_NAME,
        description:
          "Submit the complete FlowIR workflow document (ir_version, inputs, nodes, edges).",
        schema: flowIrSchema,
        jsonSchema: prepared.toolSchema,
        // The validator judges the answer and explains every problem; a zod rejection here
        // would lose the workflow we feed back on retry.
        validate: false,
      },
      model: prepared.model,
      temperature: prepared.temperature,
      maxOutputTokens: this.maxOutputTokens,
      signal: deadline.signal,
      deadline,
    });
  }

  /**
   * The retry prompt: the first errors (by actionability) and the workflow they were found in.
   * When that would push the prompt past the limit, the workflow is left out (the original's
   * behaviour) rather than failing a request we already accepted.
   */
  private retryPrompt(
    prepared: PreparedRequest,
    findings: WorkflowFindings,
    previousWorkflow: Record<string, unknown>,
    attempt: number,
  ): WorkflowPrompt {
    // Chosen among all errors, not only the ones the answer lists (VALIDATION_MAX_ISSUES).
    const promptErrors = findings.mostActionable(PROMPT_ERROR_LIMIT).map((issue) => issue.message);
    const base: WorkflowPromptInput = {
      userInput: prepared.userInput,
      planningContext: prepared.planningMarkdown,
      discoveredParams: prepared.discoveredParams,
      retry: { errors: promptErrors, previousWorkflow, attempt },
    };
    const withWorkflow = buildWorkflowPrompt(base);
    const { estimatedTokens } = estimatePromptTokens({
      ...withWorkflow,
      toolSchema: prepared.toolSchema,
    });
    if (estimatedTokens <= this.maxPromptTokens) return withWorkflow;
    prepared.logger.warn(
      { attempt, estimatedTokens, limit: this.maxPromptTokens },
      "Retry prompt with the previous workflow is too large; sending the errors only",
    );
    return buildWorkflowPrompt({ ...base, retry: { errors: promptErrors, attempt } });
  }

  private logOutcome(prepared: PreparedRequest, result: GenerateWorkflowResult): void {
    // First-attempt success rate, attempts per success, latency and tokens: what the original
    // never recorded (workflow.md section 5).
    prepared.logger.info(
      {
        promptVersion: PROMPT_VERSION,
        success: result.success,
        errorCode: result.errorCode,
        generations: result.attempts.length,
        httpCalls: result.generation.attempts,
        firstAttemptSuccess: result.success && result.attempts.length === 1,
        generationAttempts: result.generationAttempts,
        latencyMs: result.generation.latencyMs,
        inputTokens: result.generation.inputTokens,
        outputTokens: result.generation.outputTokens,
        estimatedPromptTokens: prepared.promptTokens,
        model: result.generation.model,
      },
      result.success ? "Workflow generated" : "Workflow generation failed",
    );
  }
}

/** Node types for the tool schema's enum (flowIrJsonSchema adds "workflow" itself). */
function offeredNodeTypes(
  browsed: { nodeIds: string[]; workflowNames: string[] } | undefined,
): string[] | undefined {
  return browsed && browsed.nodeIds.length > 0 ? browsed.nodeIds : undefined;
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
