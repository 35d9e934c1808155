import { describe, expect, it } from "vitest";
import type { StructuredCall } from "../../../src/llm/structured-llm.js";
import { streamWorkflow } from "../../../src/services/workflow/workflow-stream.js";
import type { WorkflowStreamEvent } from "../../../src/services/workflow/workflow-stream.js";
import { WorkflowService } from "../../../src/services/workflow/workflow.service.js";
import type { GenerateWorkflowRequest } from "../../../src/services/workflow/workflow.types.js";
import type { ScriptedAnswer } from "../../support/recording-llm.js";
import { recordingLlm } from "../../support/recording-llm.js";
import { testLogger } from "../../support/test-server.js";
import { cloneWorkflow, loadFixture } from "../../support/workflow-fixtures.js";

const fixture = loadFixture("summarize-notes");
const valid = cloneWorkflow(fixture);
const withExtraName = { ...cloneWorkflow(fixture), name: "My workflow" };

function request(overrides: Partial<GenerateWorkflowRequest> = {}): GenerateWorkflowRequest {
  return {
    userInput: fixture.userInput,
    planningContext: fixture.planningContext,
    browsedComponents: fixture.browsedComponents,
    discoveredParams: fixture.discoveredParams,
    ...overrides,
  };
}

function serviceAnswering(...answers: ScriptedAnswer[]) {
  const llm = recordingLlm(answers, { provider: "anthropic", defaultModel: "claude-test" });
  return {
    llm,
    service: new WorkflowService({ llm, logger: testLogger(), overallTimeoutMs: 5_000 }),
  };
}

async function collect(stream: AsyncIterable<WorkflowStreamEvent>) {
  const events: WorkflowStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe("streamWorkflow", () => {
  it("sends STARTED, each attempt as soon as it is judged, then the mutation's answer", async () => {
    // The second generation takes 50 ms: the reader has the first attempt while it runs.
    let firstAttemptSeenBeforeSecondCall = false;
    const events: WorkflowStreamEvent[] = [];
    const { service } = serviceAnswering(withExtraName, async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      firstAttemptSeenBeforeSecondCall = events.some((event) => event.kind === "ATTEMPT");
      return valid;
    });
    for await (const event of streamWorkflow(service, request())) events.push(event);

    expect(events.map((event) => event.kind)).toEqual([
      "STARTED",
      "ATTEMPT",
      "ATTEMPT",
      "COMPLETED",
    ]);
    expect(firstAttemptSeenBeforeSecondCall).toBe(true);
    const [, first, second, completed] = events;
    if (first?.kind !== "ATTEMPT" || second?.kind !== "ATTEMPT" || completed?.kind !== "COMPLETED")
      throw new Error("order");
    expect(first.attempt.issues.map((issue) => issue.rule)).toContain("root-fields");
    expect(second.attempt.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(completed.result.success).toBe(true);
    expect(completed.result.attempts).toEqual([first.attempt, second.attempt]);

    // The same request through the mutation answers from the cache: the same payload, and the
    // stream of a cached answer sends its attempts at once.
    const mutation = await service.generateWorkflow(request());
    expect(mutation.workflow).toEqual(completed.result.workflow);
    const cached = await collect(streamWorkflow(service, request()));
    expect(cached.map((event) => event.kind)).toEqual([
      "STARTED",
      "ATTEMPT",
      "ATTEMPT",
      "COMPLETED",
    ]);
    const cachedCompleted = cached.at(-1)!;
    expect(cachedCompleted.kind === "COMPLETED" && cachedCompleted.result.generation.cached).toBe(
      true,
    );
  });

  it("streams the offline planner's one attempt the same way", async () => {
    const service = new WorkflowService({ logger: testLogger(), overallTimeoutMs: 5_000 });
    const events = await collect(streamWorkflow(service, request()));
    expect(events.map((event) => event.kind)).toEqual(["STARTED", "ATTEMPT", "COMPLETED"]);
    const completed = events.at(-1)!;
    const mutation = await service.generateWorkflow(request());
    if (completed.kind !== "COMPLETED") throw new Error("order");
    expect({ ...completed.result, generation: null }).toEqual({
      ...mutation,
      attempts: mutation.attempts.map((attempt, index) => ({
        ...attempt,
        latencyMs: completed.result.attempts[index]!.latencyMs,
      })),
      generation: null,
    });
  });

  it("ends with FAILED, before any model call, for input the mutation refuses", async () => {
    const { llm, service } = serviceAnswering(valid);
    const events = await collect(streamWorkflow(service, request({ userInput: "" })));
    expect(events.map((event) => event.kind)).toEqual(["FAILED"]);
    expect(llm.calls).toHaveLength(0);
  });

  it("stops the model call when the reader stops", async () => {
    const { llm, service } = serviceAnswering(
      (call: StructuredCall<unknown>) =>
        new Promise((_resolve, reject) =>
          call.signal!.addEventListener("abort", () => reject(call.signal!.reason)),
        ),
    );
    const stream = streamWorkflow(service, request());
    const first = await stream.next();
    expect(first.value?.kind).toBe("STARTED");
    await new Promise((resolve) => setTimeout(resolve, 20));
    await stream.return!();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(llm.calls).toHaveLength(1);
    expect(llm.calls[0]!.abortedAtEnd).toBe(true);
  });
});
