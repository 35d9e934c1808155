import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findWorkflowIssues,
  parseValidationContext,
  validateWorkflow,
} from "../../../src/services/workflow/validate-workflow.js";
import {
  DEFAULT_WORKFLOW_LIMITS,
  irLimitProblems,
} from "../../../src/services/workflow/workflow-limits.js";
import { comparePaths } from "../../../src/services/workflow/workflow-issue.js";
import { cloneWorkflow, contextOf, loadFixture } from "../../support/workflow-fixtures.js";

const notes = loadFixture("summarize-notes");

/** One node whose params hold `value`, and nothing else wrong. */
function withParam(value: unknown) {
  return {
    ir_version: "0.1.0",
    inputs: {},
    nodes: [{ id: "read_notes", type: "read-file", params: { nested: value } }],
    edges: [],
  };
}

/**
 * The measured incident: params nested `depth` levels under `keyLength`-character keys, with an
 * unclosed "${" at every level. Each level's issue used to carry its full path twice (path and
 * message), so the answer grew with depth² × keyLength: 514 KB in, 501 MB out.
 */
function quadraticWorkflow(depth: number, keyLength: number) {
  const key = "k".repeat(keyLength);
  let value: Record<string, unknown> = { s: "${" };
  for (let level = 0; level < depth; level++) value = { [key]: value, s: "${" };
  return withParam(value);
}

function deeplyNested(depth: number): unknown {
  let value: unknown = "x";
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
}

/** `count` templates naming inputs nobody declared: one undeclared-var error each. */
function undeclaredTemplates(count: number) {
  const ir = cloneWorkflow(notes);
  const missing = Array.from({ length: count }, (_, index) => `\${missing_${index}}`);
  // The fixture's own templates stay, so nothing else is wrong.
  ir.nodes[1].params.prompt = `\${max_words} \${read_notes.content} ${missing.join(" ")}`;
  return ir;
}

const answerBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe("bounded work and answers", () => {
  it("answers the 514 KB quadratic workflow with a bounded report, fast", () => {
    const ir = quadraticWorkflow(1_000, 500);
    expect(answerBytes(ir)).toBeGreaterThan(500_000);
    const started = performance.now();
    const result = validateWorkflow(ir);
    const elapsed = performance.now() - started;

    expect(answerBytes(result)).toBeLessThan(1_000_000); // was 501,746,285 bytes
    expect(result.valid).toBe(false);
    expect(result.errors).toHaveLength(DEFAULT_WORKFLOW_LIMITS.maxIssues);
    expect(new Set(result.errors.map((issue) => issue.rule))).toEqual(
      new Set(["malformed-template"]),
    );
    // One issue per level plus the innermost: every one counted, none merged because their
    // shortened paths look alike.
    expect(result.errors.length + result.omittedIssues).toBe(1_001);
    for (const issue of result.errors) {
      expect(issue.path!.length).toBeLessThanOrEqual(300);
      expect(issue.message.length).toBeLessThanOrEqual(2_000);
    }
    expect(elapsed).toBeLessThan(5_000); // was 13.4 s over HTTP; generous for slow CI
  });

  it("keeps a deep issue's path readable: its start and end around '…'", () => {
    const result = validateWorkflow(quadraticWorkflow(100, 50));
    const deepest = result.errors.find((issue) => issue.path!.includes("…"))!;
    expect(deepest.path).toMatch(/^nodes\[0\]\.params\.nested\.[k.]+…[k.]+\.s$/);
    expect(deepest.message).toContain("…");
    expect(deepest.message).toContain("'${' has no closing '}'");
  });

  it("is within every limit at 64 levels and 254 KB, and still answers in bounded size", () => {
    // 59 levels inside the document's own 5 (document, nodes, node, params, innermost object).
    const ir = quadraticWorkflow(59, 4_300);
    expect(irLimitProblems(ir, DEFAULT_WORKFLOW_LIMITS, "ir")).toEqual([]);
    expect(answerBytes(ir)).toBeGreaterThan(250_000);
    const result = validateWorkflow(ir);
    expect(result.errors.length + result.omittedIssues).toBe(60);
    expect(answerBytes(result)).toBeLessThan(100_000); // was 30.8 MB before paths were bounded
  });

  it("walks any depth without recursion: 100,000 levels neither overflow nor throw", () => {
    const ir = withParam(deeplyNested(100_000));
    expect(() => validateWorkflow(ir)).not.toThrow();
    expect(irLimitProblems(ir, DEFAULT_WORKFLOW_LIMITS, "input.ir")).toEqual([
      { message: expect.stringContaining("(WORKFLOW_MAX_DEPTH)"), limit: "WORKFLOW_MAX_DEPTH" },
    ]);
  });

  it("names every limit a document breaks, and its variable", () => {
    const limits = { ...DEFAULT_WORKFLOW_LIMITS, maxNodes: 2, maxEdges: 1, maxIrChars: 2_000 };
    const ir = cloneWorkflow(notes);
    ir.edges.push({ from: "read_notes", to: "save_summary" });
    ir.nodes[0].params.padding = "x".repeat(3_000);
    const problems = irLimitProblems(ir, limits, "input.ir");
    expect(problems.map((problem) => problem.limit)).toEqual([
      "WORKFLOW_MAX_NODES",
      "WORKFLOW_MAX_EDGES",
      "WORKFLOW_MAX_IR_CHARS",
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      "input.ir has 3 nodes; the limit is 2 (WORKFLOW_MAX_NODES)",
      "input.ir has 3 edges; the limit is 1 (WORKFLOW_MAX_EDGES)",
      expect.stringContaining("(WORKFLOW_MAX_IR_CHARS)"),
    ]);
  });
});

