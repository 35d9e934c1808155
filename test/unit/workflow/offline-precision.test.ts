import { describe, expect, it } from "vitest";
import type { FlowIr } from "../../../src/services/workflow/flow-ir.contract.js";
import type { OfflinePlanInput } from "../../../src/services/workflow/offline-planner.js";
import { planWorkflowOffline } from "../../../src/services/workflow/offline-planner.js";

/**
 * Precision over recall (issue 11): the offline planner answers a success only when it is
 * confident of every step, else a failure naming what it could not place. The components here
 * are written like a planning context's; the requests are new, not the fixtures'.
 */

const LLM = `### llm
Sends a prompt to a language model and returns its answer.

**Inputs**:
- \`prompt: str\` - The full prompt, with any data it needs included

**Outputs**:
- \`response: str\` - The model's answer
`;
const READ = `### read-file
Reads a text file from the local disk.

**Inputs**:
- \`file_path: str\` - Path of the file to read

**Outputs**:
- \`content: str\` - The file contents
`;
const WRITE = `### write-file
Writes text to a file, creating parent directories when needed.

**Inputs**:
- \`file_path: str\` - Path of the file to write
- \`content: str\` - Text to write

**Outputs**:
- \`written: bool\` - True when the file was written

**Parameters**:
- \`append: bool\` - Append instead of overwriting (default false)
`;
const CSV_TO_JSON = `### csv-to-json
Parses CSV text into a list of records.

**Inputs**:
- \`csv_text: str\` - The CSV text
- \`delimiter: str\` - Field separator (default ",")

**Outputs**:
- \`records: list[dict]\` - One record per row
- \`json_text: str\` - The records as JSON text
`;
const SHELL = `### shell-command
Runs a command line in a shell and captures its output.

**Inputs**:
- \`command: str\` - The command line to run
- \`cwd: str\` - Working directory (default .)

**Outputs**:
- \`stdout: str\` - Standard output
`;
const EMAIL = `### send-email
Sends an email through the configured SMTP account.

**Inputs**:
- \`to: str\` - Recipient address
- \`subject: str\` - Subject line
- \`body: str\` - Message body

**Outputs**:
- \`message_id: str\` - Id of the sent message
`;
const LIST_ISSUES = `### github-list-issues
Lists issues of a repository.

**Inputs**:
- \`repo: str\` - Repository as owner/name
- \`state: str\` - open, closed or all (default open)

**Outputs**:
- \`issues: list[dict]\` - Issues, newest first
`;
const SLACK = `### slack-post-message
Posts a message to a Slack channel.

**Inputs**:
- \`channel: str\` - Channel name such as #general
- \`text: str\` - Message text

**Outputs**:
- \`message_ts: str\` - Timestamp id of the posted message
`;

function offer(
  nodes: string[],
  userInput: string,
  discoveredParams: Record<string, unknown>,
): OfflinePlanInput {
  return {
    userInput,
    planningContext: `## Selected Components\n\n${nodes.join("\n")}`,
    browsedComponents: {
      nodeIds: nodes.map((node) => /^### (\S+)/.exec(node)![1]!),
      workflowNames: [],
    },
    discoveredParams,
  };
}

function plan(input: OfflinePlanInput): FlowIr {
  const result = planWorkflowOffline(input);
  if ("failure" in result) throw new Error(`expected a workflow, got failure: ${result.failure}`);
  return result.workflow;
}

function types(workflow: FlowIr): string[] {
  return workflow.nodes.map((node) => node.type);
}

function paramsOf(workflow: FlowIr, type: string): Record<string, unknown> {
  return workflow.nodes.find((node) => node.type === type)!.params;
}

describe("offline planner: a model step only when the request asks for language work", () => {
  it("converts CSV to JSON with the converter and writes its JSON text as is", () => {
    const workflow = plan(
      offer(
        [READ, CSV_TO_JSON, WRITE, LLM],
        "Convert data/people.csv to JSON and save it as data/people.json",
        { input_file: "data/people.csv", output_file: "data/people.json" },
      ),
    );
    expect(types(workflow)).toEqual(["read-file", "csv-to-json", "write-file"]);
    expect(paramsOf(workflow, "write-file").content).toBe("${csv_to_json.json_text}");
  });

  it("emails a command's output itself, not a model's retelling of it", () => {
    const workflow = plan(
      offer([SHELL, EMAIL, LLM], "Run df -h and email the output to ops@example.org", {
        command: "df -h",
        recipient: "ops@example.org",
      }),
    );
    expect(types(workflow)).toEqual(["shell-command", "send-email"]);
    expect(paramsOf(workflow, "send-email").body).toMatch(/^\$\{\w+\.stdout\}$/);
  });

  it("keeps the model step to summarise, and to turn a list into a message text", () => {
    const summary = plan(
      offer([READ, LLM, WRITE], "Summarise diary.txt and save it to digest.md", {
        input_file: "diary.txt",
        output_file: "digest.md",
      }),
    );
    expect(types(summary)).toEqual(["read-file", "llm", "write-file"]);
    const message = plan(
      offer(
        [LIST_ISSUES, LLM, SLACK],
        "List the open issues of acme/app and post them to #dev on Slack",
        {
          repo: "acme/app",
          channel: "#dev",
        },
      ),
    );
    expect(types(message)).toEqual(["github-list-issues", "llm", "slack-post-message"]);
  });
});
