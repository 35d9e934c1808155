import { Field, Int, ObjectType } from "type-graphql";
import { Mode } from "./mode.type.js";

@ObjectType({ description: "Where a page of a connection stands (Relay cursor connections)." })
export class PageInfo {
  @Field(() => Boolean, { description: "True when more items follow the last one of this page." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "True when items precede the first one of this page." })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the first edge; null when empty.",
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last edge; pass it as `after` for the next page. Null when empty.",
  })
  endCursor!: string | null;
}

@ObjectType({ description: "A mode and its place in the list." })
export class ModeEdge {
  @Field(() => String, { description: "Opaque cursor of this mode; pass it as `after`." })
  cursor!: string;

  @Field(() => Mode, { description: "The mode." })
  node!: Mode;
}

@ObjectType({
  description:
    "A page of modes: built-ins first, then modes generated on this server in creation order.",
})
export class ModeConnection {
  @Field(() => [ModeEdge], { description: "The modes of this page, in order." })
  edges!: ModeEdge[];

  @Field(() => PageInfo, { description: "Whether more pages follow, and the cursors." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "Modes in the whole list (built-ins plus held ones)." })
  totalCount!: number;
}
