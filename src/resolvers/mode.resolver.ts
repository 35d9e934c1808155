import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context.js";
import { GenerateModeInput } from "../schema/mode.input.js";
import { GenerateModePayload } from "../schema/mode.payload.js";
import { Mode } from "../schema/mode.type.js";
import type { ModeService } from "../services/mode/mode.service.js";

@Resolver(() => Mode)
export class ModeResolver {
  constructor(private readonly modeService: ModeService) {}

  @Query(() => [Mode], {
    description: "Built-in modes, then generated ones still held by the store.",
  })
  modes(): Mode[] {
    return this.modeService.listModes();
  }

  @Query(() => Mode, { nullable: true, description: "A built-in or stored generated mode by id." })
  mode(@Arg("id", () => ID, { description: "The mode's id." }) id: string): Mode | undefined {
    return this.modeService.getMode(id);
  }

  @Mutation(() => GenerateModePayload, {
    description:
      "Generates a complete mode for an industry. Generation failures are data (a FALLBACK mode " +
      "plus errors), never GraphQL errors; bad input is a BAD_USER_INPUT error.",
  })
  generateMode(
    @Arg("input", () => GenerateModeInput, { description: "The industry to generate a mode for." })
    input: GenerateModeInput,
    @Ctx() context: RequestContext,
  ): Promise<GenerateModePayload> {
    return this.modeService.generateMode(input.industry, context);
  }
}
