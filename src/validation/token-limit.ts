import { GraphQLError, Lexer, Source, TokenKind } from "graphql";

/**
 * Names the limit when a document failed to parse because it has more than `maxTokens` lexical
 * tokens (MAX_TOKENS, enforced by graphql-js's `maxLexicalTokens` parse option): rewords the
 * parse error in place and adds `extensions.limit`. Any other parse error is left as it is.
 * Used by token-limit.plugin.ts (HTTP) and the subscription transport.
 */
export function nameTokenLimit(error: unknown, source: string, maxTokens: number): void {
  if (!(error instanceof GraphQLError) || !hasMoreTokensThan(source, maxTokens)) return;
  error.message =
    `The document has more than ${maxTokens} tokens (the limit MAX_TOKENS); ` +
    "send a smaller operation, with values as variables.";
  error.extensions.limit = "MAX_TOKENS";
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
