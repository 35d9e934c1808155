import { normalizeHexColor } from "../palette/derive-theme.js";
import { foldCase } from "../text/fold-text.js";
import type { ModeContent } from "./builtin-modes.js";
import type { GeneratedModeConfig } from "./mode.contract.js";
import { deriveModeId, toSnakeId } from "./mode-id.js";
import {
  isSingleEmoji,
  toPlainParagraphs,
  toPlainText,
  toTitleCase,
  truncateAtWord,
} from "./text-sanitize.js";

/** Bounds of mode.md section 3. */
export const MODE_LIMITS = {
  nameMax: 60,
  tabLabelMax: 20,
  middleTabsMin: 2,
  middleTabsMax: 3,
  metricCount: 4,
  metricLabelMax: 32,
  metricValueMax: 16,
  metricUnitMax: 16,
  traitsMin: 3,
  traitsMax: 5,
  traitMin: 2,
  traitMax: 40,
  welcomeMax: 300,
  fragmentMax: 1500,
} as const;

export type EnforceResult = { ok: true; content: ModeContent } | { ok: false; issues: string[] };

const DASHBOARD = { key: "dashboard", label: "Dashboard", icon: "📊" };
const SETTINGS = { key: "settings", label: "Settings", icon: "⚙️" };
const MIDDLE_TAB_ICONS = ["📈", "📋", "🗂️"];
const TOP_UP_TRAITS = ["Helpful", "Concise", "Accurate", "Friendly", "Proactive"];
// Traits are shown to users and fed to the assistant: anything that reads like a link or an
// instruction to the assistant is dropped rather than trusted.
const UNSAFE_TRAIT = /(https?:|www\.|\bignore\b|\binstruction|\bsystem prompt\b|\byou must\b)/i;

/**
 * Checks a model's answer against the mode contract and repairs what has an obvious repair
 * (dashboard first, settings last, dedupe, truncate labels, top up traits, default icons).
 * What cannot be repaired without inventing content (bad colour, too few tabs or metrics,
 * over-long values) is returned as issues: the caller retries once, then falls back.
 */
export function enforceModeConfig(
  config: GeneratedModeConfig,
  industry: string,
  reservedIds: ReadonlySet<string>,
): EnforceResult {
  const issues: string[] = [];

  const seed = enforceSeed(config.primary_color);
  if (!seed) issues.push(`primary_color: '${config.primary_color}' is not a #RRGGBB colour`);

  const name = enforceName(config.industry_name, industry);
  const tabs = enforceTabs(config.tabs, issues);
  const metrics = enforceMetrics(config.default_metrics, issues);
  const traits = enforceTraits(config.personality_traits);

  if (issues.length > 0 || !seed) return { ok: false, issues };
  return {
    ok: true,
    content: {
      id: deriveModeId(config.industry_id, industry, reservedIds),
      name,
      seed,
      tabs,
      metrics,
      traits,
      welcomeMessage: enforceWelcome(config.welcome_message, name),
      promptFragment: truncateAtWord(
        toPlainParagraphs(config.system_prompt_fragment),
        MODE_LIMITS.fragmentMax,
      ),
    },
  };
}

// Each field's rule is exported on its own: a streamed answer is checked field by field as it
// arrives (mode-draft.ts), with exactly the rules the whole answer meets here.

/** The brand colour as #rrggbb, or undefined when it is not a colour. */
export function enforceSeed(primaryColor: string): string | undefined {
  return normalizeHexColor(primaryColor.trim());
}

/** The display name: plain text within the limit, else the request in Title Case. */
export function enforceName(industryName: string, industry: string): string {
  return truncateAtWord(toPlainText(industryName), MODE_LIMITS.nameMax) || toTitleCase(industry);
}

/** The greeting: plain text within the limit, else one built from the name. */
export function enforceWelcome(welcomeMessage: string, name: string): string {
  return (
    truncateAtWord(toPlainText(welcomeMessage), MODE_LIMITS.welcomeMax) ||
    `Welcome to ${name}. How can I help today?`
  );
}

