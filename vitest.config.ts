import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/setup.ts"],
    // Integration tests start real HTTP servers on loopback; 2 cores are shared.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
