import type { FormattedExecutionResult as ExecutionResult } from "graphql-ws";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashApiKey } from "../../src/auth/api-keys.js";
import { GENERATED_MODE_SCHEMA_NAME } from "../../src/services/mode/mode.contract.js";
import { WORKFLOW_TOOL_NAME } from "../../src/services/workflow/workflow.types.js";
import {
  GenerateModeDocument,
  GenerateModeStreamDocument,
  GenerateWorkflowDocument,
  GenerateWorkflowStreamDocument,
} from "../generated/graphql.js";
import type {
  GenerateModeStreamSubscription,
  GenerateWorkflowStreamSubscription,
} from "../generated/graphql.js";
import { sentAtOfLastCharacter } from "../support/answer-timing.js";
import { FakeAnthropicServer, toolUseReply } from "../support/fake-anthropic-server.js";
import { FakeOpenAiServer, jsonCompletion } from "../support/fake-openai-server.js";
import type { LoopbackJsonServer, ScriptedReply } from "../support/loopback-json-server.js";
import { petStoreAnswer } from "../support/mode-answers.js";
import { socketClient, subscribe } from "../support/subscriptions.js";
import type { SubscriptionRun } from "../support/subscriptions.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";
import { cloneWorkflow, loadFixture } from "../support/workflow-fixtures.js";

// generateModeStream and generateWorkflowStream end to end: a graphql-ws client on the server's
// /graphql, the real SDKs streaming from loopback providers at a model's pace.

/** A realistic model: 60 tokens a second, 4 characters a token. */
const PACE = { tokensPerSecond: 60, charactersPerToken: 4 };

const openAi = new FakeOpenAiServer();
const anthropic = new FakeAnthropicServer();
beforeAll(async () => {
  await openAi.listen();
  await anthropic.listen();
});
afterAll(async () => {
  await openAi.close();
  await anthropic.close();
});
beforeEach(() => {
  for (const fake of [openAi, anthropic]) {
    fake.reset();
    fake.pace = { ...PACE };
  }
});

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serverWith(environment: Record<string, string>): Promise<TestServer> {
  const server = await startTestServer({
    RATE_LIMIT_GENERATIONS_PER_MINUTE: "0",
    // A 4-second answer at a model's pace: the test server's 2 s per call would cut it.
    LLM_TIMEOUT_MS: "20000",
    MODE_DEADLINE_MS: "20000",
    ...environment,
  });
  servers.push(server);
  return server;
}

interface Wire {
  label: string;
  fake: LoopbackJsonServer;
  environment: () => Record<string, string>;
  answerWith: (answer: unknown) => ScriptedReply;
}

const WIRES: Wire[] = [
  {
    label: "Azure OpenAI",
    fake: openAi,
    environment: () => ({ AZURE_OPENAI_ENDPOINT: openAi.url, AZURE_OPENAI_API_KEY: "test" }),
    answerWith: jsonCompletion,
  },
  {
    label: "OpenAI",
    fake: openAi,
    environment: () => ({
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: `${openAi.url}/v1`,
      MODE_PROVIDER: "openai",
    }),
    answerWith: jsonCompletion,
  },
  {
    label: "Anthropic",
    fake: anthropic,
    environment: () => ({ ANTHROPIC_API_KEY: "sk-ant-test", ANTHROPIC_BASE_URL: anthropic.url }),
    answerWith: (answer) => toolUseReply(answer, { toolName: GENERATED_MODE_SCHEMA_NAME }),
  },
];

type ModeEvent = GenerateModeStreamSubscription["generateModeStream"];

function modeEvents(run: SubscriptionRun<GenerateModeStreamSubscription>): ModeEvent[] {
  return run.received.map(({ result }) => {
    expect(result.errors).toBeUndefined();
    return result.data!.generateModeStream;
  });
}

const isKind =
  (kind: string) =>
  (result: ExecutionResult<{ generateModeStream: { kind: string } }, unknown>): boolean =>
    result.data?.generateModeStream.kind === kind;