/** Dashboard first, settings last, 2 or 3 distinct tabs between; a shortfall goes to `issues`. */
export function enforceTabs(
  tabs: GeneratedModeConfig["tabs"],
  issues: string[],
): ModeContent["tabs"] {
  let dashboard = DASHBOARD;
  let settings = SETTINGS;
  const middle: ModeContent["tabs"] = [];
  const seen = new Set<string>();
  for (const tab of tabs) {
    const label = truncateAtWord(toPlainText(tab.label), MODE_LIMITS.tabLabelMax);
    const key =
      toSnakeId(tab.id) === "dashboard" || toSnakeId(tab.id) === "settings"
        ? toSnakeId(tab.id)
        : toSnakeId(label);
    if (!key || !label) continue;
    const icon = isSingleEmoji(tab.icon) ? tab.icon.trim() : "";
    // The model's own dashboard/settings tabs keep their wording, wherever it put them.
    if (key === "dashboard") dashboard = { key, label, icon: icon || DASHBOARD.icon };
    else if (key === "settings") settings = { key, label, icon: icon || SETTINGS.icon };
    else if (!seen.has(key)) {
      seen.add(key);
      middle.push({ key, label, icon: icon || MIDDLE_TAB_ICONS[middle.length % 3]! });
    }
  }
  if (middle.length < MODE_LIMITS.middleTabsMin) {
    issues.push(
      `tabs: need ${MODE_LIMITS.middleTabsMin} or ${MODE_LIMITS.middleTabsMax} distinct tabs ` +
        `between 'dashboard' and 'settings', got ${middle.length}`,
    );
  }
  return [dashboard, ...middle.slice(0, MODE_LIMITS.middleTabsMax), settings];
}

/** Exactly 4 metrics with distinct labels and short values; what is wrong goes to `issues`. */
export function enforceMetrics(
  metrics: GeneratedModeConfig["default_metrics"],
  issues: string[],
): ModeContent["metrics"] {
  const kept: ModeContent["metrics"] = [];
  const seen = new Set<string>();
  for (const [index, metric] of metrics.entries()) {
    const label = truncateAtWord(toPlainText(metric.label), MODE_LIMITS.metricLabelMax);
    const value = toPlainText(metric.value);
    const key = foldCase(label);
    if (!label || !toSnakeId(label) || seen.has(key)) continue;
    if (!value || [...value].length > MODE_LIMITS.metricValueMax) {
      issues.push(
        `default_metrics[${index}].value: '${metric.value}' must be 1 to ` +
          `${MODE_LIMITS.metricValueMax} characters, pre-formatted (e.g. "$12,450")`,
      );
      continue;
    }
    seen.add(key);
    const unit = metric.unit === null ? "" : toPlainText(metric.unit);
    kept.push({
      label,
      value,
      unit: unit ? truncateAtWord(unit, MODE_LIMITS.metricUnitMax) : null,
    });
  }
  if (kept.length < MODE_LIMITS.metricCount) {
    issues.push(
      `default_metrics: need exactly ${MODE_LIMITS.metricCount} metrics with distinct labels, ` +
        `got ${kept.length} usable`,
    );
  }
  return kept.slice(0, MODE_LIMITS.metricCount);
}

/** 3 to 5 distinct, safe traits, topped up with defaults. */
export function enforceTraits(traits: readonly string[]): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const raw of traits) {
    const trait = toPlainText(raw);
    const length = [...trait].length;
    const key = foldCase(trait);
    if (length < MODE_LIMITS.traitMin || length > MODE_LIMITS.traitMax) continue;
    if (UNSAFE_TRAIT.test(trait) || seen.has(key)) continue;
    seen.add(key);
    kept.push(trait);
  }
  for (const filler of TOP_UP_TRAITS) {
    if (kept.length >= MODE_LIMITS.traitsMin) break;
    if (!seen.has(foldCase(filler))) kept.push(filler);
  }
  return kept.slice(0, MODE_LIMITS.traitsMax);
}
