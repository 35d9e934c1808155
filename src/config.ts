import { availableParallelism } from "node:os";
import { z } from "zod";
import { AUTH_MODES, resolveAuthConfig } from "./auth/auth-config.js";
import type { AuthConfig } from "./auth/auth-config.js";
import { EXECUTOR_CHOICES } from "./http/compiled-executor.js";
import type { ExecutorChoice } from "./http/compiled-executor.js";
import type { WorkflowLimits } from "./services/workflow/workflow-limits.js";

/** Providers a task can be served by. */
export const PROVIDER_CHOICES = ["azure-openai", "openai", "anthropic", "offline"] as const;
export type ProviderChoice = (typeof PROVIDER_CHOICES)[number];

/** Preference order when a task's provider is not chosen explicitly (api.md). */
const MODE_PROVIDER_PREFERENCE: readonly ProviderChoice[] = ["azure-openai", "openai", "anthropic"];
const WORKFLOW_PROVIDER_PREFERENCE: readonly ProviderChoice[] = [
  "anthropic",
  "azure-openai",
  "openai",
];

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());
const optionalUrl = z.preprocess(blankToUndefined, z.url().optional());
const integer = (fallback: number, min: number, max: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

/**
 * Every environment variable the server reads, with its default. README's configuration table is
 * checked against the keys of this schema (test/unit/config.test.ts).
 */
export const environmentSchema = z.object({
  /** `production` disables the Sandbox, introspection and stack traces. */
  NODE_ENV: z.preprocess(blankToUndefined, z.string().default("development")),
  /** TCP port to listen on. Default 4000. */
  PORT: integer(4000, 0, 65_535),
  /** Interface to bind. Default 127.0.0.1 (use 0.0.0.0 in a container). */
  HOST: z.preprocess(blankToUndefined, z.string().default("127.0.0.1")),
  /**
   * Browser origins allowed to call the API (CORS): comma-separated, or `*` for any. Default `*`
   * outside production, none in production (same-origin only) unless listed.
   */
  CORS_ORIGINS: optionalString,
  /**
   * The preview page at `GET /` (a dashboard of a generated mode and a drawn workflow, calling
   * this API from the browser): `on` or `off`. Default on, off when NODE_ENV=production.
   */
  PREVIEW_PAGE: z.preprocess(blankToUndefined, z.enum(["on", "off"]).optional()),
  /** pino level: fatal, error, warn, info, debug, trace or silent. Default info. */
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  /**
   * How callers authenticate on /graphql: `none`, `api-key` or `jwt`. Default `none` outside
   * production; production refuses to start unless it is set (`none` included).
   */
  AUTH_MODE: z.preprocess(blankToUndefined, z.enum(AUTH_MODES).optional()),
  /**
   * API keys for AUTH_MODE=api-key: `name:sha256hex` entries, comma-separated (the SHA-256 of each
   * key, from `npm run hash-key`; the name is the caller's principal). No default.
   */
  API_KEYS: optionalString,
  /** JSON Web Key Set URL of the token issuer, for AUTH_MODE=jwt. No default. */
  JWT_JWKS_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  /** Expected `iss` claim of bearer tokens, for AUTH_MODE=jwt. No default. */
  JWT_ISSUER: optionalString,
  /** Expected `aud` claim of bearer tokens, for AUTH_MODE=jwt. No default. */
  JWT_AUDIENCE: optionalString,
  /** Bearer token /metrics requires when set. Default: unset, /metrics is open. */
  METRICS_TOKEN: optionalString,
  /** Provider for generateMode; default: first configured of azure-openai, openai, anthropic. */
  MODE_PROVIDER: z.preprocess(blankToUndefined, z.enum(PROVIDER_CHOICES).optional()),
  /** Provider for generateWorkflow; default: first configured of anthropic, azure-openai, openai. */
  WORKFLOW_PROVIDER: z.preprocess(blankToUndefined, z.enum(PROVIDER_CHOICES).optional()),
  /** Azure OpenAI resource endpoint, e.g. https://my-resource.openai.azure.com */
  AZURE_OPENAI_ENDPOINT: optionalUrl,
  /** Azure key; when absent, Microsoft Entra ID (DefaultAzureCredential) is used. */
  AZURE_OPENAI_API_KEY: optionalString,
  /** Azure API version; a GA version that supports structured outputs. */
  OPENAI_API_VERSION: z.preprocess(blankToUndefined, z.string().default("2024-10-21")),
  /** Azure deployment name. Default model-router. */
  AZURE_OPENAI_DEPLOYMENT: z.preprocess(blankToUndefined, z.string().default("model-router")),
  /** OpenAI key (or any token an OpenAI-compatible server expects). */
  OPENAI_API_KEY: optionalString,
  /** OpenAI-compatible base URL (Ollama, vLLM, LM Studio), e.g. http://127.0.0.1:11434/v1 */
  OPENAI_BASE_URL: optionalUrl,
  /** OpenAI model id. Default gpt-4o-mini. */
  OPENAI_MODEL: z.preprocess(blankToUndefined, z.string().default("gpt-4o-mini")),
  /** Anthropic key. */
  ANTHROPIC_API_KEY: optionalString,
  /** Anthropic base URL (proxies, tests). */
  ANTHROPIC_BASE_URL: optionalUrl,
  /** Anthropic model. Default claude-sonnet-4-0. */
  ANTHROPIC_MODEL: z.preprocess(blankToUndefined, z.string().default("claude-sonnet-4-0")),
  /** Timeout of one HTTP call to a model, in ms. Default 20000. */
  LLM_TIMEOUT_MS: integer(20_000, 100, 600_000),
  /**
   * Transport retries per model call (429, 408, 409, 5xx, timeouts, connection errors), after the
   * provider's Retry-After or exponential backoff, only while the request's deadline allows.
   * The SDKs make none of their own. Default 2.
   */
  LLM_MAX_RETRIES: integer(2, 0, 10),
  /**
   * Model calls in flight to one provider at most, both tasks together; the rest wait within
   * their deadline and fail as UPSTREAM_RATE_LIMITED when it passes. Default 16 calls.
   */
  UPSTREAM_MAX_CONCURRENCY: integer(16, 1, 1_000),
  /**
   * Consecutive failed model calls (5xx, timeouts, connection errors, after retries) that open a
   * provider's circuit breaker; a 401/403 opens it at once. Default 5.
   */
  BREAKER_FAILURES: integer(5, 1, 1_000),
  /**
   * How long an open circuit breaker refuses calls (no upstream call) before one probe call may
   * go through, in ms. Default 30000.
   */
  BREAKER_RESET_MS: integer(30_000, 100, 3_600_000),
  /** Overall deadline of one generateMode request (all calls and retries), in ms. Default 30000. */
  MODE_DEADLINE_MS: integer(30_000, 100, 600_000),
  /** Overall deadline of one generateWorkflow request, in ms. Default 120000. */
  WORKFLOW_DEADLINE_MS: integer(120_000, 100, 1_800_000),
  /** Generated modes kept per principal, in memory or in Redis (least recently used evicted). Default 500. */
  MODE_STORE_SIZE: integer(500, 1, 100_000),
  /** Modes per page of `modes` when the client gives no `first`. Default 20. */
  MODES_PAGE_SIZE: integer(20, 1, 1_000),
  /** Largest `first` a client may ask of `modes`; above it BAD_USER_INPUT. Default 100. */
  MODES_PAGE_MAX: integer(100, 1, 1_000),
  /**
   * On SIGTERM, how long /ready answers 503 while everything is still served, in ms.
   * Default 5000 in production (load balancers stop sending), 0 otherwise.
   */
  SHUTDOWN_READY_DELAY_MS: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(0).max(600_000).optional(),
  ),
  /**
   * After that, how long in-flight requests may run before they are cut with a retryable 503, in
   * ms. Default: the longer of MODE_DEADLINE_MS and WORKFLOW_DEADLINE_MS, plus 5000.
   */
  SHUTDOWN_GRACE_MS: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(0).max(3_600_000).optional(),
  ),
  /** Model-backed requests per principal and minute (cache hits, built-ins, offline are free); 0 for none. Default 30. */
  RATE_LIMIT_GENERATIONS_PER_MINUTE: integer(30, 0, 1_000_000),
  /** Model tokens (input + output) per principal and day; 0 for no limit. Default 0. */
  QUOTA_TOKENS_PER_DAY: integer(0, 0, 1_000_000_000_000),
  /** Successful temperature-0 workflow answers kept for identical requests. Default 500. */
  WORKFLOW_CACHE_SIZE: integer(500, 1, 100_000),
  /** How long a cached generation answer is reused, in seconds. Default 86400 (a day). */
  CACHE_TTL_SECONDS: integer(86_400, 1, 31_536_000),
  /** Model-backed fields (generateMode, generateWorkflow, aliases included) one operation may select. Default 1. */
  MAX_MODEL_FIELDS_PER_OPERATION: integer(1, 1, 10),
  /** How many generated workflows are kept for `node(id)` (least recently used evicted). Default 500. */
  WORKFLOW_STORE_SIZE: integer(500, 1, 100_000),
  /**
   * Lexical tokens one GraphQL document may have; parsing stops past it. Default 1000 (the
   * largest operation of this API has about 300). At most 10000, where the deepest fragment
   * chain that fits is still a third of what overflows graphql-js's validation stack.
   */
  MAX_TOKENS: integer(1_000, 100, 10_000),
  /** Nesting of fields in an operation (fragments do not add a level). Default 10 (ours need 6). */
  MAX_DEPTH: integer(10, 1, 100),
  /** Aliases in an operation, `__typename` included. Default 15. */
  MAX_ALIASES: integer(15, 0, 1_000),
  /** Directives in an operation (`@include`, `@skip`, ...). Default 20. */
  MAX_DIRECTIVES: integer(20, 0, 1_000),
  /**
   * Validation errors reported for one operation; validation stops there, with one more error
   * naming this limit. Bounds the answer to a document that repeats something invalid. Default 5.
   */
  MAX_VALIDATION_ERRORS: integer(5, 1, 100),
  /**
   * Estimated values in an operation's answer: every selected field of every object counts 1,
   * lists by their expected length (`modes` by its `first`). Default 120000: one page of 100
   * modes with every field (about 87000) passes, two such pages do not.
   */
  MAX_COST: integer(120_000, 100, 100_000_000),
  /**
   * What executes a validated GraphQL operation over HTTP: `jit` (graphql-jit: each operation
   * compiled once, then run as a function; introspection and what it cannot compile fall back to
   * graphql-js) or `graphql-js`. Subscriptions always run with graphql-js. Default jit (every
   * test passes with either; test/integration/executor-parity.test.ts compares their answers).
   */
  GRAPHQL_EXECUTOR: z.preprocess(blankToUndefined, z.enum(EXECUTOR_CHOICES).default("jit")),
  /** Compiled operations GRAPHQL_EXECUTOR=jit keeps (least recently used evicted). Default 1000. */
  GRAPHQL_JIT_CACHE_SIZE: integer(1_000, 1, 1_000_000),
  /** Largest answer sent, in bytes of JSON; larger ones become one RESPONSE_TOO_LARGE error. Default 4194304 (4 MiB). */
  RESPONSE_MAX_BYTES: integer(4_194_304, 1_024, 1_073_741_824),
  /**
   * Time a client has to send a whole request (headers and body), in ms; the connection is closed
   * past it. It ends when the request has arrived: answering may take longer. Default 30000.
   */
  HTTP_REQUEST_TIMEOUT_MS: integer(30_000, 100, 3_600_000),
  /** Time a client has to send a request's headers, in ms. Default 10000; at most HTTP_REQUEST_TIMEOUT_MS. */
  HTTP_HEADERS_TIMEOUT_MS: integer(10_000, 100, 3_600_000),
  /**
   * How long an idle keep-alive connection stays open, in ms. Default 72000: longer than the 60 s
   * idle timeout of common load balancers, so they close first (no 502 on a reused connection).
   */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: integer(72_000, 100, 3_600_000),
  /** Open connections the server accepts; more are closed at once. Default 1000. */
  HTTP_MAX_CONNECTIONS: integer(1_000, 1, 1_000_000),
  /**
   * Largest request body, in bytes; larger is refused with HTTP 413 naming this limit. Bounds the
   * time parsing a body holds the event loop. Default 1048576 (1 MiB).
   */
  HTTP_MAX_BODY_BYTES: integer(1_048_576, 1_024, 104_857_600),
  /**
   * GraphQL subscriptions over WebSocket (the graphql-ws protocol) on the GraphQL path and port:
   * `on` or `off`. Default on.
   */
  SUBSCRIPTIONS: z.preprocess(blankToUndefined, z.enum(["on", "off"]).default("on")),
  /**
   * Subscriptions one WebSocket connection may run at once; one more is refused with an error
   * naming this limit. Default 10.
   */
  SUBSCRIPTIONS_MAX_PER_CONNECTION: integer(10, 1, 1_000),
  /**
   * Time a WebSocket client has to send `connection_init` (with its credentials), in ms; then the
   * socket is closed with 4408. Default 3000.
   */
  SUBSCRIPTIONS_INIT_TIMEOUT_MS: integer(3_000, 100, 60_000),
  /**
   * How often the server pings each WebSocket, in ms; a socket that has not answered by the next
   * ping is closed. 0 sends no pings. Default 12000.
   */
  SUBSCRIPTIONS_KEEPALIVE_MS: integer(12_000, 0, 600_000),
  /**
   * Time GraphQL requests may run in one event-loop turn, in ms, before the rest wait for the next
   * turn (after timers and /health). Bounds the loop delay under load; 0 runs every ready request
   * at once. Default 10.
   */
  EVENT_LOOP_TURN_BUDGET_MS: integer(10, 0, 1_000),
  /**
   * Worker threads that validate large FlowIR documents (over VALIDATION_WORKER_MIN_CHARS) off
   * the event loop; 0 validates every document on the event loop. Default: CPU cores minus one,
   * at least 1.
   */
  VALIDATION_WORKERS: integer(Math.max(1, availableParallelism() - 1), 0, 64),
  /**
   * FlowIR documents (`ir`, as compact JSON) of at least this many characters are validated on a
   * worker thread; smaller ones cost less than handing them over. Default 32768.
   */
  VALIDATION_WORKER_MIN_CHARS: integer(32_768, 0, 16_777_216),
  /**
   * Deepest nesting of objects and arrays in a FlowIR document (`ir`, a model's answer) and in
   * `discoveredParams`, the document counting as level 1. Deeper is BAD_USER_INPUT (a model's
   * answer: an unusable generation). At most 1000: JSON serialisation recurses. Default 64.
   */
  WORKFLOW_MAX_DEPTH: integer(64, 4, 1_000),
  /** Most nodes of a FlowIR document (`ir`, a model's answer). Default 100. */
  WORKFLOW_MAX_NODES: integer(100, 1, 10_000),
  /** Most edges of a FlowIR document. Default 200. */
  WORKFLOW_MAX_EDGES: integer(200, 0, 20_000),
  /**
   * Most characters of a FlowIR document as compact JSON. Default 262144 (256 KiB): real
   * documents are a few KB, and at this size the worst shapes still parse and check in well under
   * 50 ms of the event loop (bench `stalls`).
   */
  WORKFLOW_MAX_IR_CHARS: integer(262_144, 1_000, 16_777_216),
  /**
   * Most characters of `planningContext`, of `discoveredParams` as compact JSON, of all
   * `validationErrors` together and of all `browsedComponents` names together. Default 100000.
   */
  WORKFLOW_MAX_CONTEXT_CHARS: integer(100_000, 1_000, 16_777_216),
  /** Most values in `discoveredParams` (list items counted). Default 50. */
  WORKFLOW_MAX_DISCOVERED_PARAMS: integer(50, 1, 10_000),
  /**
   * Most issues one validation lists (`validateWorkflow`, each generation attempt), errors
   * first; `omittedIssues` counts the rest. Default 100.
   */
  VALIDATION_MAX_ISSUES: integer(100, 1, 10_000),
  /**
   * Redis shared by every replica (`redis://[[user]:password@]host[:port][/db]`, or `rediss://`
   * for TLS): the generation cache, the mode and workflow stores, quotas and coalescing live there.
   * Default: unset, everything stays in this process.
   */
  REDIS_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^rediss?$/ }).optional()),
  /**
   * Namespace of every key and channel in Redis (followed by the key schema version), so two
   * deployments can share one Redis. Letters, digits, `_`, `.` and `-`. Default `modeflow`.
   */
  REDIS_PREFIX: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, "1 to 64 letters, digits, '_', '.' or '-'")
      .default("modeflow"),
  ),
  /**
   * Expiry of the lock a replica takes to generate for identical requests of every replica, in
   * ms; renewed every third of it while the generation runs. When the holder dies, a waiting
   * replica takes over after at most this long. Default 5000.
   */
  REDIS_LOCK_TTL_MS: integer(5_000, 500, 600_000),
  /**
   * Longest wait for one Redis command, in ms; past it the request goes on without Redis
   * (cache miss, local coalescing, in-memory quota) and Redis counts as down until it answers a
   * probe. Default 1000.
   */
  REDIS_COMMAND_TIMEOUT_MS: integer(1_000, 10, 60_000),
  /**
   * How often a replica waiting for another's generation checks on it, in ms, besides being told
   * by publish/subscribe (a message can be missed). Default 250.
   */
  REDIS_WAIT_POLL_MS: integer(250, 10, 60_000),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface AzureOpenAiSettings {
  endpoint: string;
  apiKey?: string;
  apiVersion: string;
  deployment: string;
}
export interface OpenAiSettings {
  apiKey?: string;
  baseURL?: string;
  model: string;
}
export interface AnthropicSettings {
  apiKey: string;
  baseURL?: string;
  model: string;
}

