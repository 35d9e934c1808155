import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Lexer, Source, TokenKind } from "graphql";
import type { RequestContext } from "../context.js";

/**
 * Names the limit when a document fails to parse because it has more than `maxTokens` lexical
 * tokens (MAX_TOKENS, enforced by graphql-js's `maxLexicalTokens` parse option). The answer stays
 * Apollo's GRAPHQL_PARSE_FAILED with HTTP 400; this only rewords it and adds
 * `extensions.limit`. Apollo wraps the parse error right after `parsingDidEnd`, copying its
 * message and extensions, so it is reworded in place there.
 */
export function tokenLimitPlugin(maxTokens: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart({ source }) {
          return async (error) => {
            if (!(error instanceof GraphQLError) || !hasMoreTokensThan(source, maxTokens)) return;
            error.message =
              `The document has more than ${maxTokens} tokens (the limit MAX_TOKENS); ` +
              "send a smaller operation, with values as variables.";
            error.extensions.limit = "MAX_TOKENS";
          };
        },
      };
    },
  };
}

/** Counts at most `max + 1` tokens; a lexical error before them is the document's real error. */
function hasMoreTokensThan(source: string, max: number): boolean {
  const lexer = new Lexer(new Source(source));
  try {
    for (let count = 0; count <= max; count++) {
      if (lexer.advance().kind === TokenKind.EOF) return false;
    }
    return true;
  } catch {
    return false;
  }
}
