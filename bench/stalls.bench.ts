import { print } from "graphql";
import {
  GenerateWorkflowDocument,
  ModesDocument,
  ValidateWorkflowDocument,
  GenerateModeDocument,
} from "../test/generated/graphql.js";
import { startOfflineServerProcess } from "./offline-server-process.js";
import { fixed, median } from "./stats.js";
import { chainWorkflow, manyFindingsWorkflow } from "./validate-scaling.bench.js";

const REPEATS = Number(process.env.BENCH_STALL_REPEATS ?? 9);
/** Modes generated first, so `modes(first: 100)` answers a full page. */
const STORED_MODES = 100;

interface Heavy {
  name: string;
  body: string;
}

/**
 * The most expensive requests the default limits accept, each sent alone (one at a time, an idle
 * server otherwise), and for each the longest the server's event loop was held meanwhile: its
 * own monitorEventLoopDelay max (prom-client, 10 ms resolution, read from /metrics before and
 * after each request); the median and the worst over the repeats. Side by side,
 * validation on worker threads (the default) and on the event loop (VALIDATION_WORKERS=0).
 */
export async function runStallsBench(): Promise<void> {
  const heavy: Heavy[] = [
    {
      name: "validateWorkflow, 262,144 characters (the limit), ~19,500 findings",
      body: JSON.stringify({
        query: print(ValidateWorkflowDocument),
        variables: { input: manyFindingsWorkflow(262_144) },
      }),
    },
    {
      name: "validateWorkflow, 100 nodes with a 100-component context",
      body: JSON.stringify({
        query: print(ValidateWorkflowDocument),
        variables: { input: { ...chainWorkflow(100).context, ir: chainWorkflow(100).ir } },
      }),
    },
    {
      name: "generateWorkflow offline, 100-component context (~33,000 characters)",
      body: JSON.stringify({
        query: print(GenerateWorkflowDocument),
        variables: {
          input: {
            userInput: "Process source 0 with every tool, then save the result to out.md",
            planningContext: chainWorkflow(100).context.planningContext,
          },
        },
      }),
    },
    {
      name: "a body at HTTP_MAX_BODY_BYTES of small tokens (an unused variable)",
      body: bodyOfSmallTokens(1_048_576),
    },
    {
      name: `modes(first: 100), every field, over ${STORED_MODES} stored modes`,
      body: JSON.stringify({ query: print(ModesDocument), variables: { first: 100 } }),
    },
  ];
  const variants: ReadonlyArray<{ name: string; env: Record<string, string> }> = [
    { name: "validation on worker threads (default)", env: {} },
    {
      name: "validation on the event loop (VALIDATION_WORKERS=0)",
      env: { VALIDATION_WORKERS: "0" },
    },
  ];
  console.log(
    `\n## stalls: the heaviest accepted requests, each alone ${REPEATS} times (server process, NODE_ENV=production, offline)`,
  );
  console.log(
    "| request | server | answer bytes | latency median ms | loop held per request: median ms | max ms |",
  );
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const request of heavy) {
    for (const variant of variants) {
      const result = await measure(variant.env, request.body);
      console.log(
        `| ${request.name} | ${variant.name} | ${result.bytes.toLocaleString("en-US")} | ${fixed(result.medianMs, 1)} | ${fixed(result.holdMedianMs, 1)} | ${fixed(result.holdMaxMs, 1)} |`,
      );
    }
  }
}

/** modes(first: 1) padded with an unused variable `[0,0,…]` to `bytes`: JSON's slowest shape. */
function bodyOfSmallTokens(bytes: number): string {
  const head = `{"query":${JSON.stringify(print(ModesDocument))},"variables":{"first":1,"padding":[0`;
  const tail = "]}}";
  const count = Math.floor((bytes - head.length - tail.length) / 2);
  return `${head}${",0".repeat(count)}${tail}`;
}

async function measure(
  env: Record<string, string>,
  body: string,
): Promise<{ bytes: number; medianMs: number; holdMedianMs: number; holdMaxMs: number }> {
  const server = await startOfflineServerProcess(env);
  const post = async (text: string) => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: text,
    });
    const answer = await response.text();
    if (response.status !== 200 || (JSON.parse(answer) as { errors?: unknown }).errors) {
      throw new Error(`unexpected answer ${response.status}: ${answer.slice(0, 300)}`);
    }
    return answer;
  };
  try {
    for (let index = 0; index < STORED_MODES; index++) {
      await post(
        JSON.stringify({
          query: print(GenerateModeDocument),
          variables: { input: { industry: `stall bench shop ${index}` } },
        }),
      );
    }
    await post(body); // warm-up: the JIT, and the worker thread's first load
    const loopMax = async () => (await server.eventLoopDelay()).max;
    const durations: number[] = [];
    const holds: number[] = [];
    let bytes = 0;
    for (let index = 0; index < REPEATS; index++) {
      await loopMax(); // reads, and so resets, the delay histogram
      const startedAt = performance.now();
      bytes = Buffer.byteLength(await post(body));
      durations.push(performance.now() - startedAt);
      holds.push(await loopMax());
    }
    return {
      bytes,
      medianMs: median(durations),
      holdMedianMs: median(holds),
      holdMaxMs: Math.max(...holds),
    };
  } finally {
    await server.stop();
  }
}
