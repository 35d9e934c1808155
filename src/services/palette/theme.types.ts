/** One complete colour scheme. Every value is a lower-case `#rrggbb` string. */
export interface ThemeScheme {
  background: string;
  surface: string;
  surfaceMuted: string;
  foreground: string;
  mutedForeground: string;
  border: string;
  input: string;
  ring: string;
  primary: string;
  primaryForeground: string;
  primaryHover: string;
  primaryText: string;
  primaryBorder: string;
  secondary: string;
  secondaryForeground: string;
  accent: string;
  accentForeground: string;
  destructive: string;
  destructiveForeground: string;
  destructiveText: string;
  success: string;
  successForeground: string;
  successText: string;
  warning: string;
  warningForeground: string;
  warningText: string;
  sidebar: string;
  sidebarForeground: string;
  sidebarMutedForeground: string;
  sidebarAccent: string;
  sidebarAccentForeground: string;
  sidebarBorder: string;
  /** Six categorical series colours; `chart[0]` is the brand colour. */
  chart: string[];
  chartGrid: string;
  chartAxis: string;
}

export type SchemeName = "light" | "dark";

/** One measured text/fill pair (WCAG 2.x ratio on the returned hex strings). */
export interface ContrastCheck {
  scheme: SchemeName;
  /** Token name; chart series are named `chart[0]` … `chart[5]`. */
  foreground: string;
  background: string;
  /** Contrast ratio floored to 2 decimals, so `passes === ratio >= minimum` holds. */
  ratio: number;
  /** The hard minimum of theme-spec.json (not the solver target). */
  minimum: number;
  passes: boolean;
  /** APCA Lc of the pair, 1 decimal; advisory (WCAG 3 candidate), never a gate. */
  apcaLc: number;
}

export interface DerivedTheme {
  /** The normalised seed (`#rrggbb`), kept as given even when `primary` had to move. */
  seed: string;
  /** Legacy fields of the original API, all taken from the light scheme (theme-spec `legacy_original_fields`). */
  primary: string;
  /** Legacy `secondary` = `light.secondary`: every legacy field equals its light-scheme token. */
  secondary: string;
  background: string;
  surface: string;
  text: string;
  textMuted: string;
  light: ThemeScheme;
  dark: ThemeScheme;
  contrast: ContrastCheck[];
  /** ΔE_OK between the seed and each scheme's `primary` (0 = seed kept byte-exact). */
  fidelity: { light: number; dark: number };
}
