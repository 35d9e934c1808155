import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  containsCopy,
  discoveredTexts,
  foldCase,
  needleOf,
  wordOccurrences,
} from "../../../src/services/workflow/discovered-values.js";

const copies = (text: string, value: string) => containsCopy(foldCase(text), needleOf(value));
const starts = (text: string, value: string) => wordOccurrences(foldCase(text), needleOf(value));

describe("discoveredTexts", () => {
  it("keeps trimmed strings and numbers, item by item", () => {
    expect(discoveredTexts("  notes.txt ")).toEqual(["notes.txt"]);
    expect(discoveredTexts(1234)).toEqual(["1234"]);
    expect(discoveredTexts(["en", 42, " fr "])).toEqual(["en", "42", "fr"]);
  });

  it("leaves out what is too common to mean anything", () => {
    expect(discoveredTexts(true)).toEqual([]);
    expect(discoveredTexts({ a: "notes.txt" })).toEqual([]);
    expect(discoveredTexts(["x", "", "None", "TRUE", 7, Number.NaN, ["nested"]])).toEqual([]);
  });
});

describe("wordOccurrences", () => {
  it("finds whole words, case-insensitively", () => {
    expect(starts("Read NOTES.txt and notes.txt", "notes.txt")).toEqual([5, 19]);
    expect(starts("in 2020 and 20", "20")).toEqual([12]);
    expect(starts("my_repo repo", "repo")).toEqual([8]);
  });

  it("matches where a global regular expression on word boundaries matches (property)", () => {
    const text = fc.stringMatching(/^[ab _.\-/İ]{0,30}$/);
    const value = fc.stringMatching(/^[ab _.]{1,4}$/);
    fc.assert(
      fc.property(text, value, (haystack, literal) => {
        const escaped = literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        const pattern = new RegExp(`(?<![A-Za-z0-9_])${escaped}(?![A-Za-z0-9_])`, "gi");
        const expected = [...haystack.matchAll(pattern)].map((match) => match.index);
        expect(starts(haystack, literal)).toEqual(expected);
      }),
    );
  });
});

describe("containsCopy", () => {
  it("finds a distinctive value wherever it is a word", () => {
    expect(copies("Summarize notes.txt in 150 words", "notes.txt")).toBe(true);
    expect(copies("Fetch issue 1234", "1234")).toBe(true);
    expect(copies("about Climate Change today", "climate change")).toBe(true);
    expect(copies("published in 2020", "20")).toBe(false);
  });

  it("finds a letters-only value only where it is a value, not a word of prose", () => {
    expect(copies("summarize the main points", "main")).toBe(false);
    expect(copies("git checkout main", "main")).toBe(false);
    expect(copies("merge it into main.", "main")).toBe(false);
    expect(copies(" Main ", "main")).toBe(true);
    expect(copies("origin/main", "main")).toBe(true);
    expect(copies("--branch=main", "main")).toBe(true);
    expect(copies("run main.py", "main")).toBe(true);
    expect(copies("origin:main", "main")).toBe(true);
  });

  it("works in time linear in the text for a value that almost matches everywhere", () => {
    const value = `${"a ".repeat(2_000)}b`;
    const text = "a ".repeat(200_000);
    const started = performance.now();
    expect(copies(text, value)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
