import { describe, expect, it } from "vitest";
import type { FlowIr } from "../../../src/services/workflow/flow-ir.contract.js";
import { failureOf, offer, plan } from "../../support/offline-plans.js";

/**
 * The offline planner wires by data flow: what a step makes reaches a later step, and a sink
 * writes or sends the data the step before it made, not an older output that shares a name.
 */
const READ_NODE = `### read-file
Reads a text file.

**Inputs**:
- \`file_path: str\` - Path of the file to read

**Outputs**:
- \`content: str\` - The file contents
`;
const WRITE_NODE = `### write-file
Writes text to a file.

**Inputs**:
- \`file_path: str\` - Path of the file to write
- \`content: str\` - Text to write

**Outputs**:
- \`written: bool\` - True when written
`;
const RENDER_NODE = `### markdown-to-html
Renders Markdown text to an HTML document.

**Inputs**:
- \`markdown: str\` - Markdown source

**Outputs**:
- \`html: str\` - The HTML document
`;
const TRANSLATE_NODE = `### text-translate
Translates text into another language.

**Inputs**:
- \`text: str\` - Text to translate
- \`target_lang: str\` - Target language, e.g. Spanish

**Outputs**:
- \`translation: str\` - The translated text
`;
const WEBHOOK_NODE = `### webhook-post
Posts a message to an incoming webhook.

**Inputs**:
- \`webhook_url: str\` - The incoming-webhook address
- \`message: str\` - Message text; sent as the payload's text field

**Outputs**:
- \`status_code: int\` - HTTP status of the answer
`;
const LLM_NODE = `### llm
Sends a prompt to a language model.

**Inputs**:
- \`prompt: str\` - The full prompt

**Outputs**:
- \`response: str\` - The model's answer
`;
const TICKET_NODE = `### tracker-create-issue
Creates an issue in a tracker project.

**Inputs**:
- \`project_key: str\` - Project key, e.g. OPS
- \`summary: str\` - Issue title
- \`description: str\` - Issue text (optional)

**Outputs**:
- \`issue_key: str\` - Key of the new issue
`;

const PARSE_NODE = `### csv-parse
Parses CSV text into rows.

**Inputs**:
- \`csv_text: str\` - CSV text

**Outputs**:
- \`rows: list[dict]\` - One object per row
`;

const MERGE_NODE = `### pdf-merge
Merges several PDF files into one.

**Inputs**:
- \`pdf_paths: list[str]\` - PDF files to merge, in order
- \`output_path: str\` - Path of the merged PDF

**Outputs**:
- \`merged_path: str\` - Path of the merged PDF
`;
const RESIZE_NODE = `### image-resize
Resizes an image, keeping its format.

**Inputs**:
- \`image_path: str\` - Image to resize
- \`width: int\` - New width in pixels
- \`output_path: str\` - Where to save the result

**Outputs**:
- \`resized_path: str\` - Path of the resized image
`;

function paramsOf(workflow: FlowIr, type: string): Record<string, unknown> {
  const node = workflow.nodes.find((candidate) => candidate.type === type);
  if (node === undefined) throw new Error(`no ${type} node in ${JSON.stringify(workflow.nodes)}`);
  return node.params;
}

describe("offline planner: a text input takes the data of the step before it", () => {
  it("writes the rendered HTML, not the Markdown read before it (same name `content`)", () => {
    const workflow = plan(
      offer(
        [READ_NODE, RENDER_NODE, WRITE_NODE],
        "Render docs/notes.md as HTML and save it to site/notes.html",
        { input_file: "docs/notes.md", output_file: "site/notes.html" },
      ),
    );
    expect(paramsOf(workflow, "write-file").content).toBe("${markdown_to_html.html}");
  });

  it("posts the translation to a `message` input described as 'Message text', no new input", () => {
    const workflow = plan(
      offer(
        [READ_NODE, TRANSLATE_NODE, WEBHOOK_NODE],
        "Translate news/launch.md into Spanish and post it through the webhook https://hooks.example.com/1",
        {
          input_file: "news/launch.md",
          target_language: "Spanish",
          webhook_url: "https://hooks.example.com/1",
        },
      ),
    );
    expect(paramsOf(workflow, "webhook-post").message).toBe("${text_translate.translation}");
    expect(Object.keys(workflow.inputs)).not.toContain("post_message");
  });

  it("puts the model's summary in an optional `description` described as 'Issue text'", () => {
    const workflow = plan(
      offer(
        [READ_NODE, LLM_NODE, TICKET_NODE],
        'Read support/case.txt, write a one-paragraph summary of it, and create an issue in project SUP titled "Checkout fails" with the summary as its description',
        { case_file: "support/case.txt", project_key: "SUP", title: "Checkout fails" },
      ),
    );
    expect(String(paramsOf(workflow, "tracker-create-issue").description)).toMatch(
      /^\$\{\w+\.response\}$/,
    );
  });
});

describe("offline planner: no step's work is thrown away", () => {
  it("fails, naming the transform, when no later step takes what it made", () => {
    const failure = failureOf(
      offer(
        [READ_NODE, PARSE_NODE, WEBHOOK_NODE],
        "Read data/sales.csv, parse the CSV and post it through the webhook https://hooks.example.com/1",
        { input_file: "data/sales.csv", webhook_url: "https://hooks.example.com/1" },
      ),
    );
    expect(failure).toContain("could not place `csv-parse`: no later step uses its output (rows");
  });
});