describe.each(WIRES)("$label at 60 tokens/s: generateModeStream", (wire) => {
  it("sends THEME within 50 ms of the token that completes the colour, events in order, and COMPLETED equal to the mutation's payload", async () => {
    const answer = petStoreAnswer();
    wire.fake.respondByDefault(() => wire.answerWith(answer));
    const [streaming, mutating] = await Promise.all([
      serverWith(wire.environment()),
      serverWith(wire.environment()),
    ]);
    const client = socketClient(streaming.url);
    const input = { industry: "pet store" };
    const run = subscribe(client, GenerateModeStreamDocument, { input });
    const [mutation] = await Promise.all([
      mutating.execute(GenerateModeDocument, { input }),
      run.done,
    ]);
    await client.dispose();

    const events = modeEvents(run);
    expect(events.map((event) => event.kind)).toEqual([
      "STARTED",
      "CONTENT",
      "THEME",
      "CONTENT",
      "CONTENT",
      "CONTENT",
      "CONTENT",
      "COMPLETED",
    ]);
    const elapsed = events.map((event) => event.elapsedMs);
    expect([...elapsed].sort((a, b) => a - b)).toEqual(elapsed);

    const record = wire.fake.streams.find(
      (stream) => wire.fake.requests[stream.requestNumber - 1]!.body.stream === true,
    )!;
    const colourSentAt = sentAtOfLastCharacter(
      record,
      answer,
      "primary_color",
      PACE.charactersPerToken,
    );
    const themeAt = (await run.until(isKind("THEME"))).at;
    const lastTokenAt = record.events.at(-1)!.sentAt;
    console.info(
      `${wire.label}: THEME at the client ${(themeAt - colourSentAt).toFixed(1)} ms after the ` +
        `colour's last token, ${(lastTokenAt - themeAt).toFixed(0)} ms before the answer's end`,
    );
    expect(themeAt - colourSentAt).toBeGreaterThanOrEqual(0);
    expect(themeAt - colourSentAt).toBeLessThan(50);
    expect(lastTokenAt - themeAt).toBeGreaterThan(1000);

    const theme = events[2]!.theme!;
    const completed = events.at(-1)!.result!;
    const mutated = mutation.body.data!.generateMode;
    expect(theme.seed).toBe("#f59e0b");
    expect(theme.light).toEqual(completed.mode.theme.light);
    expect(theme.dark).toEqual(completed.mode.theme.dark);
    expect(events.at(-2)!.draft).toEqual({
      name: completed.mode.name,
      tabs: completed.mode.tabs.map(({ key, label, icon }) => ({ key, label, icon })),
      defaultMetrics: completed.mode.defaultMetrics.map(({ key, label, value, unit }) => ({
        key,
        label,
        value,
        unit,
      })),
      personalityTraits: completed.mode.personalityTraits,
      welcomeMessage: completed.mode.welcomeMessage,
    });
    const withoutLatency = (payload: typeof mutated) => ({
      ...payload,
      generation: { ...payload.generation, latencyMs: 0 },
    });
    expect(withoutLatency(completed)).toEqual(withoutLatency(mutated));
    expect(completed.mode.source).toBe("GENERATED");
  });

  it("closes the provider's connection within 1 s of an unsubscribe", async () => {
    wire.fake.respondByDefault(() => wire.answerWith(petStoreAnswer()));
    const server = await serverWith(wire.environment());
    const client = socketClient(server.url);
    const run = subscribe(client, GenerateModeStreamDocument, { input: { industry: "pet store" } });
    await run.until(isKind("THEME"));
    const unsubscribedAt = performance.now();
    run.unsubscribe();
    const record = wire.fake.streams[0]!;
    await record.finished;
    await client.dispose();
    expect(record.hungUpAt).toBeDefined();
    const closeMs = record.hungUpAt! - unsubscribedAt;
    console.info(
      `${wire.label}: provider connection closed ${closeMs.toFixed(1)} ms after unsubscribe`,
    );
    expect(closeMs).toBeLessThan(1000);
    expect(modeEvents(run).map((event) => event.kind)).not.toContain("COMPLETED");
  });
});

