import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../src/auth/api-keys.js";
import { startTestServer } from "../support/test-server.js";
import type { GraphQLResponse, TestServer } from "../support/test-server.js";

// The theme exports over real HTTP: the GraphQL field and the downloads give the same bytes; the
// downloads take the API's credentials, answer its 401, and see the modes `mode(id:)` sees.

const ALICE_KEY = "mf_alice_4b1e7f0c9a2d48e6b3c5a7d9e1f20364";
const BOB_KEY = "mf_bob_9c3a5e7f1b2d40e8a6c4b2d0f9e8a7c6";
const alice = { authorization: `Bearer ${ALICE_KEY}` };
const bob = { "x-api-key": BOB_KEY };

const EXPORTS_QUERY = `query ThemeExports($id: ID!) {
  mode(id: $id) {
    theme {
      shadcn: export(format: SHADCN_CSS)
      tailwind: export(format: TAILWIND_V4_CSS)
      tokens: export(format: DESIGN_TOKENS_JSON)
    }
  }
}`;

interface ThemeExports {
  mode: { theme: { shadcn: string; tailwind: string; tokens: string } } | null;
}

async function graphql<TData>(
  api: TestServer,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as GraphQLResponse<TData>;
  expect(body.errors).toBeUndefined();
  return body;
}

async function download(api: TestServer, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.origin}${path}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The errors body of a refusal, parsed. */
function errorsOf(answer: { text: string }) {
  return (JSON.parse(answer.text) as Required<GraphQLResponse<never>>).errors;
}

