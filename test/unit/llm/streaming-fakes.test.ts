import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { toolUseReply } from "../../support/fake-anthropic-server.js";
import { jsonCompletion } from "../../support/fake-openai-server.js";
import { petStoreAnswer } from "../../support/mode-answers.js";
import { useStreamingWires } from "../../support/streaming-wires.js";

const { openAiServer, anthropicServer } = useStreamingWires({
  tokensPerSecond: 1000,
  charactersPerToken: 4,
});

const answer = petStoreAnswer();
const answerText = JSON.stringify(answer);

describe("the streaming fakes, read by the real SDKs", () => {
  it("stream a chat completion as chunks a token at a time, with the usage chunk when asked", async () => {
    openAiServer.enqueue(jsonCompletion(answer, { promptTokens: 10, completionTokens: 20 }));
    const client = new OpenAI({ apiKey: "sk-test", baseURL: `${openAiServer.url}/v1` });
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "pet store" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let content = "";
    let usage: unknown;
    let finishReason: string | null = null;
    for await (const chunk of stream) {
      content += chunk.choices[0]?.delta.content ?? "";
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
      usage = chunk.usage ?? usage;
    }
    expect(content).toBe(answerText);
    expect(finishReason).toBe("stop");
    expect(usage).toMatchObject({ prompt_tokens: 10, completion_tokens: 20 });
    const record = openAiServer.streams[0]!;
    // role chunk, ceil(length / 4) token chunks, finish chunk, usage chunk, [DONE]
    expect(record.events).toHaveLength(Math.ceil(Array.from(answerText).length / 4) + 4);
    expect(record.hungUpAt).toBeUndefined();
  });

  it("answer a request without stream: true with the JSON body, as before", async () => {
    openAiServer.enqueue(jsonCompletion(answer));
    const client = new OpenAI({ apiKey: "sk-test", baseURL: `${openAiServer.url}/v1` });
    const completion = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "pet store" }],
    });
    expect(completion.choices[0]?.message.content).toBe(answerText);
    expect(openAiServer.streams).toHaveLength(0);
  });

  it("stream a tool_use message as input_json_delta events the SDK assembles", async () => {
    anthropicServer.enqueue(toolUseReply(answer, { toolName: "generated_mode_config" }));
    const client = new Anthropic({ apiKey: "sk-ant-test", baseURL: anthropicServer.url });
    const stream = client.messages.stream({
      model: "claude-sonnet-4-0",
      max_tokens: 1000,
      messages: [{ role: "user", content: "pet store" }],
    });
    let json = "";
    stream.on("inputJson", (delta) => (json += delta));
    const message = await stream.finalMessage();
    expect(json).toBe(answerText);
    expect(message.content[0]).toMatchObject({ type: "tool_use", input: answer });
    expect(message.stop_reason).toBe("tool_use");
    expect(message.usage).toMatchObject({ input_tokens: 1200, output_tokens: 300 });
  });

  it("pace token events at tokensPerSecond", async () => {
    openAiServer.pace = { tokensPerSecond: 60, charactersPerToken: 4 };
    openAiServer.enqueue(jsonCompletion({ text: "x".repeat(4 * 30 - 11) })); // 30 tokens
    const client = new OpenAI({ apiKey: "sk-test", baseURL: `${openAiServer.url}/v1` });
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "x" }],
      stream: true,
    });
    for await (const _chunk of stream) {
      // drain
    }
    const sentAt = openAiServer.streams[0]!.events.map((event) => event.sentAt);
    const elapsed = sentAt.at(-1)! - sentAt[0]!;
    // 29 intervals of 16.7 ms between the first and the last token.
    expect(elapsed).toBeGreaterThan(29 * (1000 / 60) - 5);
    expect(elapsed).toBeLessThan(29 * (1000 / 60) + 150);
  });

  it("record when the client hangs up mid-stream", async () => {
    openAiServer.pace = { tokensPerSecond: 60, charactersPerToken: 4 };
    openAiServer.enqueue(jsonCompletion(answer));
    const client = new OpenAI({ apiKey: "sk-test", baseURL: `${openAiServer.url}/v1` });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }], stream: true },
      { signal: controller.signal },
    );
    const abortedAt = performance.now();
    controller.abort();
    // The SDK's raw stream ends quietly on abort (it swallows the AbortError): no throw to expect.
    for await (const _chunk of stream) {
      // drain until the abort lands
    }
    const record = openAiServer.streams[0]!;
    await record.finished;
    expect(record.hungUpAt).toBeDefined();
    expect(record.hungUpAt! - abortedAt).toBeLessThan(1000);
  });
});
