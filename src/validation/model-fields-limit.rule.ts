import { GraphQLError, Kind } from "graphql";
import type {
  ASTVisitor,
  FragmentDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from "graphql";

/** Root fields that may call a model: each one can spend money and provider quota. */
export const MODEL_BACKED_FIELDS: ReadonlySet<string> = new Set([
  "generateMode",
  "generateWorkflow",
]);

/**
 * A validation rule: an operation may select at most `limit` model-backed fields, aliases and
 * fragments included. Without it one HTTP request with 200 aliased generateMode fields made 200
 * upstream calls, one after another. Rejected operations fail validation, before any resolver.
 */
export function modelFieldsLimitRule(limit: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const definition of context.getDocument().definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) {
          fragments.set(definition.name.value, definition);
        }
      }
      const responseKeys = new Set<string>();
      collectModelFields(operation.selectionSet, fragments, new Set(), responseKeys);
      const count = responseKeys.size;
      if (count > limit) {
        context.reportError(
          new GraphQLError(
            `This operation selects ${count} model-backed fields (${[...MODEL_BACKED_FIELDS].join(", ")}; aliases count); ` +
              `at most ${limit} per operation (the limit MAX_MODEL_FIELDS_PER_OPERATION). Send them as separate requests.`,
            { nodes: operation, extensions: { limit: "MAX_MODEL_FIELDS_PER_OPERATION" } },
          ),
        );
      }
      return false;
    },
  });
}

/**
 * Response keys (alias or name) of the model-backed fields at the root of a selection, through
 * fragments. graphql-js executes a response key once however often it is selected, so keys, not
 * selections, are what cost model calls.
 */
function collectModelFields(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  visited: Set<string>,
  responseKeys: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (MODEL_BACKED_FIELDS.has(selection.name.value)) {
        responseKeys.add(selection.alias?.value ?? selection.name.value);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectModelFields(selection.selectionSet, fragments, visited, responseKeys);
    } else {
      const fragment = fragments.get(selection.name.value);
      // Unknown or cyclic fragments are other rules' errors; visit each fragment once.
      if (fragment === undefined || visited.has(fragment.name.value)) continue;
      visited.add(fragment.name.value);
      collectModelFields(fragment.selectionSet, fragments, visited, responseKeys);
    }
  }
}
