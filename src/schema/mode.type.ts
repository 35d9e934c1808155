import { HexColorCodeResolver } from "graphql-scalars";
import { Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "./node.type.js";

/** A const object rather than a TS enum, so service objects ("BUILTIN") type-check as-is. */
export const ModeSource = {
  BUILTIN: "BUILTIN",
  GENERATED: "GENERATED",
  FALLBACK: "FALLBACK",
} as const;
export type ModeSource = (typeof ModeSource)[keyof typeof ModeSource];

registerEnumType(ModeSource, {
  name: "ModeSource",
  description: "Where a mode came from.",
  valuesConfig: {
    BUILTIN: { description: "One of the built-in modes (no model call)." },
    GENERATED: { description: "Generated for this request (by a model or the offline catalog)." },
    FALLBACK: { description: "Generation failed; a deterministic mode for the request instead." },
  },
});

/** Maps the derivation's "light"/"dark" to the GraphQL enum's LIGHT/DARK. */
export const ColorScheme = { LIGHT: "light", DARK: "dark" } as const;
export type ColorScheme = (typeof ColorScheme)[keyof typeof ColorScheme];

registerEnumType(ColorScheme, {
  name: "ColorScheme",
  description: "Which of the theme's two colour schemes.",
  valuesConfig: {
    LIGHT: { description: "The scheme for a light UI preference (`theme.light`)." },
    DARK: { description: "The scheme for a dark UI preference (`theme.dark`)." },
  },
});

/**
 * Token name → description, in the order of design/theme-spec.json. The ThemeScheme fields are
 * declared from this table (below) so the 35 tokens and their docs live in one place.
 */
const THEME_TOKENS: ReadonlyArray<readonly [string, string]> = [
  ["background", "Page background behind cards."],
  ["surface", "Cards, metric tiles, popovers and the chart plot area."],
  ["surfaceMuted", "Tab list, table stripes, skeletons and input fills."],
  ["foreground", "Body text and headings on any surface (>= 7:1)."],
  ["mutedForeground", "Secondary text: metric labels, captions (>= 4.5:1 on every surface)."],
  ["border", "Decorative dividers and card outlines (no contrast requirement)."],
  ["input", "Boundary of form controls (>= 3:1, WCAG 1.4.11)."],
  ["ring", "Focus indicator (>= 3:1)."],
  [
    "primary",
    "Primary buttons, active tab indicator, chart series 1 (>= 3:1 on surfaces unless the mode " +
      "was generated with brandFidelity and kept a light brand colour; then primaryBorder carries the 3:1).",
  ],
  ["primaryForeground", "Text and icons on primary fills (>= 4.5:1)."],
  ["primaryHover", "Hover/pressed primary fill."],
  ["primaryText", "Links, active tab label, primary-coloured numbers on surfaces (>= 4.5:1)."],
  [
    "primaryBorder",
    "Outline for primary fills: equals primary, except in a brandFidelity mode that kept a light " +
      "brand colour as primary (then a same-hue outline >= 3:1 on background and surface).",
  ],
  ["secondary", "Secondary buttons and chips (low-chroma tonal fill)."],
  ["secondaryForeground", "Text on secondary (>= 4.5:1)."],
  ["accent", "Selected tab background, hovered rows, highlighted KPI tile."],
  ["accentForeground", "Text on accent (>= 4.5:1)."],
  ["destructive", "Errors and delete buttons."],
  ["destructiveForeground", "Text on destructive (>= 4.5:1)."],
  ["destructiveText", "Error messages on surfaces (>= 4.5:1)."],
  ["success", "Positive trends and OK states."],
  ["successForeground", "Text on success (>= 4.5:1)."],
  ["successText", "Positive trend numbers on surfaces (>= 4.5:1)."],
  ["warning", "Warnings."],
  ["warningForeground", "Text on warning (>= 4.5:1)."],
  ["warningText", "Warning text on surfaces (>= 4.5:1)."],
  ["sidebar", "Chat panel background."],
  ["sidebarForeground", "Chat text (>= 7:1)."],
  ["sidebarMutedForeground", "Timestamps and hints in the chat panel (>= 4.5:1)."],
  ["sidebarAccent", "Assistant bubble / hovered item in the panel."],
  ["sidebarAccentForeground", "Text in bubbles (>= 4.5:1)."],
  ["sidebarBorder", "Decorative lines in the panel."],
  ["chartGrid", "Chart gridlines (equals border)."],
  ["chartAxis", "Chart tick labels and legends (equals mutedForeground)."],
];

@ObjectType({
  description:
    "One colour scheme: a value per token of design/theme-spec.json, every text/background " +
    "pair verified on these exact hex values.",
})
export class ThemeScheme {
  @Field(() => [HexColorCodeResolver], {
    description:
      "Six chart series colours, chart[0] = primary (primaryBorder when it differs, brandFidelity " +
      "only); each >= 3:1 on surface and background, colour-blind-aware.",
  })
  chart!: string[];
}

for (const [token, description] of THEME_TOKENS) {
  Field(() => HexColorCodeResolver, { description })(ThemeScheme.prototype, token);
}

@ObjectType({ description: "One measured contrast pair of the theme." })
export class ContrastCheck {
  @Field(() => ColorScheme, { description: "The scheme both tokens belong to." })
  scheme!: ColorScheme;

  @Field(() => String, {
    description: 'Token name of the foreground, e.g. "mutedForeground" or "chart[2]".',
  })
  foreground!: string;

  @Field(() => String, { description: "Token name of the background." })
  background!: string;

  @Field(() => Float, {
    description: "WCAG 2.x contrast ratio of the two returned hex values, floored to 2 decimals.",
  })
  ratio!: number;

  @Field(() => Float, { description: "The hard minimum from theme-spec.json." })
  minimum!: number;

  @Field(() => Boolean, { description: "ratio >= minimum." })
  passes!: boolean;

  @Field(() => Float, {
    description:
      "APCA Lc of the pair (WCAG 3 candidate), 1 decimal: positive for dark text on light, " +
      "negative for light on dark. Advisory only; the WCAG 2.x ratio is the gate.",
  })
  apcaLc!: number;
}

@ObjectType({ description: "A light and a dark scheme derived from one brand colour." })
export class ModeTheme {
  @Field(() => HexColorCodeResolver, {
    description: "The brand colour the theme was derived from.",
  })
  seed!: string;

  @Field(() => HexColorCodeResolver, {
    description: "Legacy field of the original API: equals light.primary.",
    deprecationReason: "Use theme.light.primary (and theme.dark for a dark UI).",
  })
  primary!: string;

  @Field(() => HexColorCodeResolver, {
    description: "Legacy field of the original API: equals light.secondary.",
    deprecationReason: "Use theme.light.secondary (and theme.dark for a dark UI).",
  })
  secondary!: string;

  @Field(() => HexColorCodeResolver, {
    description: "Legacy field of the original API: equals light.background.",
    deprecationReason: "Use theme.light.background (and theme.dark for a dark UI).",
  })
  background!: string;

  @Field(() => HexColorCodeResolver, {
    description: "Legacy field of the original API: equals light.surface.",
    deprecationReason: "Use theme.light.surface (and theme.dark for a dark UI).",
  })
  surface!: string;

  @Field(() => HexColorCodeResolver, {
    description: "Legacy field of the original API: equals light.foreground.",
    deprecationReason: "Use theme.light.foreground (and theme.dark for a dark UI).",
  })
  text!: string;

  @Field(() => HexColorCodeResolver, {
    description: "Legacy field of the original API: equals light.mutedForeground.",
    deprecationReason: "Use theme.light.mutedForeground (and theme.dark for a dark UI).",
  })
  textMuted!: string;

  @Field(() => ThemeScheme, { description: "Scheme for a light UI preference." })
  light!: ThemeScheme;

  @Field(() => ThemeScheme, { description: "Scheme for a dark UI preference." })
  dark!: ThemeScheme;

  @Field(() => [ContrastCheck], {
    description: "Every pair of theme-spec.json in both schemes, measured on the returned hex.",
  })
  contrast!: ContrastCheck[];
}

@ObjectType({ description: "A navigation tab of the dashboard.", implements: Node })
export class ModeTab extends Node {
  @Field(() => String, {
    description:
      'snake_case identifier within the mode; the first tab is "dashboard", the last "settings". ' +
      "Unique only inside its mode: use `id` to identify the tab globally.",
  })
  key!: string;

  @Field(() => String, { description: "Label, 1 to 20 characters." })
  label!: string;

  @Field(() => String, { description: "Exactly one emoji." })
  icon!: string;
}

@ObjectType({ description: "A KPI tile shown on the dashboard.", implements: Node })
export class ModeMetric extends Node {
  @Field(() => String, {
    description:
      "snake_case identifier within the mode, derived from the label. Unique only inside its " +
      "mode: use `id` to identify the metric globally.",
  })
  key!: string;

  @Field(() => String, { description: "Label, 1 to 32 characters, unique within the mode." })
  label!: string;

  @Field(() => String, { description: 'Pre-formatted value, e.g. "$12,450" (1 to 16 characters).' })
  value!: string;

  @Field(() => String, { nullable: true, description: 'Unit such as "/mo", or null.' })
  unit!: string | null;
}

@ObjectType({
  description: "A complete dashboard mode: identity, theme, layout and assistant.",
  implements: Node,
})
export class Mode implements Node {
  @Field(() => ID, {
    description:
      "snake_case, ^[a-z0-9]+(_[a-z0-9]+)*$, at most 48 characters; unique per stored mode (a " +
      "different mode that would take a held id gets a suffix) and a global id.",
  })
  id!: string;

  @Field(() => String, { description: 'Display name, e.g. "Pet Store".' })
  name!: string;

  @Field(() => String, { description: 'The normalised request, e.g. "pet store".' })
  industry!: string;

  @Field(() => ModeSource, { description: "Where the mode came from." })
  source!: ModeSource;

  @Field(() => ModeTheme, { description: "Accessible light and dark themes." })
  theme!: ModeTheme;

  @Field(() => [ModeTab], { description: '4 or 5 tabs: "dashboard" first, "settings" last.' })
  tabs!: ModeTab[];

  @Field(() => [ModeMetric], { description: "Exactly 4 KPI metrics." })
  defaultMetrics!: ModeMetric[];

  @Field(() => [String], { description: "3 to 5 traits of the assistant's personality." })
  personalityTraits!: string[];

  @Field(() => String, { description: "Greeting shown when the mode is entered." })
  welcomeMessage!: string;

  @Field(() => String, { description: "The assistant's system prompt (at most 4,000 characters)." })
  systemPrompt!: string;
}
