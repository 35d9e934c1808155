import type { DerivedTheme, ThemeScheme } from "../theme.types.js";
import { SHADCN_VARIABLES, schemeColor } from "./shadcn-mapping.js";

/**
 * The theme as shadcn/ui's CSS variables: the light scheme in `:root`, the dark one in `.dark`
 * (shadcn/ui's class strategy), one declaration per variable of SHADCN_VARIABLES, each the API's
 * hex value. Meant to replace the colour variables of a project's globals.css; it sets no
 * `--radius` (a theme has none, so the project keeps its own).
 */
export function shadcnCss(theme: DerivedTheme): string {
  return `${[
    `/* modeflow theme from ${theme.seed}: shadcn/ui colour variables (light in :root, dark in .dark). */`,
    schemeBlock(":root", theme.light),
    schemeBlock(".dark", theme.dark),
  ].join("\n\n")}\n`;
}

/** One rule with every shadcn/ui variable of a scheme; also the Tailwind v4 export's start. */
export function schemeBlock(selector: string, scheme: ThemeScheme): string {
  const declarations = SHADCN_VARIABLES.map(
    ({ name, token }) => `  --${name}: ${schemeColor(scheme, token)};`,
  );
  return `${selector} {\n${declarations.join("\n")}\n}`;
}
