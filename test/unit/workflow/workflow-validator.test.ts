import { afterAll, describe, expect, it } from "vitest";
import {
  INLINE_VALIDATOR,
  PooledWorkflowValidator,
} from "../../../src/services/workflow/validation/workflow-validator.js";
import type { ValidationRequest } from "../../../src/services/workflow/validation/workflow-validator.js";
import { loadFixture } from "../../support/workflow-fixtures.js";

/** One node whose params hold `count` unclosed "${": a large document with many findings. */
function manyFindings(count: number): ValidationRequest {
  const params: Record<string, string> = {};
  for (let index = 0; index < count; index++) params[`p${index}`] = "${";
  return {
    ir: {
      ir_version: "0.1.0",
      inputs: {},
      nodes: [{ id: "read_notes", type: "read-file", params: { nested: params } }],
      edges: [],
    },
    context: {},
    maxIssues: 7,
  };
}

const pooled = new PooledWorkflowValidator({ workers: 1, minChars: 10_000 });
afterAll(() => pooled.close());

describe("validation on worker threads", () => {
  it("answers a large document exactly as on the event loop", async () => {
    const request = manyFindings(5_000);
    expect(JSON.stringify(request.ir).length).toBeGreaterThan(10_000);
    const onThread = await pooled.validate(request);
    expect(onThread).toEqual(await INLINE_VALIDATOR.validate(request));
    expect(onThread.errors).toHaveLength(7);
    expect(onThread.omittedIssues).toBe(5_000 - 7);
  });

  it("answers a small document, with its context, exactly as on the event loop", async () => {
    const fixture = loadFixture("csv-sales-report");
    const request: ValidationRequest = {
      ir: fixture.validWorkflow,
      context: {
        planningContext: fixture.planningContext,
        discoveredParams: fixture.discoveredParams,
      },
      maxIssues: 100,
    };
    expect(await pooled.validate(request)).toEqual(await INLINE_VALIDATOR.validate(request));
  });

  it("drops a validation whose caller has left", async () => {
    const controller = new AbortController();
    controller.abort(new Error("the client went away"));
    await expect(pooled.validate(manyFindings(5_000), controller.signal)).rejects.toThrow();
  });
});
