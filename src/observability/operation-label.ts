import { Kind } from "graphql";
import type {
  DocumentNode,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from "graphql";

/**
 * The metrics label of an operation: its root fields as the schema names them ("generateMode",
 * "modes+node"), sorted. Never a client-chosen string (the operation's name, an alias): 2,000
 * operation names once added 28,000 series. Only fields of the schema's root types pass, so
 * the set of labels is bounded by the schema. "invalid" when no operation was resolved.
 */
export function operationLabel(
  schema: GraphQLSchema,
  document: DocumentNode | undefined,
  operation: OperationDefinitionNode | undefined,
): string {
  if (!document || !operation) return "invalid";
  // Apollo keeps each validated document, so a repeated operation is the same node: its label
  // is worked out once (it was ~1 % of a cached answer's time, bench `executor`).
  const known = labels.get(operation);
  if (known?.schema === schema) return known.label;
  const label = labelOf(schema, document, operation);
  labels.set(operation, { schema, label });
  return label;
}

const labels = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; label: string }>();

function labelOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): string {
  const rootType =
    operation.operation === "query"
      ? schema.getQueryType()
      : operation.operation === "mutation"
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  const known = rootType?.getFields() ?? {};
  const names = new Set<string>();
  collectRootFields(operation.selectionSet, document, names, new Set());
  const fields = [...names].filter((name) => name in known || name === "__typename").sort();
  return fields.length > 0 ? fields.join("+") : "none";
}

function collectRootFields(
  selectionSet: SelectionSetNode,
  document: DocumentNode,
  names: Set<string>,
  visited: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      names.add(selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectRootFields(selection.selectionSet, document, names, visited);
    } else if (!visited.has(selection.name.value)) {
      visited.add(selection.name.value);
      const fragment = document.definitions.find(
        (definition) =>
          definition.kind === Kind.FRAGMENT_DEFINITION &&
          definition.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) {
        collectRootFields(fragment.selectionSet, document, names, visited);
      }
    }
  }
}
