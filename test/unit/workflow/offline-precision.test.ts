import { describe, expect, it } from "vitest";
import type { FlowIr } from "../../../src/services/workflow/flow-ir.contract.js";
import { planWorkflowOffline } from "../../../src/services/workflow/offline-planner.js";
import { offer, plan } from "../../support/offline-plans.js";

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

const CREATE_ISSUE = `### github-create-issue
Opens a new issue in a repository.

**Inputs**:
- \`repo: str\` - Repository as owner/name
- \`title: str\` - Issue title

**Outputs**:
- \`issue_url: str\` - Link to the new issue
`;
const TELEGRAM = `### telegram-send-message
Sends a message to a Telegram chat.

**Inputs**:
- \`chat_id: str\` - Chat id
- \`text: str\` - Message text

**Outputs**:
- \`message_id: int\` - Id of the sent message

**Parameters**:
- \`disable_notification: bool\` - Send silently, without a sound (default false)
`;
const GIT_TAG = `### git-tag
Creates a tag in a local git repository.

**Inputs**:
- \`repo_path: str\` - Path of the repository
- \`tag_name: str\` - Name of the tag

**Outputs**:
- \`tag: str\` - The created tag
`;
const GIT_PUSH = `### git-push
Pushes commits or tags to a remote.

**Inputs**:
- \`repo_path: str\` - Path of the repository
- \`remote: str\` - Remote name (default origin)

**Outputs**:
- \`pushed: bool\` - True when the push succeeded
`;
const GIT_PUSH_REF = `### git-push
Pushes commits or tags to a remote.

**Inputs**:
- \`repo_path: str\` - Path of the repository
- \`ref: str\` - Branch or tag to push (optional, default the current branch)

**Outputs**:
- \`pushed: bool\` - True when the push succeeded

**Parameters**:
- \`tags: bool\` - Also push all tags (default false)
`;
const GIT_COMMIT = `### git-commit
Stages files and commits them.

**Inputs**:
- \`repo_path: str\` - Path of the repository
- \`message: str\` - Commit message

**Outputs**:
- \`sha: str\` - Hash of the new commit
`;

const GIT_DIFF = `### git-diff
Shows the diff between two refs of a local repository.

**Inputs**:
- \`base: str\` - Ref to compare from
- \`head: str\` - Ref to compare to (default HEAD)

**Outputs**:
- \`diff: str\` - Unified diff
`;
const CREATE_PULL = `### github-create-pull
Opens a pull request.

**Inputs**:
- \`repo: str\` - Repository as owner/name
- \`head: str\` - Branch with the changes
- \`base: str\` - Branch to merge into (default main)
- \`title: str\` - Pull request title
- \`body: str\` - Description in Markdown (optional)

**Outputs**:
- \`pull_url: str\` - Link to the pull request
`;

const LIST_CHARGES = `### stripe-list-charges
Lists charges from the Stripe account.

**Inputs**:
- \`status: str\` - succeeded, pending, failed or all (default all)

**Outputs**:
- \`charges: list[dict]\` - Charges, newest first
`;
const GET_CUSTOMER = `### stripe-get-customer
Fetches one Stripe customer.

**Inputs**:
- \`customer_id: str\` - Customer id, e.g. cus_123

**Outputs**:
- \`customer: dict\` - The customer
`;
const JSON_TO_CSV = `### json-to-csv
Turns a list of records into CSV text.

**Inputs**:
- \`records: list[dict]\` - Records to convert

**Outputs**:
- \`csv_text: str\` - The CSV text
`;
const HTTP = `### http-request
Sends an HTTP request and returns the answer.

**Inputs**:
- \`url: str\` - Address to call
- \`method: str\` - GET, POST, PUT or DELETE (default GET)
- \`query: dict\` - Query-string parameters (optional)
- \`body: dict\` - JSON body to send (optional)

**Outputs**:
- \`response_body: str\` - Body of the answer as text
`;
const TRANSLATE = `### translate-text
Translates text with the translation service.

**Inputs**:
- \`text: str\` - Text to translate
- \`target_language: str\` - Language to translate into, e.g. French
- \`source_language: str\` - Language of the text (optional, detected when left out)

**Outputs**:
- \`translated_text: str\` - The translation
`;

