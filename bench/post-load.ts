import { Worker } from "node:worker_threads";
import autocannon from "autocannon";

export const CONNECTIONS = 50;
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** What one load run measured. */
export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  bytesPerResponse: number;
  errors: number;
}

/**
 * POSTs `body` at CONNECTIONS connections for SECONDS, from autocannon's worker thread (not the
 * server's event loop). `[<id>]` in the body is replaced per request, making each one unique.
 */
export async function postLoad(url: string, body: string): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    workers: 1,
    idReplacement: true,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytesPerResponse: result.requests.total ? result.throughput.total / result.requests.total : 0,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/** The loopback model (fake-model.worker.ts) on a thread of its own; resolves with its URL. */
export async function startModelWorker(): Promise<{ url: string; stop: () => void }> {
  const worker = new Worker(new URL("./fake-model.worker.js", import.meta.url));
  const url = await new Promise<string>((resolve) => worker.once("message", resolve));
  return { url, stop: () => worker.postMessage("stop") };
}
