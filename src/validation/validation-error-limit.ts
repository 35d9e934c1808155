import { GraphQLError } from "graphql";

/** What graphql-js's `validate` adds when it stops at `maxErrors` (graphql/validation/validate.js). */
const GRAPHQL_JS_ABORT_MESSAGE =
  "Too many validation errors, error limit reached. Validation aborted.";

/**
 * Names the limit when validation stopped at MAX_VALIDATION_ERRORS (graphql-js's `maxErrors`):
 * the last error is reworded in place and gets `extensions.limit`. Why the limit: every unknown
 * or misplaced directive, field or argument is one error, so a small document (`__typename
 * @aa@aa@aa…`, graphql-cop's "directive overloading") could otherwise buy an answer and a
 * validation pass that grow with whatever it repeats. Used by validation-error-limit.plugin.ts
 * (HTTP) and the subscription transport.
 */
export function nameValidationErrorLimit(
  errors: readonly unknown[] | undefined,
  maxErrors: number,
): void {
  const last = errors?.at(-1);
  if (!(last instanceof GraphQLError) || last.message !== GRAPHQL_JS_ABORT_MESSAGE) return;
  last.message =
    `The operation has more than ${maxErrors} validation errors (the limit ` +
    "MAX_VALIDATION_ERRORS); validation stopped there. Fix these and send it again.";
  last.extensions.limit = "MAX_VALIDATION_ERRORS";
}