const PDF_TEXT = `### pdf-to-text
Extracts the text of a PDF file.

**Inputs**:
- \`file_path: str\` - Path of the PDF

**Outputs**:
- \`text: str\` - Extracted text
`;
const EXTRACT_INVOICE = `### extract-invoice
Saved workflow: reads a PDF invoice and extracts its fields.

**Inputs**:
- \`pdf_path: str\` - Path of the invoice PDF

**Outputs**:
- \`invoice: dict\` - The extracted invoice
  Available paths:
  - \`invoice.total\` (float) - Total amount
  - \`invoice.csv_line\` (str) - vendor,date,total as one CSV line
`;

const EXCEL_READ = `### excel-read-sheet
Reads one worksheet of an .xlsx workbook into rows.

**Inputs**:
- \`file_path: str\` - Path of the workbook
- \`sheet: str\` - Worksheet name (optional, default the first sheet)

**Outputs**:
- \`rows: list[dict]\` - One dict per row
`;
const CSV_WRITE = `### csv-write
Writes a list of records to a CSV file.

**Inputs**:
- \`rows: list[dict]\` - Records to write
- \`file_path: str\` - Path of the CSV file

**Outputs**:
- \`row_count: int\` - Number of rows written
`;

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

describe("offline planner: a component that changes something only when the request asks for it", () => {
  it("posts the listed issues to Slack without opening a new issue with an invented title", () => {
    const workflow = plan(
      offer(
        [LIST_ISSUES, LLM, SLACK, CREATE_ISSUE],
        "List the open issues of acme/app and post their titles to #dev on Slack",
        { repo: "acme/app", channel: "#dev" },
      ),
    );
    expect(types(workflow)).toEqual(["github-list-issues", "llm", "slack-post-message"]);
  });

  it("sends to the Telegram chat the request names, not also an email", () => {
    const workflow = plan(
      offer(
        [READ, LLM, TELEGRAM, EMAIL],
        "Summarize app.log and send the summary to my Telegram chat 42",
        {
          log_file: "app.log",
          chat_id: "42",
        },
      ),
    );
    expect(types(workflow)).toEqual(["read-file", "llm", "telegram-send-message"]);
  });

  it("exports a sheet to a .csv with the CSV writer only: never two sinks writing one path", () => {
    const workflow = plan(
      offer([EXCEL_READ, CSV_WRITE, WRITE, LLM], "Export the Q3 sheet of budget.xlsx to q3.csv", {
        workbook: "budget.xlsx",
        sheet: "Q3",
        output_file: "q3.csv",
      }),
    );
    expect(types(workflow)).toEqual(["excel-read-sheet", "csv-write"]);
  });

  it("tags 'the current commit' and pushes, without committing anything", () => {
    const workflow = plan(
      offer(
        [GIT_TAG, GIT_PUSH, GIT_COMMIT],
        "Tag the current commit of ~/code/app as v1.0.0 and push the tag to origin",
        { repo_path: "~/code/app", tag_name: "v1.0.0", remote: "origin" },
      ),
    );
    expect(types(workflow)).toEqual(["git-tag", "git-push"]);
  });
});

describe("offline planner: a destination the request names and no component offers", () => {
  it("fails naming Discord instead of posting to Slack", () => {
    const result = planWorkflowOffline(
      offer([READ, LLM, SLACK], "Summarize notes.txt and post it to #team on Discord", {
        input_file: "notes.txt",
        channel: "#team",
      }),
    );
    expect(result).toHaveProperty("failure");
    expect((result as { failure: string }).failure).toContain("deliver on Discord");
  });
});

