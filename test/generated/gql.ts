/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment ThemeSchemeFields on ThemeScheme {\n  background\n  surface\n  surfaceMuted\n  foreground\n  mutedForeground\n  border\n  input\n  ring\n  primary\n  primaryForeground\n  primaryHover\n  primaryText\n  primaryBorder\n  secondary\n  secondaryForeground\n  accent\n  accentForeground\n  destructive\n  destructiveForeground\n  destructiveText\n  success\n  successForeground\n  successText\n  warning\n  warningForeground\n  warningText\n  sidebar\n  sidebarForeground\n  sidebarMutedForeground\n  sidebarAccent\n  sidebarAccentForeground\n  sidebarBorder\n  chart\n  chartGrid\n  chartAxis\n}\n\nfragment ModeFields on Mode {\n  id\n  name\n  industry\n  source\n  tabs {\n    id\n    label\n    icon\n  }\n  defaultMetrics {\n    id\n    label\n    value\n    unit\n  }\n  personalityTraits\n  welcomeMessage\n  systemPrompt\n  theme {\n    seed\n    primary\n    secondary\n    background\n    surface\n    text\n    textMuted\n    light {\n      ...ThemeSchemeFields\n    }\n    dark {\n      ...ThemeSchemeFields\n    }\n    contrast {\n      scheme\n      foreground\n      background\n      ratio\n      minimum\n      passes\n    }\n  }\n}\n\nmutation GenerateMode($input: GenerateModeInput!) {\n  generateMode(input: $input) {\n    mode {\n      ...ModeFields\n    }\n    errors {\n      code\n      message\n    }\n    generation {\n      provider\n      model\n      cached\n      attempts\n      latencyMs\n      inputTokens\n      outputTokens\n    }\n  }\n}\n\nquery Modes {\n  modes {\n    id\n    name\n    source\n  }\n}\n\nquery ModeById($id: ID!) {\n  mode(id: $id) {\n    ...ModeFields\n  }\n}": typeof types.ThemeSchemeFieldsFragmentDoc,
};
const documents: Documents = {
    "fragment ThemeSchemeFields on ThemeScheme {\n  background\n  surface\n  surfaceMuted\n  foreground\n  mutedForeground\n  border\n  input\n  ring\n  primary\n  primaryForeground\n  primaryHover\n  primaryText\n  primaryBorder\n  secondary\n  secondaryForeground\n  accent\n  accentForeground\n  destructive\n  destructiveForeground\n  destructiveText\n  success\n  successForeground\n  successText\n  warning\n  warningForeground\n  warningText\n  sidebar\n  sidebarForeground\n  sidebarMutedForeground\n  sidebarAccent\n  sidebarAccentForeground\n  sidebarBorder\n  chart\n  chartGrid\n  chartAxis\n}\n\nfragment ModeFields on Mode {\n  id\n  name\n  industry\n  source\n  tabs {\n    id\n    label\n    icon\n  }\n  defaultMetrics {\n    id\n    label\n    value\n    unit\n  }\n  personalityTraits\n  welcomeMessage\n  systemPrompt\n  theme {\n    seed\n    primary\n    secondary\n    background\n    surface\n    text\n    textMuted\n    light {\n      ...ThemeSchemeFields\n    }\n    dark {\n      ...ThemeSchemeFields\n    }\n    contrast {\n      scheme\n      foreground\n      background\n      ratio\n      minimum\n      passes\n    }\n  }\n}\n\nmutation GenerateMode($input: GenerateModeInput!) {\n  generateMode(input: $input) {\n    mode {\n      ...ModeFields\n    }\n    errors {\n      code\n      message\n    }\n    generation {\n      provider\n      model\n      cached\n      attempts\n      latencyMs\n      inputTokens\n      outputTokens\n    }\n  }\n}\n\nquery Modes {\n  modes {\n    id\n    name\n    source\n  }\n}\n\nquery ModeById($id: ID!) {\n  mode(id: $id) {\n    ...ModeFields\n  }\n}": types.ThemeSchemeFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ThemeSchemeFields on ThemeScheme {\n  background\n  surface\n  surfaceMuted\n  foreground\n  mutedForeground\n  border\n  input\n  ring\n  primary\n  primaryForeground\n  primaryHover\n  primaryText\n  primaryBorder\n  secondary\n  secondaryForeground\n  accent\n  accentForeground\n  destructive\n  destructiveForeground\n  destructiveText\n  success\n  successForeground\n  successText\n  warning\n  warningForeground\n  warningText\n  sidebar\n  sidebarForeground\n  sidebarMutedForeground\n  sidebarAccent\n  sidebarAccentForeground\n  sidebarBorder\n  chart\n  chartGrid\n  chartAxis\n}\n\nfragment ModeFields on Mode {\n  id\n  name\n  industry\n  source\n  tabs {\n    id\n    label\n    icon\n  }\n  defaultMetrics {\n    id\n    label\n    value\n    unit\n  }\n  personalityTraits\n  welcomeMessage\n  systemPrompt\n  theme {\n    seed\n    primary\n    secondary\n    background\n    surface\n    text\n    textMuted\n    light {\n      ...ThemeSchemeFields\n    }\n    dark {\n      ...ThemeSchemeFields\n    }\n    contrast {\n      scheme\n      foreground\n      background\n      ratio\n      minimum\n      passes\n    }\n  }\n}\n\nmutation GenerateMode($input: GenerateModeInput!) {\n  generateMode(input: $input) {\n    mode {\n      ...ModeFields\n    }\n    errors {\n      code\n      message\n    }\n    generation {\n      provider\n      model\n      cached\n      attempts\n      latencyMs\n      inputTokens\n      outputTokens\n    }\n  }\n}\n\nquery Modes {\n  modes {\n    id\n    name\n    source\n  }\n}\n\nquery ModeById($id: ID!) {\n  mode(id: $id) {\n    ...ModeFields\n  }\n}"): (typeof documents)["fragment ThemeSchemeFields on ThemeScheme {\n  background\n  surface\n  surfaceMuted\n  foreground\n  mutedForeground\n  border\n  input\n  ring\n  primary\n  primaryForeground\n  primaryHover\n  primaryText\n  primaryBorder\n  secondary\n  secondaryForeground\n  accent\n  accentForeground\n  destructive\n  destructiveForeground\n  destructiveText\n  success\n  successForeground\n  successText\n  warning\n  warningForeground\n  warningText\n  sidebar\n  sidebarForeground\n  sidebarMutedForeground\n  sidebarAccent\n  sidebarAccentForeground\n  sidebarBorder\n  chart\n  chartGrid\n  chartAxis\n}\n\nfragment ModeFields on Mode {\n  id\n  name\n  industry\n  source\n  tabs {\n    id\n    label\n    icon\n  }\n  defaultMetrics {\n    id\n    label\n    value\n    unit\n  }\n  personalityTraits\n  welcomeMessage\n  systemPrompt\n  theme {\n    seed\n    primary\n    secondary\n    background\n    surface\n    text\n    textMuted\n    light {\n      ...ThemeSchemeFields\n    }\n    dark {\n      ...ThemeSchemeFields\n    }\n    contrast {\n      scheme\n      foreground\n      background\n      ratio\n      minimum\n      passes\n    }\n  }\n}\n\nmutation GenerateMode($input: GenerateModeInput!) {\n  generateMode(input: $input) {\n    mode {\n      ...ModeFields\n    }\n    errors {\n      code\n      message\n    }\n    generation {\n      provider\n      model\n      cached\n      attempts\n      latencyMs\n      inputTokens\n      outputTokens\n    }\n  }\n}\n\nquery Modes {\n  modes {\n    id\n    name\n    source\n  }\n}\n\nquery ModeById($id: ID!) {\n  mode(id: $id) {\n    ...ModeFields\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;