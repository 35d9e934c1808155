import type { Logger } from "pino";
import { ANONYMOUS_PRINCIPAL } from "../../auth/principal.js";
import type { Principal } from "../../auth/principal.js";
import { GenerationFailure } from "../../errors/generation-error.js";
import type { TokenUsage } from "../../errors/generation-error.js";
import { Deadline } from "../../llm/deadline.js";
import { callOutcome } from "../call-outcome.js";
import type {
  AnswerFieldListener,
  StructuredCall,
  StructuredLlm,
} from "../../llm/structured-llm.js";
import type { GenerationObserver } from "../../observability/generation-observer.js";
import { NO_OBSERVER } from "../../observability/generation-observer.js";
import { DERIVATION_VERSION } from "../palette/derive-theme.js";
import type { ThemeOptions } from "../palette/derive-theme.js";
import {
  generateOfflineModeConfig,
  OFFLINE_CATALOG_VERSION,
} from "./catalog/offline-mode-generator.js";
import { buildMode } from "./build-mode.js";
import { BUILTIN_MODE_IDS, BUILTIN_MODES, findBuiltinMode } from "./builtin-modes.js";
import { foldIndustry, parseIndustryInput } from "./industry-input.js";
import { GENERATED_MODE_SCHEMA_NAME, generatedModeConfigSchema } from "./mode.contract.js";
import type { GeneratedModeConfig } from "./mode.contract.js";
import { enforceModeConfig } from "./mode.enforce.js";
import { ModeDraftReader } from "./mode-draft.js";
import type { ModeProgress } from "./mode-draft.js";
import type { ModeContent } from "./builtin-modes.js";
import {
  MODE_PROMPT_VERSION,
  MODE_SYSTEM_PROMPT,
  buildModeRepairPrompt,
  buildModeUserPrompt,
} from "./mode.prompt.js";
import { sharedInfo, tokensOf } from "../generation-info.js";
import { NO_SPEND_LIMIT } from "../quota/spend-limiter.js";
import type { SpendLimiter } from "../quota/spend-limiter.js";
import { InProcessCoalescer } from "../sharing/coalescer.js";
import type { Coalescer } from "../sharing/coalescer.js";
import { runSharedGeneration } from "../sharing/shared-generation.js";
import { InMemoryModeStore } from "./in-memory-mode-store.js";
import type { ModeStore } from "./mode-store.js";
import { checkModePageRequest, pageModes } from "./mode-page.js";
import type { ModePage, ModePageLimits, ModePageRequest } from "./mode-page.js";
import type { GenerationInfo, GenerationProviderId } from "../generation-info.js";
import type { GenerateModeResult, Mode } from "./mode.types.js";

export interface ModeServiceOptions {
  /** The model behind generateMode; absent means the offline catalog serves every request. */
  llm?: StructuredLlm;
  /** Overall deadline of one request across all model calls and their retries, in ms. */
  deadlineMs: number;
  /** How many generated modes the default store keeps per principal. */
  storeCapacity: number;
  /**
   * Where generated and fallback modes are held. Default: in this process
   * (InMemoryModeStore of `storeCapacity` per principal, positions after the built-ins).
   */
  store?: ModeStore;
  /** Shares one generation between identical concurrent requests. Default: in this process. */
  coalescer?: Coalescer;
  /** Quotas per principal, asked before a model call. Default: no limit. */
  limiter?: SpendLimiter;
  /** Default and largest page of `modes`. Default 20 and 100. */
  pageLimits?: ModePageLimits;
  logger: Logger;
  observer?: GenerationObserver;
}

export interface RequestContext {
  /** Aborted when the client goes away; combined with the deadline. */
  signal?: AbortSignal;
  /** Request-scoped logger (carries the request id). */
  logger?: Logger;
  /** The caller; quotas and the mode store are per principal. Default: anonymous. */
  principal?: Principal;
  /**
   * A streaming caller (mode-stream.ts): hears STARTED when it is admitted or joins a generation
   * in flight, then THEME and CONTENT as the model's answer arrives. A generation this caller
   * starts streams from the provider; one it joins tells what it has told so far, then the rest.
   * Must not throw.
   */
  onProgress?: (progress: ModeProgress) => void;
}

/** What a generateMode request asks for beyond its industry. */
export interface GenerateModeOptions {
  /** Brand-fidelity theme (derive-theme.ts `ThemeOptions`). Default false. */
  brandFidelity?: boolean;
}

/** Model calls for one request: the first answer and at most one repair retry. */
const MAX_MODEL_CALLS = 2;

/** `httpCalls`: HTTP calls to the provider over every model call, retries included. */
type ModelOutcome =
  | { ok: true; content: ModeContent; httpCalls: number; usage: TokenUsage; model: string }
  | { ok: false; failure: GenerationFailure; httpCalls: number; usage: TokenUsage };

