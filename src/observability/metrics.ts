import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { CircuitStateName } from "../llm/provider-circuit.js";
import type { RedisObserver } from "../redis/redis-health.js";
import type { GenerationObserver, ModelCallRecord } from "./generation-observer.js";

/** How a GraphQL request ended. */
export type RequestOutcome = "ok" | "client_error" | "error" | "client_gone" | "shutdown";

/** The circuit gauge's values: higher is worse, so `> 0` alerts on anything but closed. */
const CIRCUIT_STATE_VALUES: Record<CircuitStateName, number> = {
  closed: 0,
  "half-open": 1,
  open: 2,
};

/**
 * Prometheus metrics of one server instance (own registry, so tests can run several servers in
 * one process): GraphQL request and model-call histograms, token counters, cache hits, and the
 * circuit breaker state per provider.
 */
export class Metrics implements GenerationObserver {
  readonly registry = new Registry();
  private readonly requestDuration: Histogram<"operation" | "outcome">;
  private readonly generationsInFlight: Gauge<"task">;
  private readonly modelCallDuration: Histogram<"task" | "provider" | "outcome">;
  private readonly tokens: Counter<"task" | "provider" | "direction">;
  private readonly cacheHits: Counter<"task">;
  private readonly shared: Counter<"task">;
  /** Requests waiting for a model-backed generation, their own or a shared one. */
  readonly waiting: Gauge<"task">;
  private readonly circuitState: Gauge<"provider">;
  private redisMetrics: RedisObserver | undefined;

  constructor(options: { collectProcessMetrics?: boolean } = {}) {
    if (options.collectProcessMetrics) collectDefaultMetrics({ register: this.registry });
    this.requestDuration = new Histogram({
      name: "modeflow_graphql_request_duration_seconds",
      help: "GraphQL request duration by the operation's root fields (never its client-chosen name) and outcome",
      labelNames: ["operation", "outcome"],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [this.registry],
    });
    this.modelCallDuration = new Histogram({
      name: "modeflow_llm_call_duration_seconds",
      help: "Model call duration (including transport retries) by task, provider and outcome",
      labelNames: ["task", "provider", "outcome"],
      buckets: [0.1, 0.5, 1, 2, 3, 5, 10, 20, 30, 60, 120],
      registers: [this.registry],
    });
    this.tokens = new Counter({
      name: "modeflow_llm_tokens_total",
      help: "Tokens reported by providers, by task, provider and direction (input/output)",
      labelNames: ["task", "provider", "direction"],
      registers: [this.registry],
    });
    this.cacheHits = new Counter({
      name: "modeflow_generation_cache_hits_total",
      help: "Requests answered from the generation cache",
      labelNames: ["task"],
      registers: [this.registry],
    });
    this.generationsInFlight = new Gauge({
      name: "modeflow_generations_in_flight",
      help: "Model-backed generations running now (a shared one counts once)",
      labelNames: ["task"],
      registers: [this.registry],
    });
    this.shared = new Counter({
      name: "modeflow_generation_shared_total",
      help: "Requests that joined a generation in flight for an identical request",
      labelNames: ["task"],
      registers: [this.registry],
    });
    this.waiting = new Gauge({
      name: "modeflow_generation_waiting",
      help: "Requests waiting for a model-backed generation (their own or a shared one)",
      labelNames: ["task"],
      registers: [this.registry],
    });
    this.circuitState = new Gauge({
      name: "modeflow_llm_circuit_state",
      help: "Circuit breaker state per provider: 0 closed, 1 half-open (one probe call), 2 open (calls refused without an upstream call)",
      labelNames: ["provider"],
      registers: [this.registry],
    });
  }

  /**
   * The Redis gauge and fallback counter, registered only when the server uses Redis (REDIS_URL),
   * so a single-process server shows no Redis metrics at all (rather than a Redis that is "down").
   */
  redis(): RedisObserver {
    if (this.redisMetrics) return this.redisMetrics;
    const up = new Gauge({
      name: "modeflow_redis_up",
      help: "1 while Redis answers, 0 while the server serves without it (shared state unavailable)",
      registers: [this.registry],
    });
    const fallbacks = new Counter({
      name: "modeflow_redis_fallbacks_total",
      help: "Operations served without Redis (cache misses, local coalescing, in-memory quotas, modes kept in this process), by operation",
      labelNames: ["operation"],
      registers: [this.registry],
    });
    this.redisMetrics = {
      recordRedisUp: (isUp) => up.set(isUp ? 1 : 0),
      recordRedisFallback: (operation) => fallbacks.inc({ operation }),
    };
    return this.redisMetrics;
  }

  recordCircuitState(provider: string, state: CircuitStateName): void {
    this.circuitState.set({ provider }, CIRCUIT_STATE_VALUES[state]);
  }

  recordRequest(operation: string, outcome: RequestOutcome, seconds: number): void {
    this.requestDuration.observe({ operation, outcome }, seconds);
  }

  recordModelCall(record: ModelCallRecord): void {
    const labels = { task: record.task, provider: record.provider };
    this.modelCallDuration.observe({ ...labels, outcome: record.outcome }, record.latencyMs / 1000);
    if (record.usage.inputTokens) {
      this.tokens.inc({ ...labels, direction: "input" }, record.usage.inputTokens);
    }
    if (record.usage.outputTokens) {
      this.tokens.inc({ ...labels, direction: "output" }, record.usage.outputTokens);
    }
  }

  recordCacheHit(task: "mode" | "workflow"): void {
    this.cacheHits.inc({ task });
  }

  recordShared(task: "mode" | "workflow"): void {
    this.shared.inc({ task });
  }

  recordGeneration(task: "mode" | "workflow", delta: 1 | -1): void {
    this.generationsInFlight.inc({ task }, delta);
  }

  recordWaiting(task: "mode" | "workflow", delta: 1 | -1): void {
    this.waiting.inc({ task }, delta);
  }
}
