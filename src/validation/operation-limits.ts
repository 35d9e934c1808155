import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError } from "graphql";
import type { ParseOptions, ValidationContext, ValidationRule } from "graphql";
import type { OperationLimits } from "../config.js";
import { operationCost } from "../plugins/operation-cost.hooks.js";
import type { RequestHooks } from "../plugins/request-hooks.js";
import { tokenLimit } from "../plugins/token-limit.hooks.js";
import { validationErrorLimit } from "../plugins/validation-error-limit.hooks.js";
import type { CostLimit } from "./operation-cost-limit.js";
import type { PageSizes } from "./operation-cost.js";
import type { OperationLimitName } from "./operation-limit-error.js";

/**
 * What Apollo Server needs to enforce the operation limits (`hooks`), and what another
 * transport needs to enforce the same limits with the same checks (the subscription transport:
 * token-limit.ts, validation-error-limit.ts, operation-cost-limit.ts).
 */
export interface OperationLimitsSetup {
  /** `maxLexicalTokens`: MAX_TOKENS. */
  parseOptions: ParseOptions & { maxLexicalTokens: number };
  /** graphql-js's `maxErrors`: validation stops after MAX_VALIDATION_ERRORS errors. */
  validationOptions: { maxErrors: number };
  /** Beside graphql-js's `specifiedRules`. */
  validationRules: ValidationRule[];
  /** MAX_COST, checked once the operation and its variables are known. */
  costLimit: CostLimit;
  /** Apollo's part: naming the token and validation-error limits, and the cost check. */
  hooks: RequestHooks[];
}

/**
 * The limits on one GraphQL operation, each refused with a client error that names its variable
 * (`extensions.limit`) before anything runs:
 *
 * - MAX_TOKENS: graphql-js stops parsing past it (GRAPHQL_PARSE_FAILED). This is what keeps
 *   every later recursive step (validation rules, execution) far from the stack's end: a
 *   10,000-deep fragment chain parses fine and then overflows graphql-js's NoFragmentCycles rule.
 * - MAX_ALIASES, MAX_DEPTH, MAX_DIRECTIVES: graphql-armor's validation rules
 *   (GRAPHQL_VALIDATION_FAILED).
 * - MAX_VALIDATION_ERRORS: graphql-js stops validating after that many errors (its `maxErrors`);
 *   the plugin names the limit (validation-error-limit.plugin.ts).
 * - MAX_COST: our own estimate (operation-cost.ts), since armor's cost rule multiplies only by
 *   literal `first` arguments and costs `modes(first: $first)`, what clients send, as one mode.
 *
 * Armor's token plugin is not used either: it parses every document a second time and refuses
 * from a hook Apollo treats as a server failure.
 */
export function operationLimits(limits: OperationLimits, pages: PageSizes): OperationLimitsSetup {
  const { validationRules } = new ApolloArmor({
    // Every alias counts: 100 aliased `__typename` is what alias-overloading probes send.
    maxAliases: { n: limits.maxAliases, allowList: [], ...reportAs("MAX_ALIASES") },
    // Depth of the answer: a fragment spread or inline fragment adds no level to it.
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...reportAs("MAX_DEPTH") },
    maxDirectives: { n: limits.maxDirectives, ...reportAs("MAX_DIRECTIVES") },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    // hide-suggestions.plugin.ts does it in production, for variable values too.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const costLimit = { maxCost: limits.maxCost, pages };
  return {
    parseOptions: { maxLexicalTokens: limits.maxTokens },
    validationOptions: { maxErrors: limits.maxValidationErrors },
    validationRules,
    costLimit,
    hooks: [
      tokenLimit(limits.maxTokens),
      validationErrorLimit(limits.maxValidationErrors),
      operationCost(costLimit),
    ],
  };
}

/**
 * Armor's rejection as a validation error naming the limit. Armor words it as a syntax error
 * ("Syntax Error: Aliases limit of 15 exceeded, found 20."); it is a validation error here, and
 * Apollo gives it the code GRAPHQL_VALIDATION_FAILED and HTTP 400.
 */
function reportAs(limit: OperationLimitName) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const reason = error.message.replace(/^Syntax Error: /, "").replace(/\.$/, "");
        context?.reportError(
          new GraphQLError(`${reason} (the limit ${limit}).`, { extensions: { limit } }),
        );
      },
    ],
  };
}
