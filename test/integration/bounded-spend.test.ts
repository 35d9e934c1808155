import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GenerateModeDocument, GenerateWorkflowDocument } from "../generated/graphql.js";
import type { GenerateModeMutationVariables } from "../generated/graphql.js";
import {
  FakeAnthropicServer,
  errorReply as anthropicError,
} from "../support/fake-anthropic-server.js";
import { FakeOpenAiServer, errorReply } from "../support/fake-openai-server.js";
import type { LoopbackJsonServer } from "../support/loopback-json-server.js";
import { anthropicWireAnswer, openAiWireAnswer, workflowInput } from "../support/model-answers.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";

// Bounded spend over real HTTP: the real server (fastify + Apollo + the real SDKs) against
// loopback providers that delay, fail, rate-limit and reject credentials on cue.

let api: TestServer | undefined;
const providers: LoopbackJsonServer[] = [];

async function provider<T extends LoopbackJsonServer>(server: T): Promise<T> {
  providers.push(server);
  return server.listen();
}

afterEach(async () => {
  await api?.close();
  api = undefined;
});
afterAll(async () => {
  await Promise.all(providers.map((server) => server.close()));
});

const generateMode = (industry: string) =>
  api!.execute(GenerateModeDocument, { input: { industry } });
/**
 * generateMode selecting only how it ended, as a client checking for failures would: the timing
 * checks below then measure the server's answer, not 17 KB of theme on its way through gzip.
 */
const GenerateModeOutcome = parse(`
  mutation GenerateModeOutcome($input: GenerateModeInput!) {
    generateMode(input: $input) {
      mode { source }
      errors { code }
      generation { attempts latencyMs }
    }
  }
`) as TypedDocumentNode<
  {
    generateMode: {
      mode: { source: string };
      errors: Array<{ code: string }>;
      generation: { attempts: number; latencyMs: number };
    };
  },
  GenerateModeMutationVariables
>;
const generateModeOutcome = (industry: string) =>
  api!.execute(GenerateModeOutcome, { input: { industry } });
const generateWorkflow = (marker: string) =>
  api!.execute(GenerateWorkflowDocument, { input: workflowInput(marker) });

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; elapsedMs: number }> {
  const started = performance.now();
  const result = await work();
  return { result, elapsedMs: performance.now() - started };
}

/** The circuit gauge's value for a provider, from /metrics. */
async function circuitGauge(provider: string): Promise<number | undefined> {
  const text = await (await fetch(`${api!.origin}/metrics`)).text();
  const line = text
    .split("\n")
    .find((candidate) =>
      candidate.startsWith(`modeflow_llm_circuit_state{provider="${provider}"}`),
    );
  return line === undefined ? undefined : Number(line.split(" ").at(-1));
}

describe("bulkhead: at most UPSTREAM_MAX_CONCURRENCY calls in flight per provider", () => {
  let openAi: FakeOpenAiServer;
  beforeAll(async () => {
    openAi = await provider(new FakeOpenAiServer());
  });

  it("never has more than 4 of 50 concurrent requests in flight upstream, both tasks together", async () => {
    openAi.reset();
    // Every answer takes 60 ms, so 50 requests pile up behind the 4 slots.
    openAi.respondByDefault((request) => ({ ...openAiWireAnswer(request), delayMs: 60 }));
    api = await startTestServer({
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: `${openAi.url}/v1`,
      MODE_PROVIDER: "openai",
      WORKFLOW_PROVIDER: "openai",
      UPSTREAM_MAX_CONCURRENCY: "4",
      // 50 distinct model-backed requests in a burst: this test measures the bulkhead, not quotas.
      RATE_LIMIT_GENERATIONS_PER_MINUTE: "0",
      MODE_DEADLINE_MS: "20000",
      WORKFLOW_DEADLINE_MS: "20000",
    });

    const requests = Array.from({ length: 50 }, (_, index) =>
      index % 5 === 4
        ? generateWorkflow(`bulkhead ${index}`).then(
            ({ body }) => body.data!.generateWorkflow.success,
          )
        : generateMode(`kite shop ${index}`).then(
            ({ body }) => body.data!.generateMode.mode.source === "GENERATED",
          ),
    );
    const succeeded = await Promise.all(requests);

    expect(succeeded.every(Boolean)).toBe(true);
    expect(openAi.requests).toHaveLength(50);
    expect(openAi.maxInFlight).toBe(4);
  });

  it("fails a request whose deadline passes in the queue as UPSTREAM_RATE_LIMITED, without a call", async () => {
    openAi.reset();
    openAi.respondByDefault((request) => ({ ...openAiWireAnswer(request), delayMs: 1_500 }));
    api = await startTestServer({
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: `${openAi.url}/v1`,
      MODE_PROVIDER: "openai",
      WORKFLOW_PROVIDER: "openai",
      UPSTREAM_MAX_CONCURRENCY: "1",
      MODE_DEADLINE_MS: "10000",
      WORKFLOW_DEADLINE_MS: "1000",
    });

    // A mode takes the provider's only slot for 2 s; a workflow (1 s deadline) queues behind it.
    const holder = generateMode("slow shop");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const queued = await timed(() => generateWorkflow("queued"));

    expect(queued.result.body.data!.generateWorkflow).toMatchObject({
      success: false,
      errorCode: "UPSTREAM_RATE_LIMITED",
      generation: { attempts: 0 },
    });
    expect(queued.elapsedMs).toBeGreaterThanOrEqual(950);
    expect(queued.elapsedMs).toBeLessThan(1_000 + 1_000);
    expect(openAi.requests).toHaveLength(1);
    expect((await holder).body.data!.generateMode.mode.source).toBe("GENERATED");
    expect(openAi.maxInFlight).toBe(1);
  });
});

