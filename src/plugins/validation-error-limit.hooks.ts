import { nameValidationErrorLimit } from "../validation/validation-error-limit.js";
import type { RequestHooks } from "./request-hooks.js";

/**
 * Names the limit when validation stops at MAX_VALIDATION_ERRORS (graphql-js's `maxErrors`,
 * passed through Apollo's `validationOptions`; validation/validation-error-limit.ts). The answer
 * stays GRAPHQL_VALIDATION_FAILED (HTTP 400); the last error is reworded in place, as Apollo
 * wraps validation errors after this hook.
 */
export function validationErrorLimit(maxErrors: number): RequestHooks {
  return {
    async validationDidStart() {
      return async (errors) => nameValidationErrorLimit(errors, maxErrors);
    },
  };
}
