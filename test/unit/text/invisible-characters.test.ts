import { describe, expect, it } from "vitest";
import {
  SMUGGLING,
  removeInvisibleFormatting,
  removeSmuggling,
} from "../../../src/services/text/invisible-characters.js";

const INVISIBLE_FORMATTING = [
  "\u200b", // zero width space
  "\u2060", // word joiner
  "\ufeff", // byte order mark
  "\u00ad", // soft hyphen
  "\u2062", // invisible times
  "\u206a", // deprecated format character
  "\u180e", // Mongolian vowel separator
  "\u200e", // left-to-right mark
  "\u200f", // right-to-left mark
  "\u061c", // Arabic letter mark
];

const SMUGGLED = [
  "\u0000",
  "\u001b",
  "\u007f",
  "\u009b",
  "\u202e",
  "\u2067",
  "\u{E0041}",
  "\ud83d",
  "\ufff9",
  "\u{E0100}\u{E0101}",
];

describe("removeInvisibleFormatting", () => {
  it.each(INVISIBLE_FORMATTING)("removes %j", (character) => {
    expect(removeInvisibleFormatting(`sum${character}marize`, "keep")).toBe("summarize");
  });

  it("keeps joiners in prose and removes them from labels", () => {
    expect(removeInvisibleFormatting("می\u200cخواهم 👩‍💻", "keep")).toBe("می\u200cخواهم 👩‍💻");
    expect(removeInvisibleFormatting("pet\u200d store\u200c", "remove")).toBe("pet store");
  });

  it("leaves smuggling characters to the caller's policy", () => {
    expect(removeInvisibleFormatting("a\u202eb", "remove")).toBe("a\u202eb");
  });
});

describe("SMUGGLING", () => {
  it.each(SMUGGLED)("finds %j", (character) => {
    expect(SMUGGLING.exec(`ab${character}cd`)?.index).toBe(2);
  });

  it("lets ordinary whitespace, emoji and one variation selector through", () => {
    expect(SMUGGLING.exec("a\tb\nc\rd 🐶 ❤️ 👩‍💻 \u000b\u000c")).toBeNull();
  });
});

describe("removeSmuggling", () => {
  it("turns controls into spaces and removes the invisible rest", () => {
    expect(removeSmuggling("a\u0000b\u009bc")).toBe("a b c");
    expect(removeSmuggling("pay\u202e\u2066now\u{E0041}\u{E0100}\u{E0101}!")).toBe("paynow!");
  });

  it("keeps what is not smuggling", () => {
    const text = "Café 🐶 ❤️ 👩‍💻\tnext\nline";
    expect(removeSmuggling(text)).toBe(text);
  });
});
