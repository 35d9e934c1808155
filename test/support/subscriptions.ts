import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { createClient } from "graphql-ws";
import type { Client, FormattedExecutionResult as ExecutionResult } from "graphql-ws";
import WebSocket from "ws";

/** One message a subscription received, and when (performance.now(), same process). */
export interface Received<TData> {
  result: ExecutionResult<TData, unknown>;
  at: number;
}

export interface SubscriptionRun<TData> {
  /** Every `next` message so far, in order. */
  readonly received: Array<Received<TData>>;
  /** Settles when the server completes the subscription, or with the error that ended it. */
  readonly done: Promise<void>;
  /** Resolves when a result satisfies `test` (at once if one already has). */
  until(test: (result: ExecutionResult<TData, unknown>) => boolean): Promise<Received<TData>>;
  /** Sends `complete` for this subscription (the client unsubscribes). */
  unsubscribe(): void;
}

/**
 * A graphql-ws client on `httpUrl`'s WebSocket twin, as a browser app would make it (the `ws`
 * package stands in for the browser's WebSocket on Node 20). No reconnection: a test sees each
 * close as it happened.
 */
export function socketClient(
  httpUrl: string,
  connectionParams?: Record<string, unknown>,
  onClosed?: (event: { code: number; reason: string }) => void,
): Client {
  return createClient({
    url: httpUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        onClosed?.({ code, reason: String(reason) });
      },
    },
  });
}

/** Subscribes `document` with `variables` and records what arrives. */
export function subscribe<TData, TVariables>(
  client: Client,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): SubscriptionRun<TData> {
  const received: Array<Received<TData>> = [];
  const waiting: Array<{
    test: (result: ExecutionResult<TData, unknown>) => boolean;
    resolve: (value: Received<TData>) => void;
  }> = [];
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const unsubscribe = client.subscribe<TData>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        const entry = { result, at: performance.now() };
        received.push(entry);
        for (const waiter of [...waiting]) {
          if (!waiter.test(result)) continue;
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(entry);
        }
      },
      error: (error) => settle.reject(error),
      complete: () => settle.resolve(),
    },
  );
  return {
    received,
    done,
    until(test) {
      const found = received.find((entry) => test(entry.result));
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiting.push({ test, resolve }));
    },
    unsubscribe,
  };
}
