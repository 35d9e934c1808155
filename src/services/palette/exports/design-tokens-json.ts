import type { DerivedTheme, ThemeScheme } from "../theme.types.js";
import type { ColorToken } from "./shadcn-mapping.js";

/**
 * A colour as the DTCG Color Module 2025.10 writes it: the `$value` of a `$type: "color"` token
 * MUST be an object with `colorSpace` and `components`; `hex` is its optional 6-digit fallback.
 * The bare hex string (`"$value": "#rrggbb"`) belongs to the drafts before 2025.10.
 *
 * Why the object rather than the string older tools read: 2025.10 is the first stable edition and
 * the one tools now implement (Style Dictionary reads these objects since its colour-module
 * support); a file in the superseded form would be out of spec from the start. `hex` is included
 * so a tool, or a person, that wants the string has the API's exact value without converting.
 */
export interface DtcgColorValue {
  colorSpace: "srgb";
  /** Red, green, blue in [0, 1], 4 decimals (enough to give back the same byte each). */
  components: [number, number, number];
  /** The API's value, lower-case #rrggbb, byte for byte. */
  hex: string;
}

export interface DtcgColorToken {
  $type: "color";
  $value: DtcgColorValue;
}

/** One scheme: a token per single-colour token of the API, and `chart` as the group 1..6. */
export type DtcgScheme = { $description: string } & Record<
  string,
  DtcgColorToken | Record<string, DtcgColorToken> | string
>;

/**
 * The API's tokens in the order of ThemeScheme (and of design/theme-spec.json), as a record so
 * that a token added to ThemeScheme fails to compile here until it is placed. Listing them rather
 * than walking a scheme's keys keeps the file's order independent of how the derivation happens
 * to build its objects.
 */
const SCHEME_TOKENS: Readonly<Record<keyof ThemeScheme, true>> = {
  background: true,
  surface: true,
  surfaceMuted: true,
  foreground: true,
  mutedForeground: true,
  border: true,
  input: true,
  ring: true,
  primary: true,
  primaryForeground: true,
  primaryHover: true,
  primaryText: true,
  primaryBorder: true,
  secondary: true,
  secondaryForeground: true,
  accent: true,
  accentForeground: true,
  destructive: true,
  destructiveForeground: true,
  destructiveText: true,
  success: true,
  successForeground: true,
  successText: true,
  warning: true,
  warningForeground: true,
  warningText: true,
  sidebar: true,
  sidebarForeground: true,
  sidebarMutedForeground: true,
  sidebarAccent: true,
  sidebarAccentForeground: true,
  sidebarBorder: true,
  chart: true,
  chartGrid: true,
  chartAxis: true,
};

/**
 * The theme as W3C Design Tokens (DTCG format, 2025.10), pretty-printed JSON:
 * `{ "light": { "<token>": { "$type": "color", "$value": {...} }, ..., "chart": { "1": ... "6" } },
 * "dark": {...} }`. Token names are the API's own (camelCase, all 35 of ThemeScheme), not
 * shadcn/ui's: this file is the whole theme, for tools (Style Dictionary, Tokens Studio, Figma
 * plugins) that turn tokens into any platform's names. `chart` is a group whose tokens are the
 * series numbered from 1 (`chart.1` = `chart[0]`), as shadcn/ui numbers them.
 */
export function designTokensJson(theme: DerivedTheme): string {
  const tokens = {
    light: schemeTokens(theme.light, "Scheme for a light UI preference."),
    dark: schemeTokens(theme.dark, "Scheme for a dark UI preference."),
  };
  // Pretty-printed, with each `components` triple on its line: a third shorter, easier to read.
  const text = JSON.stringify(tokens, null, 2).replace(
    /\[\s+([\d.]+),\s+([\d.]+),\s+([\d.]+)\s+\]/g,
    "[$1, $2, $3]",
  );
  return `${text}\n`;
}

function schemeTokens(scheme: ThemeScheme, description: string): DtcgScheme {
  const group: DtcgScheme = { $description: description };
  for (const token of Object.keys(SCHEME_TOKENS) as Array<keyof ThemeScheme>) {
    group[token] =
      token === "chart"
        ? Object.fromEntries(scheme.chart.map((hex, index) => [String(index + 1), colorToken(hex)]))
        : colorToken(scheme[token as ColorToken]);
  }
  return group;
}

function colorToken(hex: string): DtcgColorToken {
  const channel = (offset: number) =>
    Math.round((parseInt(hex.slice(offset, offset + 2), 16) / 255) * 10_000) / 10_000;
  return {
    $type: "color",
    $value: { colorSpace: "srgb", components: [channel(1), channel(3), channel(5)], hex },
  };
}
