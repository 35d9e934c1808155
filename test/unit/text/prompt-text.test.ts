import { describe, expect, it } from "vitest";
import { BadUserInputError } from "../../../src/errors/bad-user-input-error.js";
import { PROMPT_TEXT_RULES, cleanPromptText } from "../../../src/services/text/prompt-text.js";

const { industry, userInput, model, browsedComponents } = PROMPT_TEXT_RULES;

function refusal(run: () => unknown): BadUserInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return error;
    throw error;
  }
  throw new Error("expected a BadUserInputError");
}

/** Characters that can only hide or disguise text: refused by every rule. */
const SMUGGLING: Array<[string, string, string]> = [
  ["NUL", "\u0000", "U+0000"],
  ["ESC (an ANSI colour)", "\u001b[31m", "U+001B"],
  ["a C1 control (one-byte CSI)", "\u009b", "U+009B"],
  ["DEL", "\u007f", "U+007F"],
  ["a bidi override", "\u202e", "U+202E"],
  ["a bidi embedding", "\u202a", "U+202A"],
  ["a bidi isolate", "\u2067", "U+2067"],
  ["a tag character", "\u{E0041}", "U+E0041"],
  ["the cancel tag", "\u{E007F}", "U+E007F"],
  ["a lone high surrogate", "\ud83d", "U+D83D"],
  ["a lone low surrogate", "\udc00", "U+DC00"],
  ["an interlinear annotation", "\ufff9", "U+FFF9"],
  ["a run of variation selectors", "\u{E0100}\u{E0101}", "U+E0100"],
];

describe("prompt-text rules", () => {
  describe.each(Object.entries(PROMPT_TEXT_RULES))("%s", (_name, rule) => {
    it.each(SMUGGLING)("refuses %s, naming the field and the code point", (_kind, bad, code) => {
      const error = refusal(() => cleanPromptText(`ab${bad}cd`, rule));
      expect(error.field).toBe(rule.field);
      expect(error.message).toContain(rule.field);
      expect(error.message).toContain(code);
      expect(error.message).toContain("at character 3");
    });
  });

  it("keeps a surrogate pair, one variation selector and joiners in emoji", () => {
    const text = "pets 🐶 ❤️ 👩‍💻";
    expect(cleanPromptText(text, userInput)).toBe(text);
  });

  it.each([
    ["zero width space", "\u200b"],
    ["word joiner", "\u2060"],
    ["byte order mark", "\ufeff"],
    ["soft hyphen", "\u00ad"],
    ["left-to-right mark", "\u200e"],
    ["right-to-left mark", "\u200f"],
    ["Arabic letter mark", "\u061c"],
    ["invisible times", "\u2062"],
  ])("removes %s, which never changes what text says", (_kind, invisible) => {
    expect(cleanPromptText(`sum${invisible}marize`, userInput)).toBe("summarize");
    expect(cleanPromptText(`pet${invisible} store`, industry)).toBe("pet store");
  });

  it("applies NFKC to labels and names, NFC to prose", () => {
    expect(cleanPromptText("ｐｅｔ ｓｔｏｒｅ", industry)).toBe("pet store");
    expect(cleanPromptText("ｇｐｔ-4o", model)).toBe("gpt-4o");
    // NFC composes (the same text); compatibility forms in prose stay as written.
    expect(cleanPromptText("Cafe\u0301 x²", userInput)).toBe("Café x²");
  });

  it("keeps line breaks and tabs in prose, and makes CR LF a line feed", () => {
    expect(cleanPromptText("a\r\nb\rc\n\td", userInput)).toBe("a\nb\nc\n\td");
  });

  it("refuses vertical tab and form feed in prose; one-line labels make them spaces", () => {
    expect(refusal(() => cleanPromptText("a\u000cb", userInput)).message).toContain("U+000C");
    expect(cleanPromptText("pet\u000bstore\u000c", industry)).toBe("pet store");
  });

  it("removes joiners from one-line labels but keeps them in prose", () => {
    expect(cleanPromptText("pet\u200d store", industry)).toBe("pet store");
    expect(cleanPromptText("می\u200cخواهم", userInput)).toBe("می\u200cخواهم");
  });

  it("refuses spaces and invisible characters inside a name, never rewriting it", () => {
    expect(cleanPromptText("  gpt-4o-mini ", model)).toBe("gpt-4o-mini");
    expect(refusal(() => cleanPromptText("gpt 4o", model)).message).toContain("U+0020");
    const joined = refusal(() => cleanPromptText("read\u200dfile", browsedComponents));
    expect(joined.field).toBe("input.browsedComponents");
    expect(joined.message).toContain("U+200D");
    expect(cleanPromptText("ｒｅａｄ-file", browsedComponents)).toBe("ｒｅａｄ-file");
  });

  it("counts the position in characters as a person would (a surrogate pair is one)", () => {
    expect(refusal(() => cleanPromptText("🐶🐶\u202e", userInput)).message).toContain(
      "at character 3",
    );
  });

  it("names the part of a structured field it was given", () => {
    const error = refusal(() =>
      cleanPromptText(
        "x\u0000",
        PROMPT_TEXT_RULES.discoveredParams,
        "input.discoveredParams.output_file",
      ),
    );
    expect(error.field).toBe("input.discoveredParams");
    expect(error.message).toMatch(/^input\.discoveredParams\.output_file contains U\+0000/);
  });
});
