import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context.js";
import { nameValidationErrorLimit } from "../validation/validation-error-limit.js";

/**
 * Names the limit when validation stops at MAX_VALIDATION_ERRORS (graphql-js's `maxErrors`,
 * passed through Apollo's `validationOptions`; validation/validation-error-limit.ts). The answer
 * stays GRAPHQL_VALIDATION_FAILED (HTTP 400); the last error is reworded in place, as Apollo
 * wraps validation errors after this hook.
 */
export function validationErrorLimitPlugin(maxErrors: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart() {
          return async (errors) => nameValidationErrorLimit(errors, maxErrors);
        },
      };
    },
  };
}
