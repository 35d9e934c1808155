import type { GenerationErrorCode } from "../../errors/generation-error.js";
import type { ProviderName } from "../../llm/structured-llm.js";
import type { DerivedTheme } from "../palette/theme.types.js";

/** Where a mode came from (GraphQL `ModeSource`). */
export type ModeSource = "BUILTIN" | "GENERATED" | "FALLBACK";

export interface ModeTab {
  /** Global id (node-id.ts): unique across every object the API serves. */
  id: string;
  /** Identifier within the mode: "dashboard" first, "settings" last. */
  key: string;
  label: string;
  /** Exactly one emoji. */
  icon: string;
}

export interface ModeMetric {
  /** Global id (node-id.ts): unique across every object the API serves. */
  id: string;
  /** Identifier within the mode, derived from the label. */
  key: string;
  label: string;
  /** Pre-formatted, e.g. "$12,450". */
  value: string;
  unit: string | null;
}

/** A complete, enforced mode: what GraphQL's `Mode` resolves from. */
export interface Mode {
  /** snake_case, unique per stored mode (mode-store.ts). */
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

/** Who produced a result: a provider, or no model at all (GraphQL `GenerationProvider`). */
export type GenerationProviderId = ProviderName | "builtin" | "cache";

/** How a result was produced (GraphQL `GenerationInfo`). */
export interface GenerationInfo {
  provider: GenerationProviderId;
  model: string | null;
  cached: boolean;
  /** HTTP calls made to the provider for this request, transport retries included. */
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
