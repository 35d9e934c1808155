import { assertInterfaceType, lexicographicSortSchema, printSchema } from "graphql";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import type { ContainerType, PubSub } from "type-graphql";
import { ModeResolver } from "../resolvers/mode.resolver.js";
import { ModeThemeResolver } from "../resolvers/mode-theme.resolver.js";
import { NodeResolver } from "../resolvers/node.resolver.js";
import { resolveNodeType } from "./node.type.js";
import { removePlainFieldResolvers } from "./plain-field-resolvers.js";
import { StreamResolver } from "../resolvers/stream.resolver.js";
import { FlowIrResolver, WorkflowResolver } from "../resolvers/workflow.resolver.js";

/** Every resolver class of the API. */
export const RESOLVERS = [
  ModeResolver,
  ModeThemeResolver,
  WorkflowResolver,
  FlowIrResolver,
  NodeResolver,
  StreamResolver,
] as const;

/**
 * type-graphql refuses to build subscriptions without a PubSub, even when every subscription
 * brings its own `subscribe` function, as ours do (no topic is ever published or subscribed).
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error("modeflow's subscriptions publish no topics");
  },
  subscribe() {
    throw new Error("modeflow's subscriptions subscribe to no topics");
  },
};

/** Builds the executable schema; `container` supplies resolver instances (container.ts). */
export async function buildAppSchema(container?: ContainerType): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: [...RESOLVERS], container, pubSub: NO_TOPICS });
  // type-graphql has no option for describing the root types; every type carries a description.
  schema.getQueryType()!.description = "Read modes, and validate workflows without a model.";
  schema.getMutationType()!.description = "Generate modes and workflows with a language model.";
  schema.getSubscriptionType()!.description =
    "Generate modes and workflows with their progress streamed (graphql-ws on /graphql).";
  // type-graphql wraps every resolveType in an async function; graphql-jit (GRAPHQL_EXECUTOR=jit)
  // does not await a type resolver and would see a Promise, not a type name. graphql-js takes
  // either, so the synchronous original serves both.
  assertInterfaceType(schema.getType("Node")).resolveType = resolveNodeType;
  removePlainFieldResolvers(schema);
  return schema;
}

/** The SDL committed as schema.graphql: sorted so the file is deterministic. */
export async function printAppSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildAppSchema()))}\n`;
}
