import { readFileSync } from "node:fs";
import { buildSchema, isInterfaceType, isObjectType } from "graphql";

/** The committed schema, as a client project would get it. */
export const schema = buildSchema(
  readFileSync(new URL("../../../schema.graphql", import.meta.url), "utf8"),
);

/** The object types implementing `Node`, sorted: what a cache's possibleTypes must list. */
export function nodeTypeNames(): string[] {
  const node = schema.getType("Node");
  if (!isInterfaceType(node)) throw new Error("schema.graphql has no Node interface");
  return schema
    .getPossibleTypes(node)
    .map((type) => type.name)
    .sort();
}

/** Object types without an `id` field, root types aside, sorted: they live inside a parent. */
export function typeNamesWithoutId(): string[] {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !type.name.startsWith("__") && !roots.includes(type))
    .filter((type) => !("id" in type.getFields()))
    .map((type) => type.name)
    .sort();
}
