import { afterEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import type { StructuredLlm } from "../../src/llm/structured-llm.js";
import { hashApiKey } from "../../src/auth/api-keys.js";
import { RateLimitedError } from "../../src/errors/rate-limited-error.js";
import { ModeService } from "../../src/services/mode/mode.service.js";
import { RateLimiterSpendLimiter } from "../../src/services/quota/spend-limiter.js";
import { GenerateModeDocument } from "../generated/graphql.js";
import { petStoreAnswer } from "../support/mode-answers.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";

// Quotas per principal, before any model call: requests per minute and tokens per day. Cache
// hits and built-ins are free.
let modelCalls = 0;
const instantLlm: StructuredLlm = {
  provider: "azure-openai",
  defaultModel: "instant",
  async generate<T>() {
    modelCalls++;
    return {
      data: petStoreAnswer({ industry_id: `shop_${modelCalls}` }) as T,
      model: "instant",
      usage: { inputTokens: 10, outputTokens: 5 },
      httpCalls: 1,
    };
  },
};

let api: TestServer | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
  modelCalls = 0;
});

const generate = (industry: string) => api!.execute(GenerateModeDocument, { input: { industry } });

describe("quotas over HTTP", () => {
  it("refuses the 31st model-backed request of a minute with RATE_LIMITED, 429 and Retry-After", async () => {
    api = await startTestServer({}, { mode: instantLlm });
    for (let index = 0; index < 30; index++) {
      const { status, body } = await generate(`shop number ${index}`);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    expect(modelCalls).toBe(30);

    const refused = await generate("shop number 30");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors![0]!.extensions).toEqual({
      code: "RATE_LIMITED",
      limit: "RATE_LIMIT_GENERATIONS_PER_MINUTE",
      retryAfterSeconds: retryAfter,
    });
    expect(modelCalls).toBe(30);

    // What costs nothing stays open: a cached answer and a built-in mode.
    const cached = await generate("shop number 0");
    expect(cached.body.data!.generateMode.generation.provider).toBe("CACHE");
    const builtin = await generate("bank");
    expect(builtin.body.data!.generateMode.mode.source).toBe("BUILTIN");
    expect(modelCalls).toBe(30);
  });

  it("refuses once the tokens of the day are spent, naming QUOTA_TOKENS_PER_DAY", async () => {
    api = await startTestServer({ QUOTA_TOKENS_PER_DAY: "25" }, { mode: instantLlm });
    expect((await generate("first shop")).status).toBe(200); // 15 tokens
    expect((await generate("second shop")).status).toBe(200); // 30: over, but it was allowed in
    const refused = await generate("third shop");
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0]!.extensions).toMatchObject({
      code: "RATE_LIMITED",
      limit: "QUOTA_TOKENS_PER_DAY",
    });
    expect(modelCalls).toBe(2);
  });

  it("counts per principal: a second API key is unaffected when the first is limited", async () => {
    api = await startTestServer(
      {
        AUTH_MODE: "api-key",
        API_KEYS: `alice:${hashApiKey("alice-key")},bob:${hashApiKey("bob-key")}`,
        RATE_LIMIT_GENERATIONS_PER_MINUTE: "3",
      },
      { mode: instantLlm },
    );
    const as = (key: string, industry: string) =>
      api!.execute(
        GenerateModeDocument,
        { input: { industry } },
        { authorization: `Bearer ${key}` },
      );
    for (let index = 0; index < 3; index++) {
      expect((await as("alice-key", `alice shop ${index}`)).status).toBe(200);
    }
    expect((await as("alice-key", "alice shop 3")).status).toBe(429);
    for (let index = 0; index < 3; index++) {
      const { status, body } = await as("bob-key", `bob shop ${index}`);
      expect(status).toBe(200);
      expect(body.data!.generateMode.mode.source).toBe("GENERATED");
    }
    expect(modelCalls).toBe(6);
  });

  it("lets RATE_LIMIT_GENERATIONS_PER_MINUTE=0 switch the limit off", async () => {
    api = await startTestServer({ RATE_LIMIT_GENERATIONS_PER_MINUTE: "0" }, { mode: instantLlm });
    for (let index = 0; index < 35; index++)
      expect((await generate(`store ${index}`)).status).toBe(200);
    expect(modelCalls).toBe(35);
  });
});

describe("quotas per principal", () => {
  it("leaves a second principal unaffected when the first is limited", async () => {
    const service = new ModeService({
      llm: instantLlm,
      deadlineMs: 1000,
      storeCapacity: 100,
      logger: pino({ level: "silent" }),
      limiter: new RateLimiterSpendLimiter({ generationsPerMinute: 3, tokensPerDay: 0 }),
    });
    const alice = { id: "alice" };
    const bob = { id: "bob" };
    for (let index = 0; index < 3; index++) {
      await service.generateMode(`alice shop ${index}`, { principal: alice });
    }
    await expect(service.generateMode("alice shop 3", { principal: alice })).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    for (let index = 0; index < 3; index++) {
      const result = await service.generateMode(`bob shop ${index}`, { principal: bob });
      expect(result.mode.source).toBe("GENERATED");
    }
    expect(modelCalls).toBe(6);
  });
});
