import { describe, expect, it } from "vitest";
import {
  SUGGESTION_CANDIDATE_LIMIT,
  SUGGESTION_LENGTH_LIMIT,
  closestMatch,
  didYouMean,
} from "../../../src/services/text/closest-match.js";

describe("closestMatch", () => {
  it("suggests only plausible typos, ties alphabetically", () => {
    expect(closestMatch("read_note", ["save_summary", "read_notes"])).toBe("read_notes");
    expect(closestMatch("issue", ["issue_data", "user"])).toBe("issue_data");
    expect(closestMatch("text", ["content", "error"])).toBeUndefined();
    expect(closestMatch("ab", ["ac", "aa"])).toBe("aa");
    expect(closestMatch("ab", ["ac", "aa"].reverse())).toBe("aa");
  });

  it("ignores case, and never suggests the token itself", () => {
    expect(closestMatch("Read_Notes", ["read_notes"])).toBe("read_notes");
    expect(closestMatch("read_notes", ["read_notes"])).toBeUndefined();
  });

  it("does not look for suggestions for or among very long names", () => {
    const long = "a".repeat(SUGGESTION_LENGTH_LIMIT + 1);
    expect(closestMatch(long, [`${long}b`])).toBeUndefined();
    expect(closestMatch("abc", ["abd".padEnd(SUGGESTION_LENGTH_LIMIT + 1, "x")])).toBeUndefined();
  });

  it("looks only at the first candidates", () => {
    const others = Array.from({ length: SUGGESTION_CANDIDATE_LIMIT }, (_, index) => `zz${index}zz`);
    expect(closestMatch("read_note", [...others, "read_notes"])).toBeUndefined();
  });
});

describe("didYouMean", () => {
  it("words a suggestion, or says nothing", () => {
    expect(didYouMean("write-fil", ["write-file"])).toBe(" Did you mean 'write-file'?");
    expect(didYouMean("text", ["content"])).toBe("");
  });
});
