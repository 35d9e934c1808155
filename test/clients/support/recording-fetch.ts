import { getOperationAST, parse } from "graphql";
import { expect, vi } from "vitest";

/** One HTTP request a client sent and the server's answer, as they crossed the wire. */
export interface RecordedExchange {
  method: string;
  /** Name of the operation, from the query string (GET) or the JSON body (POST). */
  operationName: string | undefined;
  /** The request's content-type; undefined for a GET. */
  contentType: string | undefined;
  status: number;
  /** The response body exactly as the server sent it. */
  body: { data?: Record<string, unknown> | null; errors?: unknown[] };
}

export interface FetchRecording {
  /** Every exchange so far, in order. */
  readonly exchanges: readonly RecordedExchange[];
  /** Runs `action` and returns it with the single HTTP exchange it caused. */
  exchangeOf<T>(action: () => Promise<T>): Promise<{ result: T; exchange: RecordedExchange }>;
  /** Runs `action` and asserts it sent nothing: the answer came from the client's cache. */
  withoutNetwork<T>(action: () => Promise<T>): Promise<T>;
  restore(): void;
}

/**
 * Wraps the global fetch, which every client under test looks up at request time, so the tests
 * see what the server really sent while each client keeps its default transport.
 */
export function recordFetch(): FetchRecording {
  const exchanges: RecordedExchange[] = [];
  const originalFetch = globalThis.fetch;
  const spy = vi
    .spyOn(globalThis, "fetch")
    .mockImplementation(async (...[input, init]: Parameters<typeof fetch>) => {
      const request = new Request(input, init);
      const requestText = request.method === "GET" ? "" : await request.clone().text();
      const response = await originalFetch(input, init);
      exchanges.push({
        method: request.method,
        operationName: operationNameOf(new URL(request.url), requestText),
        contentType: request.headers.get("content-type") ?? undefined,
        status: response.status,
        body: (await response.clone().json()) as RecordedExchange["body"],
      });
      return response;
    });

  return {
    exchanges,
    async exchangeOf(action) {
      const before = exchanges.length;
      const result = await action();
      expect(exchanges.length - before, "HTTP requests sent").toBe(1);
      return { result, exchange: exchanges[before]! };
    },
    async withoutNetwork(action) {
      const before = exchanges.length;
      const result = await action();
      expect(exchanges.slice(before), "HTTP requests sent").toEqual([]);
      return result;
    },
    restore: () => spy.mockRestore(),
  };
}

/** The operation's name as the server would read it: `operationName`, else the document's. */
function operationNameOf(url: URL, requestText: string): string | undefined {
  const fields: { operationName?: string; query?: string } = requestText
    ? (JSON.parse(requestText) as { operationName?: string; query?: string })
    : {
        operationName: url.searchParams.get("operationName") ?? undefined,
        query: url.searchParams.get("query") ?? undefined,
      };
  if (fields.operationName) return fields.operationName;
  return fields.query ? getOperationAST(parse(fields.query))?.name?.value : undefined;
}
