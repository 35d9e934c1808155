import { Client, fetchExchange } from "@urql/core";
import { cacheExchange } from "@urql/exchange-graphcache";
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
  ModeEdge: embedded,
  ModeTheme: embedded,
  PageInfo: embedded,
  ThemeScheme: embedded,
  WorkflowAttempt: embedded,
  WorkflowEdge: embedded,
  WorkflowInput: embedded,
  WorkflowIssue: embedded,
  WorkflowValidation: embedded,
};

/**
 * An urql client for modeflow with Graphcache, the normalised cache. The schema tells Graphcache
 * which type implements `Node`, so a `node(id) { ... on ModeTab }` answer is stored without
 * guessing. The transport is urql's default: queries over GET while the URL stays under 2,048
 * characters, everything else as a JSON POST; the API accepts both without extra headers.
 *
 * `credential` returns the API key or token of a server that authenticates (AUTH_MODE); urql
 * asks `fetchOptions` before every request, GETs included, so it can hand out a renewed token.
 */
export function createUrqlClient(url: string, credential?: () => string): Client {
  return new Client({
    url,
    exchanges: [cacheExchange({ schema, keys }), fetchExchange],
    fetchOptions: () =>
      credential ? { headers: { authorization: `Bearer ${credential()}` } } : {},
  });
}
