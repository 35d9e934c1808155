import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { GraphQLError } from "graphql";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import { CloseCode, handleProtocols } from "graphql-ws";
import type { Context } from "graphql-ws";
import { WebSocket, WebSocketServer } from "ws";
import type { Logger } from "pino";
import { AuthenticationError } from "../../auth/authentication-error.js";
import type { Authenticator } from "../../auth/authenticator.js";
import type { Principal } from "../../auth/principal.js";
import type { SubscriptionSettings } from "../../config.js";
import type { CallerContext } from "../../context.js";
import { INTERNAL_ERROR_MESSAGE } from "../../errors/format-error.js";
import type { Metrics } from "../../observability/metrics.js";
import { ShuttingDownError } from "../shutdown.js";
import type { Shutdown } from "../shutdown.js";
import { cancellableStream } from "./cancellable-stream.js";
import { closeReason } from "./close-reason.js";
import { connectionCredentials } from "./connection-credentials.js";
import { prepareSubscription } from "./prepare-subscription.js";
import type { OperationRules } from "./prepare-subscription.js";
import { causeOf, reportSubscriptionErrors } from "./subscription-errors.js";
import { SubscriptionRun } from "./subscription-run.js";
import { serveSockets } from "./serve-sockets.js";
import type { SocketExtra } from "./serve-sockets.js";
import { routeUpgrades } from "./upgrade-routing.js";

export interface SubscriptionOptions {
  /** The HTTP server whose `upgrade` requests are served (fastify's `app.server`). */
  server: Server;
  /** The path served, the GraphQL path of HTTP (`/graphql`); other paths answer 404. */
  path: string;
  /** Any schema; its subscription fields are served. */
  schema: GraphQLSchema;
  /** The same Authenticator as HTTP, given the credentials of `connection_init`. */
  authenticator: Authenticator;
  /** The operation rules HTTP applies (operationLimits(...), validation rules included). */
  rules: OperationRules;
  /** Per-connection limit, init timeout, keep-alive (SUBSCRIPTIONS_*). */
  settings: Omit<SubscriptionSettings, "enabled">;
  /** Largest message a client may send, in bytes (HTTP_MAX_BODY_BYTES); larger closes 1009. */
  maxPayloadBytes: number;
  /** Production: errors lose "Did you mean ...?". */
  production: boolean;
  /** Draining refuses new sockets and subscriptions; running ones are in-flight work. */
  shutdown: Pick<Shutdown, "draining" | "cut" | "trackWork">;
  logger: Logger;
  /** Each subscription is recorded in the request histogram when it ends. */
  metrics?: Metrics;
  /**
   * The resolvers' context for a subscription's caller: the same as HTTP's (server.ts adds the
   * app's streams to what the transport knows).
   */
  context(caller: CallerContext): CallerContext;
}

export interface SubscriptionTransport {
  /**
   * Closes every socket with 1001 (going away); one whose client does not answer the close within
   * CLOSE_TIMEOUT_MS is cut. Shutdown calls it once nothing is in flight, or at the cut: Node's
   * `closeAllConnections` does not see upgraded sockets, and `server.close()` waits for them.
   */
  closeAll(): void;
  /** Stops serving upgrades and closes every socket. */
  close(): Promise<void>;
}

/** How long a closed socket's client has to answer the close frame before the socket is cut. */
const CLOSE_TIMEOUT_MS = 1_000;

/** A connection's caller and running subscriptions (keyed by graphql-ws's per-socket Context). */
interface Connection {
  logger: Logger;
  principal?: Principal;
  runs: Map<string, SubscriptionRun>;
}

type SocketContext = Context<Record<string, unknown> | undefined, SocketExtra>;

/**
 * GraphQL subscriptions over WebSocket (graphql-ws's `graphql-transport-ws` protocol) on the HTTP
 * server's port and GraphQL path, with the HTTP path's rules: the same authenticator (credentials
 * in `connection_init`, connection-credentials.ts), the same parse/validation/cost limits
 * (prepare-subscription.ts), the same error masking and logging (subscription-errors.ts), one
 * request id, log line and histogram entry per subscription (subscription-run.ts), and the same
 * drain. Queries and mutations stay on HTTP.
 *
 * The upgrade's Origin is not checked against CORS_ORIGINS. A cross-site page can open a
 * WebSocket to any server (browsers apply no CORS to it), which matters when the browser adds
 * ambient credentials, i.e. cookies: this API takes none. Its credentials are a bearer token or
 * key the page itself must put in `connection_init`, which a foreign page does not have, so a
 * hijacked socket is just an unauthenticated one. (Headers on the upgrade are a fallback for
 * server-side clients; browsers cannot set them.) Non-browser clients send no Origin at all.
 */
