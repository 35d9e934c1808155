import { afterEach, describe, expect, it } from "vitest";
import type { StructuredLlm } from "../../src/llm/structured-llm.js";
import { GenerateModeDocument } from "../generated/graphql.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";

let api: TestServer | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** A model seam that fails in a way no adapter should: a bug, not a GenerationFailure. */
const brokenLlm: StructuredLlm = {
  provider: "azure-openai",
  defaultModel: "broken",
  generate: async () => {
    throw new TypeError("secret internal detail: cannot read properties of undefined");
  },
};

describe("HTTP surface", () => {
  it("answers /health and /ready, and echoes a request id", async () => {
    api = await startTestServer();
    const health = await fetch(`${api.origin}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${api.origin}/ready`, { headers: { "x-request-id": "trace-42" } });
    expect(ready.status).toBe(200);
    expect(ready.headers.get("x-request-id")).toBe("trace-42");
  });

  it("serves Prometheus metrics including request histograms", async () => {
    api = await startTestServer();
    await api.execute(GenerateModeDocument, { input: { industry: "bank" } });
    const response = await fetch(`${api.origin}/metrics`);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain(
      'modeflow_graphql_request_duration_seconds_count{operation="generateMode",outcome="ok"} 1',
    );
    expect(text).toContain("modeflow_llm_call_duration_seconds");
  });

  it("serves the Apollo Sandbox landing page to browsers outside production", async () => {
    api = await startTestServer();
    const response = await fetch(api.url, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("sandbox");
  });

  it("masks unexpected errors as INTERNAL_SERVER_ERROR with the request id", async () => {
    api = await startTestServer({}, { mode: brokenLlm });
    const { body } = await api.execute(
      GenerateModeDocument,
      { input: { industry: "pet store" } },
      { "x-request-id": "req-masked-1" },
    );
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      {
        message: "Internal server error",
        locations: expect.any(Array),
        path: ["generateMode"],
        extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-masked-1" },
      },
    ]);
    expect(JSON.stringify(body)).not.toContain("secret internal detail");
  });

  it("turns off the Sandbox and introspection in production", async () => {
    api = await startTestServer({
      NODE_ENV: "production",
      AUTH_MODE: "none",
      MODE_PROVIDER: "offline",
      WORKFLOW_PROVIDER: "offline",
    });
    const page = await fetch(api.url, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toContain("sandbox");
    const introspection = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __schema { queryType { name } } }" }),
    });
    const body = (await introspection.json()) as {
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("drains on stop: in-flight requests finish, then the port closes", async () => {
    let modelCalled!: () => void;
    const inModel = new Promise<void>((resolve) => (modelCalled = resolve));
    const slowLlm: StructuredLlm = {
      provider: "azure-openai",
      defaultModel: "slow",
      generate: () => {
        modelCalled();
        return new Promise((_resolve, reject) => setTimeout(() => reject(new Error("late")), 300));
      },
    };
    api = await startTestServer({}, { mode: slowLlm });
    const inFlight = api.execute(GenerateModeDocument, { input: { industry: "tea house" } });
    // Stop once the request is being served (a fixed wait raced a busy machine: the request had
    // not reached the server yet, and its connection was closed as idle).
    await inModel;
    const stopping = api.server.stop();
    const { status } = await inFlight;
    await stopping;
    expect(status).toBe(200);
    await expect(fetch(`${api.origin}/health`)).rejects.toThrow();
    api = undefined;
  });
});

describe("CORS", () => {
  const preflight = (url: string, origin: string) =>
    fetch(url, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });

  it("lets a browser app on another origin call the API outside production", async () => {
    api = await startTestServer();
    const response = await preflight(api.url, "http://localhost:3000");
    expect(response.status).toBe(204);
    // Any origin is allowed by reflecting it (which also works for credentialed requests).
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("allows exactly the configured origins", async () => {
    api = await startTestServer({ CORS_ORIGINS: "https://app.example.com, http://localhost:3000" });
    const allowed = await preflight(api.url, "https://app.example.com");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    const other = await preflight(api.url, "https://evil.example.net");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows no cross-origin calls in production unless configured", async () => {
    api = await startTestServer({
      NODE_ENV: "production",
      AUTH_MODE: "none",
      MODE_PROVIDER: "offline",
      WORKFLOW_PROVIDER: "offline",
    });
    const response = await preflight(api.url, "http://localhost:3000");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});
