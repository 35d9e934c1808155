import { createRequire } from "node:module";
import { configDefaults, defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

/**
 * Test files whose assertions read the clock (deadlines, timeouts, "answers within") or that
 * start real server processes or a browser. They run alone: beside another test file on 2 cores, their
 * figures measure the neighbour.
 */
const TIMED_TESTS = [
  // Starts Chromium (test/support/chromium.ts); skipped with a warning when there is none.
  "test/browser/preview-page.test.ts",
  "test/integration/bounded-spend.test.ts",
  "test/integration/bounded-work.test.ts",
  "test/integration/deadlines.test.ts",
  "test/integration/shutdown.test.ts",
  "test/integration/slow-clients.test.ts",
  "test/integration/startup.test.ts",
  "test/integration/streamed-generation.test.ts",
  "test/integration/subscriptions-lifecycle.test.ts",
  "test/redis/redis-coalescer.test.ts",
  "test/redis/redis-outage.test.ts",
  "test/redis/replicas-outage.test.ts",
  "test/redis/replicas.test.ts",
  "test/unit/http/turn-budget.test.ts",
  "test/unit/llm/deadline.test.ts",
  "test/unit/llm/resilient-llm.test.ts",
  "test/unit/llm/resilient-stream.test.ts",
  "test/unit/llm/streaming-fakes.test.ts",
  "test/unit/llm/streaming-latency.test.ts",
  "test/unit/streaming/mode-stream.test.ts",
  "test/unit/workflow/bounded-validation.test.ts",
];

export default defineConfig({
  resolve: {
    alias: {
      // Node resolves `graphql` to its CommonJS entry for everyone (the package has no "exports"),
      // but Vite prefers the "module" entry; type-graphql (CJS) would then see a second copy and
      // throw "Cannot use GraphQLScalarType from another module or realm". Match Node.
      graphql: require.resolve("graphql"),
    },
  },
  test: {
    setupFiles: ["test/support/setup.ts"],
    // Integration tests start real HTTP servers on loopback; 2 cores are shared.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // No per-file isolation: every file of a worker shares one module graph. Importing the
    // server's graph again for each of 88 files cost about 2.5 s per file, 117 s of a 265 s run;
    // the tests keep no state in modules (servers, stores and fakes are built per test), and the
    // whole suite passes in one shared graph.
    isolate: false,
    projects: [
      {
        // Everything whose assertions do not read the clock: two files at a time (the default
        // on 2 cores is one). `npm test` runs this project.
        extends: true,
        test: {
          name: "fast",
          include: ["test/**/*.test.ts"],
          // Says once whether the Redis tests (test/redis) run or are skipped, and fails under
          // CI=true without a Redis. Here, not at the root: every project would inherit it.
          globalSetup: ["test/support/redis-global-setup.ts"],
          exclude: [...configDefaults.exclude, "test/gc/**", ...TIMED_TESTS],
          maxWorkers: 2,
        },
      },
      {
        // Tests that measure wall-clock time or start server processes: one file at a time,
        // after the fast ones, so no other test steals their CPU. `npm run test:timed`.
        extends: true,
        test: {
          name: "timed",
          include: TIMED_TESTS,
          globalSetup: ["test/support/redis-global-setup.ts"],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Deadlines under garbage-collection pressure: these files call global.gc(), which only
        // exists with --expose-gc, so they run in their own forked worker with that flag.
        extends: true,
        test: {
          name: "gc",
          include: ["test/gc/**/*.test.ts"],
          pool: "forks",
          execArgv: ["--expose-gc"],
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
