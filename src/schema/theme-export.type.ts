import { registerEnumType } from "type-graphql";
import type { ThemeExportFormat as ServiceThemeExportFormat } from "../services/palette/exports/export-theme.js";

/** A const object rather than a TS enum, so the service's format names type-check as-is. */
export const ThemeExportFormat = {
  SHADCN_CSS: "SHADCN_CSS",
  TAILWIND_V4_CSS: "TAILWIND_V4_CSS",
  DESIGN_TOKENS_JSON: "DESIGN_TOKENS_JSON",
} as const satisfies Record<ServiceThemeExportFormat, ServiceThemeExportFormat>;
export type ThemeExportFormat = (typeof ThemeExportFormat)[keyof typeof ThemeExportFormat];

registerEnumType(ThemeExportFormat, {
  name: "ThemeExportFormat",
  description:
    "A file format the theme is exported in (`ModeTheme.export`, and the downloads " +
    "/modes/{id}/theme.css and /modes/{id}/tokens.json).",
  valuesConfig: {
    SHADCN_CSS: {
      description:
        "shadcn/ui CSS variables: the light scheme in `:root`, the dark one in `.dark`, one " +
        "variable per name of design/theme-spec.json's shadcn mapping plus " +
        "`--destructive-foreground`, as #rrggbb. No `--radius` (a theme has none).",
    },
    TAILWIND_V4_CSS: {
      description:
        "SHADCN_CSS plus `@theme inline { --color-<name>: var(--<name>); }` for every variable: " +
        "Tailwind CSS v4 the way shadcn/ui sets it up (utilities such as `bg-card`).",
    },
    DESIGN_TOKENS_JSON: {
      description:
        'W3C Design Tokens (DTCG 2025.10) JSON: `{"light": {...}, "dark": {...}}` with every ' +
        "token of ThemeScheme by its API name, each `$type: color` with a `$value` of " +
        '`{"colorSpace": "srgb", "components": [r, g, b], "hex": "#rrggbb"}`; `chart` is a ' +
        "group of tokens 1 to 6.",
    },
  },
});