describe("issue cap (VALIDATION_MAX_ISSUES)", () => {
  it("lists at most maxIssues issues and counts the rest", () => {
    const result = validateWorkflow(undeclaredTemplates(150), contextOf(notes));
    expect(result.errors).toHaveLength(100);
    expect(result.omittedIssues).toBe(50);
    expect(result.valid).toBe(false);
    const small = validateWorkflow(undeclaredTemplates(150), contextOf(notes), { maxIssues: 10 });
    expect(small.errors).toHaveLength(10);
    expect(small.omittedIssues).toBe(140);
    // The listed ones are the first in the usual order.
    expect(small.errors).toEqual(result.errors.slice(0, 10));
  });

  it("lists errors before warnings and counts repeated findings once", () => {
    const ir = undeclaredTemplates(3);
    ir.nodes[1].params.prompt += " ${missing_0}"; // the same finding again: not a new issue
    ir.inputs.maybe = { description: "d", required: false, type: "string" }; // warning + unused
    const all = validateWorkflow(ir, contextOf(notes));
    expect(all.errors.map((issue) => issue.rule)).toEqual([
      "undeclared-var",
      "undeclared-var",
      "undeclared-var",
      "unused-input",
    ]);
    expect(all.warnings.map((issue) => issue.rule)).toEqual(["optional-input-default"]);
    expect(all.omittedIssues).toBe(0);
    const capped = validateWorkflow(ir, contextOf(notes), { maxIssues: 4 });
    expect(capped.errors).toHaveLength(4);
    expect(capped.warnings).toEqual([]);
    expect(capped.omittedIssues).toBe(1);
  });

  it("still picks the retry prompt's errors among all errors, not only the listed ones", () => {
    const ir = cloneWorkflow(notes);
    ir.nodes[0].id = "n1"; // descriptive-id: listed first, least actionable
    ir.edges[0].from = "n1";
    ir.nodes[1].params.prompt = "${n1.content}";
    ir.nodes[2].type = "write-fil"; // unknown-type: most actionable, listed after
    const findings = findWorkflowIssues(ir, parseValidationContext(contextOf(notes)));
    expect(findings.report(1).errors.map((issue) => issue.rule)).toEqual(["descriptive-id"]);
    expect(findings.mostActionable(3)[0]!.rule).toBe("unknown-type");
    expect(findings.mostActionable(3)[0]!.message).toContain("Did you mean 'write-file'?");
  });

  it("answers within maxIssues × a bounded size for any params (property)", () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.string({ maxLength: 30 }).map((text) => text.replace(/\$(?!\{)/g, "${")),
        fc.constantFrom("${", "${a.b", "${x}", "$$", "${ bad }", "${read_notes.x}"),
        fc.integer(),
        fc.array(tie("value"), { maxLength: 5 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 400 }), tie("value"), {
          maxKeys: 5,
        }),
      ),
    })).value;
    fc.assert(
      fc.property(json, fc.integer({ min: 1, max: 20 }), (params, maxIssues) => {
        const result = validateWorkflow(withParam(params), {}, { maxIssues });
        expect(result.errors.length + result.warnings.length).toBeLessThanOrEqual(maxIssues);
        expect(answerBytes(result)).toBeLessThan(200 + maxIssues * 3_000);
      }),
      { numRuns: 300 },
    );
  });
});