/**
 * generateMode as named steps: normalise the request, route built-ins, reuse a cached
 * generation, call the model (one repair retry for contract breaks), enforce the contract,
 * derive the theme, keep the mode. Any generation failure becomes a FALLBACK mode plus typed
 * errors, never an exception.
 */
export class ModeService {
  private readonly options: ModeServiceOptions;
  private readonly store: ModeStore;
  private readonly builtins: ReadonlyMap<string, Mode>;
  private readonly observer: GenerationObserver;
  private readonly coalescer: Coalescer;
  private readonly limiter: SpendLimiter;

  constructor(options: ModeServiceOptions) {
    this.options = options;
    this.limiter = options.limiter ?? NO_SPEND_LIMIT;
    this.coalescer = options.coalescer ?? new InProcessCoalescer();
    this.observer = options.observer ?? NO_OBSERVER;
    this.builtins = new Map(
      BUILTIN_MODES.map((content) => [
        content.id,
        buildMode(content, content.name.toLowerCase(), "BUILTIN"),
      ]),
    );
    // Built-ins hold positions 0..3 of `modes`; stored modes follow in creation order.
    this.store =
      options.store ??
      new InMemoryModeStore(options.storeCapacity, BUILTIN_MODE_IDS, this.builtins.size);
  }

  /** One page of `modes`: built-in modes first, then the principal's in the order they came. */
  async listModes(
    request: ModePageRequest,
    principal: Principal = ANONYMOUS_PRINCIPAL,
  ): Promise<ModePage> {
    const limits = this.options.pageLimits ?? { defaultSize: 20, maxSize: 100 };
    const checked = checkModePageRequest(request, limits);
    return pageModes([...this.builtins.values()], this.store, principal.id, checked);
  }

  /** A built-in mode, or one the principal generated (or was given by the cache). */
  async getMode(id: string, principal: Principal = ANONYMOUS_PRINCIPAL): Promise<Mode | undefined> {
    return this.builtins.get(id) ?? (await this.store.get(principal.id, id));
  }

  async generateMode(
    rawIndustry: string,
    context: RequestContext = {},
    options: GenerateModeOptions = {},
  ): Promise<GenerateModeResult> {
    const startedAt = performance.now();
    const industry = parseIndustryInput(rawIndustry);
    const theme: ThemeOptions = { brandFidelity: options.brandFidelity === true };

    const builtin = findBuiltinMode(industry);
    if (builtin) {
      // No built-in seed is light enough for brand-fidelity mode to change its theme (a unit test
      // holds this), so both settings share the built-in as it is.
      return {
        mode: this.builtins.get(builtin.id)!,
        errors: [],
        generation: this.info("builtin", startedAt),
      };
    }

    const llm = this.options.llm;
    const identity = [
      llm ? "model" : "offline",
      foldIndustry(industry),
      llm ? MODE_PROMPT_VERSION : OFFLINE_CATALOG_VERSION,
      DERIVATION_VERSION,
      llm?.defaultModel ?? "",
      // A different theme is a different answer: the two settings never share a cached mode or an id.
      themeIdentity(theme),
    ].join("\u0000");
    const principal = (context.principal ?? ANONYMOUS_PRINCIPAL).id;
    const cached = await this.store.reuse(principal, identity);
    if (cached) {
      this.observer.recordCacheHit("mode");
      return { mode: cached, errors: [], generation: this.info("cache", startedAt) };
    }
    if (!llm) return this.generateOffline(principal, industry, identity, theme, startedAt);

    // Identical concurrent requests share one generation; each caller may still leave on its own.
    const onProgress = context.onProgress;
    const flight = await runSharedGeneration<GenerateModeResult, ModeProgress>({
      coalescer: this.coalescer,
      limiter: this.limiter,
      observer: this.observer,
      task: "mode",
      key: identity,
      principal,
      signal: context.signal,
      // Only a streaming caller's generation streams from the provider: a mutation's request
      // stays exactly what it was. A streaming caller that joins one hears only its answer.
      work: (signal, publish) =>
        this.generateWithModel(
          principal,
          llm,
          industry,
          identity,
          theme,
          signal,
          this.loggerOf(context),
          {
            publish: onProgress ? publish : undefined,
          },
        ),
      listener: onProgress && {
        started: () => onProgress({ kind: "STARTED" }),
        event: onProgress,
      },
    });
    if (!flight) return this.cancelledResult(principal, llm, industry, theme, startedAt);
    // The answer joins this caller's own modes too (the initiator's shelf already has it).
    await this.store.keep(principal, flight.value.mode);
    const latencyMs = Math.round(performance.now() - startedAt);
    if (!flight.shared) {
      await this.limiter.chargeTokens(principal, tokensOf(flight.value.generation));
      return { ...flight.value, generation: { ...flight.value.generation, latencyMs } };
    }
    return { ...flight.value, generation: sharedInfo(flight.value.generation, latencyMs) };
  }

