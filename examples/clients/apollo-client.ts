import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { SetContextLink } from "@apollo/client/link/context";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { OperationTypeNode } from "graphql";
import { createClient } from "graphql-ws";
import type { ClientOptions } from "graphql-ws";

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
 * Queries and mutations go over HTTP; subscriptions (generateModeStream, generateWorkflowStream)
 * over a WebSocket to the same URL (the graphql-ws protocol), opened on the first subscription
 * and closed after the last. A COMPLETED event's mode is normalised into the same cache.
 *
 * `credential` returns the API key or token of a server that authenticates (AUTH_MODE); it is
 * asked before every request, and before every (re)connection of the WebSocket, where it goes in
 * `connectionParams` (browsers cannot set headers on a WebSocket). `webSocketImpl` is for Node
 * before 22, which has no global WebSocket (pass the `ws` package's); browsers need none.
 */
export function createApolloClient(
  uri: string,
  credential?: () => string,
  webSocketImpl?: ClientOptions["webSocketImpl"],
): ApolloClient {
  const http = new HttpLink({ uri });
  const socket = new GraphQLWsLink(
    createClient({
      url: uri.replace(/^http/, "ws"),
      connectionParams: () => (credential ? { authorization: `Bearer ${credential()}` } : {}),
      webSocketImpl,
    }),
  );
  return new ApolloClient({
    link: ApolloLink.split(
      (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
      socket,
      credential ? ApolloLink.from([bearer(credential), http]) : http,
    ),
    cache: new InMemoryCache({ possibleTypes }),
  });
}

/** Sends `Authorization: Bearer <credential>` with every request, asking for it each time. */
function bearer(credential: () => string): ApolloLink {
  return new SetContextLink(({ headers }) => ({
    headers: { ...headers, authorization: `Bearer ${credential()}` },
  }));
}
