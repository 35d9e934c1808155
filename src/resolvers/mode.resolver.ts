import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context.js";
import { ModeConnection } from "../schema/mode-connection.type.js";
import { GenerateModeInput } from "../schema/mode.input.js";
import { GenerateModePayload } from "../schema/mode.payload.js";
import { Mode } from "../schema/mode.type.js";
import type { ModeService } from "../services/mode/mode.service.js";
import { modeOptions } from "./generation-streams.js";

@Resolver(() => Mode)
export class ModeResolver {
  constructor(private readonly modeService: ModeService) {}

  @Query(() => ModeConnection, {
    description:
      "Built-in modes, then the modes the caller generated (or got for an identical request) " +
      "still held, in the order they came, one page " +
      "at a time (Relay cursor connection). A page is 20 modes unless `first` says otherwise, " +
      "at most 100 (configurable: MODES_PAGE_SIZE, MODES_PAGE_MAX).",
  })
  modes(
    @Arg("first", () => Int, {
      nullable: true,
      description: "How many modes to return, 0 to the maximum page (default 20, at most 100).",
    })
    first: number | null,
    @Arg("after", () => String, {
      nullable: true,
      description: "Return the modes after this cursor (`pageInfo.endCursor` of the page before).",
    })
    after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<ModeConnection> {
    return this.modeService.listModes({ first, after }, context.principal);
  }

  @Query(() => Mode, {
    nullable: true,
    description: "A built-in mode, or one the caller generated, by id.",
  })
  mode(
    @Arg("id", () => ID, { description: "The mode's id." }) id: string,
    @Ctx() context: RequestContext,
  ): Promise<Mode | undefined> {
    return this.modeService.getMode(id, context.principal);
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
    return this.modeService.generateMode(input.industry, context, modeOptions(input));
  }
}
