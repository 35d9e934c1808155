import type { DerivedTheme } from "../theme.types.js";
import { designTokensJson } from "./design-tokens-json.js";
import { shadcnCss } from "./shadcn-css.js";
import { tailwindV4Css } from "./tailwind-v4-css.js";

/** The formats a theme is exported in (GraphQL `ThemeExportFormat`). */
export type ThemeExportFormat = "SHADCN_CSS" | "TAILWIND_V4_CSS" | "DESIGN_TOKENS_JSON";

const EXPORTERS: Readonly<Record<ThemeExportFormat, (theme: DerivedTheme) => string>> = {
  SHADCN_CSS: shadcnCss,
  TAILWIND_V4_CSS: tailwindV4Css,
  DESIGN_TOKENS_JSON: designTokensJson,
};

/** Media type of each format, for the downloads. */
export const THEME_EXPORT_MEDIA_TYPES: Readonly<Record<ThemeExportFormat, string>> = {
  SHADCN_CSS: "text/css; charset=utf-8",
  TAILWIND_V4_CSS: "text/css; charset=utf-8",
  DESIGN_TOKENS_JSON: "application/json; charset=utf-8",
};

// Themes are frozen and shared (deriveTheme caches them), so an export is computed once per
// theme object however many modes, aliases or requests ask for it; entries go with their theme.
const exported = new WeakMap<DerivedTheme, Map<ThemeExportFormat, string>>();

/** The theme in `format`: a pure function of the theme (same theme, same text). */
export function exportTheme(theme: DerivedTheme, format: ThemeExportFormat): string {
  let formats = exported.get(theme);
  if (formats === undefined) {
    formats = new Map();
    exported.set(theme, formats);
  }
  let text = formats.get(format);
  if (text === undefined) {
    text = EXPORTERS[format](theme);
    formats.set(format, text);
  }
  return text;
}