  /**
   * The request's logger, asked for only where a line may be written: an HTTP request makes its
   * logger on first use (http-request-context.ts), and a cached answer writes none.
   */
  private loggerOf(context: RequestContext): Logger {
    return context.logger ?? this.options.logger;
  }

  /** The model's mode for `industry`, kept under `identity`; a FALLBACK when the model fails. */
  private async generateWithModel(
    principal: string,
    llm: StructuredLlm,
    industry: string,
    identity: string,
    theme: ThemeOptions,
    signal: AbortSignal,
    logger: Logger,
    streaming: { publish?: (progress: ModeProgress) => void },
  ): Promise<GenerateModeResult> {
    const startedAt = performance.now();
    const deadline = new Deadline(this.options.deadlineMs, signal);
    this.observer.recordGeneration("mode", 1);
    const publish = streaming.publish;
    const reader = publish && (() => new ModeDraftReader(industry, theme, publish).onField);
    let outcome: ModelOutcome;
    try {
      outcome = await this.requestModeContent(llm, industry, deadline, logger, reader);
    } finally {
      this.observer.recordGeneration("mode", -1);
      deadline.dispose();
    }
    if (!outcome.ok) {
      logger.warn(
        { code: outcome.failure.code, err: outcome.failure.cause ?? outcome.failure, industry },
        "mode generation failed; returning a fallback mode",
      );
      return {
        mode: await this.fallbackMode(principal, industry, theme),
        errors: [{ code: outcome.failure.code, message: outcome.failure.message }],
        generation: this.info(llm.provider, startedAt, {
          model: llm.defaultModel,
          attempts: outcome.httpCalls,
          usage: outcome.usage,
        }),
      };
    }

    const generated = buildMode(outcome.content, industry, "GENERATED", theme);
    const mode = await this.store.save(principal, generated, identity);
    logThemeAdvisories(logger, mode);
    return {
      mode,
      errors: [],
      generation: this.info(llm.provider, startedAt, {
        model: outcome.model,
        attempts: outcome.httpCalls,
        usage: outcome.usage,
      }),
    };
  }

  /** A caller that went away before the answer: nobody reads this, but it must be well-formed. */
  private async cancelledResult(
    principal: string,
    llm: StructuredLlm,
    industry: string,
    theme: ThemeOptions,
    startedAt: number,
  ): Promise<GenerateModeResult> {
    return {
      mode: await this.fallbackMode(principal, industry, theme),
      errors: [
        {
          code: "UPSTREAM_TIMEOUT",
          message: "The request was cancelled before the model answered",
        },
      ],
      generation: this.info(llm.provider, startedAt, {
        model: llm.defaultModel,
        attempts: 0,
        usage: {},
      }),
    };
  }

  /**
   * Calls the model; a contract break gets one repair retry that names what was wrong. With
   * `fieldReader`, each call streams and its fields go to a fresh reader from it.
   */
  private async requestModeContent(
    llm: StructuredLlm,
    industry: string,
    deadline: Deadline,
    logger: Logger,
    fieldReader?: () => AnswerFieldListener,
  ): Promise<ModelOutcome> {
    const usage: Required<TokenUsage> = { inputTokens: 0, outputTokens: 0 };
    let reported = false;
    const addUsage = (callUsage: TokenUsage) => {
      if (callUsage.inputTokens === undefined && callUsage.outputTokens === undefined) return;
      reported = true;
      usage.inputTokens += callUsage.inputTokens ?? 0;
      usage.outputTokens += callUsage.outputTokens ?? 0;
    };
    const totals = () => (reported ? usage : {});
    let httpCalls = 0;

    let issues: readonly string[] | undefined;
    let lastFailure: GenerationFailure | undefined;
    for (let call = 1; call <= MAX_MODEL_CALLS; call++) {
      const callStartedAt = performance.now();
      try {
        const request: StructuredCall<GeneratedModeConfig> = {
          system: MODE_SYSTEM_PROMPT,
          user: issues ? buildModeRepairPrompt(industry, issues) : buildModeUserPrompt(industry),
          output: {
            name: GENERATED_MODE_SCHEMA_NAME,
            description: "Dashboard mode configuration for one industry",
            schema: generatedModeConfigSchema,
          },
          signal: deadline.signal,
          deadline,
        };
        const answer =
          fieldReader && llm.stream
            ? await llm.stream(request, fieldReader())
            : await llm.generate(request);
        httpCalls += answer.httpCalls;
        addUsage(answer.usage);
        const enforced = enforceModeConfig(answer.data, industry, BUILTIN_MODE_IDS);
        this.recordCall(
          llm,
          enforced.ok ? "ok" : "GENERATION_INVALID",
          callStartedAt,
          answer.usage,
        );
        if (enforced.ok) {
          return {
            ok: true,
            content: enforced.content,
            httpCalls,
            usage: totals(),
            model: answer.model,
          };
        }
        issues = enforced.issues;
        lastFailure = new GenerationFailure(
          "GENERATION_INVALID",
          `The model's answer broke the mode contract: ${enforced.issues.join("; ")}`,
          { issues: enforced.issues },
        );
      } catch (error) {
        if (!(error instanceof GenerationFailure)) throw error;
        httpCalls += error.httpCalls;
        addUsage(error.usage);
        this.recordCall(llm, callOutcome(error, deadline), callStartedAt, error.usage);
        // Refusals, filters, truncation and upstream failures are not fixed by asking again.
        if (error.code !== "GENERATION_INVALID") {
          return { ok: false, failure: error, httpCalls, usage: totals() };
        }
        issues = error.issues.length > 0 ? error.issues : [error.message];
        lastFailure = error;
      }
      logger.debug({ call, issues }, "mode answer broke the contract; asking once more");
    }
    return { ok: false, failure: lastFailure!, httpCalls, usage: totals() };
  }

