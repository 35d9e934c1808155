import { Readable } from "node:stream";
import { HeaderMap } from "@apollo/server";
import type { ApolloServer, BaseContext } from "@apollo/server";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { IncomingHttpHeaders } from "node:http";
import type { App } from "./graphql-http-guards.js";

export interface ApolloRouteOptions<Context extends BaseContext> {
  path: string;
  context(request: FastifyRequest, reply: FastifyReply): Promise<Context>;
}

/**
 * Serves Apollo Server on a fastify route (GET, POST and OPTIONS at `path`), as
 * @as-integrations/fastify's handler does. Why by hand: that handler finds the query string by
 * parsing the whole URL (`new URL` with the request's protocol and host, each a getter that
 * parses headers) on every request, ~2 % of a cached answer's time (bench `executor`); the
 * query string is what follows the first "?" of the request line. The rest is the same:
 * every header to Apollo, its status and headers back, incremental delivery as a stream.
 */
export function serveApollo<Context extends BaseContext>(
  app: App,
  apollo: ApolloServer<Context>,
  options: ApolloRouteOptions<Context>,
): void {
  app.route({
    method: ["GET", "POST", "OPTIONS"],
    url: options.path,
    handler: async (request, reply) => {
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: request.method.toUpperCase(),
          headers: headerMap(request.headers),
          search: searchOf(request.url),
          body: request.body,
        },
        context: () => options.context(request, reply),
      });
      for (const [name, value] of response.headers) void reply.header(name, value);
      void reply.code(response.status ?? 200);
      if (response.body.kind === "complete") return response.body.string;
      return reply.send(Readable.from(response.body.asyncIterator));
    },
  });
}

/** The query string of a request target, with its "?" (as URL's `search`), or "". */
export function searchOf(url: string): string {
  const start = url.indexOf("?");
  if (start === -1) return "";
  const fragment = url.indexOf("#", start);
  const search = fragment === -1 ? url.slice(start) : url.slice(start, fragment);
  // URL's `search` is empty for a bare "?".
  return search === "?" ? "" : search;
}

/** Node's headers as Apollo's HeaderMap: repeated headers joined with ", ". */
function headerMap(headers: IncomingHttpHeaders): HeaderMap {
  const map = new HeaderMap();
  for (const name in headers) {
    const value = headers[name];
    if (value) map.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return map;
}
