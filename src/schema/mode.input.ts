import { Field, InputType } from "type-graphql";

@InputType({ description: "What to generate a mode for." })
export class GenerateModeInput {
  @Field(() => String, {
    description:
      'The industry or business, e.g. "pet store". 2 to 120 characters after normalisation ' +
      "(NFKC, invisible characters removed, whitespace collapsed).",
  })
  industry!: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      "Brand-fidelity theme. false (default, also for null): `primary` reaches 3:1 on background " +
      "and surface in both schemes, even when the brand colour has to move for it (a white or " +
      "light yellow brand colour gets a darker fill); `primaryBorder` and `chart[0]` equal " +
      "`primary`. true: a light brand colour that would have to move far is kept as the light " +
      "scheme's `primary` (with dark text, possibly below 3:1 on the surfaces) and the 3:1 " +
      "boundary moves to `primaryBorder`, which buttons must then draw; `chart[0]` is " +
      "`primaryBorder`. Both settings are generated and cached as separate modes.",
  })
  brandFidelity?: boolean | null;
}
