import type { IncomingMessage, Server } from "node:http";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";

/** What to do with an upgrade request to the served path. */
export interface UpgradeRouting {
  /** The path served (pathname only; the query string is ignored). */
  path: string;
  /** A refusal (status and headers) while upgrades are not accepted, e.g. while draining. */
  refusal(): { status: number; headers?: Record<string, string> } | undefined;
  accept(request: IncomingMessage, socket: Duplex, head: Buffer): void;
}

/**
 * Serves the HTTP server's `upgrade` requests for one path; any other path answers 404 and its
 * socket is closed. The path is compared as sent: an encoded variant (`/%67raphql`) is a 404
 * here, which fails closed. Returns the function that stops routing.
 */
export function routeUpgrades(server: Server, routing: UpgradeRouting): () => void {
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client that resets mid-handshake must not crash the process.
    socket.on("error", () => socket.destroy());
    if (pathnameOf(request.url) !== routing.path) {
      refuseUpgrade(socket, 404);
      return;
    }
    const refusal = routing.refusal();
    if (refusal) {
      refuseUpgrade(socket, refusal.status, refusal.headers);
      return;
    }
    routing.accept(request, socket, head);
  };
  server.on("upgrade", onUpgrade);
  return () => server.off("upgrade", onUpgrade);
}

function pathnameOf(url: string | undefined): string | undefined {
  try {
    return new URL(url ?? "", "http://localhost").pathname;
  } catch {
    return undefined;
  }
}

/** An HTTP answer on the raw socket (the request left HTTP handling with the upgrade). */
function refuseUpgrade(socket: Duplex, status: number, headers: Record<string, string> = {}): void {
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}`,
    "Connection: close",
    "Content-Length: 0",
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.once("finish", () => socket.destroy());
  socket.end(`${lines.join("\r\n")}\r\n\r\n`);
}
