import { print } from "graphql";
import { createClient } from "graphql-ws";
import { pino } from "pino";
import WebSocket from "ws";
import { loadConfig } from "../src/config.js";
import { createServer } from "../src/server.js";
import { GenerateModeDocument, GenerateModeStreamDocument } from "../test/generated/graphql.js";
import { sentAtOfLastCharacter } from "../test/support/answer-timing.js";
import { FakeOpenAiServer, jsonCompletion } from "../test/support/fake-openai-server.js";
import { petStoreAnswer } from "../test/support/mode-answers.js";
import { fixed, median, percentile } from "./stats.js";

/** A realistic model: 60 tokens a second, 4 characters a token. */
const PACE = { tokensPerSecond: 60, charactersPerToken: 4 };
/** Streams and mutations in flight together in each round, half of each. */
const PER_ROUND = 5;
const ROUNDS = Number(process.env.BENCH_STREAM_ROUNDS ?? 6);

interface StreamTiming {
  industry: string;
  themeMs: number;
  completedMs: number;
  /** When the THEME event reached the client (performance.now()). */
  themeAt: number;
}

/**
 * generateModeStream against generateMode, both through the whole server with a loopback Azure
 * OpenAI that streams at 60 tokens/s: time to the first THEME and to COMPLETED for the stream,
 * total latency for the mutation, measured by the client. Every request names a new industry
 * (no cache hit). Each round runs PER_ROUND streams and PER_ROUND mutations at once, so both see
 * the same machine; medians and p99 over every round. Also: how long after the token that
 * completes the colour left the model the THEME event reached the client (same process, same
 * clock). The loopback model sends its first token at once and a non-streamed answer after the
 * time its tokens take at the same pace; a real model's time to first token adds to both.
 */
export async function runStreamingBench(): Promise<void> {
  const model = new FakeOpenAiServer();
  await model.listen();
  model.pace = { ...PACE };
  const answer = petStoreAnswer();
  const answerTokens = Math.ceil(
    Array.from(JSON.stringify(answer)).length / PACE.charactersPerToken,
  );
  // A model writes a non-streamed answer at the same pace, it just sends it at the end: the
  // mutation's answer waits as long as the stream's last token.
  const writingMs = (answerTokens / PACE.tokensPerSecond) * 1000;
  model.respondByDefault((request) =>
    request.body.stream === true
      ? jsonCompletion(answer)
      : { ...jsonCompletion(answer), delayMs: writingMs },
  );
  const config = loadConfig({
    PORT: "0",
    LOG_LEVEL: "silent",
    AZURE_OPENAI_ENDPOINT: model.url,
    AZURE_OPENAI_API_KEY: "bench",
    MODE_STORE_SIZE: "1000",
    RATE_LIMIT_GENERATIONS_PER_MINUTE: "0",
  });
  const server = await createServer({ config, logger: pino({ level: "silent" }) });
  const url = await server.start();
  const socket = createClient({ url: url.replace(/^http/, "ws"), webSocketImpl: WebSocket });

  const streamQuery = print(GenerateModeStreamDocument);
  const mutationQuery = print(GenerateModeDocument);
  let counter = 0;

  async function streamOnce(): Promise<StreamTiming> {
    const industry = `bench stream ${++counter}`;
    const started = performance.now();
    let themeAt = Number.NaN;
    let completedAt = Number.NaN;
    const events = socket.iterate<{ generateModeStream: { kind: string } }>({
      query: streamQuery,
      variables: { input: { industry } },
    });
    for await (const event of events) {
      if (event.errors) throw new Error(JSON.stringify(event.errors));
      const kind = event.data?.generateModeStream.kind;
      if (kind === "THEME" && Number.isNaN(themeAt)) themeAt = performance.now();
      if (kind === "COMPLETED") completedAt = performance.now();
    }
    return { industry, themeMs: themeAt - started, completedMs: completedAt - started, themeAt };
  }

  async function mutateOnce(): Promise<number> {
    const industry = `bench mutation ${++counter}`;
    const started = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: mutationQuery, variables: { input: { industry } } }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return performance.now() - started;
  }

  const streams: StreamTiming[] = [];
  const mutations: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const [roundStreams, roundMutations] = await Promise.all([
      Promise.all(Array.from({ length: PER_ROUND }, streamOnce)),
      Promise.all(Array.from({ length: PER_ROUND }, mutateOnce)),
    ]);
    streams.push(...roundStreams);
    mutations.push(...roundMutations);
  }

  // The colour's last token left the model at a known time: how much later the client had THEME.
  const afterColourToken = streams.map((timing) => {
    const index = model.requests.findIndex((request) =>
      JSON.stringify(request.body).includes(timing.industry),
    );
    const record = model.streams.find((stream) => stream.requestNumber === index + 1)!;
    const tokenAt = sentAtOfLastCharacter(record, answer, "primary_color", PACE.charactersPerToken);
    return timing.themeAt - tokenAt;
  });

  await socket.dispose();
  await server.stop();
  await model.close();

  const row = (name: string, values: number[]) =>
    `| ${name} | ${fixed(median(values), 0)} | ${fixed(percentile(values, 99), 0)} |`;
  console.log(
    `\n## Streamed generateMode (model at ${PACE.tokensPerSecond} tokens/s, answer of ${answerTokens} tokens; ` +
      `${ROUNDS} rounds of ${PER_ROUND} streams and ${PER_ROUND} mutations at once; ms)`,
  );
  console.log("| measure | median | p99 |");
  console.log("| --- | --- | --- |");
  console.log(
    row(
      "generateModeStream: first THEME",
      streams.map((timing) => timing.themeMs),
    ),
  );
  console.log(
    row(
      "generateModeStream: COMPLETED",
      streams.map((timing) => timing.completedMs),
    ),
  );
  console.log(row("generateMode mutation: answer", mutations));
  console.log(
    row("THEME at the client after the colour's last token left the model", afterColourToken),
  );
  const ratio = median(streams.map((timing) => timing.themeMs)) / median(mutations);
  console.log(`first THEME / mutation latency (medians): ${fixed(ratio, 3)}`);
}
