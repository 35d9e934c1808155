import { isDeepStrictEqual } from "node:util";
import { deriveTheme } from "../palette/derive-theme.js";
import type { ThemeOptions } from "../palette/derive-theme.js";
import type { DerivedTheme } from "../palette/theme.types.js";
import { metricKeys } from "./build-mode.js";
import { generatedModeConfigSchema } from "./mode.contract.js";
import {
  enforceMetrics,
  enforceName,
  enforceSeed,
  enforceTabs,
  enforceTraits,
  enforceWelcome,
} from "./mode.enforce.js";
import type { Mode } from "./mode.types.js";

/**
 * The parts of a mode complete so far, each already through the contract's rules: what a
 * streamed generation shows before its answer is whole. A part is absent until its field has
 * arrived and passed; nothing in it is half-written.
 */
export interface ModeDraft {
  name?: string;
  tabs?: Array<{ key: string; label: string; icon: string }>;
  metrics?: Array<{ key: string; label: string; value: string; unit: string | null }>;
  traits?: string[];
  welcomeMessage?: string;
}

/** What a mode generation tells a streaming caller before its answer (mode-stream.ts). */
export type ModeProgress =
  | { kind: "STARTED" }
  /** The whole theme, derived from the brand colour the moment it is complete. */
  | { kind: "THEME"; theme: DerivedTheme }
  /** Every part complete so far (cumulative: the latest CONTENT holds all of them). */
  | { kind: "CONTENT"; draft: ModeDraft };

const FIELDS = generatedModeConfigSchema.shape;

/**
 * Turns the fields of one streamed model answer (AnswerFieldListener) into THEME and CONTENT
 * progress. Each field is checked against its part of the contract and the same enforcement
 * rules as the whole answer (mode.enforce.ts), so what it shows is what the mode will hold when
 * the answer passes; a field that fails is left out (the whole answer then gets its repair call
 * or its fallback, and COMPLETED says which).
 */
export class ModeDraftReader {
  private readonly draft: ModeDraft = {};

  constructor(
    private readonly industry: string,
    private readonly themeOptions: ThemeOptions,
    private readonly publish: (progress: ModeProgress) => void,
  ) {}

  /** One complete top-level field of the answer, as the model wrote it. */
  readonly onField = (name: string, value: unknown): void => {
    switch (name) {
      case "primary_color": {
        const color = FIELDS.primary_color.safeParse(value);
        const seed = color.success ? enforceSeed(color.data) : undefined;
        if (seed) this.publish({ kind: "THEME", theme: deriveTheme(seed, this.themeOptions) });
        return;
      }
      case "industry_name": {
        const parsed = FIELDS.industry_name.safeParse(value);
        if (parsed.success) this.update({ name: enforceName(parsed.data, this.industry) });
        return;
      }
      case "tabs": {
        const parsed = FIELDS.tabs.safeParse(value);
        if (!parsed.success) return;
        const issues: string[] = [];
        const tabs = enforceTabs(parsed.data, issues);
        if (issues.length === 0) this.update({ tabs });
        return;
      }
      case "default_metrics": {
        const parsed = FIELDS.default_metrics.safeParse(value);
        if (!parsed.success) return;
        const issues: string[] = [];
        const metrics = enforceMetrics(parsed.data, issues);
        if (issues.length === 0) this.update({ metrics: withKeys(metrics) });
        return;
      }
      case "personality_traits": {
        const parsed = FIELDS.personality_traits.safeParse(value);
        if (parsed.success) this.update({ traits: enforceTraits(parsed.data) });
        return;
      }
      case "welcome_message": {
        const parsed = FIELDS.welcome_message.safeParse(value);
        const name = this.draft.name ?? enforceName("", this.industry);
        if (parsed.success) this.update({ welcomeMessage: enforceWelcome(parsed.data, name) });
        return;
      }
      default:
        // industry_id and the prompt fragment show nothing on screen; COMPLETED carries them.
        return;
    }
  };

  private update(part: ModeDraft): void {
    Object.assign(this.draft, part);
    this.publish({ kind: "CONTENT", draft: { ...this.draft } });
  }
}

/** The draft a finished mode amounts to (every part present). */
export function draftOf(mode: Mode): Required<ModeDraft> {
  return {
    name: mode.name,
    tabs: mode.tabs.map(({ key, label, icon }) => ({ key, label, icon })),
    metrics: mode.defaultMetrics.map(({ key, label, value, unit }) => ({
      key,
      label,
      value,
      unit,
    })),
    traits: [...mode.personalityTraits],
    welcomeMessage: mode.welcomeMessage,
  };
}

/** Whether two drafts show the same thing. */
export function sameDraft(a: ModeDraft, b: ModeDraft): boolean {
  return isDeepStrictEqual(a, b);
}

function withKeys(metrics: ReturnType<typeof enforceMetrics>): NonNullable<ModeDraft["metrics"]> {
  const keys = metricKeys(metrics);
  return metrics.map((metric, index) => ({ key: keys[index]!, ...metric }));
}
