import { Field, InputType } from "type-graphql";

@InputType({ description: "What to generate a mode for." })
export class GenerateModeInput {
  @Field(() => String, {
    description:
      'The industry or business, e.g. "pet store". 2 to 120 characters after normalisation ' +
      "(NFKC, invisible characters removed, whitespace collapsed).",
  })
  industry!: string;
}
