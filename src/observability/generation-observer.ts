import type { TokenUsage } from "../errors/generation-error.js";

/** One model call as the metrics see it. */
export interface ModelCallRecord {
  task: "mode" | "workflow";
  provider: string;
  /** "ok" or the GenerationErrorCode of the failure. */
  outcome: string;
  latencyMs: number;
  usage: TokenUsage;
}

/**
 * What services report for metrics. Services depend on this interface only; the Prometheus
 * implementation lives in metrics.ts.
 */
export interface GenerationObserver {
  recordModelCall(record: ModelCallRecord): void;
  recordCacheHit(task: "mode" | "workflow"): void;
  /** A request joined a generation in flight for an identical one. */
  recordShared(task: "mode" | "workflow"): void;
  /** A model-backed generation starts (+1) or ends (-1); a shared one counts once. */
  recordGeneration(task: "mode" | "workflow", delta: 1 | -1): void;
  /** A request starts (+1) or stops (-1) waiting for a model-backed generation. */
  recordWaiting(task: "mode" | "workflow", delta: 1 | -1): void;
}

/** Observer that records nothing (unit tests, benchmarks). */
export const NO_OBSERVER: GenerationObserver = {
  recordModelCall: () => {},
  recordCacheHit: () => {},
  recordShared: () => {},
  recordGeneration: () => {},
  recordWaiting: () => {},
};
