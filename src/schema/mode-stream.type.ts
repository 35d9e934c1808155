import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import type { DerivedTheme } from "../services/palette/theme.types.js";
import type { GenerateModeResult } from "../services/mode/mode.types.js";
import { GenerateModePayload } from "./mode.payload.js";
import { ModeTheme } from "./mode.type.js";

/** The kinds of generateModeStream events (a const object, like ModeSource). */
export const ModeStreamEventKind = {
  STARTED: "STARTED",
  THEME: "THEME",
  CONTENT: "CONTENT",
  COMPLETED: "COMPLETED",
} as const;
export type ModeStreamEventKind = (typeof ModeStreamEventKind)[keyof typeof ModeStreamEventKind];

registerEnumType(ModeStreamEventKind, {
  name: "ModeStreamEventKind",
  description: "What a generateModeStream event carries.",
  valuesConfig: {
    STARTED: {
      description:
        "The request passed its checks and quota; the mode is being made (or is at hand). First.",
    },
    THEME: {
      description:
        "`theme`: the whole light and dark theme, derived from the brand colour as soon as the " +
        "model has written it. Sent again only if the answer ends with another colour.",
    },
    CONTENT: {
      description:
        "`draft`: every part of the mode complete so far (cumulative), each through the " +
        "contract's checks; never a half-written string.",
    },
    COMPLETED: {
      description: "`result`: exactly what generateMode returns for the request. Last.",
    },
  },
});

@ObjectType({ description: "A tab of a mode still being generated (its id comes with the mode)." })
export class ModeDraftTab {
  @Field(() => String, { description: 'Identifier within the mode: "dashboard" first.' })
  key!: string;

  @Field(() => String, { description: "Label, 1 to 20 characters." })
  label!: string;

  @Field(() => String, { description: "Exactly one emoji." })
  icon!: string;
}

@ObjectType({ description: "A KPI of a mode still being generated (its id comes with the mode)." })
export class ModeDraftMetric {
  @Field(() => String, { description: "Identifier within the mode, derived from the label." })
  key!: string;

  @Field(() => String, { description: "Label, 1 to 32 characters." })
  label!: string;

  @Field(() => String, { description: 'Pre-formatted value, e.g. "$12,450".' })
  value!: string;

  @Field(() => String, { nullable: true, description: 'Unit such as "/mo", or null.' })
  unit!: string | null;
}

@ObjectType({
  description:
    "The parts of a mode complete so far, named as on `Mode`. A part is null until the model " +
    "has written it whole and it passed the contract's checks; COMPLETED's mode is the authority.",
})
export class ModeDraft {
  @Field(() => String, { nullable: true, description: "Display name." })
  name?: string;

  @Field(() => [ModeDraftTab], { nullable: true, description: "The 4 or 5 tabs, in order." })
  tabs?: ModeDraftTab[];

  @Field(() => [ModeDraftMetric], { nullable: true, description: "The 4 KPI metrics." })
  defaultMetrics?: ModeDraftMetric[];

  @Field(() => [String], { nullable: true, description: "3 to 5 traits of the assistant." })
  personalityTraits?: string[];

  @Field(() => String, { nullable: true, description: "Greeting shown when the mode is entered." })
  welcomeMessage?: string;
}

@ObjectType({
  description:
    "One step of generateModeStream: STARTED, then THEME and CONTENT as the answer arrives, " +
    "then COMPLETED. Only the field its `kind` names is set.",
})
export class ModeStreamEvent {
  @Field(() => ModeStreamEventKind, { description: "What this event carries." })
  kind!: ModeStreamEventKind;

  @Field(() => Int, { description: "Milliseconds since the subscription began." })
  elapsedMs!: number;

  @Field(() => ModeTheme, { nullable: true, description: "THEME: the derived theme." })
  theme?: DerivedTheme;

  @Field(() => ModeDraft, { nullable: true, description: "CONTENT: the parts complete so far." })
  draft?: ModeDraft;

  @Field(() => GenerateModePayload, {
    nullable: true,
    description: "COMPLETED: what generateMode returns (a FALLBACK mode when generation failed).",
  })
  result?: GenerateModeResult;
}
