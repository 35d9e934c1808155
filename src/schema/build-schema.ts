import { lexicographicSortSchema, printSchema } from "graphql";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import type { ContainerType } from "type-graphql";
import { ModeResolver } from "../resolvers/mode.resolver.js";

/** Every resolver class of the API. */
export const RESOLVERS = [ModeResolver] as const;

/** Builds the executable schema; `container` supplies resolver instances (container.ts). */
export async function buildAppSchema(container?: ContainerType): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...RESOLVERS], container });
}

/** The SDL committed as schema.graphql: sorted so the file is deterministic. */
export async function printAppSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildAppSchema()))}\n`;
}
