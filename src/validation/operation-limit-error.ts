import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";

/** The configuration variable whose limit an operation exceeded (`extensions.limit`). */
export type OperationLimitName =
  | "MAX_TOKENS"
  | "MAX_DEPTH"
  | "MAX_ALIASES"
  | "MAX_DIRECTIVES"
  | "MAX_VALIDATION_ERRORS"
  | "MAX_COST"
  | "MAX_MODEL_FIELDS_PER_OPERATION";

/**
 * An operation refused before execution for what it asks, outside validation proper (the cost
 * limit needs the variables): `GRAPHQL_VALIDATION_FAILED` with HTTP 400 and `extensions.limit`,
 * like the limits checked by validation rules.
 */
export function operationLimitError(message: string, limit: OperationLimitName): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: "GRAPHQL_VALIDATION_FAILED",
      limit,
      http: { status: 400, headers: new HeaderMap() },
    },
  });
}
