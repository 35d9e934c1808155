import { expect } from "vitest";
import { MODE_ID_PATTERN } from "../../../src/services/mode/mode-id.js";
import type { Mode } from "../../../src/services/mode/mode.types.js";
import { isSingleEmoji } from "../../../src/services/mode/text-sanitize.js";

/** Every guarantee of api.md / mode.md section 3 for one mode, asserted. */
export function expectModeGuarantees(mode: Mode): void {
  expect(mode.id).toMatch(MODE_ID_PATTERN);
  expect(mode.id.length).toBeLessThanOrEqual(48);
  expect(mode.name.length).toBeGreaterThan(0);

  expect(mode.tabs.length).toBeGreaterThanOrEqual(4);
  expect(mode.tabs.length).toBeLessThanOrEqual(5);
  expect(mode.tabs[0]!.key).toBe("dashboard");
  expect(mode.tabs.at(-1)!.key).toBe("settings");
  expect(new Set(mode.tabs.map((tab) => tab.key)).size).toBe(mode.tabs.length);
  for (const tab of mode.tabs) {
    expect(tab.key).toMatch(MODE_ID_PATTERN);
    expect([...tab.label].length).toBeGreaterThanOrEqual(1);
    expect([...tab.label].length).toBeLessThanOrEqual(20);
    expect(isSingleEmoji(tab.icon), `icon ${tab.icon}`).toBe(true);
  }

  expect(mode.defaultMetrics).toHaveLength(4);
  expect(new Set(mode.defaultMetrics.map((metric) => metric.label.toLowerCase())).size).toBe(4);
  expect(new Set(mode.defaultMetrics.map((metric) => metric.key)).size).toBe(4);
  for (const metric of mode.defaultMetrics) {
    expect(metric.key).toMatch(MODE_ID_PATTERN);
    expect([...metric.label].length).toBeLessThanOrEqual(32);
    expect([...metric.value].length).toBeGreaterThanOrEqual(1);
    expect([...metric.value].length).toBeLessThanOrEqual(16);
  }

  expect(mode.personalityTraits.length).toBeGreaterThanOrEqual(3);
  expect(mode.personalityTraits.length).toBeLessThanOrEqual(5);
  for (const trait of mode.personalityTraits) {
    expect([...trait].length).toBeGreaterThanOrEqual(2);
    expect([...trait].length).toBeLessThanOrEqual(40);
  }

  expect(mode.welcomeMessage.length).toBeGreaterThan(0);
  expect(mode.systemPrompt.length).toBeLessThanOrEqual(4000);
  expect(mode.systemPrompt).toContain(mode.name);
  expect(mode.theme.contrast.filter((check) => !check.passes)).toEqual([]);
  expect(mode.theme.light.chart).toHaveLength(6);
  expect(mode.theme.dark.chart).toHaveLength(6);
}
