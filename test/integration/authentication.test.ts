import { print } from "graphql";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import type { CryptoKey, JWK, JWTPayload } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashApiKey } from "../../src/auth/api-keys.js";
import type { Principal } from "../../src/auth/principal.js";
import type { StructuredLlm } from "../../src/llm/structured-llm.js";
import type { GeneratedModeConfig } from "../../src/services/mode/mode.contract.js";
import { GenerateModeDocument, GenerateWorkflowDocument } from "../generated/graphql.js";
import { LoopbackJsonServer } from "../support/loopback-json-server.js";
import { petStoreAnswer } from "../support/mode-answers.js";
import { recordingLogger } from "../support/recording-logger.js";
import { startTestServer } from "../support/test-server.js";
import type { GraphQLResponse, TestServer } from "../support/test-server.js";
import { loadFixture } from "../support/workflow-fixtures.js";

// Authentication over real HTTP: every refusal is a 401 in GraphQL's error shape before any
// resolver runs (so no model call); the caller's principal reaches the context and the log, and
// no credential ever reaches a log line.

/** A model seam that counts its calls and answers every mode request with a pet store. */
function countingModel(): StructuredLlm & { calls: number } {
  const model = {
    provider: "azure-openai" as const,
    defaultModel: "counting",
    calls: 0,
    async generate<T>() {
      model.calls++;
      return {
        data: petStoreAnswer() as GeneratedModeConfig as T,
        model: "counting",
        usage: { inputTokens: 1, outputTokens: 1 },
        httpCalls: 1,
      };
    },
  };
  return model;
}

const workflowFixture = loadFixture("summarize-notes");
const workflowVariables = {
  input: {
    userInput: workflowFixture.userInput,
    planningContext: workflowFixture.planningContext,
    browsedComponents: workflowFixture.browsedComponents,
    discoveredParams: workflowFixture.discoveredParams,
  },
};

/** Both mutations that spend the model budget, sent with the given headers. */
async function bothMutations(api: TestServer, headers: Record<string, string>) {
  return [
    await api.execute(GenerateModeDocument, { input: { industry: "tea house" } }, headers),
    await api.execute(GenerateWorkflowDocument, workflowVariables, headers),
  ];
}

/** Asserts the exact 401 every refusal answers. */
function expectUnauthenticated(
  response: { status: number; body: GraphQLResponse<unknown>; headers: Headers },
  wwwAuthenticate: string | RegExp = /^Bearer\b/,
): void {
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toMatch(wwwAuthenticate);
  expect(response.body).toEqual({
    errors: [{ message: expect.any(String), extensions: { code: "UNAUTHENTICATED" } }],
  });
}

async function getQuery(url: string, query: string, headers: Record<string, string> = {}) {
  const target = new URL(url);
  target.searchParams.set("query", query);
  const response = await fetch(target, { headers });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphQLResponse<{ modes: { totalCount: number } }>,
  };
}

const MODES_QUERY = "query Modes { modes(first: 1) { totalCount } }";

