import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, parse } from "graphql";
import type { OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_EXAMPLE } from "../../src/sandbox-example.js";
import { socketClient } from "../support/subscriptions.js";
import { startTestServer } from "../support/test-server.js";
import type { GraphQLResponse, TestServer } from "../support/test-server.js";

// The README is a runnable guide: every ```graphql block is one named operation, followed by a
// ```json block of its variables when it declares any, and each answers without errors on a
// server without keys (offline). Code shown from examples/ is checked to be the file itself.
const root = fileURLToPath(new URL("../../", import.meta.url));
const readmePath = join(root, "README.md");
const readme = readFileSync(readmePath, "utf8");

interface CodeBlock {
  language: string;
  /** The lines between the fences, each with its newline. */
  content: string;
  /** Offsets of the opening fence and just after the closing one. */
  start: number;
  end: number;
  /** Offset of the content (for rewriting it). */
  contentStart: number;
}

function codeBlocks(markdown: string): CodeBlock[] {
  return [...markdown.matchAll(/^```([\w-]*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm)].map((match) => ({
    language: match[1]!,
    content: match[2]!,
    start: match.index,
    end: match.index + match[0].length,
    contentStart: match.index + match[0].indexOf("\n") + 1,
  }));
}

const blocks = codeBlocks(readme);

/** The block right after `offset` when only whitespace stands between them. */
function blockRightAfter(offset: number): CodeBlock | undefined {
  const next = blocks.find((block) => block.start >= offset);
  return next && readme.slice(offset, next.start).trim() === "" ? next : undefined;
}

interface Example {
  name: string;
  operation: OperationDefinitionNode;
  document: string;
  /** Names of the declared variables. */
  declared: string[];
  variables: Record<string, unknown> | undefined;
}

const examples: Example[] = blocks
  .filter((block) => block.language === "graphql")
  .map((block) => {
    const definitions = parse(block.content).definitions;
    const operation = definitions[0] as OperationDefinitionNode;
    const json = blockRightAfter(block.end);
    return {
      name: operation.name?.value ?? "(anonymous)",
      operation,
      document: block.content,
      declared: (operation.variableDefinitions ?? []).map(
        (variable) => variable.variable.name.value,
      ),
      variables:
        json?.language === "json"
          ? (JSON.parse(json.content) as Record<string, unknown>)
          : undefined,
    };
  });

describe("README: the API by example", () => {
  it("has only named single-operation examples, the first one the Sandbox's", () => {
    expect(examples.map((example) => example.name)).toEqual([
      "GenerateMode",
      "Modes",
      "ModeById",
      "Node",
      "ThemeExport",
      "GenerateWorkflow",
      "ValidateWorkflow",
      "GenerateModeStream",
    ]);
    for (const block of blocks.filter((candidate) => candidate.language === "graphql")) {
      const definitions = parse(block.content).definitions;
      expect(definitions, block.content).toHaveLength(1);
      expect(definitions[0]!.kind, block.content).toBe(Kind.OPERATION_DEFINITION);
      expect((definitions[0] as OperationDefinitionNode).name, block.content).toBeDefined();
    }
    expect(examples[0]!.document).toBe(SANDBOX_EXAMPLE.document);
    expect(examples[0]!.variables).toEqual(SANDBOX_EXAMPLE.variables);
  });

  it("follows an operation with its variables exactly when it declares any", () => {
    for (const example of examples) {
      if (example.declared.length === 0) {
        expect(example.variables, `${example.name} declares no variables`).toBeUndefined();
        continue;
      }
      expect(example.variables, `${example.name} needs a \`\`\`json block`).toBeDefined();
      // GraphQL ignores unknown variables: a misspelt one would go unnoticed.
      for (const name of Object.keys(example.variables!)) {
        expect(example.declared, `${example.name} does not declare $${name}`).toContain(name);
      }
    }
    // Every ```json block belongs to the operation right before it.
    const attached = blocks.filter((block) => {
      const before = blocks[blocks.indexOf(block) - 1];
      return before?.language === "graphql" && blockRightAfter(before.end)?.start === block.start;
    });
    expect(blocks.filter((block) => block.language === "json")).toEqual(attached);
  });

  describe("answers every example without errors, in order, on the offline server", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(() => server.close());

    async function post(example: Example): Promise<GraphQLResponse<Record<string, unknown>>> {
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: example.document, variables: example.variables }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as GraphQLResponse<Record<string, unknown>>;
    }

    async function get(example: Example): Promise<GraphQLResponse<Record<string, unknown>>> {
      const url = new URL(server.url);
      url.searchParams.set("query", example.document);
      if (example.variables) url.searchParams.set("variables", JSON.stringify(example.variables));
      const response = await fetch(url);
      expect(response.status).toBe(200);
      return (await response.json()) as GraphQLResponse<Record<string, unknown>>;
    }

    /** A subscription's events over graphql-ws; the last must be COMPLETED. */
    async function subscribeTo(
      example: Example,
    ): Promise<GraphQLResponse<Record<string, unknown>>> {
      const client = socketClient(server.url);
      const events: Array<Record<string, unknown>> = [];
      try {
        for await (const result of client.iterate({
          query: example.document,
          variables: example.variables,
        })) {
          expect(result.errors).toBeUndefined();
          events.push(result.data as Record<string, unknown>);
        }
      } finally {
        await client.dispose();
      }
      const field = Object.keys(events[0]!)[0]!;
      const kinds = events.map((event) => (event[field] as { kind: string }).kind);
      expect(kinds[0]).toBe("STARTED");
      expect(kinds.at(-1)).toBe("COMPLETED");
      return { data: events.at(-1)! };
    }

    for (const example of examples) {
      it(example.name, async () => {
        const body =
          example.operation.operation === "subscription"
            ? await subscribeTo(example)
            : await post(example);
        expect(body.errors).toBeUndefined();
        expect(body.data).toBeTruthy();
        for (const [field, value] of Object.entries(body.data!)) {
          expect(value, `${example.name}: ${field}`).not.toBeNull();
        }
        // The examples show successes: no fallback mode, no failed workflow generation.
        expect(JSON.stringify(body.data)).not.toContain('"source":"FALLBACK"');
        expect(JSON.stringify(body.data)).not.toContain('"success":false');

        if (example.name === "ValidateWorkflow") {
          // The prose says what this one finds.
          const validation = body.data!.validateWorkflow as { valid: boolean; errors: [] };
          expect(validation).toMatchObject({ valid: false, errors: [{ rule: "undeclared-var" }] });
        }

        if (example.operation.operation === "query") {
          // Queries also work over GET, with the same answer.
          expect(await get(example)).toEqual(body);
        }
      });
    }
  });
});