describe("generateModeStream: sharing, leaving, deadlines and refusals", () => {
  const azure = WIRES[0]!;

  it("shares one streamed generation between two subscribers, the late one hearing every event so far first", async () => {
    azure.fake.respondByDefault(() => azure.answerWith(petStoreAnswer()));
    const server = await serverWith(azure.environment());
    const [first, second] = [socketClient(server.url), socketClient(server.url)];
    const input = { industry: "pet store" };
    const early = subscribe(first, GenerateModeStreamDocument, { input });
    await early.until(isKind("THEME"));
    const late = subscribe(second, GenerateModeStreamDocument, {
      input: { industry: "Pet Store" },
    });
    await Promise.all([early.done, late.done]);
    await Promise.all([first.dispose(), second.dispose()]);

    expect(azure.fake.requests).toHaveLength(1);
    const kinds = (run: SubscriptionRun<GenerateModeStreamSubscription>) =>
      modeEvents(run).map((event) => event.kind);
    expect(kinds(late)).toEqual(kinds(early));
    // The late one had everything up to THEME at once, then the rest as it came.
    const lateTheme = (await late.until(isKind("THEME"))).at;
    const lateCompleted = (await late.until(isKind("COMPLETED"))).at;
    expect(lateCompleted - lateTheme).toBeGreaterThan(500);
    const earlyResult = modeEvents(early).at(-1)!.result!;
    const lateResult = modeEvents(late).at(-1)!.result!;
    expect(lateResult.mode).toEqual(earlyResult.mode);
    expect(earlyResult.generation.shared).toBe(false);
    expect(lateResult.generation.shared).toBe(true);
  });

  it("keeps the model call while one of two subscribers remains, and closes it when a socket drops the last", async () => {
    azure.fake.respondByDefault(() => azure.answerWith(petStoreAnswer()));
    const server = await serverWith(azure.environment());
    const [leaving, dropping] = [socketClient(server.url), socketClient(server.url)];
    const input = { industry: "pet store" };
    const left = subscribe(leaving, GenerateModeStreamDocument, { input });
    const dropped = subscribe(dropping, GenerateModeStreamDocument, { input });
    await Promise.all([left.until(isKind("THEME")), dropped.until(isKind("THEME"))]);
    left.unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const record = azure.fake.streams[0]!;
    expect(record.hungUpAt).toBeUndefined();
    const droppedAt = performance.now();
    await dropping.dispose();
    await record.finished;
    await leaving.dispose();
    expect(record.hungUpAt! - droppedAt).toBeLessThan(1000);
  });

  it("ends with the mutation's FALLBACK at the deadline, never later", async () => {
    azure.fake.respondByDefault(() => azure.answerWith(petStoreAnswer()));
    const server = await serverWith({ ...azure.environment(), MODE_DEADLINE_MS: "1000" });
    const client = socketClient(server.url);
    const started = performance.now();
    const run = subscribe(client, GenerateModeStreamDocument, { input: { industry: "pet store" } });
    await run.done;
    const tookMs = performance.now() - started;
    await client.dispose();
    const events = modeEvents(run);
    expect(events[0]!.kind).toBe("STARTED");
    expect(events.at(-1)!.kind).toBe("COMPLETED");
    const result = events.at(-1)!.result!;
    expect(result.mode.source).toBe("FALLBACK");
    expect(result.errors.map((error) => error.code)).toEqual(["UPSTREAM_TIMEOUT"]);
    // The last THEME and CONTENT are the fallback's, whatever the model had shown.
    const lastTheme = events.filter((event) => event.kind === "THEME").at(-1)!.theme!;
    expect(lastTheme.light).toEqual(result.mode.theme.light);
    expect(tookMs).toBeLessThan(2000);
  });

  it("refuses bad input with the mutation's BAD_USER_INPUT error and no model call", async () => {
    const server = await serverWith(azure.environment());
    const client = socketClient(server.url);
    const run = subscribe(client, GenerateModeStreamDocument, { input: { industry: " " } });
    await run.done;
    await client.dispose();
    expect(run.received).toHaveLength(1);
    const errors = run.received[0]!.result.errors!;
    expect(errors[0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.industry",
    });
    expect(azure.fake.requests).toHaveLength(0);
  });

  it("refuses a spent quota with the mutation's RATE_LIMITED error", async () => {
    azure.fake.respondByDefault(() => azure.answerWith(petStoreAnswer()));
    fastPace();
    const server = await serverWith({
      ...azure.environment(),
      RATE_LIMIT_GENERATIONS_PER_MINUTE: "1",
    });
    const client = socketClient(server.url);
    const first = subscribe(client, GenerateModeStreamDocument, {
      input: { industry: "pet store" },
    });
    await first.done;
    const second = subscribe(client, GenerateModeStreamDocument, {
      input: { industry: "bike shop" },
    });
    await second.done;
    await client.dispose();
    expect(second.received).toHaveLength(1);
    const error = second.received[0]!.result.errors![0]!;
    expect(error.extensions).toMatchObject({
      code: "RATE_LIMITED",
      limit: "RATE_LIMIT_GENERATIONS_PER_MINUTE",
    });
    expect(azure.fake.requests).toHaveLength(1);
  });

  it("refuses a subscriber whose connectionParams carry a bad key, before any model call", async () => {
    const key = "mf_test_stream_key_0123456789abcdef";
    const server = await serverWith({
      ...azure.environment(),
      AUTH_MODE: "api-key",
      API_KEYS: `web:${hashApiKey(key)}`,
    });
    let closed: { code: number; reason: string } | undefined;
    const refused = socketClient(server.url, { authorization: "Bearer mf_wrong" }, (event) => {
      closed = event;
    });
    const run = subscribe(refused, GenerateModeStreamDocument, {
      input: { industry: "pet store" },
    });
    await expect(run.done).rejects.toBeDefined();
    await refused.dispose();
    expect(closed?.code).toBe(4403);
    expect(azure.fake.requests).toHaveLength(0);

    fastPace();
    azure.fake.respondByDefault(() => azure.answerWith(petStoreAnswer()));
    const accepted = socketClient(server.url, { authorization: `Bearer ${key}` });
    const ok = subscribe(accepted, GenerateModeStreamDocument, {
      input: { industry: "pet store" },
    });
    await ok.done;
    await accepted.dispose();
    expect(modeEvents(ok).at(-1)!.kind).toBe("COMPLETED");
  });
});