describe("AUTH_MODE=api-key", () => {
  const CI_KEY = "mf_ci_0c4f9d7e2b6a41d8a9f3e5c7b1d2a6f4";
  const WEB_KEY = "mf_web_7a1b3c5d9e8f20416a2b4c6d8e0f1a3b";
  const WRONG_KEYS = ["mf_ci_0c4f9d7e2b6a41d8a9f3e5c7b1d2a6f5", "guess", CI_KEY.toUpperCase()];
  const recording = recordingLogger("trace");
  const model = countingModel();
  let api: TestServer;

  beforeAll(async () => {
    api = await startTestServer(
      {
        AUTH_MODE: "api-key",
        API_KEYS: `ci-bot:${hashApiKey(CI_KEY)}, web:${hashApiKey(WEB_KEY)}`,
      },
      { mode: model, workflow: model },
      recording.logger,
    );
  });
  afterAll(() => api.close());
  beforeEach(() => {
    model.calls = 0;
  });

  it("refuses a request without credentials with 401 UNAUTHENTICATED and calls no model", async () => {
    for (const response of await bothMutations(api, {})) {
      expectUnauthenticated(response, /^Bearer$/);
      expect(response.body.errors![0]!.message).toContain("x-api-key");
    }
    expect(model.calls).toBe(0);
  });

  it.each(WRONG_KEYS)(
    "refuses the wrong key %s in either header, calling no model",
    async (key) => {
      const forms: Array<Record<string, string>> = [
        { authorization: `Bearer ${key}` },
        { "x-api-key": key },
      ];
      for (const headers of forms) {
        for (const response of await bothMutations(api, headers)) {
          expectUnauthenticated(response, 'Bearer error="invalid_token"');
        }
      }
      expect(model.calls).toBe(0);
    },
  );

  it("refuses an Authorization header of another scheme, even with the right key", async () => {
    for (const authorization of [`Basic ${CI_KEY}`, CI_KEY, "Bearer", "Bearer  "]) {
      const [mode] = await bothMutations(api, { authorization });
      expectUnauthenticated(mode!);
    }
    expect(model.calls).toBe(0);
  });

  it("serves the right key in either header, and the key's name is the principal", async () => {
    const seen: Principal[] = [];
    const { modes } = api.server.services;
    const generateMode = modes.generateMode.bind(modes);
    modes.generateMode = (industry, context) => {
      seen.push(context!.principal!);
      return generateMode(industry, context);
    };
    try {
      const bearer = await api.execute(
        GenerateModeDocument,
        { input: { industry: "pet store" } },
        { authorization: `Bearer ${CI_KEY}`, "x-request-id": "auth-bearer-1" },
      );
      expect(bearer.status).toBe(200);
      expect(bearer.body.errors).toBeUndefined();
      expect(bearer.body.data!.generateMode.mode.name).toBe("Pet Store");
      const header = await api.execute(
        GenerateModeDocument,
        { input: { industry: "bakery" } },
        { "x-api-key": WEB_KEY, "x-request-id": "auth-header-1" },
      );
      expect(header.status).toBe(200);
      expect(header.body.errors).toBeUndefined();
      // lower-case scheme (RFC 7235: case-insensitive)
      const lower = await api.execute(
        GenerateModeDocument,
        { input: { industry: "florist" } },
        { authorization: `bearer ${WEB_KEY}` },
      );
      expect(lower.status).toBe(200);
    } finally {
      modes.generateMode = generateMode;
    }
    expect(model.calls).toBe(3);
    expect(seen.map((principal) => principal.id)).toEqual(["ci-bot", "web", "web"]);

    const requestLine = (requestId: string) =>
      recording.lines.find((line) => line.reqId === requestId && line.msg === "graphql request");
    expect(requestLine("auth-bearer-1")).toMatchObject({ principal: "ci-bot" });
    expect(requestLine("auth-header-1")).toMatchObject({ principal: "web" });
  });

  it("authenticates GET queries too", async () => {
    expectUnauthenticated(await getQuery(api.url, MODES_QUERY));
    expectUnauthenticated(await getQuery(api.url, MODES_QUERY, { "x-api-key": "guess" }));
    const forms: Array<Record<string, string>> = [
      { "x-api-key": CI_KEY },
      { authorization: `Bearer ${WEB_KEY}` },
    ];
    for (const headers of forms) {
      const answer = await getQuery(api.url, MODES_QUERY, headers);
      expect(answer.status).toBe(200);
      expect(answer.body.data!.modes.totalCount).toBeGreaterThan(0);
    }
  });

  it("authenticates the GraphQL route however its path is spelt", async () => {
    // fastify routes a percent-encoded path to /graphql: it must not slip past the check.
    const response = await fetch(`${api.origin}/%67raphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: print(GenerateModeDocument),
        variables: { input: { industry: "zoo" } },
      }),
    });
    expect(response.status).toBe(401);
    expect(model.calls).toBe(0);
  });

  it("keeps the Sandbox landing page open outside production, but not operations sent from it", async () => {
    const page = await fetch(api.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("sandbox");
    const target = new URL(api.url);
    target.searchParams.set("query", MODES_QUERY);
    const withQuery = await fetch(target, { headers: { accept: "text/html" } });
    expect(withQuery.status).toBe(401);
  });

  it("keeps /health and /ready open, and /metrics open without METRICS_TOKEN", async () => {
    for (const path of ["/health", "/ready", "/metrics"]) {
      expect((await fetch(`${api.origin}${path}`)).status, path).toBe(200);
    }
  });

  it("answers CORS preflights without credentials, and lets browsers read a 401", async () => {
    const preflight = await fetch(api.url, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:3000",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization, x-api-key",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("x-api-key");
    const refused = await api.execute(
      GenerateModeDocument,
      { input: { industry: "zoo" } },
      { origin: "http://localhost:3000" },
    );
    expect(refused.status).toBe(401);
    expect(refused.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(refused.headers.get("access-control-expose-headers")).toContain("www-authenticate");
  });

  it("logs each refusal with its reason, and never a key, at any level", async () => {
    await bothMutations(api, { "x-api-key": "guess" });
    const refusals = recording.lines.filter((line) => line.msg === "authentication refused");
    expect(refusals.map((line) => line.reason)).toEqual(
      expect.arrayContaining(["missing-credentials", "unknown-api-key", "malformed-credentials"]),
    );
    const everything = JSON.stringify(recording.lines);
    for (const key of [CI_KEY, WEB_KEY, ...WRONG_KEYS.filter((key) => key !== "guess")]) {
      expect(everything).not.toContain(key);
      expect(everything).not.toContain(hashApiKey(key));
    }
  });
});

describe("AUTH_MODE=jwt", () => {
  const ISSUER = "https://issuer.example.com/";
  const AUDIENCE = "modeflow-api";
  const model = countingModel();
  const recording = recordingLogger("trace");
  let keySet: LoopbackJsonServer;
  let api: TestServer;
  let signingKey: CryptoKey;
  let otherKey: CryptoKey;
  const issued: string[] = [];

  /** A token as the issuer would sign it, with `claims` changed (undefined removes one). */
  async function token(
    claims: JWTPayload = {},
    key: CryptoKey = signingKey,
    kid = "key-1",
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const payload = { iss: ISSUER, aud: AUDIENCE, sub: "user-42", iat: now, exp: now + 300 };
    const present = Object.entries({ ...payload, ...claims }).filter(
      ([, value]) => value !== undefined,
    );
    const signed = await new SignJWT(Object.fromEntries(present))
      .setProtectedHeader({ alg: "ES256", kid })
      .sign(key);
    issued.push(signed);
    return signed;
  }

  beforeAll(async () => {
    const pair = await generateKeyPair("ES256");
    signingKey = pair.privateKey;
    otherKey = (await generateKeyPair("ES256")).privateKey;
    const jwk: JWK = {
      ...(await exportJWK(pair.publicKey)),
      kid: "key-1",
      alg: "ES256",
      use: "sig",
    };
    keySet = await new LoopbackJsonServer(() => ({ status: 200, body: { keys: [jwk] } })).listen();
    api = await startTestServer(
      {
        AUTH_MODE: "jwt",
        JWT_JWKS_URL: `${keySet.url}/.well-known/jwks.json`,
        JWT_ISSUER: ISSUER,
        JWT_AUDIENCE: AUDIENCE,
      },
      { mode: model, workflow: model },
      recording.logger,
    );
  });
  afterAll(async () => {
    await api.close();
    await keySet.close();
  });
  beforeEach(() => {
    model.calls = 0;
  });

  it("serves a valid token; its sub is the principal", async () => {
    const response = await api.execute(
      GenerateModeDocument,
      { input: { industry: "pet store" } },
      { authorization: `Bearer ${await token()}`, "x-request-id": "jwt-ok-1" },
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(model.calls).toBe(1);
    const line = recording.lines.find(
      (candidate) => candidate.reqId === "jwt-ok-1" && candidate.msg === "graphql request",
    );
    expect(line).toMatchObject({ principal: "user-42" });
    expect(keySet.requests.map((request) => request.url)).toEqual(["/.well-known/jwks.json"]);
  });

  it("refuses a request without a token, calling no model", async () => {
    for (const response of await bothMutations(api, {}))
      expectUnauthenticated(response, /^Bearer$/);
    // An API key header means nothing in jwt mode.
    for (const response of await bothMutations(api, { "x-api-key": await token() })) {
      expectUnauthenticated(response, /^Bearer$/);
    }
    expect(model.calls).toBe(0);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const claimsOf = (sub: string) => ({ iss: ISSUER, aud: AUDIENCE, sub, exp: now() + 300 });

  // Each token is refused for its own reason, which the message names.
  it.each<[string, () => Promise<string>, RegExp]>([
    ["expired", () => token({ iat: now() - 7200, exp: now() - 3600 }), /"exp"/],
    ["not yet valid", () => token({ nbf: now() + 3600 }), /"nbf"/],
    ["for another issuer", () => token({ iss: "https://evil.example.net/" }), /"iss"/],
    ["for another audience", () => token({ aud: "another-api" }), /"aud"/],
    ["signed by another key under the issuer's key id", () => token({}, otherKey), /signature/],
    [
      "signed by another key under an unknown key id",
      () => token({}, otherKey, "key-9"),
      /no applicable key/,
    ],
    ["without sub", () => token({ sub: undefined }), /"sub"/],
    ["with an empty sub", () => token({ sub: "" }), /"sub"/],
    ["without exp", () => token({ exp: undefined }), /"exp"/],
    [
      "unsigned (alg none)",
      async () => `${encode({ alg: "none" })}.${encode(claimsOf("user-42"))}.`,
      /"alg"/,
    ],
    ["that is not a JWT", async () => "not-a-jwt", /Invalid Compact JWS/],
    [
      "whose claims were changed after signing",
      async () => (await token()).replace(/\.[^.]+\./, `.${encode(claimsOf("admin"))}.`),
      /signature/,
    ],
  ])("refuses a token %s with 401, calling no model", async (_name, make, reason) => {
    const headers = { authorization: `Bearer ${await make()}` };
    for (const response of await bothMutations(api, headers)) {
      expectUnauthenticated(response, 'Bearer error="invalid_token"');
      expect(response.body.errors![0]!.message).toMatch(reason);
    }
    expect(model.calls).toBe(0);
  });

  it("authenticates GET queries too", async () => {
    expectUnauthenticated(await getQuery(api.url, MODES_QUERY));
    const answer = await getQuery(api.url, MODES_QUERY, {
      authorization: `Bearer ${await token()}`,
    });
    expect(answer.status).toBe(200);
  });

  it("never logs a token", () => {
    const everything = JSON.stringify(recording.lines);
    expect(issued.length).toBeGreaterThan(10);
    for (const jwt of issued) {
      // The signature is the secret part; header and claims are not credentials on their own.
      expect(everything).not.toContain(jwt.split(".")[2]);
    }
  });
});

describe("AUTH_MODE=jwt with the key set unreachable", () => {
  it("answers INTERNAL_SERVER_ERROR with the request id, calling no model", async () => {
    const gone = await new LoopbackJsonServer(() => ({ status: 200, body: {} })).listen();
    const jwksUrl = `${gone.url}/jwks.json`;
    await gone.close();
    const model = countingModel();
    const api = await startTestServer(
      {
        AUTH_MODE: "jwt",
        JWT_JWKS_URL: jwksUrl,
        JWT_ISSUER: "https://issuer",
        JWT_AUDIENCE: "api",
      },
      { mode: model, workflow: model },
    );
    try {
      const { privateKey } = await generateKeyPair("ES256");
      const jwt = await new SignJWT({})
        .setProtectedHeader({ alg: "ES256", kid: "k" })
        .setIssuer("https://issuer")
        .setAudience("api")
        .setSubject("someone")
        .setExpirationTime("5m")
        .sign(privateKey);
      const response = await api.execute(
        GenerateModeDocument,
        { input: { industry: "tea house" } },
        { authorization: `Bearer ${jwt}`, "x-request-id": "jwks-down-1" },
      );
      expect(response.status).toBe(500);
      expect(response.body).toEqual({
        errors: [
          {
            message: "Internal server error",
            extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "jwks-down-1" },
          },
        ],
      });
      expect(model.calls).toBe(0);
    } finally {
      await api.close();
    }
  });
});

describe("/metrics with METRICS_TOKEN", () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ METRICS_TOKEN: "scrape-secret-123" });
  });
  afterAll(() => api.close());

  it("answers 401 without the token or with a wrong one, 200 with it", async () => {
    const metrics = (headers: Record<string, string> = {}) =>
      fetch(`${api.origin}/metrics`, { headers });
    const without = await metrics();
    expect(without.status).toBe(401);
    expect(without.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
    expect((await metrics({ authorization: "Bearer scrape-secret-12" })).status).toBe(401);
    expect((await metrics({ authorization: "scrape-secret-123" })).status).toBe(401);
    const allowed = await metrics({ authorization: "Bearer scrape-secret-123" });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("modeflow_");
  });

  it("leaves /health, /ready and GraphQL (AUTH_MODE=none) as they were", async () => {
    expect((await fetch(`${api.origin}/health`)).status).toBe(200);
    expect((await fetch(`${api.origin}/ready`)).status).toBe(200);
    const { status } = await api.execute(GenerateModeDocument, { input: { industry: "bank" } });
    expect(status).toBe(200);
  });
});
