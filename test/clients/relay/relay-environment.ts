import { Environment, Network, RecordSource, Store } from "relay-runtime";
import type { FetchFunction, GraphQLResponse } from "relay-runtime";

/**
 * A Relay environment for modeflow as Relay's guide sets one up: each operation is one JSON POST
 * of the compiled text. Relay identifies records by `id` alone, whatever their type, which is
 * exactly what modeflow's global ids promise.
 */
export function createRelayEnvironment(url: string): Environment {
  const fetchGraphQL: FetchFunction = async (request, variables) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: request.text, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  };
  return new Environment({
    network: Network.create(fetchGraphQL),
    store: new Store(new RecordSource()),
  });
}
