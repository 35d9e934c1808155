import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { RequestContext } from "../context.js";

/** What graphql-js's `validate` adds when it stops at `maxErrors` (graphql/validation/validate.js). */
const GRAPHQL_JS_ABORT_MESSAGE =
  "Too many validation errors, error limit reached. Validation aborted.";

/**
 * Names the limit when validation stops at MAX_VALIDATION_ERRORS (graphql-js's `maxErrors`,
 * passed through Apollo's `validationOptions`). Why the limit: every unknown or misplaced
 * directive, field or argument is one error, so a small document (`__typename @aa@aa@aa…`,
 * graphql-cop's "directive overloading") could otherwise buy an answer and a validation pass
 * that grow with whatever it repeats. The answer stays GRAPHQL_VALIDATION_FAILED (HTTP 400); the
 * last error is reworded in place, as Apollo wraps validation errors after this hook.
 */
export function validationErrorLimitPlugin(maxErrors: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart() {
          return async (errors) => {
            const last = errors?.at(-1);
            if (!(last instanceof GraphQLError) || last.message !== GRAPHQL_JS_ABORT_MESSAGE)
              return;
            last.message =
              `The operation has more than ${maxErrors} validation errors (the limit ` +
              "MAX_VALIDATION_ERRORS); validation stopped there. Fix these and send it again.";
            last.extensions.limit = "MAX_VALIDATION_ERRORS";
          };
        },
      };
    },
  };
}
