import { lexicographicSortSchema, printSchema } from "graphql";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import type { ContainerType } from "type-graphql";
import { ModeResolver } from "../resolvers/mode.resolver.js";
import { NodeResolver } from "../resolvers/node.resolver.js";
import { FlowIrResolver, WorkflowResolver } from "../resolvers/workflow.resolver.js";

/** Every resolver class of the API. */
export const RESOLVERS = [ModeResolver, WorkflowResolver, FlowIrResolver, NodeResolver] as const;

/** Builds the executable schema; `container` supplies resolver instances (container.ts). */
export async function buildAppSchema(container?: ContainerType): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: [...RESOLVERS], container });
  // type-graphql has no option for describing the root types; every type carries a description.
  schema.getQueryType()!.description = "Read modes, and validate workflows without a model.";
  schema.getMutationType()!.description = "Generate modes and workflows with a language model.";
  return schema;
}

/** The SDL committed as schema.graphql: sorted so the file is deterministic. */
export async function printAppSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildAppSchema()))}\n`;
}
