import { afterAll, describe, expect, it } from "vitest";
import type { FlowIr } from "../../../src/services/workflow/flow-ir.contract.js";
import type { OfflinePlanInput } from "../../../src/services/workflow/offline-planner.js";
import { planWorkflowOffline } from "../../../src/services/workflow/offline-planner.js";
import { validateWorkflow } from "../../../src/services/workflow/validate-workflow.js";
import type { WorkflowFixture } from "../../support/workflow-fixtures.js";
import { contextOf, loadFixture, loadFixtures } from "../../support/workflow-fixtures.js";
import { failureOf, offer, plan } from "../../support/offline-plans.js";

/**
 * What the planner answers for each fixture, judged by reading the request (issue 11): the node
 * types of the workflow in chain order, or a text its failure must contain. A browsed component
 * missing from `used` is one the request does not call for (browsing is over-inclusive).
 */
const EXPECTED: Record<string, { used: string[] } | { failure: string }> = {
  "changelog-from-commits": { used: ["git-log", "llm", "write-file", "git-commit"] },
  "closed-issues-changelog": { used: ["github-list-issues", "llm", "write-file"] },
  "csv-expenses-report": { used: ["read-file", "csv-aggregate", "llm", "write-file"] },
  "csv-sales-report": { used: ["read-file", "csv-aggregate", "llm", "write-file"] },
  "feature-branch-commit-push": {
    failure:
      "could not place `git-push`: `base_branch` and `feature_branch` fit its input `branch` equally well",
  },
  "github-issue-triage": { used: ["github-get-issue", "llm", "github-create-comment"] },
  "helpdesk-ticket-http": {
    failure: "could not place `http-request`: the request's values (priority, ticket_title) belong",
  },
  "incident-note-from-log": { used: ["read-file", "llm", "write-file"] },
  "notes-to-html-overwrite": { used: ["read-file", "llm", "write-file"] },
  "pricing-comparison": { used: ["read-file", "llm", "write-file"] },
  "python-chapter-word-counts": {
    failure: "could not place `run-python`: its required input `code` (str) cannot be filled",
  },
  "release-notes-from-saved-workflow": {
    used: ["generate-changelog", "llm", "slack-post-message"],
  },
  "save-open-pulls-json": { used: ["github-list-pulls", "write-file"] },
  "shell-test-report": { used: ["shell-command", "llm", "write-file"] },
  "standup-commits-slack": { used: ["git-log", "llm", "slack-post-message"] },
  "summarize-notes": { used: ["read-file", "llm", "write-file"] },
  // The translator translates; a model step after it would only replace its exact result.
  "translate-guide-french": { used: ["read-file", "translate-text", "write-file"] },
  "translate-readme": { used: ["read-file", "llm", "write-file"] },
  "weather-forecast-slack": { used: ["weather-forecast", "llm", "slack-post-message"] },
  // The saved workflow writes the report; the request asks only to email it.
  "weekly-report-email": { used: ["weekly-report", "send-email"] },
};

/** Node types of a workflow, a saved workflow by its name. */
function usedComponents(workflow: FlowIr): string[] {
  return workflow.nodes.map((node) =>
    node.type === "workflow" ? String(node.params.workflow_name) : node.type,
  );
}

function inputOf(fixture: WorkflowFixture): OfflinePlanInput {
  return {
    userInput: fixture.userInput,
    planningContext: fixture.planningContext,
    browsedComponents: fixture.browsedComponents,
    discoveredParams: fixture.discoveredParams,
  };
}

/** Every string at any depth of every node's params. */
function paramStrings(workflow: FlowIr): string[] {
  const strings: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(visit);
  };
  workflow.nodes.forEach((node) => visit(node.params));
  return strings;
}

/** Params text with templates removed: what the `hardcoded` rule looks at. */
function literalText(workflow: FlowIr): string {
  return paramStrings(workflow)
    .map((text) => text.replace(/\$\{[^}]*\}/g, " "))
    .join("\n")
    .toLowerCase();
}

