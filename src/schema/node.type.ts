import { Field, ID, InterfaceType } from "type-graphql";
import { nodeTypeOfId } from "../services/node-id.js";

/** The concrete type of a Node value; synchronous (see buildAppSchema). */
export const resolveNodeType = (value: { id?: unknown }): string | undefined =>
  typeof value.id === "string" ? nodeTypeOfId(value.id) : "FlowIR";

/**
 * Relay's Node: every object with an `id` implements it, and `node(id)` returns it. Ids are global
 * (src/services/node-id.ts), so the type follows from the id; the one Node whose GraphQL value
 * has no own `id` property is a FlowIR document (its id is computed from its digest).
 */
@InterfaceType("Node", {
  description:
    "An object with a global id: no two distinct objects served by this API share one, and the " +
    "same object always has the same id. `node(id)` fetches it again.",
  resolveType: resolveNodeType,
})
export abstract class Node {
  @Field(() => ID, { description: "Global identifier; opaque to clients." })
  id!: string;
}