describe("offline planner: an optional input of a sink can be what the model step writes", () => {
  it("puts the description written from the diff into the pull request's optional body", () => {
    const workflow = plan(
      offer(
        [GIT_DIFF, LLM, CREATE_PULL],
        'Open a pull request in acme/web from fix/a into main titled "Fix A", with a description written from the diff',
        { repo: "acme/web", head_branch: "fix/a", base_branch: "main", title: "Fix A" },
      ),
    );
    expect(types(workflow)).toEqual(["git-diff", "llm", "github-create-pull"]);
    expect(paramsOf(workflow, "github-create-pull").body).toMatch(/^\$\{\w+\.response\}$/);
  });
});

describe("offline planner: no component the request does not need, no invented input", () => {
  it("exports the failed charges without fetching a customer whose id nothing gives", () => {
    const workflow = plan(
      offer(
        [LIST_CHARGES, JSON_TO_CSV, WRITE, GET_CUSTOMER, LLM],
        "Export the failed Stripe charges as CSV to out/failed.csv",
        { status: "failed", output_file: "out/failed.csv" },
      ),
    );
    expect(types(workflow)).toEqual(["stripe-list-charges", "json-to-csv", "write-file"]);
    // The charges are the records to convert: the same list of dicts, not a new input.
    expect(paramsOf(workflow, "json-to-csv").records).toMatch(/^\$\{\w+\.charges\}$/);
    expect(Object.keys(workflow.inputs).sort()).toEqual(["output_file", "status"]);
  });

  it("writes a blurb in French with the model step, without a translator nobody asked for", () => {
    const workflow = plan(
      offer(
        [HTTP, LLM, WRITE, TRANSLATE],
        "Fetch https://shop.example.com/p/9 and write a short blurb for it in French to blurbs/9.md",
        { url: "https://shop.example.com/p/9", language: "French", output_file: "blurbs/9.md" },
      ),
    );
    expect(types(workflow)).toEqual(["http-request", "llm", "write-file"]);
  });

  it("gives a GET call the query fields the request names, instead of refusing", () => {
    const workflow = plan(
      offer(
        [HTTP, WRITE, LLM],
        "Get https://api.example.com/rates with base EUR and symbols USD and save the answer to rates.json",
        {
          url: "https://api.example.com/rates",
          base: "EUR",
          symbols: "USD",
          output_file: "rates.json",
        },
      ),
    );
    expect(types(workflow)).toEqual(["http-request", "write-file"]);
    expect(paramsOf(workflow, "http-request").query).toEqual({
      base: "${base}",
      symbols: "${symbols}",
    });
  });
});

describe("offline planner: each value and output to its one right slot", () => {
  it("sends 'silently' as the documented flag, not as prose for the model", () => {
    const workflow = plan(
      offer(
        [READ, LLM, TELEGRAM],
        "Summarize app.log and send it silently to my Telegram chat 42",
        {
          log_file: "app.log",
          chat_id: "42",
          silent: true,
        },
      ),
    );
    expect(paramsOf(workflow, "telegram-send-message").disable_notification).toBe("${silent}");
  });

  it("gives 'French' to the translator's target language only", () => {
    const workflow = plan(
      offer([READ, TRANSLATE, WRITE], "Translate guide.md into French and save it to guide.fr.md", {
        input_file: "guide.md",
        language: "French",
        output_file: "guide.fr.md",
      }),
    );
    const params = paramsOf(workflow, "translate-text");
    expect(params.target_language).toBe("${language}");
    expect(params).not.toHaveProperty("source_language");
  });

  it("emails a command's standard output, not its standard error", () => {
    const shell = SHELL.replace(
      "- `stdout: str` - Standard output",
      "- `stdout: str` - Standard output\n- `stderr: str` - Standard error",
    );
    const workflow = plan(
      offer([shell, EMAIL], "Run df -h and email the output to ops@example.org", {
        command: "df -h",
        recipient: "ops@example.org",
      }),
    );
    expect(paramsOf(workflow, "send-email").body).toMatch(/\.stdout\}$/);
  });

  it("appends the CSV line the request names, from the saved workflow, with no PDF reader", () => {
    const input = offer(
      [WRITE, LLM, PDF_TEXT],
      "Run my invoice extraction workflow on in/1.pdf and append its CSV line to ledger.csv",
      { pdf_path: "in/1.pdf", ledger_file: "ledger.csv" },
    );
    const workflow = plan({
      ...input,
      planningContext: `${input.planningContext}\n## Selected Workflows\n\n${EXTRACT_INVOICE}`,
      browsedComponents: {
        nodeIds: input.browsedComponents!.nodeIds,
        workflowNames: ["extract-invoice"],
      },
    });
    expect(workflow.nodes.map((node) => node.type)).toEqual(["workflow", "write-file"]);
    expect(paramsOf(workflow, "write-file")).toMatchObject({
      content: "${extract_invoice.invoice.csv_line}",
      append: true,
    });
  });
});