describe("circuit breaker per provider", () => {
  let azure: FakeOpenAiServer;
  beforeAll(async () => {
    azure = await provider(new FakeOpenAiServer());
  });

  const startAzure = () =>
    startTestServer({
      AZURE_OPENAI_ENDPOINT: azure.url,
      AZURE_OPENAI_API_KEY: "test-key",
      MODE_PROVIDER: "azure-openai",
      WORKFLOW_PROVIDER: "azure-openai",
      LLM_MAX_RETRIES: "0",
      BREAKER_FAILURES: "5",
      // Many refused requests in a burst: this test measures the breaker, not quotas.
      RATE_LIMIT_GENERATIONS_PER_MINUTE: "0",
      BREAKER_RESET_MS: "1000",
    });

  it("opens after 5 failures: the next 20 requests answer in under 50 ms each, with no upstream call; one probe after the reset closes it", async () => {
    azure.reset();
    // Each failure takes 300 ms: a request that reached the provider could not answer in 50.
    azure.respondByDefault(() => ({ ...errorReply(503, "overloaded"), delayMs: 300 }));
    api = await startAzure();
    expect(await circuitGauge("azure-openai")).toBe(0);

    for (let index = 0; index < 5; index++) {
      const { body } = await generateMode(`outage shop ${index}`);
      expect(body.data!.generateMode.errors[0]!.code).toBe("UPSTREAM_UNAVAILABLE");
      expect(body.data!.generateMode.generation.attempts).toBe(1);
    }
    expect(azure.requests).toHaveLength(5);
    expect(await circuitGauge("azure-openai")).toBe(2);

    // Clients asking again during the outage: the same five industries, four times each. (Their
    // fallback modes are held, so what is timed is the refusal, not a theme derivation, which
    // costs a new industry 2-30 ms on a busy test machine whatever the circuit does.)
    // Each answer is timed by the server (generation.latencyMs: from the resolver's start to the
    // answer) under the 50 ms, and by the client under the provider's 300 ms failure
    // time: on a CPU shared with other test files the client's own scheduling adds noise that is
    // not the server's.
    const serverTimes: number[] = [];
    const clientTimes: number[] = [];
    for (let index = 0; index < 20; index++) {
      const { result, elapsedMs } = await timed(() =>
        generateModeOutcome(`outage shop ${index % 5}`),
      );
      const payload = result.body.data!.generateMode;
      expect(payload.errors.map((error) => error.code)).toEqual(["UPSTREAM_UNAVAILABLE"]);
      expect(payload.mode.source).toBe("FALLBACK");
      expect(payload.generation.attempts).toBe(0);
      serverTimes.push(payload.generation.latencyMs);
      clientTimes.push(elapsedMs);
    }
    expect(Math.max(...serverTimes)).toBeLessThan(50);
    expect(Math.max(...clientTimes)).toBeLessThan(300);
    // The workflow task uses the same provider, so the same open circuit.
    const workflow = await timed(() => generateWorkflow("during the outage"));
    expect(workflow.result.body.data!.generateWorkflow).toMatchObject({
      success: false,
      errorCode: "UPSTREAM_UNAVAILABLE",
      generation: { attempts: 0 },
    });
    expect(workflow.result.body.data!.generateWorkflow.generation.latencyMs).toBeLessThan(50);
    expect(workflow.elapsedMs).toBeLessThan(300);
    expect(azure.requests).toHaveLength(5);

    // The provider recovers; after the reset one probe goes through (taking 1.5 s, so the five
    // requests below surely arrive while it is in flight, however busy the machine), and the
    // requests arriving meanwhile are still refused at once.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    azure.respondByDefault((request) => ({ ...openAiWireAnswer(request), delayMs: 1_500 }));
    const probe = generateMode("probe shop");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await circuitGauge("azure-openai")).toBe(1);
    const during = await Promise.all(
      Array.from({ length: 5 }, (_, index) => timed(() => generateMode(`waiting shop ${index}`))),
    );
    for (const { result, elapsedMs } of during) {
      expect(result.body.data!.generateMode.generation.attempts).toBe(0);
      expect(elapsedMs).toBeLessThan(250);
    }
    expect((await probe).body.data!.generateMode.mode.source).toBe("GENERATED");
    expect(azure.requests).toHaveLength(6);
    expect(await circuitGauge("azure-openai")).toBe(0);

    azure.respondByDefault(openAiWireAnswer);
    const after = await generateMode("recovered shop");
    expect(after.body.data!.generateMode.mode.source).toBe("GENERATED");
    expect(azure.requests).toHaveLength(7);
  });

  it("opens at the first 401 as NOT_CONFIGURED: the provider is not asked again on every request", async () => {
    azure.reset();
    azure.respondByDefault(() => errorReply(401, "Access denied due to invalid subscription key"));
    api = await startAzure();

    const first = await generateMode("locked shop");
    expect(first.body.data!.generateMode.errors.map((error) => error.code)).toEqual([
      "NOT_CONFIGURED",
    ]);
    expect(azure.requests).toHaveLength(1);
    expect(await circuitGauge("azure-openai")).toBe(2);

    for (let index = 0; index < 5; index++) {
      const { result, elapsedMs } = await timed(() => generateModeOutcome("locked shop"));
      expect(result.body.data!.generateMode.errors.map((error) => error.code)).toEqual([
        "NOT_CONFIGURED",
      ]);
      expect(elapsedMs).toBeLessThan(50);
    }
    const workflow = await generateWorkflow("locked");
    expect(workflow.body.data!.generateWorkflow.errorCode).toBe("NOT_CONFIGURED");
    expect(azure.requests).toHaveLength(1);
  });
});

