import { describe, expect, it } from "vitest";
import { BadUserInputError } from "../../../src/errors/bad-user-input-error.js";
import type { StructuredLlm } from "../../../src/llm/structured-llm.js";
import { DEFAULT_WORKFLOW_LIMITS } from "../../../src/services/workflow/workflow-limits.js";
import { WorkflowService } from "../../../src/services/workflow/workflow.service.js";
import type { GenerateWorkflowRequest } from "../../../src/services/workflow/workflow.types.js";
import { recordingLlm } from "../../support/recording-llm.js";
import { testLogger } from "../../support/test-server.js";
import { cloneWorkflow, loadFixture } from "../../support/workflow-fixtures.js";

const notes = loadFixture("summarize-notes");

function service(llm?: StructuredLlm, limits = {}) {
  return new WorkflowService({ llm, logger: testLogger(), overallTimeoutMs: 5_000, limits });
}

function request(overrides: Partial<GenerateWorkflowRequest> = {}): GenerateWorkflowRequest {
  return {
    userInput: notes.userInput,
    planningContext: notes.planningContext,
    browsedComponents: notes.browsedComponents,
    discoveredParams: notes.discoveredParams,
    ...overrides,
  };
}

/** The BadUserInputError `run` throws (sync or async), as [field, message] pairs. */
async function problemsOf(run: () => unknown): Promise<Array<[string, string]>> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    return error.problems.map((problem) => [problem.field, problem.message]);
  }
  throw new Error("expected a BadUserInputError");
}

function deeplyNested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { a: "x" };
  for (let level = 1; level < depth; level++) value = { a: value };
  return value;
}

describe("validateWorkflow limits (before any rule runs)", () => {
  it("refuses an ir nested 3,000 levels deep, naming input.ir and WORKFLOW_MAX_DEPTH", async () => {
    const ir = cloneWorkflow(notes);
    ir.nodes[0].params.options = deeplyNested(3_000);
    expect(await problemsOf(() => service().validateWorkflow({ ir }))).toEqual([
      [
        "input.ir",
        expect.stringMatching(/^input\.ir is nested more than 64 levels.*WORKFLOW_MAX_DEPTH/),
      ],
    ]);
  });

  it("refuses a 20,000-node workflow, naming input.ir and WORKFLOW_MAX_NODES", async () => {
    const ir = cloneWorkflow(notes);
    ir.nodes = Array.from({ length: 20_000 }, (_, index) => ({
      id: `step_${index}`,
      type: "llm",
      params: {},
    }));
    const problems = await problemsOf(() => service().validateWorkflow({ ir }));
    expect(problems.map(([field]) => field)).toEqual(["input.ir", "input.ir"]);
    expect(problems[0]![1]).toBe(
      "input.ir has 20,000 nodes; the limit is 100 (WORKFLOW_MAX_NODES)",
    );
    expect(problems[1]![1]).toContain("(WORKFLOW_MAX_IR_CHARS)");
  });

  it("checks every field at once, each named with its limit", async () => {
    const limits = { maxContextChars: 1_000, maxDiscoveredParams: 2, maxEdges: 1 };
    const problems = await problemsOf(() =>
      service(undefined, limits).validateWorkflow({
        ir: cloneWorkflow(notes),
        planningContext: "x".repeat(1_001),
        browsedComponents: { nodeIds: ["y".repeat(1_001)], workflowNames: [] },
        discoveredParams: { a: "1", b: ["2", "3"] },
      }),
    );
    expect(problems).toEqual([
      ["input.ir", "input.ir has 2 edges; the limit is 1 (WORKFLOW_MAX_EDGES)"],
      ["input.planningContext", expect.stringContaining("(WORKFLOW_MAX_CONTEXT_CHARS)")],
      ["input.browsedComponents", expect.stringContaining("(WORKFLOW_MAX_CONTEXT_CHARS)")],
      ["input.discoveredParams", expect.stringContaining("(WORKFLOW_MAX_DISCOVERED_PARAMS)")],
    ]);
  });

  it("lists at most VALIDATION_MAX_ISSUES issues", async () => {
    const ir = cloneWorkflow(notes);
    ir.nodes[1].params.prompt = "${a} ${b} ${c} ${max_words} ${read_notes.content}";
    const result = await service(undefined, { maxIssues: 2 }).validateWorkflow({ ir });
    expect(result.errors).toHaveLength(2);
    expect(result.omittedIssues).toBe(1);
  });
});

