import { cachedOperationCostError } from "../validation/operation-cost-limit.js";
import type { CostLimit } from "../validation/operation-cost-limit.js";
import type { RequestHooks } from "./request-hooks.js";

/**
 * Refuses an operation whose answer is estimated above MAX_COST values, before it runs
 * (validation/operation-cost-limit.ts).
 */
export function operationCost(limit: CostLimit): RequestHooks {
  const operationCostError = cachedOperationCostError(limit);
  return {
    async didResolveOperation({ schema, document, operation, request }) {
      if (operation === undefined) return;
      const error = operationCostError(schema, document, operation, request.variables ?? {});
      if (error) throw error;
    },
  };
}
