// Process entry: load configuration, start the server, stop it gracefully on signals.
import "reflect-metadata";
import { describeAuthentication } from "./auth/auth-config.js";
import { ConfigError, loadConfigFromProcess } from "./config.js";
import { createLogger } from "./logger.js";
import { withoutCredentials } from "./redis/redis-url.js";
import { KEY_SCHEMA_VERSION } from "./redis/redis-keys.js";
import { createServer } from "./server.js";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfigFromProcess();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  for (const [task, selection] of [
    ["generateMode", config.mode],
    ["generateWorkflow", config.workflow],
  ] as const) {
    const why =
      selection.reason === "no-provider-configured"
        ? "no provider key was found, so the built-in offline generator serves it"
        : selection.reason === "explicit"
          ? "chosen explicitly"
          : "first configured provider";
    logger.info(
      { task, provider: selection.provider },
      `${task} is served by ${selection.provider} (${why})`,
    );
  }
  logger.info({ authMode: config.auth.mode }, describeAuthentication(config.auth));
  logger.info(
    { sharedState: config.redis ? "redis" : "process" },
    config.redis
      ? `shared state (cache, modes, workflows, quotas, coalescing) in Redis at ${withoutCredentials(config.redis.url)}, keys ${config.redis.prefix}:${KEY_SCHEMA_VERSION}:*`
      : "shared state (cache, modes, workflows, quotas, coalescing) in this process: set REDIS_URL to share it between replicas",
  );

  const server = await createServer({ config, logger });
  await server.start();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: draining in-flight requests");
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

await main();