describe("offline planner: an optional input the request asks for by its description", () => {
  it("pushes the tag just made (`ref`), not the current branch, nor every tag (`tags`)", () => {
    const workflow = plan(
      offer([GIT_TAG, GIT_PUSH_REF], "Tag ~/code/app as v1.0.0 and push the tag", {
        repo_path: "~/code/app",
        tag_name: "v1.0.0",
      }),
    );
    const params = paramsOf(workflow, "git-push");
    expect(params.ref).toMatch(/^\$\{\w+\.tag\}$/);
    expect(params).not.toHaveProperty("tags");
  });
});

describe("offline planner: the model's prompt keeps the request readable", () => {
  it("templates a list said as a list once, not once per item", () => {
    const workflow = plan(
      offer(
        [LIST_CHARGES, LLM, WRITE],
        "Summarize the failed Stripe charges with just the id, amount and customer columns and save it to out.md",
        { status: "failed", columns: ["id", "amount", "customer"], output_file: "out.md" },
      ),
    );
    const prompt = String(paramsOf(workflow, "llm").prompt);
    expect(prompt).toContain("with just the ${columns} columns");
  });

  it("leaves a word-only value inside a hyphenated component name alone", () => {
    const workflow = plan(
      offer([READ, LLM, WRITE], "Summarize notes.txt as a file digest and save it to out.md", {
        input_file: "notes.txt",
        kind: "file",
        output_file: "out.md",
      }),
    );
    const prompt = String(paramsOf(workflow, "llm").prompt);
    expect(prompt).toContain("(read-file, write-file)");
    expect(prompt).not.toContain("-${kind}");
  });
});

const OUTLOOK = `### outlook-send-mail
Sends an email from the connected Microsoft 365 mailbox.

**Inputs**:
- \`to: list[str]\` - Recipient addresses
- \`subject: str\` - Subject line
- \`body: str\` - Message body (plain text or HTML)
- \`attachment_paths: list[str]\` - Local files to attach (optional)

**Outputs**:
- \`message_id: str\` - Id of the sent message
`;

describe("offline planner: a component's description names what its name calls otherwise", () => {
  it("emails through outlook-send-mail, described as sending an email", () => {
    const workflow = plan(
      offer(
        [READ, LLM, OUTLOOK],
        'Summarize notes.txt and email the summary to legal@acme.com with the subject "Notes"',
        { input_file: "notes.txt", to: "legal@acme.com", subject: "Notes" },
      ),
    );
    expect(types(workflow)).toEqual(["read-file", "llm", "outlook-send-mail"]);
  });
});

describe("offline planner: a text-message channel the request names and no component offers", () => {
  it("fails naming SMS instead of emailing the count", () => {
    const result = planWorkflowOffline(
      offer(
        [READ, LLM, OUTLOOK],
        "Count the lines of notes.txt and text the count to my phone +351912345678 by SMS",
        { input_file: "notes.txt", to: "+351912345678" },
      ),
    );
    expect(result).toHaveProperty("failure");
    expect((result as { failure: string }).failure).toContain("deliver on SMS");
  });

  it("fails naming Signal instead of posting elsewhere", () => {
    const result = planWorkflowOffline(
      offer([READ, LLM, SLACK], "Summarize notes.txt and send it to the ops group on Signal", {
        input_file: "notes.txt",
      }),
    );
    expect(result).toHaveProperty("failure");
    expect((result as { failure: string }).failure).toContain("deliver on Signal");
  });
});

