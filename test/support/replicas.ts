import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { startServerProcess } from "./server-process.js";
import type { ServerProcess } from "./server-process.js";
import type { GraphQLResponse } from "./test-server.js";

/** Two replicas of the built server (real processes) behind the same environment. */
export async function startReplicas(
  environment: Record<string, string>,
): Promise<[ServerProcess, ServerProcess]> {
  const replicas = await Promise.all([
    startServerProcess({ PORT: "0", ...environment }),
    startServerProcess({ PORT: "0", ...environment }),
  ]);
  return replicas as [ServerProcess, ServerProcess];
}

/** Ends a replica's process (SIGTERM: drains and exits 0) and waits for it. */
export async function stopReplica(replica: ServerProcess): Promise<void> {
  if (replica.child.exitCode !== null || replica.child.signalCode !== null) return;
  replica.child.kill("SIGTERM");
  await replica.exited;
}

/** A typed operation over HTTP to a replica: status and body. */
export async function send<TData, TVariables>(
  replica: ServerProcess,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<{ status: number; body: GraphQLResponse<TData> }> {
  const response = await fetch(replica.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<TData> };
}

/** A sample of a replica's /metrics (the first line of `name` whose labels include `labels`). */
export async function replicaMetric(
  replica: ServerProcess,
  name: string,
  labels: Record<string, string> = {},
): Promise<number | undefined> {
  const text = await (await fetch(replica.url.replace(/\/graphql$/, "/metrics"))).text();
  const wanted = Object.entries(labels).map(([label, value]) => `${label}="${value}"`);
  const line = text
    .split("\n")
    .find(
      (candidate) =>
        (candidate.startsWith(`${name} `) || candidate.startsWith(`${name}{`)) &&
        wanted.every((label) => candidate.includes(label)),
    );
  return line === undefined ? undefined : Number(line.split(" ").at(-1));
}

/** Resolves once `predicate` holds, checking every 20 ms; fails after `timeoutMs`. */
export async function until(
  predicate: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
  what = "condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
