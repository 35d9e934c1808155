// graphql-js ends a message with its suggestion: `Did you mean "name"?`, `Did you mean the enum
// value "LIGHT"?`, `Did you mean to use an inline fragment on "Mode"?`.
const SUGGESTION = / ?Did you mean .+\?$/;

/**
 * A message without graphql-js's "Did you mean ...?" suggestion. Production strips them: with
 * introspection off, suggestions would still spell out the schema one guess at a time.
 */
export function withoutSuggestion(message: string): string {
  return message.replace(SUGGESTION, "");
}
