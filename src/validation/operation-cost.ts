import { Kind, getNamedType, getNullableType, isCompositeType, isListType } from "graphql";
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from "graphql";

/** Page sizes of connections (MODES_PAGE_SIZE, MODES_PAGE_MAX). */
export interface PageSizes {
  defaultSize: number;
  maxSize: number;
}

/** A list as long as the page asked of the field that returned it (its `first`). */
const PAGE = "page";

/**
 * Expected lengths of the lists whose length this API's contract fixes or bounds. A mode has 4 or
 * 5 tabs, exactly 4 metrics, 3 to 5 traits, 6 chart colours and 104 contrast checks (the pairs of
 * design/theme-spec.json, chart colours expanded, in both schemes); a workflow request makes at
 * most 3 generations. test/unit/validation/operation-cost.test.ts checks them against real modes.
 */
export const EXPECTED_LIST_LENGTHS: Readonly<Record<string, number | typeof PAGE>> = {
  "ModeConnection.edges": PAGE,
  "Mode.tabs": 5,
  "Mode.defaultMetrics": 4,
  "Mode.personalityTraits": 5,
  "ThemeScheme.chart": 6,
  "ModeTheme.contrast": 104,
  "GenerateWorkflowPayload.attempts": 3,
};

/**
 * Scalar fields that carry many values in one string, counted as that many. A theme export holds
 * the whole theme as a file: the largest, DESIGN_TOKENS_JSON, has 80 colours of 6 values each
 * (about 15 KB); without a weight, a page of 100 modes could select it under 15 aliases (24 MB)
 * for the cost of 1,600 hex values. test/unit/validation/operation-cost.test.ts checks it against
 * real exports.
 */
export const STRING_FIELD_VALUES: Readonly<Record<string, number>> = {
  "ModeTheme.export": 500,
};

/** Any other list (workflow nodes, issues, ...): its length depends on the data. */
const DEFAULT_LIST_LENGTH = 10;

/** Introspection is off in production; in development it is the tools' own business. */
const INTROSPECTION_FIELDS: ReadonlySet<string> = new Set(["__schema", "__type"]);

/**
 * The estimated size of an operation's answer, in values: every selected field of every object
 * counts 1, and a list counts as many times as it is expected to be long. A connection's page is
 * its `first` argument (a literal, or the variable's value), at most the largest page the server
 * serves; without one, the default page. Fragments and inline fragments on several types all
 * count (an over-estimate for `node(id)`, which returns one of them).
 *
 * Meant to run after validation: unknown fields and types count as nothing special (1 or 0).
 */
export function estimateOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  pages: PageSizes,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  // A fragment's cost depends only on the page in force: computed once per page.
  const fragmentCosts = new Map<string, number>();
  // Validation refuses fragment cycles; should one get here anyway, it counts once.
  const entered = new Set<string>();

  const pageOf = (field: FieldNode): number | undefined => {
    const first = field.arguments?.find((argument) => argument.name.value === "first");
    if (first === undefined) return undefined;
    const value = integerValue(first.value, variables, operation);
    // Null or absent: the default page; beyond the largest page the resolver refuses the field.
    return value === undefined ? pages.defaultSize : Math.min(Math.max(value, 0), pages.maxSize);
  };

  const selectionCost = (
    parentType: GraphQLCompositeType,
    selectionSet: SelectionSetNode,
    page: number,
  ): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(parentType, selection, page);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parentType;
        if (isCompositeType(type)) cost += selectionCost(type, selection.selectionSet, page);
      } else {
        const key = `${selection.name.value}@${page}`;
        let fragmentCost = fragmentCosts.get(key);
        if (fragmentCost === undefined && !entered.has(key)) {
          entered.add(key);
          const fragment = fragments.get(selection.name.value);
          const type = fragment && schema.getType(fragment.typeCondition.name.value);
          fragmentCost = isCompositeType(type)
            ? selectionCost(type, fragment!.selectionSet, page)
            : 0;
          fragmentCosts.set(key, fragmentCost);
        }
        cost += fragmentCost ?? 0;
      }
    }
    return cost;
  };

  const fieldCost = (parentType: GraphQLCompositeType, field: FieldNode, page: number): number => {
    const name = field.name.value;
    if (INTROSPECTION_FIELDS.has(name)) return 0;
    const definition = "getFields" in parentType ? parentType.getFields()[name] : undefined;
    // __typename, the only field a union has.
    if (definition === undefined) return 1;
    const length = isListType(getNullableType(definition.type))
      ? listLength(EXPECTED_LIST_LENGTHS[`${parentType.name}.${name}`], page)
      : 1;
    const type = getNamedType(definition.type);
    if (field.selectionSet === undefined || !isCompositeType(type)) {
      return length * (STRING_FIELD_VALUES[`${parentType.name}.${name}`] ?? 1);
    }
    const childCost = selectionCost(type, field.selectionSet, pageOf(field) ?? page);
    return 1 + length * childCost;
  };

  const rootType =
    operation.operation === "mutation"
      ? schema.getMutationType()
      : operation.operation === "subscription"
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  return rootType ? selectionCost(rootType, operation.selectionSet, pages.defaultSize) : 0;
}

function listLength(expected: number | typeof PAGE | undefined, page: number): number {
  if (expected === PAGE) return page;
  return expected ?? DEFAULT_LIST_LENGTH;
}

/** An integer argument's value: a literal, or the variable's value (else its default). */
function integerValue(
  value: ValueNode,
  variables: Readonly<Record<string, unknown>>,
  operation: OperationDefinitionNode,
): number | undefined {
  if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
  if (value.kind !== Kind.VARIABLE) return undefined;
  const name = value.name.value;
  const given = variables[name];
  if (Number.isInteger(given)) return given as number;
  if (given !== undefined) return undefined;
  const fallback = operation.variableDefinitions?.find(
    (definition) => definition.variable.name.value === name,
  )?.defaultValue;
  return fallback?.kind === Kind.INT ? Number.parseInt(fallback.value, 10) : undefined;
}
