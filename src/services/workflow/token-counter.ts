import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createSyncFn } from "synckit";

/**
 * o200k_base token counts, worked out in a thread of its own and waited for synchronously.
 *
 * Why a thread: the tokenizer's vocabulary is ~21 MB of heap. In the server's heap it made
 * every young-generation collection ~25 % slower (V8 rescans more of the old generation's
 * garbage the larger the heap it keeps between full collections): with `--trace-gc` under the
 * `executor` bench load, 8.0 ms against 5.8 ms per scavenge, about 15 µs of every cached answer.
 * Why synchronously (synckit: the caller blocks on Atomics.wait until the thread answers):
 * counting stays the few milliseconds of work it was, at the same place in the request, and
 * building a prompt stays synchronous.
 */
export function countTokensOf(texts: string[]): number[] {
  return counterThread()(texts);
}

/**
 * Starts the thread now: the tokenizer (~0.6 s to load) loads in the background while the
 * server starts. Counting starts it too.
 */
export function startTokenCounter(): void {
  counterThread();
}

/**
 * Waits (blocking) until the thread has loaded the tokenizer. The server does before it
 * listens, so the load neither holds the first prompt nor competes with the first requests.
 */
export function awaitTokenCounter(): void {
  countTokensOf([]);
}

let counter: ((texts: string[]) => number[]) | undefined;

/** The thread, started on first use (synckit keeps one per entry file for the whole process). */
function counterThread(): (texts: string[]) => number[] {
  return (counter ??= createSyncFn<(texts: string[]) => number[]>(workerFile()));
}

/**
 * The compiled worker. From the TypeScript sources (tests) it is the same file as `npm run
 * compile` emits it: Node 20 registers no module hooks in worker threads, so tsx cannot load a
 * TypeScript worker there (`--import tsx` gives ERR_UNKNOWN_FILE_EXTENSION).
 */
function workerFile(): string {
  const compiled = import.meta.url.endsWith(".ts")
    ? "../../../dist/src/services/workflow/token-counter.worker.js"
    : "./token-counter.worker.js";
  const file = fileURLToPath(new URL(compiled, import.meta.url));
  if (!existsSync(file)) {
    throw new Error(`The token-counting worker ${file} is missing: run \`npm run compile\` first.`);
  }
  return file;
}
