import { Field, ObjectType } from "type-graphql";
import { GenerationError, GenerationInfo } from "./generation.type.js";
import { Mode } from "./mode.type.js";

@ObjectType({ description: "Result of generateMode: always a usable mode." })
export class GenerateModePayload {
  @Field(() => Mode, {
    description: "GENERATED, BUILTIN, or FALLBACK when generation failed: always usable.",
  })
  mode!: Mode;

  @Field(() => [GenerationError], { description: "Why a FALLBACK was returned; empty otherwise." })
  errors!: GenerationError[];

  @Field(() => GenerationInfo, { description: "Provider, model, attempts, latency and tokens." })
  generation!: GenerationInfo;
}