describe("generateWorkflow input limits", () => {
  it("blames an oversized discoveredParams on input.discoveredParams, not planningContext", async () => {
    // Within WORKFLOW_MAX_CONTEXT_CHARS, but far over the prompt's token limit on its own.
    const discoveredParams = { notes: "lorem ipsum dolor sit amet ".repeat(2_500) };
    const llm = recordingLlm([notes.validWorkflow], { provider: "anthropic" });
    const problems = await problemsOf(() =>
      service(llm).generateWorkflow(request({ discoveredParams })),
    );
    expect(problems).toEqual([
      [
        "input.discoveredParams",
        expect.stringMatching(
          /estimated at .* tokens; the limit is 8,000\. discoveredParams holds most of it/,
        ),
      ],
    ]);
    expect(llm.calls).toHaveLength(0);
  });

  it("still blames planningContext when it holds most of the prompt", async () => {
    const planningContext = `${notes.planningContext}\n${"Some component description. ".repeat(2_000)}`;
    const problems = await problemsOf(() =>
      service(recordingLlm([notes.validWorkflow])).generateWorkflow(request({ planningContext })),
    );
    expect(problems).toEqual([
      ["input.planningContext", expect.stringContaining("planningContext holds most of it")],
    ]);
  });

  it.each([
    [
      "over WORKFLOW_MAX_CONTEXT_CHARS",
      { notes: "x".repeat(100_001) },
      "WORKFLOW_MAX_CONTEXT_CHARS",
    ],
    ["too deep", deeplyNested(65), "WORKFLOW_MAX_DEPTH"],
    [
      "over WORKFLOW_MAX_DISCOVERED_PARAMS",
      { files: Array.from({ length: 51 }, (_, index) => `f${index}.txt`) },
      "WORKFLOW_MAX_DISCOVERED_PARAMS",
    ],
  ])(
    "refuses discoveredParams %s, naming input.discoveredParams",
    async (_name, discoveredParams, variable) => {
      const problems = await problemsOf(() =>
        service(recordingLlm([notes.validWorkflow])).generateWorkflow(
          request({ discoveredParams }),
        ),
      );
      expect(problems).toEqual([["input.discoveredParams", expect.stringContaining(variable)]]);
    },
  );

  it("refuses a planningContext over WORKFLOW_MAX_CONTEXT_CHARS before tokenizing it", async () => {
    const problems = await problemsOf(() =>
      service(recordingLlm([notes.validWorkflow]), { maxContextChars: 5_000 }).generateWorkflow(
        request({ planningContext: "## Selected Components\n".padEnd(5_001, "x") }),
      ),
    );
    expect(problems).toEqual([
      ["input.planningContext", expect.stringContaining("(WORKFLOW_MAX_CONTEXT_CHARS)")],
    ]);
  });
});

describe("the model's answer meets the same limits", () => {
  it.each([
    [
      "too deep",
      () => ({ ...notes.validWorkflow, extra: deeplyNested(5_000) }),
      "WORKFLOW_MAX_DEPTH",
    ],
    [
      "with too many nodes",
      () => ({
        ...notes.validWorkflow,
        nodes: Array.from({ length: 101 }, (_, index) => ({
          id: `s${index}`,
          type: "llm",
          params: {},
        })),
      }),
      "WORKFLOW_MAX_NODES",
    ],
    [
      "too large",
      () => ({ ...notes.validWorkflow, padding: "x".repeat(DEFAULT_WORKFLOW_LIMITS.maxIrChars) }),
      "WORKFLOW_MAX_IR_CHARS",
    ],
  ])(
    "an answer %s is a GENERATION_INVALID attempt, and the next one can succeed",
    async (_name, oversized, variable) => {
      const llm = recordingLlm([oversized(), notes.validWorkflow], { provider: "anthropic" });
      const result = await service(llm).generateWorkflow(request());
      expect(result.success).toBe(true);
      expect(result.attempts).toHaveLength(2);
      expect(result.attempts[0]).toMatchObject({
        ir: null,
        issues: [],
        omittedIssues: 0,
        failure: { code: "GENERATION_INVALID", message: expect.stringContaining(variable) },
      });
      expect(result.attempts[0]!.failure!.message).toMatch(/^The generated workflow /);
    },
  );

  it("fails as data, not as a crash, when every answer is too deep", async () => {
    const llm = recordingLlm([{ ...notes.validWorkflow, extra: deeplyNested(100_000) }], {
      provider: "anthropic",
    });
    const result = await service(llm).generateWorkflow(request({ maxAttempts: 2 }));
    expect(result).toMatchObject({
      success: false,
      workflow: null,
      errorCode: "GENERATION_INVALID",
    });
    expect(result.error).toContain("WORKFLOW_MAX_DEPTH");
    expect(result.attempts.map((attempt) => attempt.ir)).toEqual([null, null]);
    expect(() => JSON.stringify(result)).not.toThrow();
  });

  it("records how many issues an attempt had beyond VALIDATION_MAX_ISSUES", async () => {
    const broken = cloneWorkflow(notes);
    broken.nodes[1].params.prompt = "${a} ${b} ${c} ${max_words} ${read_notes.content}";
    const result = await service(recordingLlm([broken], { provider: "anthropic" }), {
      maxIssues: 1,
    }).generateWorkflow(request({ maxAttempts: 1 }));
    expect(result.attempts[0]!.issues).toHaveLength(1);
    expect(result.attempts[0]!.omittedIssues).toBe(2);
    expect(result.validationErrors).toHaveLength(1);
  });
});