describe("comparePaths", () => {
  /** The order before paths were compared in place: split into runs, then run by run. */
  function splitOrder(left: string, right: string): number {
    if (left === right) return 0;
    const leftParts = left.match(/\d+|\D+/g) ?? [];
    const rightParts = right.match(/\d+|\D+/g) ?? [];
    for (let index = 0; index < Math.min(leftParts.length, rightParts.length); index++) {
      const a = leftParts[index]!;
      const b = rightParts[index]!;
      if (a === b) continue;
      if (/^\d/.test(a) && /^\d/.test(b)) return Number(a) - Number(b);
      return a < b ? -1 : 1;
    }
    return leftParts.length - rightParts.length;
  }

  it("orders exactly like splitting into digit and other runs", () => {
    const path = fc.stringMatching(/^[a-c0-2.[\]"_-]{0,12}$/);
    fc.assert(
      fc.property(path, path, (left, right) => {
        expect(Math.sign(comparePaths(left, right))).toBe(Math.sign(splitOrder(left, right)));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe("hard-coded values (Knuth-Morris-Pratt instead of a regular expression)", () => {
  /**
   * The rule as regular expressions: case-insensitive, on word boundaries; a letters-only value
   * only as the whole text or joined to a path or identifier (/ \ ~ @ # =, or . : next to a
   * letter, digit or "_").
   */
  function regexFinds(text: string, value: string): boolean {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (!/^\p{L}+$/u.test(value)) {
      return new RegExp(`(?:^|[^A-Za-z0-9_])${escaped}(?:$|[^A-Za-z0-9_])`, "i").test(text);
    }
    const strong = "[/\\\\~@#=]";
    return [
      `^\\s*${escaped}\\s*$`,
      `(?:${strong}|[A-Za-z0-9_][.:])${escaped}(?:$|[^A-Za-z0-9_])`,
      `(?:^|[^A-Za-z0-9_])${escaped}(?:${strong}|[.:][A-Za-z0-9_])`,
    ].some((source) => new RegExp(source, "i").test(text));
  }

  it("finds a value exactly where the regular expressions do", () => {
    const text = fc.stringMatching(/^[aAbB1_ .é/:=-]{0,24}$/);
    const value = fc
      .stringMatching(/^[aAbB1_ .é-]{2,6}$/)
      .filter(
        (candidate) =>
          candidate.trim().length >= 2 &&
          !["true", "false", "null", "none", "yes", "no"].includes(candidate.trim().toLowerCase()),
      );
    fc.assert(
      fc.property(text, value, (prompt, hint) => {
        const ir = withParam(prompt);
        const result = validateWorkflow(ir, { discoveredParams: { hint } });
        const reported = result.errors.some((issue) => issue.rule === "hardcoded");
        expect(reported).toBe(regexFinds(prompt, hint.trim()));
      }),
      { numRuns: 3_000 },
    );
  });
});
