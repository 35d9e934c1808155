import type { DerivedTheme } from "../theme.types.js";
import { schemeBlock } from "./shadcn-css.js";
import { SHADCN_VARIABLES } from "./shadcn-mapping.js";

/**
 * The theme for Tailwind CSS v4 the way shadcn/ui sets it up: the same `:root` and `.dark`
 * variables as shadcnCss, plus `@theme inline { --color-<name>: var(--<name>); }` for each, so
 * utilities such as `bg-card` and `text-muted-foreground` exist and follow the `.dark` class.
 * `inline` makes each utility use the variable itself rather than a copy resolved at :root,
 * which is what lets `.dark` switch them. Goes after `@import "tailwindcss";`.
 */
export function tailwindV4Css(theme: DerivedTheme): string {
  const mappings = SHADCN_VARIABLES.map(({ name }) => `  --color-${name}: var(--${name});`);
  return `${[
    `/* modeflow theme from ${theme.seed}: Tailwind CSS v4 with shadcn/ui variables (light in :root, dark in .dark). */`,
    schemeBlock(":root", theme.light),
    schemeBlock(".dark", theme.dark),
    `@theme inline {\n${mappings.join("\n")}\n}`,
  ].join("\n\n")}\n`;
}
