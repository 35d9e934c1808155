import type { GenerationErrorCode } from "../../errors/generation-error.js";
import type { DerivedTheme } from "../palette/theme.types.js";

/** Where a mode came from (GraphQL `ModeSource`). */
export type ModeSource = "BUILTIN" | "GENERATED" | "FALLBACK";

export interface ModeTab {
  id: string;
  label: string;
  /** Exactly one emoji. */
  icon: string;
}

export interface ModeMetric {
  id: string;
  label: string;
  /** Pre-formatted, e.g. "$12,450". */
  value: string;
  unit: string | null;
}

/** A complete, enforced mode: what GraphQL's `Mode` resolves from. */
export interface Mode {
  id: string;
  name: string;
  industry: string;
  source: ModeSource;
  theme: DerivedTheme;
  tabs: ModeTab[];
  defaultMetrics: ModeMetric[];
  personalityTraits: string[];
  welcomeMessage: string;
  systemPrompt: string;
}

/** How a result was produced (GraphQL `GenerationInfo`). */
export interface GenerationInfo {
  provider: string;
  model: string | null;
  cached: boolean;
  attempts: number;
  latencyMs: number;
  inputTokens: number | null;
  outputTokens: number | null;
}

/** Why a FALLBACK was returned (GraphQL `GenerationError`). */
export interface ModeGenerationError {
  code: GenerationErrorCode;
  message: string;
}

export interface GenerateModeResult {
  mode: Mode;
  errors: ModeGenerationError[];
  generation: GenerationInfo;
}
