import { Client, fetchExchange, subscriptionExchange } from "@urql/core";
import { cacheExchange } from "@urql/exchange-graphcache";
import { createClient } from "graphql-ws";
import type { ClientOptions } from "graphql-ws";
// schema.graphql as minified introspection JSON: what @urql/introspection's
// minifyIntrospectionQuery(getIntrospectedSchema(sdl)) returns for it.
import schema from "./modeflow-schema.json" with { type: "json" };

/** Stores the object inside its parent: it has no `id` of its own. */
const embedded = () => null;

/**
 * Every type without an `id`. Graphcache keys everything else by `__typename` + `id` (unique
 * across all types in this API); for these it warns that it cannot, unless told they are embedded.
 */
export const keys = {
  ContrastCheck: embedded,
  GenerateModePayload: embedded,
  GenerateWorkflowPayload: embedded,
  GenerationError: embedded,
  GenerationInfo: embedded,
  ModeConnection: embedded,
  ModeDraft: embedded,
  ModeDraftMetric: embedded,
  ModeDraftTab: embedded,
  ModeEdge: embedded,
  ModeStreamEvent: embedded,
  ModeTheme: embedded,
  PageInfo: embedded,
  ThemeScheme: embedded,
  WorkflowAttempt: embedded,
  WorkflowEdge: embedded,
  WorkflowInput: embedded,
  WorkflowIssue: embedded,
  WorkflowStreamEvent: embedded,
  WorkflowValidation: embedded,
};

/**
 * An urql client for modeflow with Graphcache, the normalised cache. The schema tells Graphcache
 * which type implements `Node`, so a `node(id) { ... on ModeTab }` answer is stored without
 * guessing. The transport is urql's default: queries over GET while the URL stays under 2,048
 * characters, everything else as a JSON POST; the API accepts both without extra headers.
 *
 * Subscriptions (generateModeStream, generateWorkflowStream) go over a WebSocket to the same URL
 * (the graphql-ws protocol), opened on the first subscription and closed after the last; a
 * COMPLETED event's mode is normalised into the same cache.
 *
 * `credential` returns the API key or token of a server that authenticates (AUTH_MODE); urql
 * asks `fetchOptions` before every request, GETs included, and graphql-ws asks
 * `connectionParams` before every (re)connection (browsers cannot set headers on a WebSocket),
 * so it can hand out a renewed token. `webSocketImpl` is for Node before 22, which has no global
 * WebSocket (pass the `ws` package's); browsers need none.
 */
export function createUrqlClient(
  url: string,
  credential?: () => string,
  webSocketImpl?: ClientOptions["webSocketImpl"],
): Client {
  const socket = createClient({
    url: url.replace(/^http/, "ws"),
    connectionParams: () => (credential ? { authorization: `Bearer ${credential()}` } : {}),
    webSocketImpl,
  });
  return new Client({
    url,
    exchanges: [
      cacheExchange({ schema, keys }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: socket.subscribe({ ...request, query: request.query ?? "" }, sink),
          }),
        }),
      }),
    ],
    fetchOptions: () =>
      credential ? { headers: { authorization: `Bearer ${credential()}` } } : {},
  });
}
