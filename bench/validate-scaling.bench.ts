import { validateWorkflow } from "../src/services/workflow/validate-workflow.js";
import {
  DEFAULT_WORKFLOW_LIMITS,
  irLimitProblems,
} from "../src/services/workflow/workflow-limits.js";
import { fixed, median, timeEach } from "./stats.js";

const RUNS = 9;
const WARM_UP_RUNS = 5;
const limits = DEFAULT_WORKFLOW_LIMITS;
/**
 * Each timed run is a batch of validations lasting about this long, timed as a whole and divided:
 * collections then land in every batch alike instead of in whichever single run they hit.
 */
const BATCH_MS = 50;

interface Shape {
  name: string;
  /** What doubles from one size to the next. */
  grows: string;
  /** Five sizes, each about twice the one before, the last at a limit. */
  sizes: number[];
  build(size: number): { ir: unknown; context?: Parameters<typeof validateWorkflow>[1] };
}

/**
 * A chain of `count` nodes, each with nested params, templates to earlier nodes and inputs, and a
 * component in the planning context; the first four nodes use an undeclared input each, so the
 * answer always has issues to list (with lists of the declared inputs and suggestions).
 */
export function chainWorkflow(count: number) {
  const inputs: Record<string, unknown> = {};
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  const components: string[] = [];
  for (let index = 0; index < count; index++) {
    const id = `step_${index}_transform`;
    inputs[`source_${index}`] = { description: `Input ${index}`, required: true, type: "string" };
    const previous = index === 0 ? "" : `\${step_${index - 1}_transform.result} `;
    nodes.push({
      id,
      type: `tool-${index}`,
      params: {
        prompt: `${previous}Process \${source_${index}}${index < 4 ? ` with \${missing_${index}}` : ""} carefully.`,
        options: { retries: 3, labels: ["a", "b", `\${source_${index}}`], nested: { deep: "x" } },
      },
    });
    if (index > 0) edges.push({ from: `step_${index - 1}_transform`, to: id });
    components.push(
      `### tool-${index}\nStep ${index}.\n\n**Inputs**:\n- \`prompt: str\` - The prompt\n\n**Outputs**:\n- \`result: str\` - The result\n`,
    );
  }
  return {
    ir: { ir_version: "0.1.0", inputs, nodes, edges },
    context: { planningContext: `## Selected Components\n\n${components.join("\n")}` },
  };
}

/** One node; `characters` of params nested 59 levels under long keys, an unclosed "${" at each. */
function nestedWorkflow(characters: number) {
  const depth = 59; // with the document's own 5 levels: WORKFLOW_MAX_DEPTH (64)
  const key = "k".repeat(Math.floor((characters - 400) / depth) - 12);
  let value: Record<string, unknown> = { s: "${" };
  for (let level = 0; level < depth; level++) value = { [key]: value, s: "${" };
  return { ir: oneNode(value) };
}

/** One node whose params hold many unclosed "${" strings: one finding per ~13 characters. */
export function manyFindingsWorkflow(characters: number) {
  const params: Record<string, string> = {};
  // `"p123":"${",` is the key's length plus 8 characters; the rest of the document ~150.
  let length = 150;
  for (let index = 0; length + `p${index}`.length + 8 <= characters; index++) {
    params[`p${index}`] = "${";
    length += `p${index}`.length + 8;
  }
  return { ir: oneNode(params) };
}

function oneNode(params: Record<string, unknown>) {
  return {
    ir_version: "0.1.0",
    inputs: {},
    nodes: [{ id: "read_notes", type: "read-file", params: { nested: params } }],
    edges: [],
  };
}

const charSizes = [4, 3, 2, 1, 0].map((halvings) => Math.floor(limits.maxIrChars / 2 ** halvings));

const SHAPES: Shape[] = [
  {
    name: "chain of nodes",
    grows: "nodes",
    sizes: [6, 12, 25, 50, limits.maxNodes],
    build: chainWorkflow,
  },
  {
    name: "incident: nested long keys",
    grows: "characters",
    sizes: charSizes,
    build: nestedWorkflow,
  },
  {
    name: "one finding per 13 chars",
    grows: "characters",
    sizes: charSizes,
    build: manyFindingsWorkflow,
  },
];

/**
 * validateWorkflow's time and answer size against input size, at five sizes up to the limits
 * (WORKFLOW_MAX_NODES, WORKFLOW_MAX_IR_CHARS at depth WORKFLOW_MAX_DEPTH). Linear work shows as a
 * time ratio near 2 per doubling; a bounded answer as an answer ratio near 1 once the issue list
 * is full (VALIDATION_MAX_ISSUES).
 */
export async function runValidateScalingBench(): Promise<void> {
  console.log(
    `validateWorkflow against input size (median of ${RUNS} batches of ~${BATCH_MS} ms; limits: ${limits.maxNodes} nodes, ${limits.maxIrChars.toLocaleString("en-US")} characters, depth ${limits.maxDepth}, ${limits.maxIssues} issues listed):`,
  );
  console.log(
    `  ${"shape".padEnd(27)} ${"size".padStart(9)} ${"input chars".padStart(12)} ${"findings".padStart(9)} ${"median ms".padStart(10)} ${"answer bytes".padStart(13)} ${"time ×".padStart(7)} ${"answer ×".padStart(9)}`,
  );
  // Let the JIT settle on every shape before anything is timed.
  for (const shape of SHAPES) {
    for (const size of shape.sizes.slice(0, 3)) {
      const { ir, context } = shape.build(size);
      for (let run = 0; run < WARM_UP_RUNS; run++) validateWorkflow(ir, context);
    }
  }
  for (const shape of SHAPES) {
    let previous: { ms: number; bytes: number } | undefined;
    for (const size of shape.sizes) {
      const { ir, context } = shape.build(size);
      const problems = irLimitProblems(ir, limits, "bench input");
      if (problems.length > 0) throw new Error(`${shape.name} at ${size}: ${problems.join("; ")}`);
      for (let run = 0; run < WARM_UP_RUNS; run++) validateWorkflow(ir, context);
      const [single] = timeEach(1, () => validateWorkflow(ir, context));
      const batch = Math.max(1, Math.round((BATCH_MS * 1000) / single!));
      const durations = timeEach(RUNS, () => {
        for (let index = 0; index < batch; index++) validateWorkflow(ir, context);
      }).map((micros) => micros / batch);
      const answer = validateWorkflow(ir, context);
      const ms = median(durations) / 1000;
      const bytes = Buffer.byteLength(JSON.stringify(answer));
      const findings = answer.errors.length + answer.warnings.length + answer.omittedIssues;
      const ratio = (now: number, before: number | undefined) =>
        before === undefined ? "" : `×${fixed(now / before, 2)}`;
      console.log(
        `  ${shape.name.padEnd(27)} ${`${size} ${shape.grows === "nodes" ? "nodes" : "ch"}`.padStart(9)} ${JSON.stringify(ir).length.toLocaleString("en-US").padStart(12)} ${findings.toLocaleString("en-US").padStart(9)} ${fixed(ms, 2).padStart(10)} ${bytes.toLocaleString("en-US").padStart(13)} ${ratio(ms, previous?.ms).padStart(7)} ${ratio(bytes, previous?.bytes).padStart(9)}`,
      );
      previous = { ms, bytes };
    }
  }
}
