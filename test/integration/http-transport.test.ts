import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";

// GraphQL over HTTP as mainstream clients send it: GET for queries with no special headers
// (urql's and Relay's default), JSON POSTs for everything; what a cross-site page could send
// without a preflight stays refused.
let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

const query = "query Modes { modes(first: 2) { edges { node { id } } } }";

describe("GraphQL over HTTP transports", () => {
  it("answers a query over GET with no special headers", async () => {
    const response = await fetch(`${api.url}?query=${encodeURIComponent(query)}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { modes: { edges: unknown[] } } };
    expect(body.data.modes.edges).toHaveLength(2);
  });

  it("answers a query over GET with variables and the accept header urql sends", async () => {
    const url = new URL(api.url);
    url.searchParams.set("query", "query Mode($id: ID!) { mode(id: $id) { id name } }");
    url.searchParams.set("variables", JSON.stringify({ id: "banking" }));
    const response = await fetch(url, {
      headers: { accept: "application/graphql-response+json, application/json" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { mode: { id: "banking", name: "Banking" } } });
  });

  it("refuses a mutation over GET with 405 and BAD_REQUEST", async () => {
    const mutation = 'mutation { generateMode(input: { industry: "pet store" }) { mode { id } } }';
    const response = await fetch(`${api.url}?query=${encodeURIComponent(mutation)}`);
    expect(response.status).toBe(405);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe("BAD_REQUEST");
    expect((await api.server.services.modes.listModes({ first: 100 })).totalCount).toBe(4);
  });

  it.each([
    ["text/plain", JSON.stringify({ query })],
    ["application/x-www-form-urlencoded", `query=${encodeURIComponent(query)}`],
    [
      "multipart/form-data; boundary=x",
      `--x\r\ncontent-disposition: form-data; name="query"\r\n\r\n${query}\r\n--x--`,
    ],
  ])("refuses a %s POST (a cross-site simple request) with 415", async (contentType, body) => {
    const response = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    });
    expect(response.status).toBe(415);
    const answer = (await response.json()) as {
      errors: Array<{ message: string; extensions: { code: string } }>;
    };
    expect(answer.errors[0]!.extensions.code).toBe("BAD_REQUEST");
    expect(answer.errors[0]!.message).toContain("application/json");
  });

  it("refuses a text/plain POST to an encoded path that fastify routes to /graphql", async () => {
    const response = await fetch(api.url.replace(/\/graphql$/, "/%67raphql"), {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(415);
  });

  it("refuses a batched array with 400", async () => {
    const response = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query }, { query }]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe("BAD_REQUEST");
  });

  it("answers a body that is not JSON in GraphQL's error shape with 400", async () => {
    const response = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe("BAD_REQUEST");
  });

  it("accepts a JSON POST with a charset parameter", async () => {
    const response = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(200);
  });

  it("compresses large answers for clients that accept it, and leaves small ones alone", async () => {
    const large =
      "{ modes(first: 4) { edges { node { id theme { contrast { ratio passes } } } } } }";
    const send = (body: string, encoding: string) =>
      fetch(api.url, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-encoding": encoding },
        body: JSON.stringify({ query: body }),
      });
    const compressed = await send(large, "gzip");
    expect(compressed.headers.get("content-encoding")).toBe("gzip");
    const plain = await send(large, "identity");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await compressed.json()).toEqual(await plain.json());
    const small = await send("{ __typename }", "gzip");
    expect(small.headers.get("content-encoding")).toBeNull();
  });
});
