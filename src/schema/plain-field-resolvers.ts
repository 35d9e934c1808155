import { isObjectType } from "graphql";
import type { GraphQLFieldResolver, GraphQLResolveInfo, GraphQLSchema } from "graphql";

/**
 * type-graphql gives every field without a resolver of its own a `resolve` that reads the
 * property through its middleware chain (`createBasicFieldResolver`), even when the chain is
 * empty, as ours is. A cached mode answer has about a thousand such fields: each is a function
 * call for graphql-js and, worse, stops graphql-jit from inlining the property read. Where that
 * `resolve` reads exactly the property named like the field and returns it as is, it is removed:
 * graphql's default resolver does the same.
 */
export function removePlainFieldResolvers(schema: GraphQLSchema): number {
  let removed = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve && readsOnlyItsProperty(field.resolve, field.name)) {
        field.resolve = undefined;
        removed++;
      }
    }
  }
  return removed;
}

/** Type-graphql's property reader, as its source shows, reading `name` and nothing else. */
function readsOnlyItsProperty(resolve: GraphQLFieldResolver<unknown, unknown>, name: string) {
  if (!/\broot\[fieldMetadata\.name\]/.test(resolve.toString())) return false;
  const read: PropertyKey[] = [];
  const sentinel = {};
  const root = new Proxy({}, { get: (_target, property) => (read.push(property), sentinel) });
  const result = resolve(root, {}, undefined, undefined as unknown as GraphQLResolveInfo);
  return result === sentinel && read.length === 1 && read[0] === name;
}
