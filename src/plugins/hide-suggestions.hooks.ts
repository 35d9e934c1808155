import { withoutSuggestion } from "../errors/without-suggestion.js";
import type { RequestHooks } from "./request-hooks.js";

/**
 * Production answers no "Did you mean ...?" (errors/without-suggestion.ts). Apollo's
 * `hideSchemaDetailsFromClientErrors` strips them from validation errors only; variable values
 * are coerced later and suggest field and enum names too (`Field "industy" is not defined by type
 * "GenerateModeInput". Did you mean "industry"?`), so this covers every error, before it is
 * formatted and logged.
 */
export const hideSuggestions: RequestHooks = {
  async didEncounterErrors({ errors }) {
    for (const error of errors) error.message = withoutSuggestion(error.message);
  },
};