describe("README: code shown from examples/", () => {
  const markers = [...readme.matchAll(/^<!-- example: (\S+) -->$/gm)].map((match) => ({
    path: match[1]!,
    block: blockRightAfter(match.index + match[0].length),
  }));

  it("shows the client set-ups and the codegen recipe", () => {
    expect(markers.map((marker) => marker.path)).toEqual([
      "examples/clients/apollo-client.ts",
      "examples/clients/urql.ts",
      "examples/codegen/codegen.ts",
      "examples/codegen/scalars.ts",
      "examples/codegen/use-generated.ts",
    ]);
  });

  // README_SYNC_EXAMPLES=1 npx vitest run test/integration/readme.test.ts copies the files into
  // the README instead of comparing (then run prettier on README.md).
  const sync = process.env.README_SYNC_EXAMPLES === "1";

  for (const marker of markers) {
    it(`shows ${marker.path} exactly`, () => {
      expect(marker.block, `a code block must follow the marker of ${marker.path}`).toBeDefined();
      const file = readFileSync(join(root, marker.path), "utf8").trim();
      if (sync) return;
      expect(marker.block!.content.trim(), `README is stale: README_SYNC_EXAMPLES=1`).toBe(file);
    });
  }

  if (sync) {
    afterAll(() => {
      let text = readme;
      // From the last block backwards, so earlier offsets stay valid.
      for (const marker of [...markers].reverse()) {
        const block = marker.block!;
        const file = readFileSync(join(root, marker.path), "utf8").trim();
        text = `${text.slice(0, block.contentStart)}${file}\n${text.slice(block.end - "```".length)}`;
      }
      writeFileSync(readmePath, text);
    });
  }
});
