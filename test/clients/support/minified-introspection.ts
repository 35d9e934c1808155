import type { IntrospectionType, IntrospectionTypeRef } from "graphql";
import { introspectionFromSchema } from "graphql";
import { schema } from "./schema-facts.js";

/** Every scalar, enum and input type collapses into this one: Graphcache never inspects them. */
const ANY: IntrospectionTypeRef = { kind: "SCALAR", name: "Any" };

/**
 * schema.graphql as the introspection Graphcache needs for `schema`: object, interface and union
 * types with their fields and relations, nothing else. The same output as @urql/introspection's
 * `minifyIntrospectionQuery` with its defaults, written with graphql-js alone.
 */
export function minifiedIntrospection() {
  const { __schema: full } = introspectionFromSchema(schema, { descriptions: false });
  const types = full.types
    .filter((type) => !type.name.startsWith("__"))
    .filter((type) => ["OBJECT", "INTERFACE", "UNION"].includes(type.kind))
    .map(minifyType);
  return {
    __schema: {
      queryType: full.queryType,
      mutationType: full.mutationType,
      subscriptionType: full.subscriptionType,
      types: [...types, ANY],
      directives: [],
    },
  };
}

function minifyType(type: IntrospectionType) {
  if (type.kind === "UNION") {
    return { kind: type.kind, name: type.name, possibleTypes: type.possibleTypes.map(nameOf) };
  }
  if (type.kind !== "OBJECT" && type.kind !== "INTERFACE") return type;
  return {
    kind: type.kind,
    name: type.name,
    fields: type.fields.map((field) => ({
      name: field.name,
      type: minifyReference(field.type),
      args: field.args.map((argument) => ({
        name: argument.name,
        type: minifyReference(argument.type),
      })),
    })),
    interfaces: type.interfaces.map(nameOf),
    ...(type.kind === "INTERFACE" ? { possibleTypes: type.possibleTypes.map(nameOf) } : {}),
  };
}

function minifyReference(reference: IntrospectionTypeRef): IntrospectionTypeRef {
  if (reference.kind === "NON_NULL" || reference.kind === "LIST") {
    return {
      kind: reference.kind,
      ofType: minifyReference(reference.ofType),
    } as IntrospectionTypeRef;
  }
  return ["OBJECT", "INTERFACE", "UNION"].includes(reference.kind) ? reference : ANY;
}

function nameOf(type: { kind: string; name: string }) {
  return { kind: type.kind, name: type.name };
}
