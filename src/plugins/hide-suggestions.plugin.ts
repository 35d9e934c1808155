import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context.js";

// graphql-js ends a message with its suggestion: `Did you mean "name"?`, `Did you mean the enum
// value "LIGHT"?`, `Did you mean to use an inline fragment on "Mode"?`.
const SUGGESTION = / ?Did you mean .+\?$/;

/**
 * Production answers no "Did you mean ...?": with introspection off, suggestions would still
 * spell out the schema one guess at a time. Apollo's `hideSchemaDetailsFromClientErrors` strips
 * them from validation errors only; variable values are coerced later and suggest field and enum
 * names too (`Field "industy" is not defined by type "GenerateModeInput". Did you mean
 * "industry"?`), so this covers every error, before it is formatted and logged.
 */
export function hideSuggestionsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, "");
        },
      };
    },
  };
}
