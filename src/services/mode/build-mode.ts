import { deriveTheme } from "../palette/derive-theme.js";
import type { ModeContent } from "./builtin-modes.js";
import { toSnakeId } from "./mode-id.js";
import type { Mode, ModeSource } from "./mode.types.js";
import { buildSystemPrompt } from "./mode.system-prompt.js";

/**
 * Turns enforced content into a complete mode: the theme derived from the seed, metric ids from
 * their labels, and the assistant's system prompt.
 */
export function buildMode(content: ModeContent, industry: string, source: ModeSource): Mode {
  const metricIds = new Set<string>();
  return {
    id: content.id,
    name: content.name,
    industry,
    source,
    theme: deriveTheme(content.seed),
    tabs: content.tabs.map((tab) => ({ ...tab })),
    defaultMetrics: content.metrics.map((metric, index) => {
      let id = toSnakeId(metric.label) || `metric_${index + 1}`;
      if (metricIds.has(id)) id = `${id}_${index + 1}`;
      metricIds.add(id);
      return { id, label: metric.label, value: metric.value, unit: metric.unit };
    }),
    personalityTraits: [...content.traits],
    welcomeMessage: content.welcomeMessage,
    systemPrompt: buildSystemPrompt({
      name: content.name,
      industry,
      traits: content.traits,
      fragment: content.promptFragment,
    }),
  };
}
