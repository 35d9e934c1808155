import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  GenerateModeDocument,
  GenerateModeStreamDocument,
  GenerateWorkflowDocument,
  ModeByIdDocument,
  ModesDocument,
  NodeByIdDocument,
} from "../generated/graphql.js";
import { FakeOpenAiServer } from "../support/fake-openai-server.js";
import { openAiWireAnswer, workflowInput } from "../support/model-answers.js";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../support/redis-test-env.js";
import { replicaMetric, send, startReplicas, stopReplica, until } from "../support/replicas.js";
import { socketClient, subscribe } from "../support/subscriptions.js";
import type { ServerProcess } from "../support/server-process.js";

// Two real server processes on different ports against one real Redis, a loopback
// OpenAI-compatible provider behind both: what users see when they run replicas behind a load
// balancer. Every test has its own REDIS_PREFIX, so the replicas share only what they should.
const provider = new FakeOpenAiServer();
const running: ServerProcess[] = [];
let gate: { opened: Promise<void>; open: () => void } = openGate();

function openGate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

beforeAll(async () => {
  await provider.listen();
  // Every answer waits for the gate, so concurrent requests all arrive before the first answer.
  provider.respondByDefault((request) => ({ ...openAiWireAnswer(request), after: gate.opened }));
});
afterEach(async () => {
  gate.open();
  for (const replica of running.splice(0)) replica.child.kill("SIGKILL");
  provider.reset();
});
afterAll(() => provider.close());

function environment(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    REDIS_URL: TEST_REDIS_URL!,
    REDIS_PREFIX: uniqueRedisPrefix("replicas"),
    OPENAI_API_KEY: "sk-test",
    OPENAI_BASE_URL: `${provider.url}/v1`,
    MODE_PROVIDER: "openai",
    WORKFLOW_PROVIDER: "openai",
    LLM_MAX_RETRIES: "0",
    MODE_DEADLINE_MS: "20000",
    WORKFLOW_DEADLINE_MS: "20000",
    LOG_LEVEL: "info",
    ...overrides,
  };
}

async function replicas(env: Record<string, string>): Promise<[ServerProcess, ServerProcess]> {
  const pair = await startReplicas(env);
  running.push(...pair);
  return pair;
}

/** Requests waiting for a generation of `task` on both replicas together. */
async function waitingOnBoth(pair: ServerProcess[], task: "mode" | "workflow"): Promise<number> {
  const counts = await Promise.all(
    pair.map((replica) => replicaMetric(replica, "modeflow_generation_waiting", { task })),
  );
  return counts.reduce<number>((sum, count) => sum + (count ?? 0), 0);
}