describe("generation.attempts counts the HTTP calls the provider saw", () => {
  let anthropic: FakeAnthropicServer;
  let openAi: FakeOpenAiServer;
  beforeAll(async () => {
    anthropic = await provider(new FakeAnthropicServer());
    openAi = await provider(new FakeOpenAiServer());
  });

  it.each(["anthropic", "openai"] as const)(
    "429, 429, 200 → 3 for a mode and for a workflow (%s)",
    async (wire) => {
      const server = wire === "anthropic" ? anthropic : openAi;
      const answer = wire === "anthropic" ? anthropicWireAnswer : openAiWireAnswer;
      const rateLimited =
        wire === "anthropic"
          ? anthropicError(429, "rate_limit_error", "slow down", { "retry-after-ms": "20" })
          : errorReply(429, "slow down", {}, { "retry-after-ms": "20" });
      server.reset();
      server.respondByDefault(answer);
      api = await startTestServer({
        ...(wire === "anthropic"
          ? { ANTHROPIC_API_KEY: "sk-ant-test", ANTHROPIC_BASE_URL: anthropic.url }
          : { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: `${openAi.url}/v1` }),
        MODE_PROVIDER: wire,
        WORKFLOW_PROVIDER: wire,
        LLM_MAX_RETRIES: "2",
      });

      server.enqueue(rateLimited, rateLimited);
      const mode = await generateMode("counted shop");
      expect(mode.body.data!.generateMode.mode.source).toBe("GENERATED");
      expect(mode.body.data!.generateMode.generation.attempts).toBe(3);
      expect(server.requests).toHaveLength(3);

      server.reset();
      server.enqueue(rateLimited, rateLimited);
      const workflow = await generateWorkflow("counted");
      expect(workflow.body.data!.generateWorkflow).toMatchObject({
        success: true,
        generationAttempts: 1,
        generation: { attempts: 3 },
      });
      expect(server.requests).toHaveLength(3);
    },
  );
});