const ROWS_TO_CSV = `### rows-to-csv
Writes a list of records to a CSV file.

**Inputs**:
- \`rows: list[dict]\` - Records to write
- \`file_path: str\` - CSV file to create

**Outputs**:
- \`file_path: str\` - Path of the written CSV
- \`line_count: int\` - Number of data lines
`;
const QUERY = `### mysql-query
Runs a SQL query against a MySQL database.

**Inputs**:
- \`dsn: str\` - Connection string
- \`query: str\` - SQL statement

**Outputs**:
- \`rows: list[dict]\` - Result rows
`;

describe("offline planner: a file an earlier step made is attached, not put in the body", () => {
  it("sends the written CSV as a one-item attachment list and asks for the body", () => {
    const workflow = plan(
      offer(
        [QUERY, ROWS_TO_CSV, OUTLOOK],
        'Run SELECT 1 on mysql://db/x, save the rows to out.csv and email the file to a@acme.com with the subject "Rows"',
        {
          dsn: "mysql://db/x",
          query: "SELECT 1",
          csv_file: "out.csv",
          to: "a@acme.com",
          subject: "Rows",
        },
      ),
    );
    const mail = paramsOf(workflow, "outlook-send-mail");
    expect(mail.attachment_paths).toEqual(["${rows_to_csv.file_path}"]);
    expect(String(mail.body)).not.toContain("rows_to_csv");
  });
});

const CALENDAR = `### google-calendar-create-event
Creates an event in a Google Calendar.

**Inputs**:
- \`calendar_id: str\` - Calendar id or address
- \`title: str\` - Event title
- \`start: str\` - Start as ISO date-time
- \`attendees: list[str]\` - Guest addresses (optional)

**Outputs**:
- \`event_id: str\` - Id of the event

**Parameters**:
- \`send_updates: str\` - all, externalOnly or none (default none)
`;
const SEND_EMAIL = `### send-email
Sends an email through the configured SMTP account.

**Inputs**:
- \`to: str\` - Recipient address
- \`subject: str\` - Subject line
- \`body: str\` - Message body

**Outputs**:
- \`message_id: str\` - Id of the sent message
`;

describe("offline planner: a word that names a parameter of a chosen step selects nothing else", () => {
  it("lets the calendar's send_updates send the invitations, without a made-up email", () => {
    const workflow = plan(
      offer(
        [CALENDAR, SEND_EMAIL],
        'Create a "Sync" event in the team@acme.com calendar at 2026-12-08T14:00, invite ana@acme.com and send them the invitations',
        {
          calendar_id: "team@acme.com",
          title: "Sync",
          start: "2026-12-08T14:00:00",
          attendees: ["ana@acme.com"],
          send_updates: "all",
        },
      ),
    );
    expect(types(workflow)).toEqual(["google-calendar-create-event"]);
  });
});

const OCR = `### ocr-image
Extracts printed text from an image with Tesseract.

**Inputs**:
- \`image_path: str\` - Image to read (PNG, JPEG, TIFF)

**Outputs**:
- \`text: str\` - Recognised text
`;

describe("offline planner: an image is read by OCR, never by a reader of text files", () => {
  it("reads scans/receipt.jpg with ocr-image, not read-file", () => {
    const workflow = plan(
      offer([OCR, WRITE, READ], "Read the text on scans/receipt.jpg and save it to receipt.txt", {
        image_path: "scans/receipt.jpg",
        output_file: "receipt.txt",
      }),
    );
    expect(types(workflow)).toEqual(["ocr-image", "write-file"]);
  });

  it("fails when only a text reader is offered for the image", () => {
    const result = planWorkflowOffline(
      offer([READ, WRITE], "Read the text on scans/receipt.jpg and save it to receipt.txt", {
        input_file: "scans/receipt.jpg",
        output_file: "receipt.txt",
      }),
    );
    expect(result).toHaveProperty("failure");
    expect((result as { failure: string }).failure).toContain(
      "scans/receipt.jpg` (an image: nothing offered reads that kind of file)",
    );
  });
});

