import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { SetContextLink } from "@apollo/client/link/context";

/**
 * The types behind `node(id)`. The cache needs them to tell whether `... on ModeTab` applies to
 * the object it holds; without them it can only guess, and warns that data might be lost.
 */
export const possibleTypes = {
  Node: ["FlowIR", "Mode", "ModeMetric", "ModeTab", "WorkflowNode"],
};

/**
 * An Apollo Client for modeflow. Every `id` the API returns is unique across all types, so the
 * cache's default identity (`__typename` + `id`) is right for every object: no typePolicies, no
 * keyFields. Objects without an id (a mode's theme, a workflow's edges) live inside their parent.
 *
 * `credential` returns the API key or token of a server that authenticates (AUTH_MODE); it is
 * asked before every request, so it can hand out a renewed token.
 */
export function createApolloClient(uri: string, credential?: () => string): ApolloClient {
  const http = new HttpLink({ uri });
  return new ApolloClient({
    link: credential ? ApolloLink.from([bearer(credential), http]) : http,
    cache: new InMemoryCache({ possibleTypes }),
  });
}

/** Sends `Authorization: Bearer <credential>` with every request, asking for it each time. */
function bearer(credential: () => string): ApolloLink {
  return new SetContextLink(({ headers }) => ({
    headers: { ...headers, authorization: `Bearer ${credential()}` },
  }));
}
