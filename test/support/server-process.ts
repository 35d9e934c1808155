import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// `npm test` builds before running the tests; the real entry point is what users start. The
// benchmarks run this file compiled (dist/test/support), next to the entry already.
const compiled = import.meta.url.includes("/dist/test/support/");
export const entry = fileURLToPath(
  new URL(compiled ? "../../src/main.js" : "../../dist/src/main.js", import.meta.url),
);
// A fresh directory: no .env to read. Only PATH/HOME are passed: no provider keys.
export const emptyDirectory = mkdtempSync(join(tmpdir(), "modeflow-start-"));
// GRAPHQL_EXECUTOR too, so one variable switches the executor of every server of a test run.
const bareEnvironment = {
  PATH: process.env.PATH ?? "",
  HOME: emptyDirectory,
  ...(process.env.GRAPHQL_EXECUTOR ? { GRAPHQL_EXECUTOR: process.env.GRAPHQL_EXECUTOR } : {}),
};

export interface ServerProcess {
  child: ChildProcess;
  /** The GraphQL URL from the start-up line. */
  url: string;
  /** Every log line so far, parsed. */
  lines: Array<Record<string, unknown>>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts the built server (`dist/src/main.js`) with only `environment`; resolves once it listens. */
export function startServerProcess(environment: Record<string, string>): Promise<ServerProcess> {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], {
      cwd: emptyDirectory,
      env: { ...bareEnvironment, ...environment },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
    const lines: Array<Record<string, unknown>> = [];
    let buffer = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const complete = buffer.split("\n");
      buffer = complete.pop()!;
      for (const line of complete) {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        lines.push(parsed);
        const listening = /^modeflow listening on (http:\/\/\S+\/graphql)$/.exec(
          String(parsed.msg),
        );
        if (listening) resolve({ child, url: listening[1]!, lines, exited });
      }
    });
    void exited.then((code) => reject(new Error(`server exited early with code ${code}`)));
  });
}

/** Runs the built server with `environment` until it exits on its own. */
export function runServerToExit(
  environment: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry], {
      cwd: emptyDirectory,
      env: { ...bareEnvironment, ...environment },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("exit", (code) => resolve({ code, stderr }));
  });
}
