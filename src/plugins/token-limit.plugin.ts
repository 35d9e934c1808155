import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context.js";
import { nameTokenLimit } from "../validation/token-limit.js";

/**
 * Names the limit when a document fails to parse because it has more than `maxTokens` lexical
 * tokens (validation/token-limit.ts). The answer stays Apollo's GRAPHQL_PARSE_FAILED with HTTP
 * 400. Apollo wraps the parse error right after `parsingDidEnd`, copying its message and
 * extensions, so it is reworded in place there.
 */
export function tokenLimitPlugin(maxTokens: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart({ source }) {
          return async (error) => nameTokenLimit(error, source, maxTokens);
        },
      };
    },
  };
}
