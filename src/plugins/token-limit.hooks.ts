import { nameTokenLimit } from "../validation/token-limit.js";
import type { RequestHooks } from "./request-hooks.js";

/**
 * Names the limit when a document fails to parse because it has more than `maxTokens` lexical
 * tokens (validation/token-limit.ts). The answer stays Apollo's GRAPHQL_PARSE_FAILED with HTTP
 * 400. Apollo wraps the parse error right after `parsingDidEnd`, copying its message and
 * extensions, so it is reworded in place there.
 */
export function tokenLimit(maxTokens: number): RequestHooks {
  return {
    async parsingDidStart({ source }) {
      return async (error) => nameTokenLimit(error, source, maxTokens);
    },
  };
}
