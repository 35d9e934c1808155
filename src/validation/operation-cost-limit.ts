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
  const cost = estimateOperationCost(schema, document, operation, variables, pages);
  if (cost <= maxCost) return undefined;
  return operationLimitError(
    `This operation's answer is estimated at ${cost} values, over the ${maxCost} allowed ` +
      "(the limit MAX_COST): select fewer fields, ask for smaller pages (`first`), or " +
      "split it into several requests.",
    "MAX_COST",
  );
}
