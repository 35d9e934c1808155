import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

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
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/setup.ts"],
    // Integration tests start real HTTP servers on loopback; 2 cores are shared.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
