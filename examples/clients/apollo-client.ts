import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";

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
 */
export function createApolloClient(uri: string): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri }),
    cache: new InMemoryCache({ possibleTypes }),
  });
}
