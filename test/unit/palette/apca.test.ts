import { describe, expect, it } from "vitest";
import { apcaContrast } from "../../../src/services/palette/apca.js";
import { deriveTheme } from "../../../src/services/palette/derive-theme.js";

describe("apcaContrast (APCA-W3 0.0.98G)", () => {
  it("matches the published reference values for black and white", () => {
    expect(apcaContrast("#000000", "#ffffff")).toBeCloseTo(106.04, 1);
    expect(apcaContrast("#ffffff", "#000000")).toBeCloseTo(-107.88, 1);
  });

  it("is zero for indistinguishable pairs and signed by polarity", () => {
    expect(apcaContrast("#777777", "#777777")).toBe(0);
    expect(apcaContrast("#333333", "#eeeeee")).toBeGreaterThan(0);
    expect(apcaContrast("#eeeeee", "#333333")).toBeLessThan(0);
  });

  it("is not symmetric: light text on dark reads with a different Lc than the reverse", () => {
    const darkOnLight = apcaContrast("#222222", "#dddddd");
    const lightOnDark = apcaContrast("#dddddd", "#222222");
    expect(Math.abs(darkOnLight)).not.toBeCloseTo(Math.abs(lightOnDark), 0);
  });

  it("grows as the text gets darker on a white ground", () => {
    const greys = ["#bbbbbb", "#999999", "#777777", "#555555", "#333333", "#111111"];
    const values = greys.map((grey) => apcaContrast(grey, "#ffffff"));
    expect([...values].sort((a, b) => a - b)).toEqual(values);
  });
});

describe("theme.contrast carries the advisory Lc", () => {
  it("reports an Lc for every pair, measured on the same hex values as the ratio", () => {
    const theme = deriveTheme("#1e88e5");
    const lightForeground = theme.contrast.find(
      (check) =>
        check.scheme === "light" &&
        check.foreground === "foreground" &&
        check.background === "surface",
    )!;
    expect(lightForeground.apcaLc).toBeCloseTo(
      apcaContrast(theme.light.foreground, theme.light.surface),
      1,
    );
    expect(theme.contrast.every((check) => Number.isFinite(check.apcaLc))).toBe(true);
  });
});

describe("the advisory levels theme-spec.json sets, over 200 seeded random seeds", () => {
  // Deterministic seeds: a fixed multiplicative sequence over the 24-bit colour space.
  const seeds = Array.from(
    { length: 200 },
    (_, index) => `#${((index * 2654435761) >>> 8).toString(16).padStart(6, "0").slice(-6)}`,
  );
  const lcOf = (seed: string, scheme: string, foreground: string) =>
    deriveTheme(seed)
      .contrast.filter((check) => check.scheme === scheme && check.foreground === foreground)
      .map((check) => Math.abs(check.apcaLc));

  it("body text reaches the preferred Lc 90 in both schemes", () => {
    for (const seed of seeds) {
      for (const scheme of ["light", "dark"]) {
        expect(
          Math.min(...lcOf(seed, scheme, "foreground")),
          `${seed} ${scheme}`,
        ).toBeGreaterThanOrEqual(90);
      }
    }
  });

  it("muted text reaches Lc 60 in the light scheme (the dark scheme is report-only)", () => {
    for (const seed of seeds) {
      expect(Math.min(...lcOf(seed, "light", "mutedForeground")), seed).toBeGreaterThanOrEqual(60);
    }
  });
});