/** How a task's provider was chosen, for the start-up log line. */
export interface ProviderSelection {
  provider: ProviderChoice;
  reason: "configured" | "explicit" | "no-provider-configured";
}

/** Where shared state lives when REDIS_URL is set. */
export interface RedisSettings {
  url: string;
  /** REDIS_PREFIX; the key schema version is added in code (src/redis/redis-keys.ts). */
  prefix: string;
  lockTtlMs: number;
  commandTimeoutMs: number;
  waitPollMs: number;
}

/** The validated, frozen configuration every other module receives. */
export interface AppConfig {
  env: string;
  isProduction: boolean;
  port: number;
  host: string;
  logLevel: Environment["LOG_LEVEL"];
  /** `true` allows any origin, `false` none, a list those origins exactly. */
  corsOrigins: boolean | string[];
  /** PREVIEW_PAGE: serve the preview page at `GET /` (src/preview). */
  previewPage: boolean;
  /** Who may call /graphql (AUTH_MODE and its variables). */
  auth: AuthConfig;
  /** Bearer token required by /metrics; undefined leaves it open. */
  metricsToken?: string;
  mode: ProviderSelection;
  workflow: ProviderSelection;
  azure?: AzureOpenAiSettings;
  openai?: OpenAiSettings;
  anthropic?: AnthropicSettings;
  llm: {
    timeoutMs: number;
    maxRetries: number;
    maxConcurrency: number;
    breakerFailures: number;
    breakerResetMs: number;
  };
  modeDeadlineMs: number;
  workflowDeadlineMs: number;
  modeStoreSize: number;
  modesPage: { defaultSize: number; maxSize: number };
  workflowStoreSize: number;
  /** Size limits of workflow documents and their context, and the issues a validation lists. */
  workflowLimits: WorkflowLimits;
  maxModelFieldsPerOperation: number;
  workflowCache: { capacity: number; ttlMs: number };
  spendLimits: { generationsPerMinute: number; tokensPerDay: number };
  shutdown: { readyDelayMs: number; graceMs: number };
  operationLimits: OperationLimits;
  /** Largest answer sent, in bytes (RESPONSE_MAX_BYTES). */
  responseMaxBytes: number;
  /** GRAPHQL_EXECUTOR and GRAPHQL_JIT_CACHE_SIZE (http/compiled-executor.ts). */
  executor: { kind: ExecutorChoice; jitCacheSize: number };
  http: HttpLimits;
  /** GraphQL subscriptions over WebSocket (SUBSCRIPTIONS and its limits). */
  subscriptions: SubscriptionSettings;
  /** EVENT_LOOP_TURN_BUDGET_MS: see TurnBudget (http/turn-budget.ts). */
  eventLoopTurnBudgetMs: number;
  validationPool: ValidationPoolOptions;
  /** Shared state in Redis; undefined keeps everything in this process. */
  redis?: RedisSettings;
}