describe.skipIf(!TEST_REDIS_URL)("two replicas sharing one Redis", () => {
  it("makes exactly 1 upstream call for 100 identical concurrent generateMode requests split across both", async () => {
    gate = openGate();
    const pair = await replicas(environment({ RATE_LIMIT_GENERATIONS_PER_MINUTE: "0" }));
    const answers = Array.from({ length: 100 }, (_, index) =>
      send(pair[index % 2]!, GenerateModeDocument, { input: { industry: "pet store" } }),
    );
    await until(async () => (await waitingOnBoth(pair, "mode")) === 100, 20_000, "100 waiting");
    gate.open();
    const results = await Promise.all(answers);

    expect(provider.requests).toHaveLength(1);
    const payloads = results.map(({ status, body }) => {
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      return body.data!.generateMode;
    });
    expect(new Set(payloads.map((payload) => JSON.stringify(payload.mode))).size).toBe(1);
    expect(payloads[0]!.mode.source).toBe("GENERATED");
    expect(payloads.filter((payload) => !payload.generation.shared)).toHaveLength(1);
    expect(payloads.filter((payload) => payload.generation.shared)).toHaveLength(99);
  });

  it("makes exactly 1 upstream call for 100 identical concurrent generateWorkflow requests split across both", async () => {
    gate = openGate();
    const pair = await replicas(environment({ RATE_LIMIT_GENERATIONS_PER_MINUTE: "0" }));
    const input = workflowInput("replicas");
    const answers = Array.from({ length: 100 }, (_, index) =>
      send(pair[index % 2]!, GenerateWorkflowDocument, { input }),
    );
    await until(async () => (await waitingOnBoth(pair, "workflow")) === 100, 20_000, "100 waiting");
    gate.open();
    const results = await Promise.all(answers);

    expect(provider.requests).toHaveLength(1);
    const payloads = results.map(({ body }) => body.data!.generateWorkflow);
    expect(payloads.every((payload) => payload.success)).toBe(true);
    expect(new Set(payloads.map((payload) => JSON.stringify(payload.workflow))).size).toBe(1);
    expect(payloads.filter((payload) => payload.generation.shared)).toHaveLength(99);

    // The answer is cached for both replicas: a repeat on either is a cache hit.
    for (const replica of pair) {
      const repeat = await send(replica, GenerateWorkflowDocument, { input });
      expect(repeat.body.data!.generateWorkflow.generation.provider).toBe("CACHE");
    }
    expect(provider.requests).toHaveLength(1);
  });

  it("finds a mode generated on A through mode(id), modes and node(id) on B, also after both restart", async () => {
    gate.open();
    const env = environment();
    const [a, b] = await replicas(env);
    const generated = await send(a, GenerateModeDocument, { input: { industry: "koi pond" } });
    const mode = generated.body.data!.generateMode.mode;
    const tab = mode.tabs[1]!;

    const expectVisible = async (replica: ServerProcess) => {
      const byId = await send(replica, ModeByIdDocument, { id: mode.id });
      expect(byId.body.data!.mode).toMatchObject({ id: mode.id, name: mode.name });
      const page = await send(replica, ModesDocument, { first: 100 });
      const ids = page.body.data!.modes.edges.map((edge) => edge.node.id);
      expect(ids).toContain(mode.id);
      expect(page.body.data!.modes.totalCount).toBe(5); // 4 built-ins and this one
      const node = await send(replica, NodeByIdDocument, { id: tab.id });
      expect(node.body.data!.node).toMatchObject({ id: tab.id });
    };
    await expectVisible(b);

    await Promise.all([stopReplica(a), stopReplica(b)]);
    const [a2, b2] = await replicas(env);
    await expectVisible(a2);
    await expectVisible(b2);
    // Still one generation: the repeat is answered from the shared store.
    const repeat = await send(b2, GenerateModeDocument, { input: { industry: "koi pond" } });
    expect(repeat.body.data!.generateMode.generation.provider).toBe("CACHE");
    expect(provider.requests).toHaveLength(1);
  });

  it("counts one quota for both: 10 a minute, 6 requests on A and 6 on B give exactly 2 RATE_LIMITED", async () => {
    gate.open();
    const [a, b] = await replicas(environment({ RATE_LIMIT_GENERATIONS_PER_MINUTE: "10" }));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        send(index < 6 ? a : b, GenerateModeDocument, {
          input: { industry: `quota shop ${index}` },
        }),
      ),
    );
    const limited = results.filter(({ body }) =>
      body.errors?.some((error) => error.extensions?.code === "RATE_LIMITED"),
    );
    expect(limited).toHaveLength(2);
    expect(limited.every(({ status }) => status === 429)).toBe(true);
    expect(results.filter(({ status }) => status === 200)).toHaveLength(10);
    expect(provider.requests).toHaveLength(10);
  });

  it("lets a waiter on B take over when the lock holder A is killed mid-generation, within B's deadline", async () => {
    gate = openGate();
    const deadlineMs = 10_000;
    const [a, b] = await replicas(
      environment({
        REDIS_LOCK_TTL_MS: "1500",
        REDIS_COMMAND_TIMEOUT_MS: "500",
        MODE_DEADLINE_MS: String(deadlineMs),
      }),
    );
    const onA = send(a, GenerateModeDocument, { input: { industry: "aquarium shop" } }).catch(
      (error: unknown) => error,
    );
    await until(() => provider.requests.length === 1, 10_000, "A calling the provider");
    const startedOnB = performance.now();
    const onB = send(b, GenerateModeDocument, { input: { industry: "aquarium shop" } });
    await until(
      async () => (await replicaMetric(b, "modeflow_generation_waiting", { task: "mode" })) === 1,
      10_000,
      "B waiting for A",
    );
    expect(provider.requests).toHaveLength(1); // B waits for A, it does not generate

    a.child.kill("SIGKILL");
    expect(await onA).toBeInstanceOf(Error);
    gate.open();
    const answer = await onB;
    const elapsedMs = performance.now() - startedOnB;

    expect(answer.status).toBe(200);
    expect(answer.body.data!.generateMode).toMatchObject({
      errors: [],
      mode: { source: "GENERATED", name: "aquarium shop" },
      generation: { provider: "OPENAI", shared: false, attempts: 1 },
    });
    expect(provider.requests).toHaveLength(2);
    expect(elapsedMs).toBeLessThan(deadlineMs);
  });

  it("streams one generation to subscribers on both replicas: live on the generating one, the same sequence with the answer on the other", async () => {
    gate = openGate();
    gate.open();
    provider.pace = { tokensPerSecond: 200, charactersPerToken: 4 };
    try {
      const [a, b] = await replicas(environment({ RATE_LIMIT_GENERATIONS_PER_MINUTE: "0" }));
      const [onA, onB] = [socketClient(a.url), socketClient(b.url)];
      const input = { industry: "pet store" };
      const live = subscribe(onA, GenerateModeStreamDocument, { input });
      await live.until((result) => result.data?.generateModeStream.kind === "CONTENT");
      const joined = subscribe(onB, GenerateModeStreamDocument, { input });
      await Promise.all([live.done, joined.done]);
      await Promise.all([onA.dispose(), onB.dispose()]);

      expect(provider.requests).toHaveLength(1);
      const events = (run: typeof live) =>
        run.received.map(({ result }) => {
          expect(result.errors).toBeUndefined();
          return result.data!.generateModeStream;
        });
      expect(events(live).map((event) => event.kind)).toEqual([
        "STARTED",
        "CONTENT",
        "THEME",
        "CONTENT",
        "CONTENT",
        "CONTENT",
        "CONTENT",
        "COMPLETED",
      ]);
      // B waited through Redis: it heard STARTED at once, the rest with the answer.
      expect(events(joined).map((event) => event.kind)).toEqual([
        "STARTED",
        "THEME",
        "CONTENT",
        "COMPLETED",
      ]);
      const liveResult = events(live).at(-1)!.result!;
      const joinedResult = events(joined).at(-1)!.result!;
      expect(joinedResult.mode).toEqual(liveResult.mode);
      expect(joinedResult.generation.shared).toBe(true);
      expect(events(joined)[1]!.theme).toEqual(events(live)[2]!.theme);
      expect(events(joined)[2]!.draft).toEqual(events(live)[6]!.draft);
    } finally {
      provider.pace = { tokensPerSecond: 60, charactersPerToken: 4 };
    }
  });
});
