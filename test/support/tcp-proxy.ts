import { createServer, connect } from "node:net";
import type { AddressInfo, Server, Socket } from "node:net";

/**
 * A TCP proxy on 127.0.0.1 in front of a real server (Redis), that a test can cut (connections
 * closed, new ones refused: Redis is gone), stall (connections kept, nothing forwarded: Redis
 * hangs) and restore, on the same port.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private stalled = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** For a redis:// URL: a proxy in front of its host and port. */
  static forUrl(url: string): TcpProxy {
    const parsed = new URL(url);
    return new TcpProxy(parsed.hostname, Number(parsed.port || 6379));
  }

  /** The target URL with the proxy's port instead (credentials and database kept). */
  urlFor(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = "127.0.0.1";
    parsed.port = String(this.port);
    return parsed.toString();
  }

  async start(): Promise<this> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => undefined);
      }
      client.on("data", (chunk) => !this.stalled && upstream.write(chunk));
      upstream.on("data", (chunk) => !this.stalled && client.write(chunk));
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    this.stalled = false;
    return this;
  }

  /** Closes every connection and stops listening: clients get refused. */
  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
    this.server = undefined;
  }

  /** Keeps connections open but forwards nothing (and drops what arrives meanwhile). */
  stall(): void {
    this.stalled = true;
  }

  /** Listens again on the same port (after cut) or forwards again (after stall). */
  async restore(): Promise<void> {
    if (this.stalled && this.server) {
      // What was dropped cannot be replayed: the connections are closed so clients reconnect.
      for (const socket of this.sockets) socket.destroy();
      this.stalled = false;
      return;
    }
    await this.start();
  }

  async close(): Promise<void> {
    await this.cut();
  }
}
