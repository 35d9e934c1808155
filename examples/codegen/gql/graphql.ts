/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { HexColorCode } from "../scalars.js";
import type { TypedDocumentNode as DocumentNode } from "@graphql-typed-document-node/core";
/** What to generate a mode for. */
export type GenerateModeInput = {
  /** Brand-fidelity theme. false (default, also for null): `primary` reaches 3:1 on background and surface in both schemes, even when the brand colour has to move for it (a white or light yellow brand colour gets a darker fill); `primaryBorder` and `chart[0]` equal `primary`. true: a light brand colour that would have to move far is kept as the light scheme's `primary` (with dark text, possibly below 3:1 on the surfaces) and the 3:1 boundary moves to `primaryBorder`, which buttons must then draw; `chart[0]` is `primaryBorder`. Both settings are generated and cached as separate modes. */
  brandFidelity?: boolean | null | undefined;
  /** The industry or business, e.g. "pet store". 2 to 120 characters after normalisation (NFKC, invisible characters removed, whitespace collapsed). */
  industry: string;
};

/** Who produced a result. */
export type GenerationProvider =
  /** A model on Anthropic. */
  | "ANTHROPIC"
  /** A model on Azure OpenAI. */
  | "AZURE_OPENAI"
  /** One of the built-in modes (no model call). */
  | "BUILTIN"
  /** An earlier answer to the same request (no model call). */
  | "CACHE"
  /** The built-in offline generator (no model call). */
  | "OFFLINE"
  /** OpenAI or an OpenAI-compatible server (OPENAI_BASE_URL). */
  | "OPENAI";

export type GenerateModeMutationVariables = Exact<{
  input: GenerateModeInput;
}>;

export type GenerateModeMutation = {
  generateMode: {
    mode: {
      id: string;
      name: string;
      tabs: Array<{ id: string; key: string; label: string; icon: string }>;
      theme: {
        light: {
          primary: HexColorCode;
          primaryForeground: HexColorCode;
          background: HexColorCode;
          foreground: HexColorCode;
          chart: Array<HexColorCode>;
        };
      };
    };
    generation: { provider: GenerationProvider };
  };
};

export type ModesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ModesQuery = {
  modes: {
    totalCount: number;
    edges: Array<{
      cursor: string;
      node: { id: string; name: string; tabs: Array<{ id: string; key: string; label: string }> };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export const GenerateModeDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "GenerateMode" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "GenerateModeInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "generateMode" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "mode" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "tabs" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "key" } },
                            { kind: "Field", name: { kind: "Name", value: "label" } },
                            { kind: "Field", name: { kind: "Name", value: "icon" } },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "theme" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "light" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "primary" } },
                                  {
                                    kind: "Field",
                                    name: { kind: "Name", value: "primaryForeground" },
                                  },
                                  { kind: "Field", name: { kind: "Name", value: "background" } },
                                  { kind: "Field", name: { kind: "Name", value: "foreground" } },
                                  { kind: "Field", name: { kind: "Name", value: "chart" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "generation" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "Field", name: { kind: "Name", value: "provider" } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<GenerateModeMutation, GenerateModeMutationVariables>;
export const ModesDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Modes" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "first" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "after" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "modes" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "first" },
                value: { kind: "Variable", name: { kind: "Name", value: "first" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "after" },
                value: { kind: "Variable", name: { kind: "Name", value: "after" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "edges" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "cursor" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "node" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "tabs" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "id" } },
                                  { kind: "Field", name: { kind: "Name", value: "key" } },
                                  { kind: "Field", name: { kind: "Name", value: "label" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "pageInfo" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
                      { kind: "Field", name: { kind: "Name", value: "endCursor" } },
                    ],
                  },
                },
                { kind: "Field", name: { kind: "Name", value: "totalCount" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ModesQuery, ModesQueryVariables>;
