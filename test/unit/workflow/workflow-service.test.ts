import { describe, expect, it } from "vitest";
import { GenerationFailure } from "../../../src/errors/generation-error.js";
import { WorkflowService } from "../../../src/services/workflow/workflow.service.js";
import { WORKFLOW_SYSTEM_PROMPT } from "../../../src/services/workflow/workflow.prompt.js";
import type {
  GenerateWorkflowRequest,
  GenerateWorkflowResult,
} from "../../../src/services/workflow/workflow.types.js";
import type { RecordedCall, ScriptedAnswer } from "../../support/recording-llm.js";
import { recordingLlm } from "../../support/recording-llm.js";
import { testLogger } from "../../support/test-server.js";
import { cloneWorkflow, loadFixture } from "../../support/workflow-fixtures.js";

// The generate → validate → retry logic of WorkflowService, driven through the model interface
// (test/support/recording-llm.ts). What the Anthropic wire adds (tool use, empty content,
// truncation, transport retries, a hanging server) is in test/integration/workflow-loop.test.ts.

const fixture = loadFixture("summarize-notes");
const valid = cloneWorkflow(fixture);
/** Three answers, each with one different defect the validator must report. */
const withExtraName = { ...cloneWorkflow(fixture), name: "My workflow" };
const withWrongVersion = { ...cloneWorkflow(fixture), ir_version: "1.0" };
const withEdgeAction = (() => {
  const copy = cloneWorkflow(fixture);
  copy.edges[0].action = "default";
  return copy;
})();

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
  const service = new WorkflowService({ llm, logger: testLogger(), overallTimeoutMs: 5_000 });
  return { llm, service };
}

function errorsOf(result: GenerateWorkflowResult, attempt: number): string[] {
  return result.attempts[attempt]!.issues.filter((issue) => issue.severity === "error").map(
    (issue) => issue.message,
  );
}

