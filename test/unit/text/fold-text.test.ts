import { describe, expect, it } from "vitest";
import { foldCase, foldText } from "../../../src/services/text/fold-text.js";

describe("foldCase", () => {
  it("lower-cases without touching accents", () => {
    expect(foldCase("Pet STORE Café")).toBe("pet store café");
  });

  it("folds I to i, never to the Turkish dotless ı", () => {
    expect(foldCase("INDIGO")).toBe("indigo");
  });
});

describe("foldText", () => {
  it.each([
    ["Bäckerei", "backerei"],
    ["Crème Brûlée", "creme brulee"],
    ["Straße", "strasse"],
    ["Æsir Øl Œuvre", "aesir ol oeuvre"],
    ["Łódź", "lodz"],
    ["ｐｅｔ", "pet"],
    ["ﬁsh", "fish"],
  ])("%j → %j", (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it("leaves scripts without case or accents as they are", () => {
    expect(foldText("花屋 🐶")).toBe("花屋 🐶");
  });
});
