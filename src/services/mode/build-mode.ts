import { deriveTheme } from "../palette/derive-theme.js";
import type { ThemeOptions } from "../palette/derive-theme.js";
import { modeMetricId, modeTabId } from "../node-id.js";
import type { ModeContent } from "./builtin-modes.js";
import { scrubRequest } from "./catalog/business-phrase.js";
import { toSnakeId } from "./mode-id.js";
import type { Mode, ModeSource } from "./mode.types.js";
import { buildSystemPrompt } from "./mode.system-prompt.js";

/**
 * Turns enforced content into a complete mode: the theme derived from the seed, metric keys from
 * their labels, global ids for the mode's tabs and metrics, and the assistant's system prompt.
 */
export function buildMode(
  content: ModeContent,
  industry: string,
  source: ModeSource,
  themeOptions: ThemeOptions = {},
): Mode {
  const keys = metricKeys(content.metrics);
  return withModeId(
    {
      id: content.id,
      name: content.name,
      industry,
      source,
      theme: deriveTheme(content.seed, themeOptions),
      tabs: content.tabs.map((tab) => ({ id: "", ...tab })),
      defaultMetrics: content.metrics.map((metric, index) => ({
        id: "",
        key: keys[index]!,
        label: metric.label,
        value: metric.value,
        unit: metric.unit,
      })),
      personalityTraits: [...content.traits],
      welcomeMessage: content.welcomeMessage,
      systemPrompt: buildSystemPrompt({
        name: content.name,
        // The prompt quotes the request without markup, URLs, colour codes or anything from an
        // instruction-like word on; `industry` above keeps what the user sent.
        industry: scrubRequest(industry) || content.name,
        traits: content.traits,
        fragment: content.promptFragment,
      }),
    },
    content.id,
  );
}

/** Each metric's key within its mode: its label in snake_case, made unique by its position. */
export function metricKeys(metrics: ReadonlyArray<{ label: string }>): string[] {
  const taken = new Set<string>();
  return metrics.map((metric, index) => {
    let key = toSnakeId(metric.label) || `metric_${index + 1}`;
    if (taken.has(key)) key = `${key}_${index + 1}`;
    taken.add(key);
    return key;
  });
}

/**
 * The mode under `id`, with its tabs' and metrics' global ids following it. The store calls this
 * when it must give a mode another id than the one it was built with (mode-store.ts).
 */
export function withModeId(mode: Mode, id: string): Mode {
  return {
    ...mode,
    id,
    tabs: mode.tabs.map((tab) => ({ ...tab, id: modeTabId(id, tab.key) })),
    defaultMetrics: mode.defaultMetrics.map((metric) => ({
      ...metric,
      id: modeMetricId(id, metric.key),
    })),
  };
}