/** What one GraphQL operation may ask for (MAX_TOKENS, MAX_DEPTH, ...). */
export interface OperationLimits {
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxValidationErrors: number;
  maxCost: number;
}

/** How long a connection may take to send a request, or sit idle, and how many may be open. */
export interface HttpLimits {
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  maxBodyBytes: number;
}

/** The WebSocket transport of subscriptions; its largest message is HTTP_MAX_BODY_BYTES. */
export interface SubscriptionSettings {
  /** SUBSCRIPTIONS=on. */
  enabled: boolean;
  /** SUBSCRIPTIONS_MAX_PER_CONNECTION. */
  maxPerConnection: number;
  /** SUBSCRIPTIONS_INIT_TIMEOUT_MS. */
  initTimeoutMs: number;
  /** SUBSCRIPTIONS_KEEPALIVE_MS; 0 sends no pings. */
  keepAliveMs: number;
}

/** Which FlowIR documents are validated on worker threads, and by how many. */
export interface ValidationPoolOptions {
  /** Threads; 0 validates on the event loop. */
  workers: number;
  /** Documents of at least this many characters (compact JSON) go to a thread. */
  minChars: number;
}

/** Start-up refused: every problem with the environment, one per line. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.problems = problems;
  }
}

/** Variables that make each provider usable, for messages naming what is missing. */
export const PROVIDER_REQUIREMENTS: Record<Exclude<ProviderChoice, "offline">, string> = {
  "azure-openai": "AZURE_OPENAI_ENDPOINT (and AZURE_OPENAI_API_KEY or an Entra ID identity)",
  openai: "OPENAI_API_KEY or OPENAI_BASE_URL",
  anthropic: "ANTHROPIC_API_KEY",
};