describe("offline planner: the translation a translator makes is no work for the model", () => {
  it("saves the translator's translation without a model step re-translating it", () => {
    const workflow = plan(
      offer(
        [READ, TRANSLATE, LLM, WRITE],
        "Translate notes.txt into English and save the translation to notes.en.txt",
        { input_file: "notes.txt", target_language: "en", output_file: "notes.en.txt" },
      ),
    );
    expect(types(workflow)).toEqual(["read-file", "translate-text", "write-file"]);
  });
});

const OCR_WITH_LANGUAGE = `### ocr-image
Extracts printed text from an image with Tesseract.

**Inputs**:
- \`image_path: str\` - Image to read (PNG, JPEG, TIFF)

**Outputs**:
- \`text: str\` - Recognised text

**Parameters**:
- \`language: str\` - Tesseract language code such as eng, jpn (default eng)
`;

describe("offline planner: a value named after one component is that component's", () => {
  it("gives ocr_language to the OCR step only, not to the translator's source language", () => {
    const workflow = plan(
      offer(
        [OCR_WITH_LANGUAGE, TRANSLATE, WRITE],
        "Read the Japanese text on scan.jpg, translate it into English and save the translation to scan.en.txt",
        {
          image_path: "scan.jpg",
          ocr_language: "jpn",
          target_language: "English",
          output_file: "scan.en.txt",
        },
      ),
    );
    expect(paramsOf(workflow, "ocr-image").language).toBe("${ocr_language}");
    expect(paramsOf(workflow, "translate-text")).not.toHaveProperty("source_language");
  });
});

const DOCX_TO_PDF = `### docx-to-pdf
Converts a Word document (.docx) to PDF with LibreOffice.

**Inputs**:
- \`docx_path: str\` - Path of the Word document

**Outputs**:
- \`pdf_path: str\` - Path of the created PDF
`;
const PDF_COMPRESS = `### pdf-compress
Shrinks a PDF by downsampling its images.

**Inputs**:
- \`pdf_path: str\` - PDF to compress

**Outputs**:
- \`compressed_path: str\` - Path of the compressed PDF
`;

describe("offline planner: a step named only by another chosen step's name word is not asked", () => {
  it("converts to PDF and attaches it without compressing it", () => {
    const workflow = plan(
      offer(
        [DOCX_TO_PDF, OUTLOOK, PDF_COMPRESS],
        'Convert nda.docx to PDF and email it as an attachment to legal@acme.com with the subject "NDA" and the body "Please sign."',
        { docx_file: "nda.docx", to: "legal@acme.com", subject: "NDA", body: "Please sign." },
      ),
    );
    expect(types(workflow)).toEqual(["docx-to-pdf", "outlook-send-mail"]);
    expect(paramsOf(workflow, "outlook-send-mail").attachment_paths).toEqual([
      "${docx_to_pdf.pdf_path}",
    ]);
  });
});

const GET_ISSUE = `### github-get-issue
Fetches one issue of a GitHub repository.

**Inputs**:
- \`repo: str\` - Repository as owner/name
- \`issue_number: int\` - Issue number

**Outputs**:
- \`body: str\` - The issue text
`;
const COMMENT = `### github-create-comment
Posts a comment on an issue or pull request.

**Inputs**:
- \`repo: str\` - Repository as owner/name
- \`issue_number: int\` - Issue or pull request number
- \`body: str\` - Comment text

**Outputs**:
- \`comment_id: int\` - Id of the comment
`;

describe("offline planner: a value named after one component still fills another's own slot", () => {
  it("gives issue_number to both the fetch and the comment on that issue", () => {
    const workflow = plan(
      offer(
        [GET_ISSUE, LLM, COMMENT],
        "Triage issue 1234 in acme/widgets and post the triage as a comment",
        { repo: "acme/widgets", issue_number: 1234 },
      ),
    );
    expect(paramsOf(workflow, "github-create-comment").issue_number).toBe("${issue_number}");
  });
});
