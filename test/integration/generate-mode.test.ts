import { describe, expect, it } from "vitest";
import { GenerateModeDocument, ModeByIdDocument, ModesDocument } from "../generated/graphql.js";
import { chatCompletion, errorReply, jsonCompletion } from "../support/fake-openai-server.js";
import { petStoreAnswer } from "../support/mode-answers.js";
import { useAzureModeApi } from "../support/azure-mode-api.js";

const modeApi = useAzureModeApi({
  AZURE_OPENAI_DEPLOYMENT: "modes-deployment",
  MODE_DEADLINE_MS: "1500",
  LLM_TIMEOUT_MS: "5000",
});
const { azure } = modeApi;

const generate = (industry: string) =>
  modeApi.api.execute(GenerateModeDocument, { input: { industry } });

describe("generateMode over HTTP", () => {
  it("returns a complete GENERATED mode with verified theme and real generation info", async () => {
    azure.enqueue(
      jsonCompletion(petStoreAnswer(), {
        model: "gpt-4o-2024-11-20",
        promptTokens: 512,
        completionTokens: 301,
      }),
    );
    const { status, body } = await generate("pet store");

    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const payload = body.data!.generateMode;
    expect(payload.errors).toEqual([]);
    expect(payload.generation).toMatchObject({
      provider: "AZURE_OPENAI",
      model: "gpt-4o-2024-11-20",
      cached: false,
      attempts: 1,
      inputTokens: 512,
      outputTokens: 301,
    });
    const mode = payload.mode;
    expect(mode).toMatchObject({ id: "pet_store", name: "Pet Store", industry: "pet store" });
    expect(mode.source).toBe("GENERATED");
    expect(mode.tabs.map((tab) => tab.key)).toEqual([
      "dashboard",
      "inventory",
      "grooming",
      "customers",
      "settings",
    ]);
    expect(mode.defaultMetrics.map((metric) => metric.key)).toEqual([
      "daily_sales",
      "grooming_bookings",
      "low_stock_items",
      "loyalty_members",
    ]);
    expect(mode.welcomeMessage).toContain("grooming bookings");
    expect(mode.systemPrompt).toContain("<<<MODE_NOTES");
    expect(mode.systemPrompt).toContain("show_chart");
    expect(mode.theme.seed).toBe("#f59e0b");
    expect(mode.theme.light.chart).toHaveLength(6);
    expect(mode.theme.contrast.length).toBeGreaterThan(80);
    expect(mode.theme.contrast.filter((check) => !check.passes)).toEqual([]);
    expect(azure.requests).toHaveLength(1);
    expect(azure.requests[0]!.url).toContain("/openai/deployments/modes-deployment/");
  });

  it("serves a repeated request from the cache without a model call", async () => {
    azure.enqueue(
      jsonCompletion(
        petStoreAnswer({ industry_name: "Aquarium Shop", industry_id: "aquarium_shop" }),
      ),
    );
    const first = await generate("aquarium shop");
    const again = await generate("  AQUARIUM   Shop ");

    expect(azure.requests).toHaveLength(1);
    expect(again.body.data!.generateMode.generation).toMatchObject({
      provider: "CACHE",
      cached: true,
      attempts: 0,
      model: null,
    });
    expect(again.body.data!.generateMode.mode.id).toBe(first.body.data!.generateMode.mode.id);
  });

  it("lists generated modes after the built-ins and finds them by id", async () => {
    azure.enqueue(
      jsonCompletion(petStoreAnswer({ industry_name: "Bike Repair", industry_id: "bike_repair" })),
    );
    await generate("bike repair");

    const list = await modeApi.api.execute(ModesDocument);
    const ids = list.body.data!.modes.edges.map((edge) => edge.node.id);
    expect(ids.slice(0, 4)).toEqual(["default", "banking", "insurance", "healthcare"]);
    expect(ids).toContain("bike_repair");
    const byId = await modeApi.api.execute(ModeByIdDocument, { id: "bike_repair" });
    expect(byId.body.data!.mode).toMatchObject({ name: "Bike Repair", source: "GENERATED" });
    const missing = await modeApi.api.execute(ModeByIdDocument, { id: "no_such_mode" });
    expect(missing.body.data!.mode).toBeNull();
  });

  it.each(["bank", " BANKING ", "a bank", "Health care", "insurance"])(
    "routes %j to a built-in mode without a model call",
    async (industry) => {
      const { body } = await generate(industry);
      expect(body.data!.generateMode.mode.source).toBe("BUILTIN");
      expect(body.data!.generateMode.generation).toMatchObject({
        provider: "BUILTIN",
        cached: true,
        attempts: 0,
      });
      expect(azure.requests).toHaveLength(0);
    },
  );

  it.each([
    ["empty", ""],
    ["one character", "x"],
    ["only invisible characters", "\u200b\u200b\u202e  \u2066"],
    ["over 120 characters", "pet store ".repeat(13)],
  ])(
    "rejects %s input with BAD_USER_INPUT naming the field, without a model call",
    async (_name, industry) => {
      const { status, body } = await generate(industry);
      expect(status).toBe(200);
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]!.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.industry",
      });
      expect(body.errors![0]!.message).toContain("input.industry");
      expect(azure.requests).toHaveLength(0);
    },
  );

  it("repairs a contract break with one retry that names the problem", async () => {
    azure.enqueue(
      jsonCompletion(
        petStoreAnswer({ default_metrics: petStoreAnswer().default_metrics.slice(0, 2) }),
      ),
      jsonCompletion(petStoreAnswer({ industry_name: "Dog Groomer", industry_id: "dog_groomer" })),
    );
    const { body } = await generate("dog groomer");

    expect(body.data!.generateMode.mode.source).toBe("GENERATED");
    expect(body.data!.generateMode.generation.attempts).toBe(2);
    expect(body.data!.generateMode.generation.inputTokens).toBe(642);
    const retry = azure.requests[1]!.body.messages as Array<{ content: string }>;
    expect(retry[1]!.content).toContain("default_metrics: need exactly 4 metrics");
  });

  it("repairs broken JSON with one retry", async () => {
    azure.enqueue(
      chatCompletion({ content: '{"industry_name": ' }),
      jsonCompletion(petStoreAnswer({ industry_name: "Cat Cafe", industry_id: "cat_cafe" })),
    );
    const { body } = await generate("cat cafe");
    expect(body.data!.generateMode.mode).toMatchObject({ id: "cat_cafe", source: "GENERATED" });
    expect(body.data!.generateMode.generation.attempts).toBe(2);
  });

  it.each([
    ["a refusal", chatCompletion({ refusal: "I can't help with that." }), "GENERATION_REFUSED", 1],
    [
      "a content filter",
      chatCompletion({ content: "", finishReason: "content_filter" }),
      "CONTENT_FILTERED",
      1,
    ],
    [
      "truncation",
      chatCompletion({ content: '{"a":', finishReason: "length" }),
      "GENERATION_TRUNCATED",
      1,
    ],
    ["broken JSON twice", chatCompletion({ content: "not json" }), "GENERATION_INVALID", 2],
  ] as const)("answers %s with a FALLBACK mode and %s", async (_name, reply, code, calls) => {
    azure.respondByDefault(() => reply);
    const { status, body } = await generate("reptile rescue");

    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const payload = body.data!.generateMode;
    expect(payload.errors.map((error) => error.code)).toEqual([code]);
    expect(payload.mode.source).toBe("FALLBACK");
    expect(payload.mode.industry).toBe("reptile rescue");
    expect(payload.mode.tabs[0]!.key).toBe("dashboard");
    expect(payload.mode.defaultMetrics).toHaveLength(4);
    expect(payload.mode.theme.contrast.every((check) => check.passes)).toBe(true);
    expect(payload.generation).toMatchObject({ provider: "AZURE_OPENAI", attempts: calls });
    expect(azure.requests).toHaveLength(calls);
  });

  it("does not cache or store a FALLBACK: the next request calls the model again", async () => {
    azure.enqueue(
      chatCompletion({ refusal: "no" }),
      jsonCompletion(petStoreAnswer({ industry_id: "ferret_farm", industry_name: "Ferret Farm" })),
    );
    const first = await generate("ferret farm");
    const second = await generate("ferret farm");
    expect(first.body.data!.generateMode.mode.source).toBe("FALLBACK");
    expect(second.body.data!.generateMode.mode.source).toBe("GENERATED");
    expect(azure.requests).toHaveLength(2);
  });

  it("retries a 429 after its Retry-After and returns the mode generated on the 200", async () => {
    azure.enqueue(
      errorReply(429, "Too many requests", {}, { "retry-after-ms": "10" }),
      jsonCompletion(petStoreAnswer({ industry_name: "Bird Shop", industry_id: "bird_shop" })),
    );
    const { body } = await generate("bird shop");
    expect(body.data!.generateMode.mode.source).toBe("GENERATED");
    // attempts counts HTTP calls: the 429 and the 200.
    expect(body.data!.generateMode.generation.attempts).toBe(2);
    expect(azure.requests).toHaveLength(2);
  });

  it("answers a hanging model within the deadline with a FALLBACK and UPSTREAM_TIMEOUT", async () => {
    azure.respondByDefault(() => ({ hang: true }));
    const startedAt = performance.now();
    const { body } = await generate("horse stable");
    const elapsed = performance.now() - startedAt;

    expect(body.data!.generateMode.errors.map((error) => error.code)).toEqual(["UPSTREAM_TIMEOUT"]);
    expect(body.data!.generateMode.mode.source).toBe("FALLBACK");
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(4000);
  });

  it("never gives a generated mode a built-in id", async () => {
    azure.enqueue(
      jsonCompletion(
        petStoreAnswer({ industry_name: "Investment Banking", industry_id: "banking" }),
      ),
    );
    const { body } = await generate("investment banking");
    expect(body.data!.generateMode.mode.id).toBe("banking_custom");
  });
});