describe("theme exports under AUTH_MODE=api-key", () => {
  let api: TestServer;
  let petStoreId: string;

  beforeAll(async () => {
    api = await startTestServer({
      AUTH_MODE: "api-key",
      API_KEYS: `alice:${hashApiKey(ALICE_KEY)},bob:${hashApiKey(BOB_KEY)}`,
    });
    const generated = await graphql<{ generateMode: { mode: { id: string; source: string } } }>(
      api,
      'mutation GenerateMode { generateMode(input: { industry: "pet store" }) { mode { id source } } }',
      {},
      alice,
    );
    expect(generated.data!.generateMode.mode.source).toBe("GENERATED");
    petStoreId = generated.data!.generateMode.mode.id;
  });
  afterAll(() => api.close());

  it("refuses a download without credentials, or with a wrong key, with the API's 401", async () => {
    for (const path of ["/modes/banking/theme.css", "/modes/banking/tokens.json"]) {
      for (const [headers, challenge] of [
        [{}, "Bearer"],
        [{ authorization: "Bearer mf_guess" }, 'Bearer error="invalid_token"'],
        [{ "x-api-key": "mf_guess" }, 'Bearer error="invalid_token"'],
      ] as const) {
        const refused = await download(api, path, headers);
        expect(refused.status, path).toBe(401);
        expect(refused.headers.get("www-authenticate")).toBe(challenge);
        expect(refused.headers.get("cache-control")).toBe("no-store");
        expect(errorsOf(refused)).toEqual([
          { message: expect.any(String), extensions: { code: "UNAUTHENTICATED" } },
        ]);
      }
    }
    // However the path is spelt (fastify routes %74heme.css to theme.css), and before the id
    // is checked: a caller without credentials learns nothing about ids.
    expect((await download(api, "/modes/banking/%74heme.css")).status).toBe(401);
    expect((await download(api, "/modes/Not-An-Id/theme.css")).status).toBe(401);
  });

  it("serves a generated mode's files with the bytes of the GraphQL field, in every format", async () => {
    const answer = await graphql<ThemeExports>(api, EXPORTS_QUERY, { id: petStoreId }, alice);
    const theme = answer.data!.mode!.theme;
    const css = await download(api, `/modes/${petStoreId}/theme.css`, alice);
    const tailwind = await download(api, `/modes/${petStoreId}/theme.css?format=tailwind`, alice);
    const shadcn = await download(api, `/modes/${petStoreId}/theme.css?format=shadcn`, alice);
    const tokens = await download(api, `/modes/${petStoreId}/tokens.json`, alice);
    for (const file of [css, tailwind, shadcn, tokens]) expect(file.status).toBe(200);
    expect(css.text).toBe(theme.shadcn);
    expect(shadcn.text).toBe(theme.shadcn);
    expect(tailwind.text).toBe(theme.tailwind);
    expect(tokens.text).toBe(theme.tokens);
    expect(theme.tailwind).toContain("@theme inline {");
    expect(JSON.parse(theme.tokens)).toHaveProperty("dark.chart.6.$type", "color");
  });

  it("sends them as attachments named after the mode, never to be stored", async () => {
    const css = await download(api, "/modes/banking/theme.css?format=tailwind", alice);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(css.headers.get("content-disposition")).toBe('attachment; filename="banking-theme.css"');
    expect(css.headers.get("cache-control")).toBe("no-store");
    expect(css.headers.get("x-content-type-options")).toBe("nosniff");
    const tokens = await download(api, "/modes/banking/tokens.json", bob);
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(tokens.headers.get("content-disposition")).toBe(
      'attachment; filename="banking-tokens.json"',
    );
    expect(tokens.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 404 naming the id for another caller's mode and for an unknown one", async () => {
    // Bob sees what `mode(id:)` shows him: not Alice's mode.
    const bobsView = await graphql<ThemeExports>(api, EXPORTS_QUERY, { id: petStoreId }, bob);
    expect(bobsView.data!.mode).toBeNull();
    for (const [id, headers] of [
      [petStoreId, bob],
      ["no_such_mode", alice],
    ] as const) {
      for (const path of [`/modes/${id}/theme.css`, `/modes/${id}/tokens.json`]) {
        const missing = await download(api, path, headers);
        expect(missing.status, path).toBe(404);
        expect(missing.headers.get("content-type")).toMatch(/^application\/json/);
        expect(missing.headers.get("cache-control")).toBe("no-store");
        const [error] = errorsOf(missing);
        expect(error).toEqual({
          message: expect.any(String),
          extensions: { code: "NOT_FOUND", id },
        });
        expect(error!.message).toContain(`"${id}"`);
      }
    }
  });

  it("refuses an id that is not a mode id with 400 naming the parameter, before any lookup", async () => {
    const { modes } = api.server.services;
    const getMode = modes.getMode.bind(modes);
    const looked: string[] = [];
    modes.getMode = (id, principal) => {
      looked.push(id);
      return getMode(id, principal);
    };
    try {
      for (const id of [
        "Banking",
        "pet-store",
        "pet__store",
        "_banking",
        "a".repeat(49),
        "%20banking",
        "bank%2Fing",
        "b%C3%A4nk",
      ]) {
        for (const file of ["theme.css", "tokens.json"]) {
          const refused = await download(api, `/modes/${id}/${file}`, alice);
          expect(refused.status, id).toBe(400);
          expect(errorsOf(refused)).toEqual([
            {
              message: expect.stringContaining('"id"'),
              extensions: { code: "BAD_REQUEST", parameter: "id" },
            },
          ]);
        }
      }
      // The longest id the contract allows is looked up (and is simply not there).
      expect((await download(api, `/modes/${"a".repeat(48)}/theme.css`, alice)).status).toBe(404);
    } finally {
      modes.getMode = getMode;
    }
    expect(looked).toEqual(["a".repeat(48)]);
  });

  it("refuses an unknown ?format= with 400 naming the parameter", async () => {
    for (const query of [
      "format=sass",
      "format=",
      "format=tailwind&format=shadcn",
      "format=TAILWIND",
    ]) {
      const refused = await download(api, `/modes/banking/theme.css?${query}`, alice);
      expect(refused.status, query).toBe(400);
      expect(errorsOf(refused)).toEqual([
        {
          message: expect.stringContaining('"format"'),
          extensions: { code: "BAD_REQUEST", parameter: "format" },
        },
      ]);
    }
  });
});

describe("theme exports under AUTH_MODE=none", () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(() => api.close());

  it("serves the built-in modes' files to anyone, as the API serves the modes", async () => {
    const tokens = await download(api, "/modes/default/tokens.json");
    expect(tokens.status).toBe(200);
    const answer = await graphql<ThemeExports>(api, EXPORTS_QUERY, { id: "default" }, {});
    expect(tokens.text).toBe(answer.data!.mode!.theme.tokens);
  });
});
