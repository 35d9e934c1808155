/**
 * A consumer of the generated types. It compiles only because every scalar is mapped: with
 * `unknown` scalars, using a colour as a string below would be a type error.
 */
import { GenerateModeDocument, ModesDocument } from "./gql/graphql.js";
import type {
  GenerateModeMutation,
  GenerateModeMutationVariables,
  ModesQuery,
  ModesQueryVariables,
} from "./gql/graphql.js";

/**
 * Typed documents with their variables, as Apollo Client's `client.mutate(generatePetStore)` and
 * `client.query(firstPage)` take them (urql: `client.mutation(document, variables)`). The
 * variables are checked: a misspelt field is a compile error.
 */
export const generatePetStore = {
  mutation: GenerateModeDocument,
  variables: { input: { industry: "pet store" } } satisfies GenerateModeMutationVariables,
};
export const firstPage = {
  query: ModesDocument,
  variables: { first: 20 } satisfies ModesQueryVariables,
};

/** CSS custom properties of the light scheme. */
export function lightThemeVariables(data: GenerateModeMutation): Record<string, string> {
  const { light } = data.generateMode.mode.theme;
  const primary: string = light.primary;
  const chart: string[] = light.chart;
  return {
    "--primary": primary,
    "--primary-foreground": light.primaryForeground,
    "--background": light.background,
    "--foreground": light.foreground,
    ...Object.fromEntries(chart.map((colour, index) => [`--chart-${index + 1}`, colour])),
  };
}

/** enumsAsTypes: the provider is a union of string literals; a misspelt one does not compile. */
export function producedBy(data: GenerateModeMutation): string {
  switch (data.generateMode.generation.provider) {
    case "OFFLINE":
      return "the offline catalog";
    case "BUILTIN":
      return "a built-in mode";
    case "CACHE":
      return "an earlier answer";
    default:
      return "a language model";
  }
}

/** The per-mode key of the first mode's first tab: "dashboard". */
export function firstTabKey(data: ModesQuery): string {
  return data.modes.edges[0].node.tabs[0].key;
}
