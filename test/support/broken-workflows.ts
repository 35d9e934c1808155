import type { WorkflowValidationContext } from "../../src/services/workflow/validate-workflow.js";
import type { WorkflowFixture } from "./workflow-fixtures.js";
import { loadFixture } from "./workflow-fixtures.js";

const notes = loadFixture("summarize-notes");
const triage = loadFixture("github-issue-triage");
const release = loadFixture("release-notes-from-saved-workflow");

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Ir = any;

/** A workflow fixture broken in one place, so that it breaks exactly one rule. */
export interface RuleCase {
  name: string;
  fixture?: WorkflowFixture;
  /** Breaks exactly one rule. */
  bad: (ir: Ir) => void;
  /** A close variant that must pass. */
  good?: (ir: Ir) => void;
  /** Substrings the issue message must contain (node id, parameter, token, fix). */
  tokens: string[];
  path?: string;
  nodeId?: string;
  context?: Partial<WorkflowValidationContext>;
  /** Context for the passing variant; defaults to `context`. */
  goodContext?: Partial<WorkflowValidationContext>;
}

/** Rename a node everywhere (edges and templates) so only the id itself changes. */
function renameNode(ir: Ir, from: string, to: string): void {
  const json = JSON.stringify(ir)
    .replaceAll(`"${from}"`, `"${to}"`)
    .replaceAll(`\${${from}.`, `\${${to}.`);
  Object.assign(ir, JSON.parse(json));
}

/**
 * The corpus of broken workflows: for every rule a document can break, the cases that break it
 * and nothing else (fixture defaults to summarize-notes). Shared by the per-rule tests and the
 * rule table's tests.
 */
