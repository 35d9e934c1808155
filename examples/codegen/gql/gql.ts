/* eslint-disable */
import * as types from "./graphql.js";
import type { TypedDocumentNode as DocumentNode } from "@graphql-typed-document-node/core";

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
  "mutation GenerateMode($input: GenerateModeInput!) {\n  generateMode(input: $input) {\n    mode {\n      id\n      name\n      tabs {\n        id\n        key\n        label\n        icon\n      }\n      theme {\n        light {\n          primary\n          primaryForeground\n          background\n          foreground\n          chart\n        }\n      }\n    }\n    generation {\n      provider\n    }\n  }\n}\n\nquery Modes($first: Int, $after: String) {\n  modes(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        name\n        tabs {\n          id\n          key\n          label\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}": typeof types.GenerateModeDocument;
};
const documents: Documents = {
  "mutation GenerateMode($input: GenerateModeInput!) {\n  generateMode(input: $input) {\n    mode {\n      id\n      name\n      tabs {\n        id\n        key\n        label\n        icon\n      }\n      theme {\n        light {\n          primary\n          primaryForeground\n          background\n          foreground\n          chart\n        }\n      }\n    }\n    generation {\n      provider\n    }\n  }\n}\n\nquery Modes($first: Int, $after: String) {\n  modes(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        name\n        tabs {\n          id\n          key\n          label\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}":
    types.GenerateModeDocument,
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
export function graphql(
  source: "mutation GenerateMode($input: GenerateModeInput!) {\n  generateMode(input: $input) {\n    mode {\n      id\n      name\n      tabs {\n        id\n        key\n        label\n        icon\n      }\n      theme {\n        light {\n          primary\n          primaryForeground\n          background\n          foreground\n          chart\n        }\n      }\n    }\n    generation {\n      provider\n    }\n  }\n}\n\nquery Modes($first: Int, $after: String) {\n  modes(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        name\n        tabs {\n          id\n          key\n          label\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}",
): (typeof documents)["mutation GenerateMode($input: GenerateModeInput!) {\n  generateMode(input: $input) {\n    mode {\n      id\n      name\n      tabs {\n        id\n        key\n        label\n        icon\n      }\n      theme {\n        light {\n          primary\n          primaryForeground\n          background\n          foreground\n          chart\n        }\n      }\n    }\n    generation {\n      provider\n    }\n  }\n}\n\nquery Modes($first: Int, $after: String) {\n  modes(first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        name\n        tabs {\n          id\n          key\n          label\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
