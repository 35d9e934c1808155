import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { HttpLimits } from "../config.js";

/**
 * How often Node looks for connections past their request or header timeout. Its default, 30 s,
 * would let a 10 s header timeout run to 40 s; a scan of the open connections is cheap.
 */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/**
 * fastify's `serverFactory`: the HTTP server with our timeouts, set where Node reads them (at
 * creation). fastify's own `requestTimeout` option was once seen leaving connections that trickle
 * a byte every few seconds open on Node 20 (design/stack.md); test/integration/slow-clients.test.ts
 * checks this set-up with real trickling sockets.
 *
 * - `headersTimeout`, `requestTimeout`: the time a client has to send a request's headers, and
 *   the whole request, counted from its first byte (a trickle does not extend it). Both end once
 *   the request has arrived: a generation may take minutes to answer.
 * - `keepAliveTimeout`: how long an idle keep-alive connection is kept for the next request.
 * - `maxConnections`: connections beyond it are closed as they arrive.
 * - No socket inactivity timeout (`server.timeout` stays 0): while a generation runs, a socket
 *   is silent for as long as the generation takes.
 */
export function httpServerFactory(limits: HttpLimits) {
  return (
    handler: (request: IncomingMessage, response: ServerResponse) => void,
  ): Server<typeof IncomingMessage, typeof ServerResponse> => {
    const server = createServer(
      {
        requestTimeout: limits.requestTimeoutMs,
        headersTimeout: limits.headersTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_INTERVAL_MS, limits.headersTimeoutMs),
      },
      handler,
    );
    server.maxConnections = limits.maxConnections;
    return server;
  };
}