export const BROKEN_WORKFLOWS: Record<string, RuleCase[]> = {
  "root-fields": [
    {
      name: "extra top-level fields",
      bad: (ir) => Object.assign(ir, { name: "notes", description: "d" }),
      good: (ir) =>
        Object.assign(ir, {
          start_node: "read_notes",
          outputs: {
            summary: { description: "The summary", source: "${summarize_notes.response}" },
          },
        }),
      tokens: ["description, name", "remove"],
    },
  ],
  "ir-version": [
    {
      name: "wrong version",
      bad: (ir) => (ir.ir_version = "1.0"),
      tokens: ['"0.1.0"', '"1.0"'],
      path: "ir_version",
    },
  ],
  "nodes-empty": [
    {
      name: "no nodes",
      bad: (ir) => Object.assign(ir, { nodes: [], edges: [], inputs: {} }),
      good: (ir) =>
        Object.assign(ir, {
          nodes: [ir.nodes[0]],
          edges: [],
          inputs: { source_file: ir.inputs.source_file },
        }),
      tokens: ["at least one node"],
      path: "nodes",
    },
  ],
  "node-shape": [
    {
      name: "extra node field",
      bad: (ir) => (ir.nodes[0].workflow_name = "x"),
      good: (ir) => (ir.nodes[0].purpose = "Load the notes"),
      tokens: ["read_notes", "workflow_name", "params"],
      path: "nodes[0]",
      nodeId: "read_notes",
    },
    {
      name: "missing params",
      bad: (ir) => delete ir.nodes[1].params,
      tokens: ["summarize_notes", "params"],
      path: "nodes[1].params",
    },
    {
      name: "id with a space",
      bad: (ir) => renameNode(ir, "save_summary", "save summary"),
      good: (ir) => renameNode(ir, "save_summary", "save-summary"),
      tokens: ["'save summary'", "save_summary"],
      path: "nodes[2].id",
    },
  ],
  "duplicate-id": [
    {
      name: "two nodes with one id",
      bad: (ir) => (ir.nodes[2].id = "summarize_notes"),
      tokens: ["Duplicate node ID 'summarize_notes'", "nodes[1]", "nodes[2]", "unique"],
      path: "nodes[2].id",
    },
  ],
  "descriptive-id": [
    { name: "n1", bad: (ir) => renameNode(ir, "read_notes", "n1"), tokens: ["'n1'", "read_file"] },
    { name: "node2", bad: (ir) => renameNode(ir, "summarize_notes", "node2"), tokens: ["'node2'"] },
    { name: "step_3", bad: (ir) => renameNode(ir, "save_summary", "step_3"), tokens: ["'step_3'"] },
    {
      name: "too short",
      bad: (ir) => renameNode(ir, "save_summary", "sv"),
      good: (ir) => renameNode(ir, "save_summary", "save"),
      tokens: ["'sv'", "what the step does"],
      nodeId: "sv",
    },
  ],
  "unknown-type": [
    {
      name: "type not offered",
      bad: (ir) => (ir.nodes[0].type = "http-request"),
      tokens: ["'http-request'", "read_notes", "'read-file'", "'llm'"],
      path: "nodes[0].type",
    },
    {
      name: "close typo",
      bad: (ir) => (ir.nodes[0].type = "read-files"),
      tokens: ["Did you mean 'read-file'?"],
    },
    {
      name: "type in the planning context but not browsed",
      bad: (ir) => (ir.nodes[0].type = "read-file"),
      context: { browsedComponents: { nodeIds: ["llm", "write-file"], workflowNames: [] } },
      goodContext: {
        browsedComponents: { nodeIds: ["read-file", "llm", "write-file"], workflowNames: [] },
      },
      tokens: ["'read-file'", "not among the available components"],
    },
    {
      name: "saved workflow name used as a type",
      fixture: release,
      bad: (ir) => {
        ir.nodes[0].type = "generate-changelog";
        ir.nodes[0].params = { since_tag: "${previous_tag}", repo_path: "${repo_path}" };
        ir.nodes[1].params.prompt = "Notes for ${slack_channel}";
      },
      tokens: ["'generate-changelog'", '"type": "workflow"', "workflow_name"],
    },
  ],
  "duplicate-type": [
    {
      name: "two llm nodes",
      bad: (ir) => (ir.nodes[2].type = "llm"),
      tokens: ["'summarize_notes', 'save_summary'", "'llm'", "at most one node per type"],
      nodeId: "save_summary",
    },
  ],
  "edge-shape": [
    {
      name: "edge without to",
      bad: (ir) => delete ir.edges[0].to,
      tokens: ["edges[0]", "'from' and 'to'"],
      path: "edges[0]",
    },
    {
      name: "edge with an extra field",
      bad: (ir) => (ir.edges[1].label = "then"),
      tokens: ["edges[1]", "label"],
    },
  ],
  "edge-ref": [
    {
      name: "typo in edge target",
      bad: (ir) => (ir.edges[1].to = "save_sumary"),
      tokens: ["'save_sumary'", "edges[1].to", "Did you mean 'save_summary'?", "'read_notes'"],
      path: "edges[1].to",
    },
  ],
  "edge-action": [
    {
      name: "action on an edge",
      bad: (ir) => (ir.edges[0].action = "default"),
      tokens: ["edges[0]", "action", '"default"', "plain {from, to}"],
      path: "edges[0].action",
    },
  ],
  branching: [
    {
      name: "two successors",
      bad: (ir) => (ir.edges[1] = { from: "read_notes", to: "save_summary" }),
      tokens: ["read_notes", "2 outgoing edges", "'summarize_notes', 'save_summary'", "linear"],
      nodeId: "read_notes",
    },
  ],
  merge: [
    {
      name: "two predecessors",
      bad: (ir) => (ir.edges[0] = { from: "read_notes", to: "save_summary" }),
      tokens: ["save_summary", "2 incoming edges", "'read_notes', 'summarize_notes'"],
      nodeId: "save_summary",
    },
  ],
  cycle: [
    {
      name: "edge back to the start",
      bad: (ir) => ir.edges.push({ from: "save_summary", to: "read_notes" }),
      tokens: [
        "Circular dependency",
        "read_notes -> summarize_notes -> save_summary -> read_notes",
        "edges[2]",
      ],
      path: "edges[2]",
    },
    {
      name: "self-loop",
      bad: (ir) =>
        Object.assign(ir, {
          nodes: [ir.nodes[0]],
          edges: [{ from: "read_notes", to: "read_notes" }],
          inputs: { source_file: ir.inputs.source_file },
        }),
      tokens: ["'read_notes' has an edge to itself", "edges[0]"],
    },
  ],
  connectivity: [
    {
      name: "a node left out",
      bad: (ir) => ir.edges.pop(),
      tokens: [
        "[read_notes -> summarize_notes], [save_summary]",
        "3 nodes need 2 edges, found 1",
        '{"from": "summarize_notes", "to": "save_summary"}',
      ],
      path: "edges",
    },
  ],
  "start-node": [
    {
      name: "start_node is not the head",
      bad: (ir) => (ir.start_node = "summarize_notes"),
      good: (ir) => (ir.start_node = "read_notes"),
      tokens: ["start_node 'summarize_notes'", "('read_notes')"],
      path: "start_node",
    },
    {
      name: "start_node names no node",
      bad: (ir) => (ir.start_node = "read_note"),
      tokens: ["'read_note'", "Did you mean 'read_notes'?"],
    },
  ],
  "input-shape": [
    {
      name: "input given as a string",
      bad: (ir) => (ir.inputs.source_file = "str"),
      tokens: ["input 'source_file'", "description, required and type", "not string"],
      path: "inputs.source_file",
    },
    {
      name: "input type outside the enum",
      bad: (ir) => (ir.inputs.source_file.type = "str"),
      tokens: ["input 'source_file'", "type must be one of string, number", '"str"'],
    },
  ],
  "input-required-default": [
    {
      name: "required input with default",
      bad: (ir) => (ir.inputs.summary_file.default = "out.md"),
      good: (ir) => Object.assign(ir.inputs.summary_file, { required: false, default: "out.md" }),
      tokens: ["input 'summary_file'", "required but also has a default"],
      path: "inputs.summary_file",
    },
  ],
  "optional-input-default": [
    {
      name: "optional input without default",
      bad: (ir) => delete ir.inputs.max_words.default,
      tokens: ["input 'max_words'", "optional but has no default"],
      path: "inputs.max_words",
    },
  ],
  "malformed-template": [
    {
      name: "unclosed template",
      bad: (ir) =>
        (ir.nodes[1].params.prompt = "Summarize ${read_notes.content in ${max_words} words"),
      good: (ir) =>
        (ir.nodes[1].params.prompt =
          "Summarize ${read_notes.content} in ${max_words} words, price in $$"),
      tokens: ["node 'summarize_notes'", "parameter 'prompt'", "'${read_notes.content'", "closing"],
      path: "nodes[1].params.prompt",
    },
    {
      name: "spaces inside",
      bad: (ir) => (ir.nodes[2].params.content = "${ summarize_notes.response }"),
      tokens: ["'${ summarize_notes.response }'", "no spaces"],
    },
    {
      name: "bad body nested in an object",
      fixture: loadFixture("csv-sales-report"),
      bad: (ir) => (ir.nodes[1].params.inputs.csv_text = "${read_sales_csv..content}"),
      tokens: [
        "node 'aggregate_sales' parameter 'inputs.csv_text'",
        "'${read_sales_csv..content}'",
      ],
      path: "nodes[1].params.inputs.csv_text",
    },
  ],
  "undeclared-var": [
    {
      name: "template with no input",
      bad: (ir) => (ir.nodes[0].params.encoding = "${file_encoding}"),
      good: (ir) => {
        ir.nodes[0].params.encoding = "${file_encoding}";
        ir.inputs.file_encoding = {
          description: "Encoding",
          required: false,
          type: "string",
          default: "utf-8",
        };
      },
      tokens: [
        "Node 'read_notes'",
        "'${file_encoding}'",
        "parameter 'encoding'",
        "Declare 'file_encoding'",
      ],
      path: "nodes[0].params.encoding",
      nodeId: "read_notes",
    },
    {
      name: "bare form, close to a declared input",
      bad: (ir) => (ir.nodes[0].params.encoding = "$source_fle"),
      good: (ir) => (ir.nodes[0].params.file_path = "$source_file"),
      tokens: ["'$source_fle'", "Did you mean 'source_file'?"],
    },
  ],
  "node-ref-missing": [
    {
      name: "dotted template naming no node",
      bad: (ir) =>
        (ir.nodes[1].params.prompt = "Summarize ${read_note.content} in ${max_words} words"),
      tokens: [
        "Node 'summarize_notes'",
        "non-existent node 'read_note'",
        "parameter 'prompt'",
        "Did you mean 'read_notes'?",
      ],
    },
  ],
  "node-order": [
    {
      name: "reference to a later node",
      bad: (ir) => (ir.nodes[0].params.encoding = "${summarize_notes.response}"),
      tokens: [
        "Node 'read_notes' references 'summarize_notes' which comes after it",
        "parameter 'encoding'",
      ],
      nodeId: "read_notes",
    },
    {
      name: "reference to itself",
      bad: (ir) => (ir.nodes[1].params.system = "${summarize_notes.response}"),
      tokens: ["'${summarize_notes.response}'", "itself", "'read_notes'"],
    },
  ],
  "node-output": [
    {
      name: "unknown output key",
      bad: (ir) =>
        (ir.nodes[1].params.prompt = "Summarize ${read_notes.contents}, ${max_words} words"),
      tokens: [
        "Node 'read_notes' (type: read-file) does not output 'contents'",
        "Did you mean 'content'?",
        "'content', 'error'",
        "parameter 'prompt'",
      ],
    },
    {
      name: "unknown nested field",
      fixture: triage,
      bad: (ir) => (ir.nodes[1].params.prompt = "Title: ${fetch_issue.issue_data.titel}"),
      good: (ir) =>
        (ir.nodes[1].params.prompt =
          "Title: ${fetch_issue.issue_data.title} ${fetch_issue.issue_data.labels[2].color} ${fetch_issue.issue_data.labels}"),
      tokens: [
        "'issue_data' has no field 'titel'",
        "Did you mean 'title'?",
        "'${fetch_issue.issue_data.titel}'",
      ],
    },
    {
      name: "workflow node output not in output_mapping",
      fixture: release,
      bad: (ir) => (ir.nodes[1].params.prompt = "Notes: ${build_changelog.changelog_markdown}"),
      tokens: ["does not output 'changelog_markdown'", "'release_changelog'"],
    },
  ],
  "node-ref": [
    {
      name: "node id without output key",
      bad: (ir) => (ir.nodes[1].params.prompt = "Summarize ${read_notes} in ${max_words} words"),
      tokens: ["'${read_notes}'", "without an output key", "'content'", "parameter 'prompt'"],
    },
  ],
  "unused-input": [
    {
      name: "declared but never used",
      bad: (ir) =>
        (ir.inputs.backup_dir = { description: "Backups", required: true, type: "string" }),
      good: (ir) => {
        ir.inputs.backup_dir = { description: "Backups", required: true, type: "string" };
        ir.nodes[2].params.extra = { copies: ["${backup_dir}/copy.md"] };
      },
      tokens: ["never used", "backup_dir", "${backup_dir}"],
      path: "inputs.backup_dir",
    },
  ],
  hardcoded: [
    {
      name: "request value as a number",
      fixture: triage,
      bad: (ir) => (ir.nodes[2].params.issue_number = 1234),
      good: (ir) => (ir.nodes[1].params.prompt += " Issue 12345 is unrelated; costs $5."),
      tokens: [
        "Node 'post_triage_comment' parameter 'issue_number'",
        "'1234'",
        "template variable",
      ],
      path: "nodes[2].params.issue_number",
    },
    {
      name: "request value inside a prompt",
      bad: (ir) =>
        (ir.nodes[1].params.prompt =
          "Summarize notes.txt: ${read_notes.content}, ${max_words} words"),
      tokens: ["'notes.txt'", "parameter 'prompt'"],
    },
  ],
  "workflow-node": [
    {
      name: "missing workflow_name",
      fixture: release,
      bad: (ir) => delete ir.nodes[0].params.workflow_name,
      good: (ir) => delete ir.nodes[0].params.storage_mode,
      tokens: [
        "workflow node 'build_changelog' is missing params.workflow_name",
        "'generate-changelog'",
      ],
      path: "nodes[0].params.workflow_name",
    },
    {
      name: "workflow_name not offered",
      fixture: release,
      bad: (ir) => (ir.nodes[0].params.workflow_name = "generate-changelogs"),
      tokens: ["'generate-changelogs'", "Did you mean 'generate-changelog'?"],
    },
    {
      name: "param_mapping not an object",
      fixture: release,
      bad: (ir) => (ir.nodes[0].params.param_mapping = ["${previous_tag}", "${repo_path}"]),
      tokens: ["param_mapping must be an object", "not array"],
    },
    {
      name: "storage_mode other than mapped",
      fixture: release,
      bad: (ir) => (ir.nodes[0].params.storage_mode = "shared"),
      tokens: ['storage_mode is "shared"', '"mapped"'],
    },
    {
      name: "workflow_ref instead of workflow_name",
      fixture: release,
      bad: (ir) => (ir.nodes[0].params.workflow_ref = "./generate-changelog.json"),
      tokens: ["workflow_ref", "workflow_name"],
    },
    {
      name: "param_mapping key that is not an input of the saved workflow",
      fixture: release,
      bad: (ir) =>
        (ir.nodes[0].params.param_mapping = {
          since: "${previous_tag}",
          repo_path: "${repo_path}",
        }),
      tokens: ["key 'since'", "'since_tag'"],
    },
  ],
  "template-type": [
    {
      name: "dict into a bool parameter",
      bad: (ir) => (ir.nodes[2].params.append = "${summarize_notes.llm_usage}"),
      // A file writer's content takes an object: it is written as JSON.
      good: (ir) => (ir.nodes[2].params.content = "${summarize_notes.llm_usage}"),
      tokens: ["node 'save_summary' parameter 'append'", "'dict'", "'bool'"],
    },
    {
      name: "dict into a str parameter that is not a file's content",
      fixture: triage,
      bad: (ir) => (ir.nodes[1].params.system = "${fetch_issue.issue_data}"),
      good: (ir) => (ir.nodes[1].params.system = "Issue: ${fetch_issue.issue_data}"),
      tokens: ["node 'classify_issue' parameter 'system'", "'dict'", "'str'"],
    },
  ],
};

/** The fixture a case breaks. */
export function fixtureOf(ruleCase: RuleCase): WorkflowFixture {
  return ruleCase.fixture ?? notes;
}
