import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App } from "../http/graphql-http-guards.js";

/** One file the preview page is made of, read once at start-up. */
interface StaticFile {
  body: Buffer;
  contentType: string;
  etag: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
};

// A Host header we are willing to repeat in our own CSP: a host name or address and a port.
const HOST_PATTERN = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The page's Content-Security-Policy. Everything comes from this origin; no inline script or
 * style attribute, no eval. connect-src names the page's own origin for WebSockets
 * (`ws://host`, `wss://host`): CSP 3 lets 'self' cover them, older engines do not.
 */
export function previewContentSecurityPolicy(host: string | undefined): string {
  const sockets =
    host !== undefined && HOST_PATTERN.test(host) ? ` ws://${host} wss://${host}` : "";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The static files: src/preview/static, next to this file when run from src (tests, tsx), or
 * from the repository when run from dist/src/preview (tsc does not copy them).
 */
function findStaticDirectory(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, "static"),
    join(here, "..", "..", "..", "src", "preview", "static"),
  ];
  const found = candidates.find((candidate) => existsSync(join(candidate, "index.html")));
  if (found === undefined) {
    throw new Error(`preview page files not found; looked in ${candidates.join(", ")}`);
  }
  return found;
}

function readStatic(path: string): StaticFile {
  const body = readFileSync(path);
  const extension = path.slice(path.lastIndexOf("."));
  const contentType = CONTENT_TYPES[extension];
  if (contentType === undefined) throw new Error(`no content type for ${path}`);
  const digest = createHash("sha256").update(body).digest("base64url").slice(0, 22);
  // Weak: the compression plugin may send the same file gzip- or br-encoded under this tag.
  return { body, contentType, etag: `W/"${digest}"` };
}

/**
 * graphql-ws's browser client: its ESM `client.js` imports only its sibling `common-*.js`
 * chunk, so the two files are served as they are, without a bundler.
 */
function readGraphqlWsClient(): Map<string, StaticFile> {
  const require = createRequire(import.meta.url);
  const directory = dirname(require.resolve("graphql-ws"));
  const files = new Map<string, StaticFile>();
  for (const name of readdirSync(directory)) {
    if (name === "client.js" || /^common-[A-Za-z0-9_-]+\.js$/.test(name)) {
      files.set(name, readStatic(join(directory, name)));
    }
  }
  if (!files.has("client.js")) throw new Error(`graphql-ws's client.js not found in ${directory}`);
  return files;
}

/**
 * Serves the preview page: `GET /` (index.html), `GET /preview/<file>` (its CSS and scripts) and
 * `GET /preview/vendor/graphql-ws/<file>`. The files are read once; they are small. Their names
 * carry no hash, so they are revalidated on every use (`no-cache` with an ETag, 304 when
 * unchanged) rather than cached for long.
 */
export function registerPreviewRoutes(app: App): void {
  const directory = findStaticDirectory();
  const assets = new Map<string, StaticFile>();
  for (const name of readdirSync(directory)) {
    if (name !== "index.html" && /\.(css|js)$/.test(name)) {
      assets.set(name, readStatic(join(directory, name)));
    }
  }
  const index = readStatic(join(directory, "index.html"));
  const vendor = readGraphqlWsClient();

  const send = (request: FastifyRequest, reply: FastifyReply, file: StaticFile | undefined) => {
    reply.header("content-security-policy", previewContentSecurityPolicy(request.headers.host));
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    if (file === undefined) {
      return reply.code(404).type("text/plain; charset=utf-8").send("Not found");
    }
    reply.header("cache-control", "no-cache");
    reply.header("etag", file.etag);
    if (request.headers["if-none-match"] === file.etag) return reply.code(304).send();
    return reply.type(file.contentType).send(file.body);
  };

  app.get("/", async (request, reply) => send(request, reply, index));
  app.get<{ Params: { name: string } }>("/preview/:name", async (request, reply) =>
    send(request, reply, assets.get(request.params.name)),
  );
  app.get<{ Params: { name: string } }>(
    "/preview/vendor/graphql-ws/:name",
    async (request, reply) => send(request, reply, vendor.get(request.params.name)),
  );
}