  /** Offline provider: the curated catalog (or a generic mode) instead of a model. */
  private async generateOffline(
    principal: string,
    industry: string,
    identity: string,
    theme: ThemeOptions,
    startedAt: number,
  ): Promise<GenerateModeResult> {
    const generated = this.modeFromCatalog(industry, "GENERATED", theme);
    const mode = await this.store.save(principal, generated, identity);
    return { mode, errors: [], generation: this.info("offline", startedAt) };
  }

  /**
   * Deterministic mode for a request whose generation failed. It is stored like any mode the API
   * served, so `mode(id)` and `node(id)` find it, but under its own identity: the generation cache
   * never answers with it, and a later successful generation gets an id of its own.
   */
  private async fallbackMode(
    principal: string,
    industry: string,
    theme: ThemeOptions,
  ): Promise<Mode> {
    const identity = [
      "fallback",
      foldIndustry(industry),
      OFFLINE_CATALOG_VERSION,
      DERIVATION_VERSION,
      themeIdentity(theme),
    ].join("\u0000");
    const held = await this.store.reuse(principal, identity);
    if (held) return held;
    return this.store.save(principal, this.modeFromCatalog(industry, "FALLBACK", theme), identity);
  }

  private modeFromCatalog(
    industry: string,
    source: "GENERATED" | "FALLBACK",
    theme: ThemeOptions,
  ): Mode {
    const { config } = generateOfflineModeConfig(industry);
    const enforced = enforceModeConfig(config, industry, BUILTIN_MODE_IDS);
    if (!enforced.ok) {
      // The catalog is ours and tested against the contract: reaching this is a bug.
      throw new Error(
        `offline mode for '${industry}' broke the contract: ${enforced.issues.join("; ")}`,
      );
    }
    const mode = buildMode(enforced.content, industry, source, theme);
    logThemeAdvisories(this.options.logger, mode);
    return mode;
  }

  private recordCall(
    llm: StructuredLlm,
    outcome: string,
    startedAt: number,
    usage: TokenUsage,
  ): void {
    this.observer.recordModelCall({
      task: "mode",
      provider: llm.provider,
      outcome,
      latencyMs: performance.now() - startedAt,
      usage,
    });
  }

  private info(
    provider: GenerationProviderId,
    startedAt: number,
    call?: { model: string; attempts: number; usage: TokenUsage },
  ): GenerationInfo {
    return {
      provider,
      model: call?.model ?? null,
      cached: call === undefined,
      shared: false,
      attempts: call?.attempts ?? 0,
      latencyMs: Math.round(performance.now() - startedAt),
      inputTokens: call?.usage.inputTokens ?? null,
      outputTokens: call?.usage.outputTokens ?? null,
    };
  }
}

/**
 * mode.md 4.2-4.3: WCAG 2.x is the gate (enforced by the derivation); APCA Lc of every text pair
 * and the brand-fidelity figure (deltaE_OK of seed and primary) are logged for review.
 */
function logThemeAdvisories(logger: Logger, mode: Mode): void {
  if (!logger.isLevelEnabled("debug")) return;
  logger.debug(
    {
      modeId: mode.id,
      seed: mode.theme.seed,
      fidelityDeltaE: mode.theme.fidelity,
      apcaLc: mode.theme.contrast.map(
        (check) => `${check.scheme} ${check.foreground}/${check.background} ${check.apcaLc}`,
      ),
    },
    "theme derived: WCAG pairs pass; APCA Lc and brand fidelity for review",
  );
}

/** The theme settings' part of a generation identity. */
function themeIdentity(theme: ThemeOptions): string {
  return theme.brandFidelity === true ? "brand-fidelity" : "accessible-primary";
}
