import type { Logger } from "pino";
import { ANONYMOUS_PRINCIPAL } from "../../auth/principal.js";
import { BadUserInputError } from "../../errors/bad-user-input-error.js";
import type { StructuredLlm } from "../../llm/structured-llm.js";
import type { GenerationObserver } from "../../observability/generation-observer.js";
import { NO_OBSERVER } from "../../observability/generation-observer.js";
import { NO_SPEND_LIMIT } from "../quota/spend-limiter.js";
import type { SpendLimiter } from "../quota/spend-limiter.js";
import { InProcessCoalescer } from "../sharing/coalescer.js";
import type { Coalescer } from "../sharing/coalescer.js";
import { InMemoryGenerationCache } from "../sharing/generation-cache.js";
import type { GenerationCache } from "../sharing/generation-cache.js";
import type { FlowIr } from "./flow-ir.contract.js";
import { answeringModel } from "./generation/answering-model.js";
import type { AnsweringModel } from "./generation/answering-model.js";
import { cancelledResult } from "./generation/cancelled-result.js";
import { generateFresh } from "./generation/fresh-generation.js";
import type { FreshGenerationSettings } from "./generation/fresh-generation.js";
import { modelGeneration } from "./generation/model-generation.js";
import { offlineGeneration } from "./generation/offline-generation.js";
import { prepareRequest } from "./generation/prepare-request.js";
import type { PrepareSettings } from "./generation/prepare-request.js";
import { seedRequest, seedResult } from "./generation/seed-contract.js";
import { validationRequest } from "./generation/validation-request.js";
import { workflowCacheKey } from "./generation/workflow-cache-key.js";
import { charged, generateShared } from "./generation/workflow-sharing.js";
import type { WorkflowSharing } from "./generation/workflow-sharing.js";
import { PROMPT_TOKEN_LIMIT } from "./prompt-tokens.js";
import type { WorkflowValidation } from "./validate-workflow.js";
import { INLINE_VALIDATOR } from "./validation/workflow-validator.js";
import type { WorkflowValidator } from "./validation/workflow-validator.js";
import { DEFAULT_WORKFLOW_LIMITS } from "./workflow-limits.js";
import type { WorkflowLimits } from "./workflow-limits.js";
import { InMemoryWorkflowStore } from "./workflow-store.js";
import type { WorkflowStore } from "./workflow-store.js";
import type {
  GenerateWorkflowRequest,
  GenerateWorkflowResult,
  SeedGenerationResult,
  SeedNodeParams,
  SeedSharedStore,
  ValidateWorkflowRequest,
  WorkflowAttemptRecord,
} from "./workflow.types.js";

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

/**
 * The workflow use cases, each a list of named steps (the steps live in generation/):
 * generateWorkflow prepares the request (checks, the one parse of the planning context, the
 * first prompt), then serves it from the cache or an identical generation in flight, or runs the
 * generator → validator → generator loop of workflow.md section 1 with the model or the offline
 * planner, and charges what it used. Two kinds of retry, never mixed: the model seam (its
 * resilience layer) retries transport (429, 5xx, timeouts) inside one generation; the loop
 * retries only workflows that fail the validator (or answers with no tool call).
 */
export class WorkflowService {
  private readonly llm: StructuredLlm | undefined;
  private readonly logger: Logger;
  private readonly store: WorkflowStore;
  private readonly limiter: SpendLimiter;
  private readonly limits: WorkflowLimits;
  private readonly validator: WorkflowValidator;
  private readonly answering: AnsweringModel;
  private readonly prepareSettings: PrepareSettings;
  private readonly sharing: WorkflowSharing;
  private readonly freshSettings: FreshGenerationSettings;

  constructor(options: WorkflowServiceOptions) {
    const observer: GenerationObserver = options.observer ?? NO_OBSERVER;
    const cache =
      options.cache ?? new InMemoryGenerationCache({ capacity: 500, ttlMs: 24 * 3_600_000 });
    const maxPromptTokens = options.maxPromptTokens ?? PROMPT_TOKEN_LIMIT;
    this.llm = options.llm;
    this.logger = options.logger;
    this.store = options.store ?? new InMemoryWorkflowStore(options.storeCapacity ?? 500);
    this.limiter = options.limiter ?? NO_SPEND_LIMIT;
    this.limits = { ...DEFAULT_WORKFLOW_LIMITS, ...options.limits };
    this.validator = options.validator ?? INLINE_VALIDATOR;
    this.answering = answeringModel(options.llm);
    this.prepareSettings = {
      limits: this.limits,
      maxUserInputChars: options.maxUserInputChars ?? 4_000,
      maxPromptTokens,
      hasModel: options.llm !== undefined,
      logger: options.logger,
    };
    this.sharing = {
      cache,
      coalescer: options.coalescer ?? new InProcessCoalescer(),
      limiter: this.limiter,
      observer,
    };
    this.freshSettings = {
      loop: {
        generate: options.llm
          ? modelGeneration({
              llm: options.llm,
              observer,
              maxOutputTokens: options.maxOutputTokens ?? 4_096,
            })
          : offlineGeneration,
        limits: this.limits,
        maxPromptTokens,
        answering: this.answering,
      },
      overallTimeoutMs: options.overallTimeoutMs,
      observer,
      hasModel: options.llm !== undefined,
      store: this.store,
      cache,
    };
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
    return this.validator.validate(validationRequest(request, this.limits), signal);
  }

  /**
   * Throws BadUserInputError (before any model call) for input the caller must fix; every other
   * outcome, generation failures included, is returned as data.
   */
  async generateWorkflow(request: GenerateWorkflowRequest): Promise<GenerateWorkflowResult> {
    const prepared = prepareRequest(request, this.prepareSettings);
    const principal = (request.principal ?? ANONYMOUS_PRINCIPAL).id;
    const onProgress = request.onProgress;
    const onAttempt =
      onProgress && ((attempt: WorkflowAttemptRecord) => onProgress({ kind: "ATTEMPT", attempt }));
    // Only a model's deterministic answers (temperature 0) are shared and cached: at a higher
    // temperature two identical requests ask for two samples. The offline planner costs nothing.
    if (this.llm === undefined || prepared.temperature !== 0) {
      if (this.llm) await this.limiter.admit(principal);
      onProgress?.({ kind: "STARTED" });
      const result = await generateFresh(
        prepared,
        request.signal,
        undefined,
        this.freshSettings,
        onAttempt,
      );
      return charged(this.limiter, principal, result);
    }
    const key = workflowCacheKey(prepared, this.llm);
    return generateShared(this.sharing, {
      key,
      principal,
      signal: request.signal,
      generate: (signal, publish) =>
        generateFresh(prepared, signal, key, this.freshSettings, publish),
      listener: onProgress &&
        onAttempt && {
          started: () => onProgress({ kind: "STARTED" }),
          event: onAttempt,
        },
      cancelled: () => cancelledResult(prepared, this.answering),
    });
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
      return seedResult(await this.generateWorkflow(seedRequest(shared, params)));
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      // The seed reports one problem: the first, in its own words.
      const message = error.problems[0]!.message;
      this.logger.error(`GeneratorNode failed: ${message}`);
      return { success: false, error: message, workflow: null };
    }
  }
}
