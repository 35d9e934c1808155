import { afterEach, describe, expect, it } from "vitest";
import { GenerateModeDocument, ModeByIdDocument, ModesDocument } from "../generated/graphql.js";
import { freePort } from "../support/redis-server-process.js";
import { recordingLogger } from "../support/recording-logger.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";

// REDIS_URL set, but nothing answers there (no Redis needed for this test): the server starts,
// serves from its own memory, stays ready, and says so once in its log and in its metrics.
let api: TestServer | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe("a server whose Redis is unreachable", () => {
  it("starts, serves and finds what it generated, stays ready, and reports Redis down once", async () => {
    const { logger, lines } = recordingLogger("info");
    const port = await freePort(); // nothing listens there
    api = await startTestServer(
      { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_COMMAND_TIMEOUT_MS: "200" },
      undefined,
      logger,
    );
    const generated = await api.execute(GenerateModeDocument, {
      input: { industry: "pet store" },
    });
    expect(generated.status).toBe(200);
    const mode = generated.body.data!.generateMode.mode;
    expect(mode).toMatchObject({ id: "pet_store", source: "GENERATED" });
    const byId = await api.execute(ModeByIdDocument, { id: "pet_store" });
    expect(byId.body.data!.mode).toMatchObject({ id: "pet_store" });
    const page = await api.execute(ModesDocument, { first: 10 });
    expect(page.body.data!.modes.totalCount).toBe(5);
    const repeat = await api.execute(GenerateModeDocument, { input: { industry: "pet store" } });
    expect(repeat.body.data!.generateMode.generation.provider).toBe("CACHE");

    expect((await fetch(`${api.origin}/ready`)).status).toBe(200);
    const metrics = await (await fetch(`${api.origin}/metrics`)).text();
    expect(metrics).toMatch(/^modeflow_redis_up 0$/m);
    expect(metrics).toMatch(/^modeflow_redis_fallbacks_total\{operation="modes.save"\} 1$/m);
    const warnings = lines.filter((line) => String(line.msg).startsWith("Redis is unreachable"));
    expect(warnings).toHaveLength(1);
  });

  it("shows no Redis metrics at all without REDIS_URL", async () => {
    api = await startTestServer();
    expect(await (await fetch(`${api.origin}/metrics`)).text()).not.toContain("modeflow_redis");
  });
});
