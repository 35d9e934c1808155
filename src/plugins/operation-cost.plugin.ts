import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context.js";
import { operationLimitError } from "../validation/operation-limit-error.js";
import { estimateOperationCost } from "../validation/operation-cost.js";
import type { PageSizes } from "../validation/operation-cost.js";

/**
 * Refuses an operation whose answer is estimated above `maxCost` values (MAX_COST), before it
 * runs. Checked once the operation is resolved rather than in validation, because a page's size
 * is usually a variable (`modes(first: $first)`), whose value validation does not see.
 */
export function operationCostPlugin(
  maxCost: number,
  pages: PageSizes,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation === undefined) return;
          const cost = estimateOperationCost(
            schema,
            document,
            operation,
            request.variables ?? {},
            pages,
          );
          if (cost <= maxCost) return;
          throw operationLimitError(
            `This operation's answer is estimated at ${cost} values, over the ${maxCost} allowed ` +
              "(the limit MAX_COST): select fewer fields, ask for smaller pages (`first`), or " +
              "split it into several requests.",
            "MAX_COST",
          );
        },
      };
    },
  };
}
