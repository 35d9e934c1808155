import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";

describe("createLogger", () => {
  it("redacts credentials wherever request headers or keys are logged", () => {
    let written = "";
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString("utf8");
        done();
      },
    });
    const logger = createLogger("trace", destination);
    const headers = {
      authorization: "Bearer secret-bearer-1",
      "x-api-key": "secret-api-key-2",
      "api-key": "secret-azure-key-3",
      accept: "application/json",
    };
    logger.info({ req: { headers } }, "fastify-style request");
    logger.info({ request: { headers } }, "nested request");
    logger.info({ headers }, "bare headers");
    logger.debug({
      config: { metricsToken: "secret-metrics-4" },
      metricsToken: "secret-metrics-5",
    });
    logger.debug({ azure: { apiKey: "secret-azure-key-6" } });

    expect(written).not.toMatch(/secret-/);
    expect(written.match(/\[redacted\]/g)).toHaveLength(12);
    expect(written).toContain("application/json");
  });
});
