import { describe, expect, it } from "vitest";
import { closestMatch, editDistance } from "../../../src/services/workflow/edit-distance.js";

describe("edit distance", () => {
  it("counts edits, with an adjacent swap as one", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("titel", "title")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("suggests only plausible typos, ties alphabetically", () => {
    expect(closestMatch("read_note", ["save_summary", "read_notes"])).toBe("read_notes");
    expect(closestMatch("issue", ["issue_data", "user"])).toBe("issue_data");
    expect(closestMatch("text", ["content", "error"])).toBeUndefined();
    expect(closestMatch("ab", ["ac", "aa"])).toBe("aa");
    expect(closestMatch("ab", ["ac", "aa"].reverse())).toBe("aa");
  });
});
