import { createServer } from "node:http";
import type { Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { chatCompletion } from "../support/fake-openai-server.js";
import { petStoreAnswer } from "../support/mode-answers.js";
import { startServerProcess } from "../support/server-process.js";
import type { ServerProcess } from "../support/server-process.js";

// SIGTERM without resets: /ready turns 503 at once, in-flight generations finish, and what
// cannot finish within the grace period gets a retryable error. The real process, a real signal.
type Behaviour = { answerAfterMs: number } | "hang";

/** A chat-completions endpoint that answers after a delay, or never. */
async function slowProvider(behaviour: Behaviour): Promise<{ url: string; server: Server }> {
  const hanging: ServerResponse[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      if (behaviour === "hang") {
        hanging.push(response);
        return;
      }
      const reply = chatCompletion({ content: JSON.stringify(petStoreAnswer()) });
      const body = "body" in reply ? reply.body : {};
      setTimeout(() => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      }, behaviour.answerAfterMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.on("close", () => hanging.forEach((response) => response.destroy()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let provider: Server | undefined;
let process: ServerProcess | undefined;
afterEach(async () => {
  process?.child.kill("SIGKILL");
  process = undefined;
  provider?.closeAllConnections();
  await new Promise((resolve) => provider?.close(resolve) ?? resolve(undefined));
  provider = undefined;
});

async function start(behaviour: Behaviour, environment: Record<string, string>) {
  const slow = await slowProvider(behaviour);
  provider = slow.server;
  process = await startServerProcess({
    PORT: "0",
    AZURE_OPENAI_ENDPOINT: slow.url,
    AZURE_OPENAI_API_KEY: "test-key",
    LLM_MAX_RETRIES: "0",
    ...environment,
  });
  return process;
}

function generate(url: string) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: 'mutation { generateMode(input: { industry: "pet store" }) { mode { source name } } }',
    }),
  });
}

describe("shutdown on SIGTERM", () => {
  it("turns /ready 503 at once, lets a 3 s generation finish with 200, and exits 0", async () => {
    const server = await start(
      { answerAfterMs: 3_000 },
      { SHUTDOWN_READY_DELAY_MS: "1000", MODE_DEADLINE_MS: "20000", LLM_TIMEOUT_MS: "20000" },
    );
    const origin = server.url.replace(/\/graphql$/, "");
    const inFlight = generate(server.url);
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 100));

    const ready = await fetch(`${origin}/ready`);
    expect(ready.status).toBe(503);
    // Still serving during the ready delay.
    expect((await fetch(`${origin}/health`)).status).toBe(200);

    const response = await inFlight;
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { generateMode: { mode: { source: string } } };
    };
    expect(body.data.generateMode.mode.source).toBe("GENERATED");
    expect(await server.exited).toBe(0);
  });

  it("answers a hung generation with a retryable 503 before the grace period ends, never a reset", async () => {
    const server = await start("hang", {
      SHUTDOWN_READY_DELAY_MS: "200",
      SHUTDOWN_GRACE_MS: "1500",
      MODE_DEADLINE_MS: "60000",
      LLM_TIMEOUT_MS: "60000",
    });
    const inFlight = generate(server.url);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = performance.now();
    server.child.kill("SIGTERM");

    const response = await inFlight; // a reset would reject here
    const elapsed = performance.now() - signalledAt;
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    const body = (await response.json()) as {
      data?: unknown;
      errors: Array<{ extensions: { code: string; retryable: boolean } }>;
    };
    expect(body.errors[0]!.extensions).toEqual({ code: "SHUTTING_DOWN", retryable: true });
    // Ready delay (0.2 s) plus grace (1.5 s), then the cut; well before the 60 s deadline.
    expect(elapsed).toBeGreaterThan(1_500);
    expect(elapsed).toBeLessThan(4_000);
    expect(await server.exited).toBe(0);
  });
});
