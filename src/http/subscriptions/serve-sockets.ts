import type { IncomingMessage } from "node:http";
import { CloseCode, makeServer } from "graphql-ws";
import type { ServerOptions } from "graphql-ws";
import type { Logger } from "pino";
import type { WebSocket, WebSocketServer } from "ws";

/** What graphql-ws's hooks get as `ctx.extra`: the socket and its upgrade request. */
export interface SocketExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
}

/**
 * Runs graphql-ws's protocol on every socket of a `ws` server. This is graphql-ws's own `useServer`
 * (graphql-ws/use/ws) with two changes: socket errors go to our log instead of the console (a
 * client can cause them at will: an oversized message, a bad frame; `ws` then closes the socket
 * itself, 1009 or 1002), and a failure while handling a message is logged with its cause and
 * closes the socket with a masked reason.
 *
 * `keepAliveMs`: a ping every so often; a socket whose pong has not come by the next one is cut
 * (what useServer does). 0 sends no pings.
 */
export function serveSockets<P extends Record<string, unknown> | undefined>(
  sockets: WebSocketServer,
  options: ServerOptions<P, SocketExtra>,
  settings: { keepAliveMs: number; logger: Logger },
): void {
  const server = makeServer(options);
  const { keepAliveMs, logger } = settings;
  sockets.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    socket.on("error", (error) => {
      logger.info({ reason: error.message }, "WebSocket error; the socket is closed");
    });
    let pongWait: NodeJS.Timeout | undefined;
    const pingInterval =
      keepAliveMs > 0
        ? setInterval(() => {
            if (socket.readyState !== socket.OPEN) return;
            pongWait = setTimeout(() => socket.terminate(), keepAliveMs);
            socket.once("pong", () => clearTimeout(pongWait));
            socket.ping();
          }, keepAliveMs)
        : undefined;
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on("message", async (data) => {
            try {
              await handle(String(data));
            } catch (error) {
              logger.error({ err: error }, "WebSocket message could not be handled");
              socket.close(CloseCode.InternalServerError, "Internal server error");
            }
          }),
      },
      { socket, request },
    );
    socket.once("close", (code, reason) => {
      clearTimeout(pongWait);
      clearInterval(pingInterval);
      void closed(code, String(reason));
    });
  });
}
