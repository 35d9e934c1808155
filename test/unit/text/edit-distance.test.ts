import { describe, expect, it } from "vitest";
import { editDistance } from "../../../src/services/text/edit-distance.js";

describe("edit distance", () => {
  it("counts edits, with an adjacent swap as one", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("titel", "title")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("stops at a limit, reporting limit + 1 for anything farther", () => {
    expect(editDistance("phramacy", "pharmacy", 2)).toBe(1);
    expect(editDistance("hospital", "restaurant", 2)).toBe(3);
    expect(editDistance("abc", "abcdef", 1)).toBe(2);
    expect(editDistance("bakry", "bakery", 1)).toBe(1);
  });
});