describe("offline planner: no value of the request is dropped", () => {
  it("sends `output_file` to `output_path`: file and path name the same place", () => {
    const workflow = plan(
      offer([MERGE_NODE], "Merge a.pdf and b.pdf into full.pdf", {
        pdf_files: ["a.pdf", "b.pdf"],
        output_file: "full.pdf",
      }),
    );
    expect(paramsOf(workflow, "pdf-merge").output_path).toBe("${output_file}");
  });

  it("fails, naming the value, when no offered step takes it and there is no model step", () => {
    const failure = failureOf(
      offer(
        [RESIZE_NODE],
        "Resize banner.jpg to 600 pixels wide and convert it to WebP as banner.webp",
        {
          image_path: "banner.jpg",
          width: 600,
          format: "webp",
          output_file: "banner.webp",
        },
      ),
    );
    expect(failure).toContain("nothing offered takes `format: webp`");
  });
});

describe("offline planner: the model step does not stand in for a missing service", () => {
  it("fails, naming Jira, when the request opens a Jira ticket and only GitHub is offered", () => {
    const GITHUB_ISSUE_NODE = `### github-create-issue
Opens an issue in a GitHub repository.

**Inputs**:
- \`repo: str\` - owner/name
- \`title: str\` - Issue title
- \`body: str\` - Issue text (optional)

**Outputs**:
- \`issue_number: int\` - Number of the new issue
`;
    const failure = failureOf(
      offer(
        [READ_NODE, GITHUB_ISSUE_NODE, LLM_NODE],
        "Open a Jira ticket in project OPS describing the failed backup in logs/backup.log",
        { project_key: "OPS", log_file: "logs/backup.log" },
      ),
    );
    expect(failure).toContain("Jira");
    expect(failure).toContain("github-create-issue");
  });
});

describe("offline planner: a dedicated component does its own language work", () => {
  it("posts the classifier's label, with no model step for 'the review' it classifies", () => {
    const CLASSIFY_NODE = `### sentiment-classify
Classifies the sentiment of a text.

**Inputs**:
- \`text: str\` - Text to classify

**Outputs**:
- \`label: str\` - positive, neutral or negative
`;
    const workflow = plan(
      offer(
        [READ_NODE, CLASSIFY_NODE, LLM_NODE, WEBHOOK_NODE],
        "Classify the sentiment of the review in feedback/review.txt and post the label through the webhook https://hooks.example.com/1",
        { review_file: "feedback/review.txt", webhook_url: "https://hooks.example.com/1" },
      ),
    );
    expect(workflow.nodes.map((node) => node.type)).toEqual([
      "read-file",
      "sentiment-classify",
      "webhook-post",
    ]);
    expect(paramsOf(workflow, "webhook-post").message).toBe("${sentiment_classify.label}");
  });
});

describe("offline planner: a word another step's parameter covers mentions no new component", () => {
  it("appends the rows with csv-export's `append`, without a spreadsheet step it would invent ids for", () => {
    const QUERY_NODE = `### sql-query
Runs a SQL query against a database.

**Inputs**:
- \`connection_url: str\` - Database address
- \`sql: str\` - The query

**Outputs**:
- \`rows: list[dict]\` - Result rows
`;
    const EXPORT_NODE = `### csv-export
Writes a list of records to a CSV file.

**Inputs**:
- \`rows: list[dict]\` - Records to write
- \`file_path: str\` - Path of the CSV file

**Outputs**:
- \`rows_written: int\` - Number of rows written

**Parameters**:
- \`append: bool\` - Add the rows to the end of an existing file (default false)
`;
    const SHEET_NODE = `### spreadsheet-append-row
Appends one row to a worksheet.

**Inputs**:
- \`spreadsheet_id: str\` - Id of the spreadsheet
- \`values: list\` - Cell values of the row

**Outputs**:
- \`updated_range: str\` - Range that was written
`;
    const workflow = plan(
      offer(
        [QUERY_NODE, EXPORT_NODE, SHEET_NODE],
        "Run SELECT id FROM orders on postgres://db/shop and append the rows to reports/orders.csv",
        {
          connection_url: "postgres://db/shop",
          sql: "SELECT id FROM orders",
          output_file: "reports/orders.csv",
          append: true,
        },
      ),
    );
    expect(workflow.nodes.map((node) => node.type)).toEqual(["sql-query", "csv-export"]);
  });
});

describe("offline planner: a service word of the chosen sink asks for no search", () => {
  it("creates the issue without a search step that shares only the service name and project", () => {
    const SEARCH_NODE = `### tracker-search-issues
Finds issues in a tracker project.

**Inputs**:
- \`project_key: str\` - Project key

**Outputs**:
- \`issues: list[dict]\` - Matching issues
`;
    const workflow = plan(
      offer(
        [READ_NODE, SEARCH_NODE, LLM_NODE, TICKET_NODE],
        'Read support/case.txt, write a one-paragraph summary of it, and open a tracker bug in project SUP titled "Checkout fails" with the summary as its description',
        { case_file: "support/case.txt", project_key: "SUP", title: "Checkout fails" },
      ),
    );
    expect(workflow.nodes.map((node) => node.type)).toEqual([
      "read-file",
      "llm",
      "tracker-create-issue",
    ]);
  });
});