describe("WorkflowService: generate → validate → retry", () => {
  it("sends the rules as system, the data as user turn, temperature 0 and the default model", async () => {
    const { llm, service } = serviceAnswering(valid);
    const result = await service.generateWorkflow(request());

    expect(result.success).toBe(true);
    expect(llm.calls).toHaveLength(1);
    expect(llm.calls[0]).toMatchObject({ system: WORKFLOW_SYSTEM_PROMPT, temperature: 0 });
    expect(llm.calls[0]!.model).toBeUndefined();
    expect(llm.calls[0]!.user).toContain(fixture.userInput);
    expect(result.generation).toMatchObject({ model: "claude-test", attempts: 1 });
  });

  it("passes the caller's model and temperature through", async () => {
    const { llm, service } = serviceAnswering(valid);
    await service.generateWorkflow(request({ model: "claude-other", temperature: 0.4 }));
    expect(llm.calls[0]).toMatchObject({ model: "claude-other", temperature: 0.4 });
  });

  it("retries a workflow that fails validation with its first errors and the workflow itself", async () => {
    const { llm, service } = serviceAnswering(withExtraName, valid);

    const result = await service.generateWorkflow(request());

    expect(result.success).toBe(true);
    expect(result.workflow).toEqual(valid);
    expect(result.generationAttempts).toBe(2);
    expect(result.attempts.map((attempt) => attempt.number)).toEqual([1, 2]);
    expect(result.attempts[0]!.issues.map((issue) => issue.rule)).toContain("root-fields");
    expect(result.generation).toMatchObject({ attempts: 2, inputTokens: 20, outputTokens: 10 });
    const retry = llm.userTurns()[1]!;
    for (const message of errorsOf(result, 0).slice(0, 3)) expect(retry).toContain(message);
    expect(retry).toMatch(
      /<previous_attempt>[\s\S]*"name": "My workflow"[\s\S]*<\/previous_attempt>/,
    );
    expect(retry).toContain("Fix ONLY these specific issues");
    expect(llm.calls[1]!.system).toBe(WORKFLOW_SYSTEM_PROMPT);
  });

  it("gives up clearly after three invalid workflows and keeps every attempt", async () => {
    const { llm, service } = serviceAnswering(withExtraName, withWrongVersion, withEdgeAction);

    const result = await service.generateWorkflow(request());

    expect(llm.calls).toHaveLength(3);
    expect(result).toMatchObject({
      success: false,
      workflow: null,
      errorCode: "GENERATION_INVALID",
      generationAttempts: 3,
    });
    expect(result.error).toMatch(/failed validation after 3 generations/);
    expect(result.attempts.map((attempt) => attempt.ir)).toEqual([
      withExtraName,
      withWrongVersion,
      withEdgeAction,
    ]);
    expect(result.attempts[2]!.issues.map((issue) => issue.rule)).toContain("edge-action");
    expect(result.validationErrors).toEqual(errorsOf(result, 2));
  });

  it("stops early when an attempt returns exactly the errors of the one before", async () => {
    const { llm, service } = serviceAnswering(withExtraName, withExtraName, valid);
    const result = await service.generateWorkflow(request());

    expect(llm.calls).toHaveLength(2);
    expect(result).toMatchObject({ success: false, errorCode: "GENERATION_INVALID" });
    expect(result.error).toMatch(/exactly the errors of the attempt before/);
    expect(result.generationAttempts).toBe(2);
  });

  it("counts the caller's earlier attempts and puts only its first 3 errors in the prompt", async () => {
    const { llm, service } = serviceAnswering(withExtraName, withWrongVersion);
    const callerErrors = ["error one", "error two", "error three", "error four", "error five"];

    const result = await service.generateWorkflow(
      request({ generationAttempts: 1, validationErrors: callerErrors }),
    );

    // 3 generations in all: 1 made by the caller, 2 left here.
    expect(llm.calls).toHaveLength(2);
    expect(result.generationAttempts).toBe(3);
    expect(result.attempts.map((attempt) => attempt.number)).toEqual([2, 3]);
    const first = llm.userTurns()[0]!;
    expect(first).toContain("- error one\n- error two\n- error three");
    expect(first).not.toContain("error four");
  });

  it("ignores caller errors without an earlier attempt (seed rule 11)", async () => {
    const { llm, service } = serviceAnswering(valid);
    await service.generateWorkflow(request({ validationErrors: ["stale error"] }));
    expect(llm.userTurns()[0]).not.toContain("stale error");
  });

  it("makes no more generations than maxAttempts", async () => {
    const { llm, service } = serviceAnswering(withExtraName, valid);
    const result = await service.generateWorkflow(request({ maxAttempts: 1 }));
    expect(llm.calls).toHaveLength(1);
    expect(result).toMatchObject({ success: false, generationAttempts: 1 });
  });

  it("ends on a model failure with its code, without a second generation", async () => {
    const { llm, service } = serviceAnswering(
      new GenerationFailure("CONTENT_FILTERED", "the provider's filter stopped the answer"),
      valid,
    );
    const result = await service.generateWorkflow(request());

    expect(llm.calls).toHaveLength(1);
    expect(result).toMatchObject({ success: false, errorCode: "CONTENT_FILTERED" });
    expect(result.attempts[0]!.failure?.code).toBe("CONTENT_FILTERED");
  });

  it("answers an identical request from its cache, without a second call", async () => {
    const { llm, service } = serviceAnswering(valid);
    const first = await service.generateWorkflow(request());
    const second = await service.generateWorkflow(request());

    expect(llm.calls).toHaveLength(1);
    expect(second.workflow).toEqual(first.workflow);
  });

  it("refuses a prompt over the token limit before any call", async () => {
    const llm = recordingLlm([valid]);
    const service = new WorkflowService({
      llm,
      logger: testLogger(),
      overallTimeoutMs: 5_000,
      maxPromptTokens: 100,
    });
    await expect(service.generateWorkflow(request())).rejects.toThrow(
      /estimated at [\d,]+ tokens; the limit is 100\./,
    );
    expect(llm.calls).toHaveLength(0);
  });

  it("aborts the model call at the overall deadline", async () => {
    // As an adapter behind ResilientLlm answers an aborted call: a timeout failure.
    const llm = recordingLlm([
      (call: RecordedCall) =>
        new Promise((_resolve, reject) =>
          call.signal!.addEventListener(
            "abort",
            () => reject(new GenerationFailure("UPSTREAM_TIMEOUT", "aborted at the deadline")),
            { once: true },
          ),
        ),
    ]);
    const service = new WorkflowService({ llm, logger: testLogger(), overallTimeoutMs: 100 });
    const result = await service.generateWorkflow(request());

    expect(llm.calls).toHaveLength(1);
    expect(llm.calls[0]!.abortedAtEnd).toBe(true);
    expect(result).toMatchObject({ success: false, errorCode: "UPSTREAM_TIMEOUT" });
  });
});
