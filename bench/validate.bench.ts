import { validateWorkflow } from "../src/services/workflow/validate-workflow.js";
import { fixed, median, percentile, timeEach } from "./stats.js";

const BATCHES = 15;
const BATCH_SIZE = 200;
const WARM_UP_VALIDATIONS = 500;

/** Six components as the planner would describe them (same markdown form as the fixtures). */
const PLANNING_CONTEXT = `## Selected Components

### github-get-issue
Fetches one issue from a GitHub repository.

**Inputs**:
- \`repo: str\` - Repository as owner/name
- \`issue_number: int\` - Issue number

**Outputs**:
- \`issue_data: dict\` - The issue
  Structure (JSON format):
  \`\`\`json
  { "issue_data": { "number": "int", "title": "str", "body": "str",
    "user": { "login": "str" }, "labels": [{ "name": "str" }] } }
  \`\`\`

**Parameters**: none

### read-file
Reads a text file.

**Inputs**:
- \`file_path: str\` - Path of the file

**Outputs**:
- \`content: str\` - The file contents

**Parameters**: none

### llm
Sends a prompt to a language model.

**Inputs**:
- \`prompt: str\` - The full prompt

**Outputs**:
- \`response: str\` - The answer
- \`llm_usage: dict\` - Token usage

**Parameters**:
- \`temperature: float\` - Sampling temperature

### github-create-comment
Posts a comment on an issue.

**Inputs**:
- \`repo: str\` - Repository as owner/name
- \`issue_number: int\` - Issue number
- \`body: str\` - Comment text

**Outputs**:
- \`comment_url: str\` - URL of the comment

### write-file
Writes text to a file.

**Inputs**:
- \`file_path: str\` - Path of the file
- \`content: str\` - Text to write

**Outputs**:
- \`written: bool\` - True when written

### slack-post-message
Posts a message to Slack.

**Inputs**:
- \`channel: str\` - Channel
- \`text: str\` - Message text

**Outputs**:
- \`permalink: str\` - Link to the message
`;

const input = (description: string, type = "string") => ({ description, required: true, type });

const WORKFLOW = {
  ir_version: "0.1.0",
  inputs: {
    repo: input("Repository as owner/name"),
    issue_number: input("Issue to triage", "integer"),
    guidelines_file: input("Triage guidelines file"),
    log_file: input("Where to append the triage log"),
    slack_channel: input("Channel for the announcement"),
  },
  nodes: [
    {
      id: "fetch_issue",
      type: "github-get-issue",
      params: { repo: "${repo}", issue_number: "${issue_number}" },
    },
    { id: "read_guidelines", type: "read-file", params: { file_path: "${guidelines_file}" } },
    {
      id: "classify_issue",
      type: "llm",
      params: {
        prompt:
          "Guidelines:\n${read_guidelines.content}\n\nIssue by ${fetch_issue.issue_data.user.login}: ${fetch_issue.issue_data.title}\nLabels: ${fetch_issue.issue_data.labels[0].name}\n${fetch_issue.issue_data.body}",
        temperature: 0,
      },
    },
    {
      id: "post_triage_comment",
      type: "github-create-comment",
      params: {
        repo: "${repo}",
        issue_number: "${issue_number}",
        body: "${classify_issue.response}",
      },
    },
    {
      id: "save_triage_log",
      type: "write-file",
      params: {
        file_path: "${log_file}",
        content: "${post_triage_comment.comment_url}\n${classify_issue.response}",
      },
    },
    {
      id: "announce_triage",
      type: "slack-post-message",
      params: { channel: "${slack_channel}", text: "Triaged: ${post_triage_comment.comment_url}" },
    },
  ],
  edges: [
    { from: "fetch_issue", to: "read_guidelines" },
    { from: "read_guidelines", to: "classify_issue" },
    { from: "classify_issue", to: "post_triage_comment" },
    { from: "post_triage_comment", to: "save_triage_log" },
    { from: "save_triage_log", to: "announce_triage" },
  ],
};

const CONTEXT = {
  planningContext: PLANNING_CONTEXT,
  browsedComponents: {
    nodeIds: [
      "github-get-issue",
      "read-file",
      "llm",
      "github-create-comment",
      "write-file",
      "slack-post-message",
    ],
    workflowNames: [],
  },
  discoveredParams: { repo: "acme/widgets", issue_number: "1234", slack_channel: "#triage" },
};

/**
 * validateWorkflow throughput on a realistic 6-node workflow, planning-context parsing included
 * (the service parses it on every call). Median of several timed batches, so one GC pause does
 * not move the figure.
 */
export async function runValidateBench(): Promise<void> {
  const check = validateWorkflow(WORKFLOW, CONTEXT);
  if (!check.valid) throw new Error(`bench workflow is invalid: ${check.errors[0]?.message}`);
  for (let index = 0; index < WARM_UP_VALIDATIONS; index++) validateWorkflow(WORKFLOW, CONTEXT);
  const batches = timeEach(BATCHES, () => {
    for (let index = 0; index < BATCH_SIZE; index++) validateWorkflow(WORKFLOW, CONTEXT);
  });
  const perSecond = BATCH_SIZE / (median(batches) / 1e6);
  const perValidation = batches.map((micros) => micros / BATCH_SIZE);
  console.log(
    `validateWorkflow, 6 nodes with planning context (${BATCHES} batches of ${BATCH_SIZE}):`,
  );
  console.log(
    `  ${fixed(perSecond, 0).padStart(8)} validations/s   median ${fixed(median(perValidation), 1)} µs   p90 batch ${fixed(percentile(perValidation, 90), 1)} µs per validation`,
  );
}