describe("generateWorkflowStream", () => {
  const fixture = loadFixture("summarize-notes");
  const valid = cloneWorkflow(fixture);
  const invalid = { ...cloneWorkflow(fixture), name: "My workflow" };
  const input = {
    userInput: fixture.userInput,
    planningContext: fixture.planningContext,
    browsedComponents: fixture.browsedComponents,
    discoveredParams: fixture.discoveredParams,
  };
  const workflowReply = (ir: unknown) => toolUseReply(ir, { toolName: WORKFLOW_TOOL_NAME });

  it("sends one ATTEMPT per generation as it is judged, then COMPLETED equal to the mutation's payload", async () => {
    fastPace();
    anthropic.enqueue(workflowReply(invalid), workflowReply(valid));
    anthropic.enqueue(workflowReply(invalid), workflowReply(valid));
    const environment = { ANTHROPIC_API_KEY: "sk-ant-test", ANTHROPIC_BASE_URL: anthropic.url };
    const [streaming, mutating] = [await serverWith(environment), await serverWith(environment)];
    const client = socketClient(streaming.url);
    const run = subscribe(client, GenerateWorkflowStreamDocument, { input });
    await run.done;
    await client.dispose();
    const mutation = await mutating.execute(GenerateWorkflowDocument, { input });

    const events = run.received.map(({ result }) => {
      expect(result.errors).toBeUndefined();
      return (result.data as GenerateWorkflowStreamSubscription).generateWorkflowStream;
    });
    expect(events.map((event) => event.kind)).toEqual([
      "STARTED",
      "ATTEMPT",
      "ATTEMPT",
      "COMPLETED",
    ]);
    expect(events[1]!.attempt!.issues.map((issue) => issue.rule)).toContain("root-fields");
    const completed = events[3]!.result!;
    expect(completed.attempts).toEqual([events[1]!.attempt, events[2]!.attempt]);
    const timeless = (payload: typeof completed) => ({
      ...payload,
      attempts: payload.attempts.map((attempt) => ({ ...attempt, latencyMs: 0 })),
      generation: { ...payload.generation, latencyMs: 0 },
    });
    expect(timeless(completed)).toEqual(timeless(mutation.body.data!.generateWorkflow));
    expect(completed.success).toBe(true);
  });
});

/** Streams fast: for tests about something other than the pace. */
function fastPace(): void {
  for (const fake of [openAi, anthropic])
    fake.pace = { tokensPerSecond: 5000, charactersPerToken: 8 };
}
