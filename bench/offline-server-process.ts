import { startServerProcess } from "../test/support/server-process.js";

/** The server as the process benchmarks measure it, with what they read from it. */
export interface BenchServer {
  url: string;
  origin: string;
  /** prom-client's event-loop delay gauges since the last read (each read resets them), in ms. */
  eventLoopDelay(): Promise<{ p50: number; p99: number; max: number }>;
  stop(): Promise<void>;
}

/**
 * The built server in its own process, as in production (NODE_ENV=production, request log lines
 * at info) but with the offline generators, no authentication and no quota, plus `env`. Its event
 * loop is its own: the load comes from the benchmark's process.
 */
export async function startOfflineServerProcess(env: Record<string, string>): Promise<BenchServer> {
  const server = await startServerProcess({
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    LOG_LEVEL: "info", // the listening line; request lines too, as in production
    AUTH_MODE: "none",
    MODE_PROVIDER: "offline",
    WORKFLOW_PROVIDER: "offline",
    RATE_LIMIT_GENERATIONS_PER_MINUTE: "0",
    ...env,
  });
  // The request log lines are read and dropped, not parsed: parsing would load this process.
  server.child.stdout!.removeAllListeners("data").resume();
  const origin = new URL(server.url).origin;
  return {
    url: server.url,
    origin,
    async eventLoopDelay() {
      const text = await (await fetch(`${origin}/metrics`)).text();
      const gauge = (name: string) => {
        const line = new RegExp(`^${name} (\\S+)$`, "m").exec(text);
        if (!line) throw new Error(`/metrics has no ${name}`);
        return Number(line[1]) * 1000;
      };
      return {
        p50: gauge("nodejs_eventloop_lag_p50_seconds"),
        p99: gauge("nodejs_eventloop_lag_p99_seconds"),
        max: gauge("nodejs_eventloop_lag_max_seconds"),
      };
    },
    async stop() {
      server.child.kill("SIGKILL");
      await server.exited;
    },
  };
}
