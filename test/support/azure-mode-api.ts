import { afterAll, beforeAll, beforeEach } from "vitest";
import { FakeOpenAiServer, errorReply } from "./fake-openai-server.js";
import { startTestServer } from "./test-server.js";
import type { TestServer } from "./test-server.js";

/** A test server whose modes come from a fake Azure OpenAI deployment, both reset per test. */
export interface AzureModeApi {
  readonly azure: FakeOpenAiServer;
  /** The server; available once the suite's beforeAll has run. */
  readonly api: TestServer;
}

/**
 * Registers the suite's hooks: the fake Azure server and a test server pointed at it (plus
 * `environment`) start before the suite and close after it; before each test the fake forgets
 * what it saw and answers 500 unless a reply is scripted.
 */
export function useAzureModeApi(environment: Record<string, string> = {}): AzureModeApi {
  const azure = new FakeOpenAiServer();
  let api: TestServer | undefined;
  beforeAll(async () => {
    await azure.listen();
    api = await startTestServer({
      AZURE_OPENAI_ENDPOINT: azure.url,
      AZURE_OPENAI_API_KEY: "test-key",
      ...environment,
    });
  });
  afterAll(async () => {
    await api?.close();
    await azure.close();
  });
  beforeEach(() => {
    azure.reset();
    azure.respondByDefault(() => errorReply(500, "no reply scripted"));
  });
  return {
    azure,
    get api() {
      if (!api) throw new Error("the test server starts in beforeAll");
      return api;
    },
  };
}
