import { readFileSync } from "node:fs";
import { Kind, parse, print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GenerateModeDocument } from "../generated/graphql.js";
import { recordingLogger } from "../support/recording-logger.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";

// No operation can make the server do unbounded work: each is measured before it runs, and one
// over a limit is a client error naming the variable that sets it (extensions.limit), logged at
// info. Limits stay at their defaults here unless a test says otherwise.
const PINO_INFO_LEVEL = 30;
const PINO_ERROR_LEVEL = 50;
const { logger, lines } = recordingLogger("info");
let api: TestServer;
beforeAll(async () => {
  api = await startTestServer({}, undefined, logger);
});
afterAll(() => api.close());

interface Answer {
  status: number;
  body: {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: { code?: string; limit?: string } }>;
  };
}

async function post(url: string, query: string, variables?: unknown): Promise<Answer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

/** The ModeFields fragment of test/operations/modes.graphql and the fragment it spreads. */
const modeFields = parse(
  readFileSync(new URL("../operations/modes.graphql", import.meta.url), "utf8"),
)
  .definitions.filter(
    (definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION &&
      ["ModeFields", "ThemeSchemeFields"].includes(definition.name.value),
  )
  .map((definition) => print(definition))
  .join("\n");

/** `count` aliased pages of `modes`, every mode with all its fields. */
const fullPages = (count: number, first: string) =>
  `query Pages${first === "$first" ? "($first: Int)" : ""} { ${Array.from(
    { length: count },
    (_, index) => `page${index}: modes(first: ${first}) { edges { node { ...ModeFields } } }`,
  ).join("\n")} }\n${modeFields}`;

/** `query { ...F0 }` and a chain of `depth` fragments, each spreading the next. */
function fragmentChain(depth: number): string {
  const fragments = Array.from(
    { length: depth },
    (_, index) =>
      `fragment F${index} on Query { ${index === depth - 1 ? "__typename" : `...F${index + 1}`} }`,
  );
  return `query Chain { ...F0 }\n${fragments.join("\n")}`;
}

function expectRefused(answer: Answer, code: string, limit: string): void {
  expect(answer.status).toBe(400);
  // No `data` at all: refused before execution (execution always answers `data`).
  expect(answer.body).not.toHaveProperty("data");
  const refusal = answer.body.errors?.find((error) => error.extensions?.limit === limit);
  expect(refusal, JSON.stringify(answer.body.errors)).toBeDefined();
  expect(refusal!.extensions?.code).toBe(code);
  expect(refusal!.message).toContain(`the limit ${limit}`);
}

describe("operation limits", () => {
  it("answers a 10,000-deep fragment chain with a parse error naming MAX_TOKENS, not a 500", async () => {
    // Found: it parses, then graphql-js's NoFragmentCycles rule overflows the stack in validation.
    const logged = lines.length;
    const answer = await post(api.url, fragmentChain(10_000));
    expectRefused(answer, "GRAPHQL_PARSE_FAILED", "MAX_TOKENS");
    const newLines = lines.slice(logged);
    expect(
      newLines.some(
        (line) => line.level === PINO_INFO_LEVEL && line.code === "GRAPHQL_PARSE_FAILED",
      ),
    ).toBe(true);
    expect(newLines.filter((line) => (line.level as number) >= PINO_ERROR_LEVEL)).toEqual([]);
  });

  it("refuses 20 aliased full pages of modes before execution", async () => {
    expectRefused(
      await post(api.url, fullPages(20, "100")),
      "GRAPHQL_VALIDATION_FAILED",
      "MAX_ALIASES",
    );
  });

  it("refuses them by their cost too when aliases are allowed", async () => {
    const generous = await startTestServer({ MAX_ALIASES: "100" });
    try {
      const answer = await post(generous.url, fullPages(20, "100"));
      expectRefused(answer, "GRAPHQL_VALIDATION_FAILED", "MAX_COST");
      expect(answer.body.errors![0]!.message).toMatch(/estimated at \d+ values, over the 120000/);
    } finally {
      await generous.close();
    }
  });

  it("counts a page size given as a variable by its value", async () => {
    expectRefused(
      await post(api.url, fullPages(2, "$first"), { first: 100 }),
      "GRAPHQL_VALIDATION_FAILED",
      "MAX_COST",
    );
    const small = await post(api.url, fullPages(2, "$first"), { first: 4 });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
  });

  it("serves one full page of 100 complete modes", async () => {
    const answer = await post(api.url, fullPages(1, "$first"), { first: 100 });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  });

  it("passes the full GenerateMode operation of test/operations/modes.graphql", async () => {
    const { status, body } = await api.execute(GenerateModeDocument, {
      input: { industry: "pet store" },
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.generateMode.mode.theme.contrast.length).toBeGreaterThan(100);
  });

  it("refuses alias overloading (100 aliased __typename), naming MAX_ALIASES", async () => {
    const aliases = Array.from({ length: 100 }, (_, index) => `a${index}: __typename`).join(" ");
    expectRefused(
      await post(api.url, `{ ${aliases} }`),
      "GRAPHQL_VALIDATION_FAILED",
      "MAX_ALIASES",
    );
  });

  it("refuses directive overloading, naming MAX_DIRECTIVES", async () => {
    const fields = Array.from(
      { length: 21 },
      (_, index) => `f${index % 10}: __typename @include(if: true)`,
    );
    const answer = await post(api.url, `{ ${fields.join(" ")} }`);
    expectRefused(answer, "GRAPHQL_VALIDATION_FAILED", "MAX_DIRECTIVES");
    expect(answer.body.errors!.find((error) => error.extensions?.limit)!.message).toContain(
      "found 21",
    );
  });

  it("stops at MAX_VALIDATION_ERRORS errors for repeated unknown directives (graphql-cop's probe)", async () => {
    // graphql-cop's "directive overloading": ten duplicated unknown directives, ten errors back.
    const answer = await post(api.url, "query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }");
    expect(answer.status).toBe(400);
    const errors = answer.body.errors!;
    expect(errors).toHaveLength(6);
    expect(errors.slice(0, 5).every((error) => error.message === 'Unknown directive "@aa".')).toBe(
      true,
    );
    expect(errors[5]).toMatchObject({
      message: expect.stringContaining(
        "more than 5 validation errors (the limit MAX_VALIDATION_ERRORS)",
      ),
      extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "MAX_VALIDATION_ERRORS" },
    });
  });

  it("refuses too many tokens, naming MAX_TOKENS", async () => {
    const fields = Array.from({ length: 1_001 }, () => "__typename").join(" ");
    expectRefused(await post(api.url, `{ ${fields} }`), "GRAPHQL_PARSE_FAILED", "MAX_TOKENS");
  });

  it("refuses an operation nested deeper than MAX_DEPTH", async () => {
    const shallow = await startTestServer({ MAX_DEPTH: "5" });
    try {
      const deep = "{ modes { edges { node { theme { light { primary } } } } } }";
      expectRefused(await post(shallow.url, deep), "GRAPHQL_VALIDATION_FAILED", "MAX_DEPTH");
      // Fragments add no level: the full GenerateMode operation is 5 deep.
      const { status } = await shallow.execute(GenerateModeDocument, {
        input: { industry: "pet store" },
      });
      expect(status).toBe(200);
    } finally {
      await shallow.close();
    }
  });

  it("keeps the code and limit of MAX_MODEL_FIELDS_PER_OPERATION", async () => {
    const field = (index: number) =>
      `m${index}: generateMode(input: { industry: "shop ${index}" }) { mode { id } }`;
    expectRefused(
      await post(api.url, `mutation { ${field(1)} ${field(2)} }`),
      "GRAPHQL_VALIDATION_FAILED",
      "MAX_MODEL_FIELDS_PER_OPERATION",
    );
  });
});

describe("the token budget at its largest (MAX_TOKENS=10000)", () => {
  let largest: TestServer;
  beforeAll(async () => {
    largest = await startTestServer({ MAX_TOKENS: "10000", MAX_DEPTH: "100" });
  });
  afterAll(() => largest.close());

  // The deepest document of each shape that fits the budget. The fragment chain is flat for the
  // parser and deep for everything after it, which is what the budget keeps far from the
  // stack's end (it overflows validation at about 4,000 fragments here). graphql-js may give up
  // parsing the deepest nestings ("Maximum call stack size exceeded"); Apollo answers that as
  // GRAPHQL_PARSE_FAILED, a client error, too.
  const shapes: Array<[string, string]> = [
    // 5 tokens, then 8 per fragment.
    ["a fragment chain", fragmentChain(1_249)],
    [
      "nested inline fragments",
      `{ ${"... on Query { ".repeat(1_999)}__typename${" }".repeat(1_999)} }`,
    ],
    [
      "nested lists in an argument",
      `{ validateWorkflow(input: { ir: { a: ${"[".repeat(4_980)}${"]".repeat(4_980)} } }) { valid } }`,
    ],
    [
      "nested objects in an argument",
      `{ validateWorkflow(input: { ir: ${"{ a: ".repeat(2_490)}1${" }".repeat(2_490)} }) { valid } }`,
    ],
  ];

  it.each(shapes)("answers %s without a server error", async (_shape, query) => {
    const answer = await post(largest.url, query);
    expect(answer.status).toBeLessThan(500);
    for (const error of answer.body.errors ?? []) {
      expect(error.extensions?.code).not.toBe("INTERNAL_SERVER_ERROR");
    }
  });
});

describe("field suggestions", () => {
  it("are given outside production", async () => {
    const { body } = await post(api.url, "{ modes { edges { node { nme } } } }");
    expect(body.errors![0]!.message).toContain('Did you mean "name"?');
  });

  it("are never given in production, for fields nor for variable values", async () => {
    const production = await startTestServer({
      NODE_ENV: "production",
      AUTH_MODE: "none",
      MODE_PROVIDER: "offline",
      WORKFLOW_PROVIDER: "offline",
    });
    try {
      const field = await post(production.url, "{ modes { edges { node { nme } } } }");
      expect(field.status).toBe(400);
      expect(field.body.errors![0]!.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(field.body.errors![0]!.message).toBe('Cannot query field "nme" on type "Mode".');
      const variable = await post(
        production.url,
        "mutation M($input: GenerateModeInput!) { generateMode(input: $input) { mode { id } } }",
        { input: { industy: "pet store" } },
      );
      expect(variable.body.errors!.length).toBeGreaterThan(0);
      expect(JSON.stringify(variable.body)).not.toContain("Did you mean");
      expect(variable.body.errors![0]!.extensions?.code).toBe("BAD_USER_INPUT");
    } finally {
      await production.close();
    }
  });
});
