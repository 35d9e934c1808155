import { describe, expect, it } from "vitest";
import { INDUSTRY_CATALOG } from "../../../src/services/mode/catalog/industry-catalog.js";
import type { CatalogEntry } from "../../../src/services/mode/catalog/industry-catalog.js";

const SNAKE_CASE = /^[a-z0-9]+(_[a-z0-9]+)*$/;
const HEX = /^#[0-9a-f]{6}$/;
const BUILTIN_IDS = ["default", "banking", "insurance", "healthcare"];
const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

function graphemes(text: string): string[] {
  return [...segmenter.segment(text)].map((segment) => segment.segment);
}

function isSingleEmoji(text: string): boolean {
  const parts = graphemes(text);
  return parts.length === 1 && /\p{Extended_Pictographic}/u.test(parts[0]!);
}

function jaccard(left: readonly string[], right: readonly string[]): number {
  const a = new Set(left.map((item) => item.toLowerCase()));
  const b = new Set(right.map((item) => item.toLowerCase()));
  const intersection = [...a].filter((item) => b.has(item)).length;
  return intersection / (a.size + b.size - intersection);
}

function byId(id: string): CatalogEntry {
  const entry = INDUSTRY_CATALOG.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no catalog entry '${id}'`);
  return entry;
}

function middleTabLabels(entry: CatalogEntry): string[] {
  return entry.tabs.slice(1, -1).map((tab) => tab.label);
}

describe("industry catalog", () => {
  it("has at least 45 entries with unique snake_case ids that avoid the built-in ids", () => {
    expect(INDUSTRY_CATALOG.length).toBeGreaterThanOrEqual(45);
    const ids = INDUSTRY_CATALOG.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(SNAKE_CASE);
    for (const builtin of BUILTIN_IDS) expect(ids).not.toContain(builtin);
  });

  it("uses varied brand colours", () => {
    const colours = INDUSTRY_CATALOG.map((entry) => entry.primaryColor);
    // A few industries may share a hue, but not the exact seed too often.
    expect(new Set(colours).size).toBeGreaterThanOrEqual(INDUSTRY_CATALOG.length - 2);
  });

  describe.each(INDUSTRY_CATALOG.map((entry) => [entry.id, entry] as const))("%s", (_id, entry) => {
    it("has a Title Case name and a valid #rrggbb seed", () => {
      expect(entry.name.length).toBeGreaterThan(0);
      expect(entry.name.length).toBeLessThanOrEqual(60);
      for (const word of entry.name.split(" ")) expect(word[0]).toMatch(/[\p{Lu}\d&]/u);
      expect(entry.primaryColor).toMatch(HEX);
    });

    it("has 4-5 tabs, dashboard first and settings last, unique snake_case ids", () => {
      expect(entry.tabs.length).toBeGreaterThanOrEqual(4);
      expect(entry.tabs.length).toBeLessThanOrEqual(5);
      expect(entry.tabs[0]!.id).toBe("dashboard");
      expect(entry.tabs.at(-1)!.id).toBe("settings");
      const ids = entry.tabs.map((tab) => tab.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const tab of entry.tabs) {
        expect(tab.id).toMatch(SNAKE_CASE);
        expect(tab.label.length).toBeGreaterThanOrEqual(1);
        expect(tab.label.length).toBeLessThanOrEqual(20);
        expect(isSingleEmoji(tab.icon), `icon '${tab.icon}' of ${tab.label}`).toBe(true);
      }
      for (const middle of entry.tabs.slice(1, -1)) {
        expect(["dashboard", "settings"]).not.toContain(middle.id);
      }
    });

    it("has exactly 4 metrics with unique labels and short pre-formatted values", () => {
      expect(entry.metrics).toHaveLength(4);
      const labels = entry.metrics.map((metric) => metric.label.toLowerCase());
      expect(new Set(labels).size).toBe(4);
      for (const metric of entry.metrics) {
        expect(metric.label.length).toBeGreaterThanOrEqual(1);
        expect(metric.label.length).toBeLessThanOrEqual(32);
        expect([...metric.value].length).toBeGreaterThanOrEqual(1);
        expect([...metric.value].length).toBeLessThanOrEqual(16);
        if (metric.unit !== null) {
          expect(metric.unit.length).toBeGreaterThanOrEqual(1);
          expect(metric.unit.length).toBeLessThanOrEqual(16);
        }
      }
    });

    it("has 3-5 traits of 2-40 characters, a welcome line and a 2-4 sentence prompt fragment", () => {
      expect(entry.traits.length).toBeGreaterThanOrEqual(3);
      expect(entry.traits.length).toBeLessThanOrEqual(5);
      expect(new Set(entry.traits).size).toBe(entry.traits.length);
      for (const trait of entry.traits) {
        expect(trait.length).toBeGreaterThanOrEqual(2);
        expect(trait.length).toBeLessThanOrEqual(40);
      }
      expect(entry.welcomeMessage.length).toBeGreaterThan(10);
      expect(entry.welcomeMessage.length).toBeLessThanOrEqual(300);
      expect(entry.welcomeMessage).not.toContain("\n");
      const sentences = entry.promptFragment.split(/(?<=[.!?])\s+(?=[A-Z])/);
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(4);
      expect(entry.promptFragment.length).toBeLessThanOrEqual(1500);
    });

    it("has at least 5 trimmed keywords", () => {
      expect(entry.keywords.length).toBeGreaterThanOrEqual(5);
      for (const keyword of entry.keywords) expect(keyword.trim()).toBe(keyword);
    });
  });

  it("never gives two entries the same set of metric labels", () => {
    const signatures = INDUSTRY_CATALOG.map((entry) =>
      entry.metrics
        .map((metric) => metric.label.toLowerCase())
        .sort()
        .join("|"),
    );
    expect(new Set(signatures).size).toBe(signatures.length);
  });

  it("never gives two entries the same middle tabs and metrics", () => {
    for (const [index, left] of INDUSTRY_CATALOG.entries()) {
      for (const right of INDUSTRY_CATALOG.slice(index + 1)) {
        const overlap = jaccard(
          [...middleTabLabels(left), ...left.metrics.map((metric) => metric.label)],
          [...middleTabLabels(right), ...right.metrics.map((metric) => metric.label)],
        );
        expect(overlap, `${left.id} vs ${right.id}`).toBeLessThan(0.5);
      }
    }
  });

  const DISSIMILAR = [
    "bakery",
    "law_firm",
    "trucking",
    "dental_clinic",
    "software_agency",
    "pet_store",
    "hotel",
    "farm",
    "school",
    "gym",
    "manufacturing_plant",
    "nonprofit",
  ];
  const pairs = DISSIMILAR.flatMap((left, index) =>
    DISSIMILAR.slice(index + 1).map((right) => [left, right] as const),
  );

  it.each(pairs)("%s and %s have dissimilar tabs and metrics", (leftId, rightId) => {
    const left = byId(leftId);
    const right = byId(rightId);
    expect(jaccard(middleTabLabels(left), middleTabLabels(right))).toBeLessThan(0.34);
    expect(
      jaccard(
        left.metrics.map((metric) => metric.label),
        right.metrics.map((metric) => metric.label),
      ),
    ).toBeLessThan(0.34);
  });
});
