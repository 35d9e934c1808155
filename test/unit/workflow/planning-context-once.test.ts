import { describe, expect, it } from "vitest";
import { GenerationFailure } from "../../../src/errors/generation-error.js";
import { Deadline } from "../../../src/llm/deadline.js";
import { answeringModel } from "../../../src/services/workflow/generation/answering-model.js";
import type { AttemptGenerator } from "../../../src/services/workflow/generation/attempt-generator.js";
import { runGenerationLoop } from "../../../src/services/workflow/generation/generation-loop.js";
import { offlineGeneration } from "../../../src/services/workflow/generation/offline-generation.js";
import { prepareRequest } from "../../../src/services/workflow/generation/prepare-request.js";
import type { PrepareSettings } from "../../../src/services/workflow/generation/prepare-request.js";
import type { PreparedRequest } from "../../../src/services/workflow/generation/prepared-request.js";
import { parsePlanningContext } from "../../../src/services/workflow/planning-context.js";
import type { PlanningContext } from "../../../src/services/workflow/planning-context.js";
import { DEFAULT_WORKFLOW_LIMITS } from "../../../src/services/workflow/workflow-limits.js";
import { testLogger } from "../../support/test-server.js";
import { cloneWorkflow, loadFixture } from "../../support/workflow-fixtures.js";

const notes = loadFixture("summarize-notes");

function settings(parse?: (markdown: string) => PlanningContext): PrepareSettings {
  return {
    limits: DEFAULT_WORKFLOW_LIMITS,
    maxUserInputChars: 4_000,
    maxPromptTokens: 8_000,
    hasModel: true,
    logger: testLogger(),
    ...(parse ? { parse } : {}),
  };
}

function prepared(): PreparedRequest {
  return prepareRequest(
    {
      userInput: notes.userInput,
      planningContext: notes.planningContext,
      browsedComponents: notes.browsedComponents,
      discoveredParams: notes.discoveredParams,
    },
    settings(),
  );
}

async function loop(request: PreparedRequest, generate: AttemptGenerator) {
  const deadline = new Deadline(5_000);
  try {
    return await runGenerationLoop(request, deadline, {
      generate,
      limits: DEFAULT_WORKFLOW_LIMITS,
      maxPromptTokens: 8_000,
      answering: answeringModel(undefined),
    });
  } finally {
    deadline.dispose();
  }
}

describe("the planning context is parsed once per generateWorkflow request", () => {
  it("prepareRequest parses it once, and every attempt of the loop gets that object", async () => {
    const parsed: PlanningContext[] = [];
    const request = prepareRequest(
      {
        userInput: notes.userInput,
        planningContext: notes.planningContext,
        browsedComponents: notes.browsedComponents,
        discoveredParams: notes.discoveredParams,
      },
      settings((markdown) => {
        const context = parsePlanningContext(markdown);
        parsed.push(context);
        return context;
      }),
    );
    expect(parsed).toHaveLength(1);
    expect(request.planningContext).toBe(parsed[0]);

    const seen: PlanningContext[] = [];
    const broken = cloneWorkflow(notes);
    broken.nodes[2].type = "write-fil";
    const result = await loop(request, async (attemptRequest) => {
      seen.push(attemptRequest.planningContext);
      const data = seen.length === 1 ? broken : cloneWorkflow(notes);
      return { data, model: "scripted", usage: {}, httpCalls: 1 };
    });
    expect(result.success).toBe(true);
    expect(seen).toEqual([parsed[0], parsed[0]]);
    expect(seen.every((context) => context === parsed[0])).toBe(true);
    expect(parsed).toHaveLength(1);
  });

  it("the loop's validator reads the parsed context, not the markdown", async () => {
    // The same markdown, but a parsed context where read-file's output is `text`, not the
    // `content` the fixture's workflow reads: a loop that parsed the markdown again would find
    // that workflow valid.
    const request = prepared();
    const renamed = notes.planningContext.replace(
      "- `content: str` - The file",
      "- `text: str` - The file",
    );
    expect(renamed).not.toBe(notes.planningContext);
    const renamedOutput = parsePlanningContext(renamed);
    const result = await loop(
      { ...request, planningContext: renamedOutput, budget: 1 },
      async () => ({
        data: cloneWorkflow(notes),
        model: "scripted",
        usage: {},
        httpCalls: 1,
      }),
    );
    expect(result.success).toBe(false);
    expect(result.attempts[0]!.issues.map((issue) => issue.rule)).toEqual(["node-output"]);
  });

  it("the offline planner reads the parsed context, not the markdown", async () => {
    const request = prepared();
    const deadline = new Deadline(5_000);
    try {
      const planned = await offlineGeneration(request, request.firstPrompt, deadline);
      expect((planned.data as { nodes: unknown[] }).nodes).toHaveLength(3);
      const empty = { ...request, planningContext: parsePlanningContext("") };
      await expect(offlineGeneration(empty, request.firstPrompt, deadline)).rejects.toThrow(
        GenerationFailure,
      );
    } finally {
      deadline.dispose();
    }
  });
});
