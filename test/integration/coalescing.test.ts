import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GenerateModeDocument, GenerateWorkflowDocument } from "../generated/graphql.js";
import type { GenerateWorkflowInput } from "../generated/graphql.js";
import { eventually, gatedLlm } from "../support/gated-llm.js";
import { petStoreAnswer } from "../support/mode-answers.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";
import { loadFixture } from "../support/workflow-fixtures.js";

// One upstream call per distinct request: identical concurrent requests share one generation,
// repeats come from the cache, and a caller that leaves does not cancel the others' answer.
const fixture = loadFixture("summarize-notes");
const modeModel = gatedLlm(() => petStoreAnswer());
const workflowModel = gatedLlm(() => structuredClone(fixture.validWorkflow), "anthropic");
let api: TestServer;

beforeAll(async () => {
  api = await startTestServer(
    { MODE_DEADLINE_MS: "20000", WORKFLOW_DEADLINE_MS: "20000" },
    { mode: modeModel.llm, workflow: workflowModel.llm },
  );
});
afterAll(() => api.close());

/** Requests inside the server waiting for a generation of `task`. */
async function waiting(task: "mode" | "workflow"): Promise<number> {
  const metric = await api.server.metrics.waiting.get();
  return metric.values.find((value) => value.labels.task === task)?.value ?? 0;
}

/** Opens the gate once all `count` requests wait inside the server, so all of them overlap. */
async function openWhenAllWait(task: "mode" | "workflow", count: number, open: () => void) {
  for (let polls = 0; (await waiting(task)) < count; polls++) {
    if (polls > 2_000) throw new Error(`only ${await waiting(task)} of ${count} requests arrived`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  open();
}

const workflowInput = (overrides: Partial<GenerateWorkflowInput> = {}): GenerateWorkflowInput => ({
  userInput: fixture.userInput,
  planningContext: fixture.planningContext,
  browsedComponents: fixture.browsedComponents,
  discoveredParams: fixture.discoveredParams,
  ...overrides,
});

describe("coalescing and caching", () => {
  it("makes exactly one model call for 100 identical concurrent generateMode requests", async () => {
    modeModel.closeGate();
    const before = modeModel.calls.length;
    const requests = Array.from({ length: 100 }, () =>
      api.execute(GenerateModeDocument, { input: { industry: "pet store" } }),
    );
    await openWhenAllWait("mode", 100, modeModel.openGate);
    const answers = await Promise.all(requests);
    expect(modeModel.calls.length - before).toBe(1);
    const modes = answers.map((answer) => answer.body.data!.generateMode.mode);
    expect(new Set(modes.map((mode) => JSON.stringify(mode))).size).toBe(1);
    const generations = answers.map((answer) => answer.body.data!.generateMode.generation);
    expect(generations.filter((generation) => !generation.shared)).toHaveLength(1);
    expect(generations.filter((generation) => generation.shared)).toHaveLength(99);
    for (const generation of generations.filter((candidate) => candidate.shared)) {
      expect(generation).toMatchObject({ attempts: 0, provider: "AZURE_OPENAI", cached: false });
    }

    const repeat = await api.execute(GenerateModeDocument, { input: { industry: "pet store" } });
    expect(modeModel.calls.length - before).toBe(1);
    expect(repeat.body.data!.generateMode.generation).toMatchObject({
      provider: "CACHE",
      attempts: 0,
    });
    expect(repeat.body.data!.generateMode.mode).toEqual(modes[0]);
  });

  it("makes exactly one model call for 100 identical concurrent generateWorkflow requests, and caches it", async () => {
    workflowModel.closeGate();
    const before = workflowModel.calls.length;
    const requests = Array.from({ length: 100 }, () =>
      api.execute(GenerateWorkflowDocument, { input: workflowInput() }),
    );
    await openWhenAllWait("workflow", 100, workflowModel.openGate);
    const answers = await Promise.all(requests);
    expect(workflowModel.calls.length - before).toBe(1);
    const payloads = answers.map((answer) => answer.body.data!.generateWorkflow);
    expect(payloads.every((payload) => payload.success)).toBe(true);
    expect(new Set(payloads.map((payload) => JSON.stringify(payload.workflow))).size).toBe(1);
    expect(payloads.filter((payload) => payload.generation.shared)).toHaveLength(99);

    const repeat = await api.execute(GenerateWorkflowDocument, { input: workflowInput() });
    expect(workflowModel.calls.length - before).toBe(1);
    expect(repeat.body.data!.generateWorkflow.generation).toMatchObject({
      provider: "CACHE",
      cached: true,
      attempts: 0,
    });
    expect(repeat.body.data!.generateWorkflow.workflow).toEqual(payloads[0]!.workflow);
  });

  it("neither shares nor caches a workflow asked for at a temperature above 0", async () => {
    workflowModel.openGate();
    const before = workflowModel.calls.length;
    const input = workflowInput({ temperature: 0.7, userInput: `${fixture.userInput} (sampled)` });
    await Promise.all([
      api.execute(GenerateWorkflowDocument, { input }),
      api.execute(GenerateWorkflowDocument, { input }),
    ]);
    await api.execute(GenerateWorkflowDocument, { input });
    expect(workflowModel.calls.length - before).toBe(3);
  });

  it("keeps the shared call going when one waiter leaves, and answers the others", async () => {
    modeModel.closeGate();
    const before = modeModel.calls.length;
    const leaving = new AbortController();
    const send = (signal?: AbortSignal) =>
      fetch(api.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query:
            'mutation { generateMode(input: { industry: "aquarium shop" }) { mode { id name } } }',
        }),
        signal,
      });
    const gone = send(leaving.signal).catch((error: unknown) => error);
    const staying = [send(), send()];
    await eventually(() => modeModel.calls.length > before);
    leaving.abort();
    expect(await gone).toBeInstanceOf(Error);
    // Give the server a moment to notice the closed connection before the answer exists.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(modeModel.calls[before]!.signal!.aborted).toBe(false);
    modeModel.openGate();
    for (const response of await Promise.all(staying)) {
      const body = (await response.json()) as {
        data: { generateMode: { mode: { name: string } } };
      };
      expect(body.data.generateMode.mode.name).toBe("Pet Store");
    }
    expect(modeModel.calls.length - before).toBe(1);
  });

  it("cancels the model call when the last waiter leaves", async () => {
    modeModel.closeGate();
    const before = modeModel.calls.length;
    const leaving = [new AbortController(), new AbortController()];
    const gone = leaving.map((controller) =>
      fetch(api.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query:
            'mutation { generateMode(input: { industry: "koi pond builder" }) { mode { id } } }',
        }),
        signal: controller.signal,
      }).catch((error: unknown) => error),
    );
    await eventually(() => modeModel.calls.length > before);
    for (const controller of leaving) controller.abort();
    await Promise.all(gone);
    await eventually(() => modeModel.calls[before]!.signal!.aborted);
    expect(modeModel.calls.length - before).toBe(1);
    modeModel.openGate();
  });
});
