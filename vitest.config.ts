import { createRequire } from "node:module";
import { configDefaults, defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

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
    projects: [
      {
        extends: true,
        test: {
          name: "modeflow",
          include: ["test/**/*.test.ts"],
          // Says once whether the Redis tests (test/redis) run or are skipped, and fails under
          // CI=true without a Redis. Here, not at the root: every project would inherit it.
          globalSetup: ["test/support/redis-global-setup.ts"],
          exclude: [...configDefaults.exclude, "test/gc/**"],
        },
      },
      {
        // Deadlines under garbage-collection pressure: these files call global.gc(), which only
        // exists with --expose-gc, so they run in their own forked workers with that flag.
        extends: true,
        test: {
          name: "gc",
          include: ["test/gc/**/*.test.ts"],
          pool: "forks",
          execArgv: ["--expose-gc"],
        },
      },
    ],
  },
});
