import type { DocumentNode, GraphQLError, GraphQLSchema, OperationDefinitionNode } from "graphql";
import { estimateOperationCost } from "./operation-cost.js";
import type { PageSizes } from "./operation-cost.js";
import { operationLimitError } from "./operation-limit-error.js";

/** MAX_COST and the page sizes the estimate needs. */
export interface CostLimit {
  maxCost: number;
  pages: PageSizes;
}

/**
 * The error refusing an operation whose answer is estimated above `maxCost` values (MAX_COST),
 * or undefined when it is within. Checked once the operation is resolved rather than in
 * validation, because a page's size is usually a variable (`modes(first: $first)`), whose value
 * validation does not see. Used by operation-cost.plugin.ts (HTTP) and the subscription transport.
 */
export function operationCostError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  { maxCost, pages }: CostLimit,
): GraphQLError | undefined {
  return costError(estimateOperationCost(schema, document, operation, variables, pages), maxCost);
}

/**
 * operationCostError for a server answering the same documents again and again: an operation
 * whose estimate reads no variable (no page size given by one) is estimated once, and its cost
 * kept with its syntax tree, which Apollo reuses for the same query text. Estimating walks every
 * selected field and fragment, about a tenth of the time of serving a cached mode answer.
 */
export function cachedOperationCostError(
  limit: CostLimit,
): (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
) => GraphQLError | undefined {
  const fixedCosts = new WeakMap<OperationDefinitionNode, number>();
  return (schema, document, operation, variables) => {
    let cost = fixedCosts.get(operation);
    if (cost === undefined) {
      let readVariables = false;
      const watched = new Proxy(variables, {
        get: (target, property, receiver) => {
          readVariables = true;
          return Reflect.get(target, property, receiver) as unknown;
        },
        has: (target, property) => {
          readVariables = true;
          return Reflect.has(target, property);
        },
      });
      cost = estimateOperationCost(schema, document, operation, watched, limit.pages);
      if (!readVariables) fixedCosts.set(operation, cost);
    }
    return costError(cost, limit.maxCost);
  };
}

function costError(cost: number, maxCost: number): GraphQLError | undefined {
  if (cost <= maxCost) return undefined;
  return operationLimitError(
    `This operation's answer is estimated at ${cost} values, over the ${maxCost} allowed ` +
      "(the limit MAX_COST): select fewer fields, ask for smaller pages (`first`), or " +
      "split it into several requests.",
    "MAX_COST",
  );
}