describe("planWorkflowOffline over every workflow fixture", () => {
  const fixtures = loadFixtures();
  const rows: string[] = [];

  afterAll(() => {
    const valid = rows.filter((row) => row.includes("| yes |")).length;
    // The outcome of each fixture is part of the planner's contract; keep it visible in the log.
    console.info(
      [
        `offline planner: ${valid} of ${rows.length} fixtures give a valid workflow`,
        "fixture | success | used components | unused browsed | failure",
        ...rows,
      ].join("\n"),
    );
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))(
    "%s: the expected workflow or failure, never an invalid workflow",
    (name, fixture) => {
      const result = planWorkflowOffline(inputOf(fixture));
      const browsed = [
        ...fixture.browsedComponents.nodeIds,
        ...fixture.browsedComponents.workflowNames,
      ];
      const expected = EXPECTED[name];
      if ("failure" in result) {
        rows.push(`${name} | no | | | ${result.failure}`);
        expect(expected).toBeDefined();
        expect(expected).toHaveProperty("failure");
        expect(result.failure).toContain((expected as { failure: string }).failure);
      } else {
        const used = usedComponents(result.workflow);
        rows.push(
          `${name} | yes | ${used.join(" → ")} | ${browsed.filter((component) => !used.includes(component)).join(", ")} |`,
        );
        expect(validateWorkflow(result.workflow, contextOf(fixture)).errors).toEqual([]);
        expect(expected).toEqual({ used });
      }
    },
  );

  it.each(
    fixtures
      .filter((fixture) => "used" in EXPECTED[fixture.name]!)
      .map((fixture) => [fixture.name, fixture] as const),
  )("%s: no discovered value appears literally in params", (_name, fixture) => {
    const text = literalText(plan(inputOf(fixture)));
    for (const value of Object.values(fixture.discoveredParams)) {
      // One-character values ("2" days) are not looked for, as in the `hardcoded` rule.
      if (String(value).length < 2) continue;
      expect(text).not.toContain(String(value).toLowerCase());
    }
  });

  it("has an expected outcome for every fixture, and a fixture for every expected outcome", () => {
    expect(fixtures.map((fixture) => fixture.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe("planWorkflowOffline on summarize-notes", () => {
  const fixture = loadFixture("summarize-notes");
  const workflow = plan(inputOf(fixture));

  it("builds read → llm → write, one chain in order, without the unrelated list-directory", () => {
    expect(workflow.nodes.map((node) => node.type)).toEqual(["read-file", "llm", "write-file"]);
    expect(workflow.nodes.map((node) => node.id)).toEqual([
      "read_notes",
      "summarize_notes",
      "save_summary",
    ]);
    expect(workflow.edges).toEqual([
      { from: "read_notes", to: "summarize_notes" },
      { from: "summarize_notes", to: "save_summary" },
    ]);
    expect(workflow.ir_version).toBe("0.1.0");
  });

  it("keeps the role-based discovered names (not the example values) as required inputs without defaults", () => {
    // Issue 11: an input named after the example (notes.txt → notes_file) reads wrong as soon as
    // the workflow runs on another file; input_file and output_file say what the value is for.
    expect(workflow.inputs).toEqual({
      input_file: { description: "Path of the file to read", required: true, type: "string" },
      output_file: { description: "Path of the file to write", required: true, type: "string" },
    });
    const [read, summarize, save] = workflow.nodes;
    expect(read!.params).toEqual({ file_path: "${input_file}" });
    expect(save!.params).toEqual({
      file_path: "${output_file}",
      content: "${summarize_notes.response}",
    });
    expect(summarize!.params.prompt).toMatch(/^Task: Summarize \$\{input_file\}/);
    expect(summarize!.params.prompt).toMatch(/\$\{read_notes\.content\}$/);
  });

  it("keeps notes.txt and summary.md out of every parameter", () => {
    const text = literalText(workflow);
    expect(text).not.toContain("notes.txt");
    expect(text).not.toContain("summary.md");
  });

  it("uses every component of the context when nothing was browsed, still leaving out list-directory", () => {
    const { browsedComponents: _browsed, ...rest } = inputOf(fixture);
    const unbrowsed = plan(rest);
    expect(unbrowsed).toEqual(workflow);
    expect(
      validateWorkflow(unbrowsed, { ...contextOf(fixture), browsedComponents: undefined }).valid,
    ).toBe(true);
  });
});

describe("planWorkflowOffline with a saved workflow", () => {
  it("uses the saved workflow as a mapped workflow node and reads its mapped output", () => {
    const workflow = plan(inputOf(loadFixture("release-notes-from-saved-workflow")));
    expect(workflow.nodes.map((node) => node.type)).toEqual([
      "workflow",
      "llm",
      "slack-post-message",
    ]);
    expect(workflow.nodes[0]!.params).toEqual({
      workflow_name: "generate-changelog",
      param_mapping: { since_tag: "${since_tag}", repo_path: "${repo_path}" },
      output_mapping: { changelog_markdown: "changelog_markdown" },
      storage_mode: "mapped",
    });
    expect(workflow.nodes[1]!.params.prompt).toContain(
      `\${${workflow.nodes[0]!.id}.changelog_markdown}`,
    );
    expect(workflow.nodes[2]!.params).toEqual({
      channel: "${channel}",
      text: `\${${workflow.nodes[1]!.id}.response}`,
    });
  });
});

describe("planWorkflowOffline on other fixtures", () => {
  it("wires the CSV text, not the CSV path, into csv-aggregate after a reader", () => {
    const workflow = plan(inputOf(loadFixture("csv-sales-report")));
    expect(workflow.nodes.map((node) => node.type)).toEqual([
      "read-file",
      "csv-aggregate",
      "llm",
      "write-file",
    ]);
    const [read, aggregate] = workflow.nodes;
    expect(aggregate!.params.inputs).toMatchObject({ csv_text: `\${${read!.id}.content}` });
  });

  it("types issue_number from the component (int), though it was discovered as text", () => {
    const workflow = plan(inputOf(loadFixture("github-issue-triage")));
    expect(workflow.inputs.issue_number).toEqual({
      description: "Issue number",
      required: true,
      type: "integer",
    });
    // One of the two issue sources: the one the discovered issue number feeds.
    expect(workflow.nodes.map((node) => node.type)).toEqual([
      "github-get-issue",
      "llm",
      "github-create-comment",
    ]);
  });

  it("orders sinks by their last mention: write the changelog, then commit it", () => {
    const workflow = plan(inputOf(loadFixture("changelog-from-commits")));
    expect(workflow.nodes.map((node) => node.type)).toEqual([
      "git-log",
      "llm",
      "write-file",
      "git-commit",
    ]);
    expect(workflow.nodes[3]!.params.files).toEqual(["${changelog_file}"]);
  });
});

const IMAGE_AND_MAIL_CONTEXT = `## Selected Components

### resize-image
Resizes an image file.

**Inputs**:
- \`image_path: str\` - Image to resize
- \`width: int\` - Target width in pixels

**Outputs**:
- \`resized_path: str\` - Path of the resized copy

### send-email
Sends an email.

**Inputs**:
- \`to: str\` - Recipient address
- \`subject: str\` - Subject line
- \`body: str\` - Message text

**Outputs**:
- \`message_id: str\` - Id of the sent message
`;

const ISSUE_DIGEST_CONTEXT = `## Selected Components

### github-list-issues
Lists issues of a repository.

**Inputs**:
- \`repo: str\` - Repository as owner/name
- \`limit: int\` - Maximum number of issues (default 30)
- \`include_closed: bool\` - Also list closed issues (optional)

**Outputs**:
- \`issues: list[dict]\` - Issues, each with number, title, body

### llm
Sends a prompt to a language model.

**Inputs**:
- \`prompt: str\` - The full prompt
- \`system: str\` - Optional system prompt

**Outputs**:
- \`response: str\` - The model's answer
- \`llm_usage: dict\` - Token usage
`;

describe("planWorkflowOffline on small contexts", () => {
  it("still chains components that share no data, ordered by role, values from inputs", () => {
    // Decision: a chain with no data passed between its steps is still a valid linear workflow
    // (steps run one after another); the planner does not refuse it.
    const input: OfflinePlanInput = {
      userInput: "Resize photo.png to 200 pixels wide, then email the result to bob@example.com",
      planningContext: IMAGE_AND_MAIL_CONTEXT,
      discoveredParams: { image: "photo.png", width: 200, recipient: "bob@example.com" },
    };
    const workflow = plan(input);
    expect(workflow.nodes.map((node) => node.type)).toEqual(["resize-image", "send-email"]);
    expect(validateWorkflow(workflow, input).errors).toEqual([]);
    expect(workflow.inputs.width).toEqual({
      description: "Target width in pixels",
      required: true,
      type: "integer",
    });
    // "recipient" matches no slot by name, but `to` is described as the "Recipient address".
    expect(workflow.nodes[1]!.params.to).toBe("${recipient}");
    expect(workflow.inputs).not.toHaveProperty("to");
    expect(literalText(workflow)).not.toContain("bob@example.com");
  });

  it("fails honestly when the request names none of the offered components", () => {
    const result = planWorkflowOffline({
      userInput: "order a pizza",
      planningContext: IMAGE_AND_MAIL_CONTEXT,
    });
    expect(result).toEqual({
      failure: expect.stringContaining(
        "mentions none of the offered components (resize-image, send-email)",
      ),
    });
  });

  it("fails honestly on an empty or unknown browsed set and on a context without components", () => {
    const fixture = loadFixture("summarize-notes");
    const empty = planWorkflowOffline({
      ...inputOf(fixture),
      browsedComponents: { nodeIds: [], workflowNames: [] },
    });
    expect(empty).toEqual({ failure: expect.stringContaining("browsed components (none)") });
    const unknown = planWorkflowOffline({
      ...inputOf(fixture),
      browsedComponents: { nodeIds: ["http-request"], workflowNames: ["nope"] },
    });
    expect(unknown).toEqual({ failure: expect.stringContaining("http-request, nope") });
    const bare = planWorkflowOffline({ userInput: "summarize", planningContext: "no components" });
    expect(bare).toEqual({ failure: expect.stringContaining("describes no components") });
  });

  it("ignores browsed ids the context does not describe and plans with the rest", () => {
    const fixture = loadFixture("summarize-notes");
    const browsedComponents = {
      nodeIds: [...fixture.browsedComponents.nodeIds, "http-request"],
      workflowNames: [],
    };
    const workflow = plan({ ...inputOf(fixture), browsedComponents });
    expect(validateWorkflow(workflow, { ...contextOf(fixture), browsedComponents }).valid).toBe(
      true,
    );
  });

  it("types inputs from discovered numbers and booleans, required and without a default", () => {
    const input: OfflinePlanInput = {
      userInput:
        "Summarize the 5 newest issues of acme/widgets, closed ones too, if over 0.75 relevant",
      planningContext: ISSUE_DIGEST_CONTEXT,
      discoveredParams: {
        repo: "acme/widgets",
        limit: 5,
        include_closed: true,
        threshold: 0.75,
      },
    };
    const workflow = plan(input);
    expect(validateWorkflow(workflow, input).errors).toEqual([]);
    expect(workflow.inputs).toMatchObject({
      repo: { required: true, type: "string" },
      limit: { required: true, type: "integer" },
      include_closed: { required: true, type: "boolean" },
      threshold: { required: true, type: "number" },
    });
    for (const declared of Object.values(workflow.inputs)) {
      expect(declared).not.toHaveProperty("default");
    }
    const [list, summarize] = workflow.nodes;
    expect(list!.params).toEqual({
      repo: "${repo}",
      limit: "${limit}",
      include_closed: "${include_closed}",
    });
    expect(summarize!.id).toBe("summarize_newest_issues");
    expect(summarize!.params.prompt).toContain("${threshold}");
    expect(summarize!.params.prompt).toContain(`\${${list!.id}.issues}`);
  });

  it("keeps a dollar in the request literal instead of inventing a template", () => {
    const input: OfflinePlanInput = {
      userInput: "Summarize the issues of acme/widgets that mention ${price} or $cost",
      planningContext: ISSUE_DIGEST_CONTEXT,
      discoveredParams: { repo: "acme/widgets" },
    };
    const workflow = plan(input);
    expect(validateWorkflow(workflow, input).errors).toEqual([]);
    expect(workflow.inputs).not.toHaveProperty("price");
  });

  it("is deterministic: the same input, in any key order, gives a deep-equal workflow", () => {
    for (const fixture of loadFixtures()) {
      const first = planWorkflowOffline(inputOf(fixture));
      const reordered = Object.fromEntries(Object.entries(fixture.discoveredParams).reverse());
      const second = planWorkflowOffline({
        ...structuredClone(inputOf(fixture)),
        discoveredParams: reordered,
      });
      expect(second).toEqual(first);
    }
  });
});

const LLM_NODE = `### llm
Sends a prompt to a language model.

**Inputs**:
- \`prompt: str\` - The full prompt

**Outputs**:
- \`response: str\` - The model's answer
- \`llm_usage: dict\` - Token usage
`;
const WRITE_NODE = `### write-file
Writes text to a file.

**Inputs**:
- \`file_path: str\` - Path of the file to write
- \`content: str\` - Text to write

**Outputs**:
- \`written: bool\` - True when written
`;
const READ_NODE = `### read-file
Reads a text file.

**Inputs**:
- \`file_path: str\` - Path of the file to read

**Outputs**:
- \`content: str\` - The file contents
`;
const SHELL_NODE = `### shell-command
Runs a shell command.

**Inputs**:
- \`command: str\` - The command line to run

**Outputs**:
- \`stdout: str\` - Standard output
- \`exit_code: int\` - Exit code
`;
const CODE_NODE = `### run-python
Runs a Python snippet.

**Inputs**:
- \`code: str\` - Python source to run
- \`inputs: dict\` - Values the code reads

**Outputs**:
- \`result: any\` - What the code returned
`;
const CHECKOUT_NODE = `### git-checkout
Checks out a branch.

**Inputs**:
- \`branch: str\` - Branch to check out

**Outputs**:
- \`checked_out: bool\` - True on success
`;
const HTTP_NODE = `### http-request
Sends an HTTP request.

**Inputs**:
- \`url: str\` - Address
- \`method: str\` - HTTP method (default GET)
- \`body: dict\` - JSON body to send

**Outputs**:
- \`response_body: str\` - Body of the answer
- \`status_code: int\` - HTTP status
`;
const GIT_LOG_NODE = `### git-log
Lists commits.

**Inputs**:
- \`since: str\` - Tag or date to start from

**Outputs**:
- \`commits: list[dict]\` - Commits
`;

const COMMIT_NODE = `### git-commit
Stages files and creates a commit.

**Inputs**:
- \`files: list[str]\` - Files to stage
- \`message: str\` - Commit message

**Outputs**:
- \`commit_sha: str\` - Hash of the new commit
`;

describe("planWorkflowOffline never claims a wrong success (issue 11)", () => {
  it("fails, naming shell-command and `command`, when the command is only prose in the request", () => {
    const failure = failureOf(
      offer(
        [SHELL_NODE, LLM_NODE, WRITE_NODE],
        "Run npm test in a shell and save a summary of the failures to report.md",
        { output_file: "report.md" },
      ),
    );
    expect(failure).toContain(
      "could not place `shell-command`: its required input `command` (str) cannot be filled from the request",
    );
  });

  it("fails, naming shell-command, when the request says 'run' but not which command", () => {
    const failure = failureOf(
      offer(
        [SHELL_NODE, LLM_NODE, WRITE_NODE],
        "Run the tests and save a summary of the failures to report.md",
        { output_file: "report.md" },
      ),
    );
    expect(failure).toContain("could not place `shell-command`: its required input `command`");
  });

  it("places shell-command when the request's command was discovered", () => {
    const input = offer(
      [SHELL_NODE, LLM_NODE],
      "Run the shell command npm test and summarize the output",
      { command: "npm test" },
    );
    const workflow = plan(input);
    expect(workflow.nodes.map((node) => node.type)).toEqual(["shell-command", "llm"]);
    expect(validateWorkflow(workflow, input).errors).toEqual([]);
  });

  it("fails, naming run-python, `code` and `inputs`, instead of asking the user for the program", () => {
    const failure = failureOf(
      offer(
        [READ_NODE, CODE_NODE, LLM_NODE, WRITE_NODE],
        "Read data.json, compute the totals with python, and write a summary to totals.md",
        { input_file: "data.json", output_file: "totals.md" },
      ),
    );
    expect(failure).toContain("could not place `run-python`: its required input `code` (str)");
    expect(failure).toContain("its required input `inputs` (dict)");
  });

  it("places a branch checkout the request asks for ('check out'), instead of dropping it", () => {
    const input = offer(
      [CHECKOUT_NODE, READ_NODE, LLM_NODE, WRITE_NODE],
      "Check out the release branch, read CHANGES.md and write a summary to summary.md",
      { input_file: "CHANGES.md", output_file: "summary.md" },
    );
    const workflow = plan(input);
    expect(workflow.nodes.map((node) => node.type)).toEqual([
      "git-checkout",
      "read-file",
      "llm",
      "write-file",
    ]);
    expect(validateWorkflow(workflow, input).errors).toEqual([]);
    // The checkout's flag is no data for the model; the file is.
    const prompt = String(workflow.nodes[2]!.params.prompt);
    expect(prompt).not.toContain("checked_out");
    expect(prompt).toContain(`\${${workflow.nodes[1]!.id}.content}`);
  });

  it("fails, naming http-request and its object `body`, when no earlier output can fill it", () => {
    const failure = failureOf(
      offer(
        [READ_NODE, LLM_NODE, HTTP_NODE],
        "Summarize notes.txt and post the summary to https://example.com/api as JSON",
        { input_file: "notes.txt", url: "https://example.com/api" },
      ),
    );
    expect(failure).toContain("could not place `http-request`: its required input `body` (dict)");
  });

  it("wires upstream text into write-file instead of a new required input", () => {
    const input = offer(
      [SHELL_NODE, WRITE_NODE],
      "Run the shell command npm test and write its output to out.txt",
      { command: "npm test", output_file: "out.txt" },
    );
    const workflow = plan(input);
    expect(workflow.nodes[1]!.params.content).toBe(`\${${workflow.nodes[0]!.id}.stdout}`);
    expect(Object.keys(workflow.inputs)).not.toContain("write_content");
  });

  it("fails, naming the sink's text input, when the upstream data does not fit it (no new input)", () => {
    const slack = `### slack-post-message
Posts a message to a Slack channel.

**Inputs**:
- \`channel: str\` - Channel name
- \`text: str\` - Message text

**Outputs**:
- \`message_ts: str\` - Timestamp id of the posted message
`;
    const failure = failureOf(
      offer([GIT_LOG_NODE, slack], "Post the git log since v1.0 to #dev", {
        since: "v1.0",
        channel: "#dev",
      }),
    );
    expect(failure).toContain(
      "could not place `slack-post-message`: its required input `text` (str) should take the data of an earlier step",
    );
    expect(failure).not.toContain("slack_text");
  });

  it("writes upstream structured data to a file (the writer serialises it), not a new write_content", () => {
    // The validator's decision (template-rules.ts, writesContent): a file writer's content
    // takes objects and lists too.
    const fixture = loadFixture("save-open-pulls-json");
    const workflow = plan(inputOf(fixture));
    expect(usedComponents(workflow)).toEqual(["github-list-pulls", "write-file"]);
    expect(paramsOf(workflow, "write-file").content).toBe(`\${${workflow.nodes[0]!.id}.pulls}`);
    expect(workflow.inputs).not.toHaveProperty("write_content");
    expect(validateWorkflow(workflow, contextOf(fixture)).warnings).toEqual([]);
  });

  it("fails, naming read-file, when no later step uses what it read", () => {
    const failure = failureOf(
      offer([READ_NODE, SHELL_NODE], "Read notes.txt then run the shell command make", {
        input_file: "notes.txt",
        command: "make",
      }),
    );
    expect(failure).toContain("could not place `read-file`: no later step uses its output");
  });

  it("fails, naming llm, when the model's answer reaches no later step", () => {
    const commit = `### git-commit
Commits files.

**Inputs**:
- \`message: str\` - Commit message
- \`files: list[str]\` - Files to commit

**Outputs**:
- \`sha: str\` - Commit id
`;
    const failure = failureOf(
      offer([READ_NODE, LLM_NODE, commit], "Summarize notes.txt and commit notes.txt", {
        input_file: "notes.txt",
      }),
    );
    expect(failure).toContain(
      "could not place `llm`: no later step uses its output (response: str)",
    );
  });

  it("gives the model every earlier read, not only the nearest one", () => {
    const input = offer(
      [READ_NODE, SHELL_NODE, LLM_NODE, WRITE_NODE],
      "Read notes.txt, run the shell command npm run lint, and write a summary to out.md",
      { input_file: "notes.txt", command: "npm run lint", output_file: "out.md" },
    );
    const workflow = plan(input);
    const [read, shell, model] = workflow.nodes;
    expect(model!.type).toBe("llm");
    expect(model!.params.prompt).toContain(`\${${read!.id}.content}`);
    expect(model!.params.prompt).toContain(`\${${shell!.id}.stdout}`);
    expect(validateWorkflow(workflow, input).errors).toEqual([]);
  });
});

/** The params of the first node of this type. */
function paramsOf(workflow: FlowIr, type: string): Record<string, unknown> {
  const node = workflow.nodes.find((candidate) => candidate.type === type);
  if (node === undefined)
    throw new Error(`no ${type} node in ${usedComponents(workflow).join(", ")}`);
  return node.params;
}

describe("planWorkflowOffline sets documented parameters the request states (issue 11)", () => {
  it("lists closed issues for a changelog of closed issues, not the default open ones", () => {
    const workflow = plan(inputOf(loadFixture("closed-issues-changelog")));
    expect(paramsOf(workflow, "github-list-issues").state).toBe("closed");
  });

  it("sets overwrite when the request says 'overwriting the existing file'", () => {
    const workflow = plan(inputOf(loadFixture("notes-to-html-overwrite")));
    expect(paramsOf(workflow, "write-file").overwrite).toBe(true);
  });

  it("leaves a flag or a choice the request does not state (or negates) at its default", () => {
    const fixture = loadFixture("notes-to-html-overwrite");
    const workflow = plan({
      ...inputOf(fixture),
      userInput: fixture.userInput.replace(
        ", overwriting the existing file",
        " without overwriting it",
      ),
    });
    expect(paramsOf(workflow, "write-file")).not.toHaveProperty("overwrite");
    expect(
      paramsOf(plan(inputOf(loadFixture("summarize-notes"))), "write-file"),
    ).not.toHaveProperty("append");
    const issues = plan({
      ...inputOf(loadFixture("closed-issues-changelog")),
      userInput: "Write a changelog of the open and closed issues in acme/widgets to CHANGES.md",
    });
    expect(paramsOf(issues, "github-list-issues")).not.toHaveProperty("state");
  });

  it("sends the method the request names (POSTing), one of those the context documents", () => {
    const ping = `### http-request
Sends an HTTP request.

**Inputs**:
- \`url: str\` - Address
- \`method: str\` - GET, POST or PUT (default GET)

**Outputs**:
- \`response_body: str\` - Body of the answer
`;
    const workflow = plan(
      offer([ping, LLM_NODE], "Summarize what POSTing to https://example.com/api/ping answers", {
        url: "https://example.com/api/ping",
      }),
    );
    expect(paramsOf(workflow, "http-request").method).toBe("POST");
  });
});

describe("planWorkflowOffline sends a discovered value to the slot its description names (issue 11)", () => {
  it('sends the city to the weather API\'s `location` ("City name or …"), not only to the model', () => {
    const workflow = plan(inputOf(loadFixture("weather-forecast-slack")));
    expect(paramsOf(workflow, "weather-forecast").location).toBe("${city}");
    expect(workflow.inputs).not.toHaveProperty("location");
  });

  it('runs the shell command in the stated directory (`cwd`: "Working directory")', () => {
    const workflow = plan(inputOf(loadFixture("shell-test-report")));
    expect(paramsOf(workflow, "shell-command").cwd).toBe("${working_dir}");
  });

  it('emails the stated recipient (`to`: "Recipient address") instead of asking for `to` anew', () => {
    const workflow = plan(inputOf(loadFixture("weekly-report-email")));
    expect(paramsOf(workflow, "send-email").to).toBe("${recipient}");
    expect(workflow.inputs).not.toHaveProperty("to");
    expect(workflow.inputs.recipient?.description).toBe("Recipient address");
  });

  it("sends a value matched only by a description to one slot: the recipient is not also copied (cc)", () => {
    const workflow = plan(inputOf(loadFixture("weekly-report-email")));
    expect(paramsOf(workflow, "send-email")).not.toHaveProperty("cc");
  });
});

describe("planWorkflowOffline names and describes inputs by their role (issue 11)", () => {
  it("keeps a role-based discovered name instead of naming the input after the example value", () => {
    const workflow = plan(inputOf(loadFixture("pricing-comparison")));
    expect(Object.keys(workflow.inputs).sort()).toEqual(["input_file", "output_file"]);
    expect(paramsOf(workflow, "read-file").file_path).toBe("${input_file}");
    expect(workflow.inputs.input_file!.description).toBe("Path of the file to read");
  });

  it("names a value whose name says nothing, not even its role, after the role of its step", () => {
    const input = offer([READ_NODE, LLM_NODE], "Summarize pricing.csv", { file: "pricing.csv" });
    expect(Object.keys(plan(input).inputs)).toEqual(["source_file"]);
  });

  it("describes a value that feeds a writer and a commit by the writer's path, not 'Files to stage'", () => {
    const commit = `### git-commit
Stages files and creates a commit.

**Inputs**:
- \`files: list[str]\` - Files to stage
- \`message: str\` - Commit message

**Outputs**:
- \`commit_sha: str\` - Hash of the new commit
`;
    const input = offer(
      [commit, READ_NODE, LLM_NODE, WRITE_NODE],
      'Summarize notes.txt, write the summary to summary.md and commit it with the message "Add summary"',
      { input_file: "notes.txt", output_file: "summary.md", commit_message: "Add summary" },
    );
    const workflow = plan(input);
    expect(usedComponents(workflow)).toEqual(["read-file", "llm", "write-file", "git-commit"]);
    expect(paramsOf(workflow, "git-commit").files).toEqual(["${output_file}"]);
    expect(workflow.inputs.output_file!.description).toBe("Path of the file to write");
  });
});

describe("planWorkflowOffline does not drop the request's values an object input needs (issue 11)", () => {
  it("fails, naming http-request's `body`, when the ticket's title and priority have nowhere else to go", () => {
    const failure = failureOf(inputOf(loadFixture("helpdesk-ticket-http")));
    expect(failure).toContain(
      "could not place `http-request`: the request's values (priority, ticket_title) belong in its object input `body` (dict)",
    );
  });

  it("still plans an http call whose object input the request gives no values for", () => {
    const ping = `### http-request
Sends an HTTP request.

**Inputs**:
- \`url: str\` - Address
- \`body: dict\` - JSON body (optional)

**Outputs**:
- \`response_body: str\` - Body of the answer
`;
    const workflow = plan(
      offer([ping, LLM_NODE], "Summarize what https://example.com/api/ping answers", {
        url: "https://example.com/api/ping",
      }),
    );
    expect(usedComponents(workflow)).toEqual(["http-request", "llm"]);
  });
});

describe("planWorkflowOffline on a feature branch: checkout, commit, push (issue 11)", () => {
  const fixture = loadFixture("feature-branch-commit-push");

  it("does not take 'commit' for a mention of git-log when git-commit itself is offered", () => {
    expect(planWorkflowOffline(inputOf(fixture))).not.toMatchObject({
      failure: expect.stringContaining("git-log"),
    });
  });

  it("never pushes the base branch: two branches that fit `branch` equally are a failure naming them", () => {
    const failure = failureOf(inputOf(fixture));
    expect(failure).toContain(
      "could not place `git-push`: `base_branch` and `feature_branch` fit its input `branch` equally well",
    );
  });

  it("keeps a vague discovered name that is the name of the slot it feeds (files), not target_files", () => {
    const input = offer([COMMIT_NODE], 'Commit src/login.ts with the message "Add login form"', {
      files: "src/login.ts",
      commit_message: "Add login form",
    });
    expect(Object.keys(plan(input).inputs).sort()).toEqual(["commit_message", "files"]);
  });
});

describe("planWorkflowOffline: a word that states a parameter is no mention of another component (issue 11)", () => {
  it("does not read a file for 'the open pull requests' when read-file is browsed too", () => {
    const fixture = loadFixture("save-open-pulls-json");
    const workflow = plan({
      ...inputOf(fixture),
      planningContext: `${fixture.planningContext}\n${READ_NODE}`,
      browsedComponents: {
        nodeIds: [...fixture.browsedComponents.nodeIds, "read-file"],
        workflowNames: [],
      },
    });
    expect(usedComponents(workflow)).toEqual(["github-list-pulls", "write-file"]);
  });

  it("sends the ticket with POST and its documented body, without a Slack post or a file read nobody asked for", () => {
    const fixture = loadFixture("helpdesk-ticket-http");
    const workflow = plan({
      ...inputOf(fixture),
      planningContext: fixture.planningContext.replace(
        "- `body: dict` - JSON body to send (optional)",
        "- `body: dict` - `{title: str, priority: str}`: JSON body to send (optional)",
      ),
    });
    expect(usedComponents(workflow)).toEqual(["http-request"]);
    expect(paramsOf(workflow, "http-request")).toMatchObject({
      method: "POST",
      body: { title: "${ticket_title}", priority: "${priority}" },
    });
  });
});