/**
 * Parses an environment into the app's configuration. Pure: pass `process.env` (main.ts) or a
 * literal object (tests). Throws ConfigError listing every problem at once.
 */
export function loadConfig(environment: Record<string, string | undefined>): AppConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const values = parsed.data;
  const isProduction = values.NODE_ENV === "production";

  const azure = values.AZURE_OPENAI_ENDPOINT
    ? {
        endpoint: values.AZURE_OPENAI_ENDPOINT,
        apiKey: values.AZURE_OPENAI_API_KEY,
        apiVersion: values.OPENAI_API_VERSION,
        deployment: values.AZURE_OPENAI_DEPLOYMENT,
      }
    : undefined;
  const openai =
    values.OPENAI_API_KEY || values.OPENAI_BASE_URL
      ? {
          apiKey: values.OPENAI_API_KEY,
          baseURL: values.OPENAI_BASE_URL,
          model: values.OPENAI_MODEL,
        }
      : undefined;
  const anthropic = values.ANTHROPIC_API_KEY
    ? {
        apiKey: values.ANTHROPIC_API_KEY,
        baseURL: values.ANTHROPIC_BASE_URL,
        model: values.ANTHROPIC_MODEL,
      }
    : undefined;
  const configured: Record<ProviderChoice, boolean> = {
    "azure-openai": azure !== undefined,
    openai: openai !== undefined,
    anthropic: anthropic !== undefined,
    offline: true,
  };

  const problems: string[] = [];
  if (values.MODES_PAGE_SIZE > values.MODES_PAGE_MAX) {
    problems.push(
      `MODES_PAGE_SIZE (${values.MODES_PAGE_SIZE}) must not exceed MODES_PAGE_MAX (${values.MODES_PAGE_MAX})`,
    );
  }
  if (values.HTTP_HEADERS_TIMEOUT_MS > values.HTTP_REQUEST_TIMEOUT_MS) {
    problems.push(
      `HTTP_HEADERS_TIMEOUT_MS (${values.HTTP_HEADERS_TIMEOUT_MS}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${values.HTTP_REQUEST_TIMEOUT_MS})`,
    );
  }
  const select = (
    task: "MODE_PROVIDER" | "WORKFLOW_PROVIDER",
    chosen: ProviderChoice | undefined,
    preference: readonly ProviderChoice[],
  ): ProviderSelection => {
    if (chosen) {
      if (!configured[chosen] && chosen !== "offline") {
        problems.push(
          `${task}=${chosen} but ${chosen} is not configured: set ${PROVIDER_REQUIREMENTS[chosen]}`,
        );
      }
      return { provider: chosen, reason: "explicit" };
    }
    const first = preference.find((provider) => configured[provider]);
    if (first) return { provider: first, reason: "configured" };
    if (isProduction) {
      problems.push(
        `${task}: no provider is configured in production; set one of ${preference
          .map((provider) => PROVIDER_REQUIREMENTS[provider as Exclude<ProviderChoice, "offline">])
          .join("; or ")}; or choose ${task}=offline explicitly`,
      );
    }
    return { provider: "offline", reason: "no-provider-configured" };
  };
  const mode = select("MODE_PROVIDER", values.MODE_PROVIDER, MODE_PROVIDER_PREFERENCE);
  const workflow = select(
    "WORKFLOW_PROVIDER",
    values.WORKFLOW_PROVIDER,
    WORKFLOW_PROVIDER_PREFERENCE,
  );
  if (values.REDIS_URL && values.REDIS_LOCK_TTL_MS <= 2 * values.REDIS_COMMAND_TIMEOUT_MS) {
    problems.push(
      `REDIS_LOCK_TTL_MS (${values.REDIS_LOCK_TTL_MS}) must exceed twice REDIS_COMMAND_TIMEOUT_MS (${values.REDIS_COMMAND_TIMEOUT_MS}): a renewal that takes the longest allowed wait must still find its lock`,
    );
  }
  const auth = resolveAuthConfig(values, isProduction, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    env: values.NODE_ENV,
    isProduction,
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    corsOrigins: parseCorsOrigins(values.CORS_ORIGINS, isProduction),
    previewPage: values.PREVIEW_PAGE === undefined ? !isProduction : values.PREVIEW_PAGE === "on",
    auth,
    metricsToken: values.METRICS_TOKEN,
    mode,
    workflow,
    azure,
    openai,
    anthropic,
    llm: {
      timeoutMs: values.LLM_TIMEOUT_MS,
      maxRetries: values.LLM_MAX_RETRIES,
      maxConcurrency: values.UPSTREAM_MAX_CONCURRENCY,
      breakerFailures: values.BREAKER_FAILURES,
      breakerResetMs: values.BREAKER_RESET_MS,
    },
    modeDeadlineMs: values.MODE_DEADLINE_MS,
    workflowDeadlineMs: values.WORKFLOW_DEADLINE_MS,
    modeStoreSize: values.MODE_STORE_SIZE,
    modesPage: { defaultSize: values.MODES_PAGE_SIZE, maxSize: values.MODES_PAGE_MAX },
    workflowStoreSize: values.WORKFLOW_STORE_SIZE,
    workflowLimits: {
      maxDepth: values.WORKFLOW_MAX_DEPTH,
      maxNodes: values.WORKFLOW_MAX_NODES,
      maxEdges: values.WORKFLOW_MAX_EDGES,
      maxIrChars: values.WORKFLOW_MAX_IR_CHARS,
      maxContextChars: values.WORKFLOW_MAX_CONTEXT_CHARS,
      maxDiscoveredParams: values.WORKFLOW_MAX_DISCOVERED_PARAMS,
      maxIssues: values.VALIDATION_MAX_ISSUES,
    },
    maxModelFieldsPerOperation: values.MAX_MODEL_FIELDS_PER_OPERATION,
    workflowCache: { capacity: values.WORKFLOW_CACHE_SIZE, ttlMs: values.CACHE_TTL_SECONDS * 1000 },
    shutdown: {
      readyDelayMs: values.SHUTDOWN_READY_DELAY_MS ?? (isProduction ? 5_000 : 0),
      graceMs:
        values.SHUTDOWN_GRACE_MS ??
        Math.max(values.MODE_DEADLINE_MS, values.WORKFLOW_DEADLINE_MS) + 5_000,
    },
    spendLimits: {
      generationsPerMinute: values.RATE_LIMIT_GENERATIONS_PER_MINUTE,
      tokensPerDay: values.QUOTA_TOKENS_PER_DAY,
    },
    operationLimits: {
      maxTokens: values.MAX_TOKENS,
      maxDepth: values.MAX_DEPTH,
      maxAliases: values.MAX_ALIASES,
      maxDirectives: values.MAX_DIRECTIVES,
      maxValidationErrors: values.MAX_VALIDATION_ERRORS,
      maxCost: values.MAX_COST,
    },
    responseMaxBytes: values.RESPONSE_MAX_BYTES,
    executor: { kind: values.GRAPHQL_EXECUTOR, jitCacheSize: values.GRAPHQL_JIT_CACHE_SIZE },
    eventLoopTurnBudgetMs: values.EVENT_LOOP_TURN_BUDGET_MS,
    validationPool: {
      workers: values.VALIDATION_WORKERS,
      minChars: values.VALIDATION_WORKER_MIN_CHARS,
    },
    http: {
      requestTimeoutMs: values.HTTP_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: values.HTTP_HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: values.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: values.HTTP_MAX_CONNECTIONS,
      maxBodyBytes: values.HTTP_MAX_BODY_BYTES,
    },
    subscriptions: {
      enabled: values.SUBSCRIPTIONS === "on",
      maxPerConnection: values.SUBSCRIPTIONS_MAX_PER_CONNECTION,
      initTimeoutMs: values.SUBSCRIPTIONS_INIT_TIMEOUT_MS,
      keepAliveMs: values.SUBSCRIPTIONS_KEEPALIVE_MS,
    },
    redis: values.REDIS_URL
      ? {
          url: values.REDIS_URL,
          prefix: values.REDIS_PREFIX,
          lockTtlMs: values.REDIS_LOCK_TTL_MS,
          commandTimeoutMs: values.REDIS_COMMAND_TIMEOUT_MS,
          waitPollMs: values.REDIS_WAIT_POLL_MS,
        }
      : undefined,
  });
}

function parseCorsOrigins(value: string | undefined, isProduction: boolean): boolean | string[] {
  if (value === undefined) return !isProduction;
  if (value === "*") return true;
  return value
    .split(",")
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
}

/**
 * Reads `.env` when present (Node's own loader; never overrides variables already set) and parses
 * `process.env`. The only place in the code base that touches `process.env`.
 */
export function loadConfigFromProcess(envFile = ".env"): AppConfig {
  try {
    process.loadEnvFile(envFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return loadConfig(process.env);
}