export function attachSubscriptions(options: SubscriptionOptions): SubscriptionTransport {
  const { schema, settings, shutdown, logger } = options;
  const connections = new WeakMap<SocketContext, Connection>();
  const connectionOf = (context: SocketContext): Connection => {
    let connection = connections.get(context);
    if (connection === undefined) {
      connection = { logger: logger.child({ connectionId: randomUUID() }), runs: new Map() };
      connections.set(context, connection);
    }
    return connection;
  };
  const runOf = (context: SocketContext, id: string) => connectionOf(context).runs.get(id);
  const report = (run: SubscriptionRun, errors: readonly GraphQLError[]) => {
    run.failed(errors.map(causeOf));
    return reportSubscriptionErrors(errors, {
      logger: run.logger,
      requestId: run.requestId,
      operationName: run.operationName,
      hideSuggestions: options.production,
    });
  };

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayloadBytes,
    // graphql-transport-ws only; without it graphql-ws closes the socket with 4406.
    handleProtocols: (protocols) => handleProtocols(protocols) || false,
  });
  const stopRouting = routeUpgrades(options.server, {
    path: options.path,
    refusal: () =>
      shutdown.draining ? { status: 503, headers: { "retry-after": "1" } } : undefined,
    accept: (request, socket, head) =>
      sockets.handleUpgrade(request, socket, head, (webSocket) =>
        sockets.emit("connection", webSocket, request),
      ),
  });

  serveSockets<Record<string, unknown> | undefined>(
    sockets,
    {
      schema,
      connectionInitWaitTimeout: settings.initTimeoutMs,

      async onConnect(context) {
        const connection = connectionOf(context);
        try {
          const headers = connectionCredentials(
            context.connectionParams,
            context.extra.request.headers,
          );
          connection.principal = await options.authenticator.authenticate(headers);
        } catch (error) {
          if (error instanceof AuthenticationError) {
            connection.logger.info(
              { reason: error.reason, detail: error.message },
              "authentication refused",
            );
            context.extra.socket.close(CloseCode.Forbidden, closeReason(error.message));
            return false;
          }
          connection.logger.error({ err: error }, "authentication could not be checked");
          context.extra.socket.close(CloseCode.InternalServerError, INTERNAL_ERROR_MESSAGE);
          return false;
        }
        connection.logger = connection.logger.child({ principal: connection.principal.id });
        return true;
      },

      onSubscribe(context, id, payload) {
        const connection = connectionOf(context);
        const run = new SubscriptionRun(
          {
            logger: connection.logger,
            // graphql-ws refuses `subscribe` before the connection is acknowledged (4401).
            principal: connection.principal!,
            cut: shutdown.cut,
            trackWork: () => shutdown.trackWork(),
            metrics: options.metrics,
            contextFor: options.context,
            onFinish: () => {
              if (connection.runs.get(id) === run) connection.runs.delete(id);
            },
          },
          payload.operationName ?? undefined,
        );
        connection.runs.set(id, run);
        try {
          if (shutdown.draining) {
            const cause = new ShuttingDownError();
            return [new GraphQLError(cause.message, { originalError: cause })];
          }
          if (connection.runs.size > settings.maxPerConnection) {
            return [
              new GraphQLError(
                `This connection already runs ${settings.maxPerConnection} subscriptions, the most ` +
                  "allowed (the limit SUBSCRIPTIONS_MAX_PER_CONNECTION); complete one first or open another connection.",
                {
                  extensions: { code: "BAD_REQUEST", limit: "SUBSCRIPTIONS_MAX_PER_CONNECTION" },
                },
              ),
            ];
          }
          const prepared = prepareSubscription(schema, payload, options.rules);
          if (prepared.errors) return prepared.errors;
          run.start(schema, prepared.document, prepared.operation);
          return {
            schema,
            document: prepared.document,
            operationName: payload.operationName,
            variableValues: payload.variables,
            contextValue: run.context,
          };
        } catch (error) {
          // Thrown here, graphql-ws would close the whole socket; only this subscription fails.
          return [
            new GraphQLError(error instanceof Error ? error.message : String(error), {
              originalError: error instanceof Error ? error : undefined,
            }),
          ];
        }
      },

      onOperation(context, id, _payload, _args, result) {
        const run = runOf(context, id);
        if (run === undefined || !isAsyncIterable(result)) return undefined;
        return cancellableStream(result, run.controller);
      },

      onNext(context, id, _payload, _args, result) {
        const run = runOf(context, id);
        run?.sent();
        if (!result.errors) return undefined;
        const { errors, ...rest } = result;
        return { ...rest, errors: run ? report(run, errors) : masked(errors) };
      },

      onError(context, id, _payload, errors) {
        const run = runOf(context, id);
        if (run === undefined) return masked(errors);
        const formatted = report(run, errors);
        // Refused before it ran: no `complete` follows.
        if (!run.running) run.finish();
        return formatted;
      },

      onComplete(context, id) {
        runOf(context, id)?.finish();
      },

      onClose(context, code, reason) {
        const connection = connectionOf(context);
        for (const run of connection.runs.values()) {
          if (!run.controller.signal.aborted) {
            run.controller.abort(new Error("the WebSocket closed"));
          }
          run.finish();
        }
        connection.logger.debug({ code, reason }, "WebSocket closed");
      },
    },
    { keepAliveMs: settings.keepAliveMs, logger },
  );

  const closeAll = () => {
    for (const socket of sockets.clients) socket.close(1001, "Server shutting down");
    setTimeout(() => {
      for (const socket of sockets.clients) {
        if (socket.readyState !== WebSocket.CLOSED) socket.terminate();
      }
    }, CLOSE_TIMEOUT_MS).unref();
  };

  return {
    closeAll,
    async close() {
      stopRouting();
      closeAll();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}

/**
 * Errors of a subscription that has already ended (its socket closed meanwhile): nothing should
 * reach the client any more, and if anything does, it says nothing.
 */
function masked(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map(() => ({
    message: INTERNAL_ERROR_MESSAGE,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  }));
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof (value as { [Symbol.asyncIterator]?: unknown })?.[Symbol.asyncIterator] === "function"
  );
}
