import {
  GraphQLError,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from "graphql";
import type { SubscribePayload } from "graphql-ws";
import { operationCostError } from "../../validation/operation-cost-limit.js";
import type { OperationLimitsSetup } from "../../validation/operation-limits.js";
import { nameTokenLimit } from "../../validation/token-limit.js";
import { nameValidationErrorLimit } from "../../validation/validation-error-limit.js";

/** The operation rules HTTP applies (operation-limits.ts), all validation rules included. */
export type OperationRules = Pick<
  OperationLimitsSetup,
  "parseOptions" | "validationOptions" | "validationRules" | "costLimit"
>;

/** A subscription ready to run, or the errors refusing it (each with `extensions.code`). */
export type PreparedSubscription =
  | { document: DocumentNode; operation: OperationDefinitionNode; errors?: undefined }
  | { errors: GraphQLError[] };

/**
 * Checks a `subscribe` message as Apollo checks an HTTP request, in the same order and with the
 * same checks (token limit, validation with graphql-js's rules plus ours and `maxErrors`,
 * operation resolution, cost, variables), refusing with the codes Apollo gives:
 * GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED (with `extensions.limit` for a limit),
 * OPERATION_RESOLUTION_FAILURE, BAD_USER_INPUT. Only subscriptions are served over the socket:
 * a query or mutation is refused with BAD_REQUEST, before its cost or variables are looked at.
 *
 * Apollo's NoIntrospection rule (introspection is off in production) is not needed here:
 * introspection fields exist only on Query, and a query never runs over the socket.
 */
export function prepareSubscription(
  schema: GraphQLSchema,
  payload: SubscribePayload,
  rules: OperationRules,
): PreparedSubscription {
  let document: DocumentNode;
  try {
    document = parse(payload.query, rules.parseOptions);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    nameTokenLimit(error, payload.query, rules.parseOptions.maxLexicalTokens);
    return { errors: [withCode(error, "GRAPHQL_PARSE_FAILED")] };
  }

  const validationErrors = validate(
    schema,
    document,
    [...specifiedRules, ...rules.validationRules],
    rules.validationOptions,
  );
  if (validationErrors.length > 0) {
    nameValidationErrorLimit(validationErrors, rules.validationOptions.maxErrors);
    return {
      errors: validationErrors.map((error) => withCode(error, "GRAPHQL_VALIDATION_FAILED")),
    };
  }

  const operationName = payload.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    // Apollo's words for the same failure.
    const message = operationName
      ? `Unknown operation named "${operationName}".`
      : "Must provide operation name if query contains multiple operations.";
    return {
      errors: [new GraphQLError(message, { extensions: { code: "OPERATION_RESOLUTION_FAILURE" } })],
    };
  }
  if (operation.operation !== "subscription") {
    return {
      errors: [
        new GraphQLError(
          `Only subscriptions are served over WebSocket; send this ${operation.operation} over HTTP (POST).`,
          { nodes: operation, extensions: { code: "BAD_REQUEST" } },
        ),
      ],
    };
  }

  const variables = payload.variables ?? {};
  const costError = operationCostError(schema, document, operation, variables, rules.costLimit);
  if (costError) return { errors: [costError] };

  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) {
    return { errors: coerced.errors.map((error) => withCode(error, "BAD_USER_INPUT")) };
  }
  return { document, operation };
}

/** The error as Apollo answers it: the same error with `extensions.code` added. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}
