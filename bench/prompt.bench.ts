import { flowIrJsonSchema } from "../src/services/workflow/flow-ir.contract.js";
import {
  CLAUDE_TOKEN_FACTOR,
  estimatePromptTokens,
  PROMPT_TOKEN_LIMIT,
} from "../src/services/workflow/prompt-tokens.js";
import {
  firstErrorsForPrompt,
  validateWorkflow,
} from "../src/services/workflow/validate-workflow.js";
import {
  buildWorkflowPrompt,
  PROMPT_ERROR_LIMIT,
  PROMPT_VERSION,
} from "../src/services/workflow/workflow.prompt.js";
import { loadFixtures } from "../test/support/workflow-fixtures.js";
import type { WorkflowFixture } from "../test/support/workflow-fixtures.js";
import { median, timeEach } from "./stats.js";

/**
 * A realistic retry: the fixture's workflow with two typical model mistakes planted (extra
 * top-level fields, an `action` on the edges), its real validator errors, and the workflow itself.
 */
function retryInput(fixture: WorkflowFixture) {
  const broken: Record<string, unknown> = {
    ...structuredClone(fixture.validWorkflow),
    name: "Generated workflow",
    description: "What it does",
  };
  if (Array.isArray(broken.edges)) {
    broken.edges = broken.edges.map((edge: Record<string, unknown>) => ({
      ...edge,
      action: "default",
    }));
  }
  const validation = validateWorkflow(broken, {
    planningContext: fixture.planningContext,
    browsedComponents: fixture.browsedComponents,
    discoveredParams: fixture.discoveredParams,
  });
  const errors = firstErrorsForPrompt(validation.errors, PROMPT_ERROR_LIMIT).map(
    (issue) => issue.message,
  );
  return { errors, previousWorkflow: broken, attempt: 1 };
}

/**
 * Prompt size per fixture, first attempt and retry: raw o200k tokens (what the tokenizer counts)
 * and the Claude estimate the 8,000-token check uses (raw × factor + request overhead), both
 * including the tool schema the model also reads.
 */
export async function runPromptBench(): Promise<void> {
  const fixtures = loadFixtures();
  console.log(
    `\n## Workflow prompt size (${PROMPT_VERSION}; estimate = ceil(o200k × ${CLAUDE_TOKEN_FACTOR}) + overhead; limit ${PROMPT_TOKEN_LIMIT})\n`,
  );
  console.log(
    "| fixture | first raw | first estimate | retry raw | retry estimate | errors fed back |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  const firstEstimates: number[] = [];
  const retryEstimates: number[] = [];
  for (const fixture of fixtures) {
    const toolSchema = flowIrJsonSchema({ nodeTypes: fixture.browsedComponents?.nodeIds });
    const base = {
      userInput: fixture.userInput,
      planningContext: fixture.planningContext,
      discoveredParams: fixture.discoveredParams,
    };
    const first = estimatePromptTokens({ ...buildWorkflowPrompt(base), toolSchema });
    const retry = retryInput(fixture);
    const second = estimatePromptTokens({
      ...buildWorkflowPrompt({ ...base, retry }),
      toolSchema,
    });
    firstEstimates.push(first.estimatedTokens);
    retryEstimates.push(second.estimatedTokens);
    console.log(
      `| ${fixture.name} | ${first.rawTokens} | ${first.estimatedTokens} | ${second.rawTokens} | ${second.estimatedTokens} | ${retry.errors.length} |`,
    );
  }
  if (fixtures.length === 0) {
    console.log("(no fixtures in test/fixtures/workflows)");
    return;
  }
  console.log(
    `\nmedian estimate: first ${median(firstEstimates)}, retry ${median(retryEstimates)}; max: first ${Math.max(...firstEstimates)}, retry ${Math.max(...retryEstimates)} (limit ${PROMPT_TOKEN_LIMIT})`,
  );
  // What the pre-call check costs per request.
  const sample = fixtures[0]!;
  const sampleSchema = flowIrJsonSchema({ nodeTypes: sample.browsedComponents?.nodeIds });
  const micros = timeEach(200, () =>
    estimatePromptTokens({ ...buildWorkflowPrompt(sample), toolSchema: sampleSchema }),
  );
  console.log(
    `estimate cost (build + count, ${sample.name}): median ${(median(micros) / 1000).toFixed(2)} ms`,
  );
}
