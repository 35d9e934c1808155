import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context.js";
import { Node } from "../schema/node.type.js";
import type { NodeLookup } from "../services/node-lookup.js";
import type { NodeValue } from "../services/node-lookup.js";

@Resolver(() => Node)
export class NodeResolver {
  constructor(private readonly nodes: NodeLookup) {}

  @Query(() => Node, {
    nullable: true,
    description:
      "Any object with an id (Relay's node field): modes, their tabs and metrics, workflows and " +
      "their nodes. Null when the id is unknown or its mode or workflow is no longer held.",
  })
  node(
    @Arg("id", () => ID, { description: "A global id the API returned." }) id: string,
    @Ctx() context: RequestContext,
  ): Promise<NodeValue | undefined> {
    return this.nodes.find(id, context.principal);
  }
}
