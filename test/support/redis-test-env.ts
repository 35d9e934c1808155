import { randomUUID } from "node:crypto";

/**
 * The Redis the Redis tests use: MODEFLOW_TEST_REDIS_URL (`bash .ci/run` starts a redis-server
 * and sets it). Without it those tests are skipped, and redis-global-setup.ts says so once.
 */
export const TEST_REDIS_URL: string | undefined = process.env.MODEFLOW_TEST_REDIS_URL || undefined;

/** A REDIS_PREFIX no other test uses, so test files can share one Redis in parallel. */
export function uniqueRedisPrefix(name: string): string {
  return `modeflow-test-${name}-${randomUUID().slice(0, 8)}`;
}
