import { afterAll, beforeAll, beforeEach } from "vitest";
import { AnthropicLlm } from "../../src/llm/anthropic.js";
import { createAzureOpenAiLlm } from "../../src/llm/azure-openai.js";
import { createOpenAiLlm } from "../../src/llm/openai.js";
import type { StructuredCall, StructuredLlm } from "../../src/llm/structured-llm.js";
import {
  GENERATED_MODE_SCHEMA_NAME,
  generatedModeConfigSchema,
} from "../../src/services/mode/mode.contract.js";
import type { GeneratedModeConfig } from "../../src/services/mode/mode.contract.js";
import { FakeAnthropicServer, toolUseReply } from "./fake-anthropic-server.js";
import { FakeOpenAiServer, jsonCompletion } from "./fake-openai-server.js";
import type { LoopbackJsonServer, ScriptedReply, StreamPace } from "./loopback-json-server.js";

/** An adapter that can stream, as the streaming tests need it. */
export type StreamingLlm = StructuredLlm & Required<Pick<StructuredLlm, "stream">>;

/** One provider wire: its fake, an adapter pointed at it, and how it answers with an object. */
export interface StreamingWire {
  label: string;
  server: LoopbackJsonServer;
  createLlm: () => StreamingLlm;
  /** A 200 answer carrying `answer` the way this wire carries structured output. */
  answerWith: (answer: unknown) => ScriptedReply;
}

/**
 * The Azure OpenAI, OpenAI and Anthropic wires, on two fakes this starts before the file's tests,
 * resets to `pace` before each test and stops after them (it registers the vitest hooks).
 */
export function useStreamingWires(pace: StreamPace): {
  wires: StreamingWire[];
  openAiServer: FakeOpenAiServer;
  anthropicServer: FakeAnthropicServer;
} {
  const openAiServer = new FakeOpenAiServer();
  const anthropicServer = new FakeAnthropicServer();
  beforeAll(async () => {
    await openAiServer.listen();
    await anthropicServer.listen();
  });
  afterAll(async () => {
    await openAiServer.close();
    await anthropicServer.close();
  });
  beforeEach(() => {
    for (const server of [openAiServer, anthropicServer]) {
      server.reset();
      server.pace = { ...pace };
    }
  });
  const answerAsCompletion = (answer: unknown) => jsonCompletion(answer);
  const wires: StreamingWire[] = [
    {
      label: "Azure OpenAI",
      server: openAiServer,
      answerWith: answerAsCompletion,
      createLlm: () =>
        createAzureOpenAiLlm({
          endpoint: openAiServer.url,
          apiKey: "test-azure-key",
          apiVersion: "2024-10-21",
          deployment: "model-router",
          timeoutMs: 10_000,
        }),
    },
    {
      label: "OpenAI",
      server: openAiServer,
      answerWith: answerAsCompletion,
      createLlm: () =>
        createOpenAiLlm({
          apiKey: "sk-test-openai",
          baseURL: `${openAiServer.url}/v1`,
          model: "gpt-4o-mini",
          timeoutMs: 10_000,
        }),
    },
    {
      label: "Anthropic",
      server: anthropicServer,
      answerWith: (answer) => toolUseReply(answer, { toolName: GENERATED_MODE_SCHEMA_NAME }),
      createLlm: () =>
        new AnthropicLlm({
          apiKey: "sk-ant-test-key",
          baseURL: anthropicServer.url,
          timeoutMs: 10_000,
        }),
    },
  ];
  return { wires, openAiServer, anthropicServer };
}

/** The call ModeService makes: the mode contract, validated. */
export function modeCall(signal?: AbortSignal): StructuredCall<GeneratedModeConfig> {
  return {
    system: "You configure dashboards.",
    user: "Industry: pet store",
    output: {
      name: GENERATED_MODE_SCHEMA_NAME,
      description: "Dashboard mode configuration for one industry",
      schema: generatedModeConfigSchema,
    },
    signal,
  };
}
