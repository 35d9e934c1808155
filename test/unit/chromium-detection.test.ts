import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { chromiumOrSkip, cssColourToHex, findChromium } from "../support/chromium.js";

// How the browser tests (test/browser) find Chromium, and what they do without one.

describe("finding Chromium for the browser tests", () => {
  let directory: string | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    if (directory) await rm(directory, { recursive: true, force: true });
    directory = undefined;
  });

  it("takes CHROMIUM_PATH, then Debian's path, then chromium on PATH; undefined without any", async () => {
    directory = await mkdtemp(join(tmpdir(), "chromium-"));
    const onPath = join(directory, "chromium-browser");
    await writeFile(onPath, "#!/bin/sh\n", { mode: 0o755 });
    const missing = join(directory, "missing");
    expect(findChromium({ PATH: directory }, missing)).toBe(onPath);
    expect(findChromium({ PATH: directory, CHROMIUM_PATH: onPath }, missing)).toBe(onPath);
    expect(findChromium({ PATH: "" }, onPath)).toBe(onPath);
    expect(findChromium({ PATH: "" }, missing)).toBeUndefined();
  });

  it("without one: skips with a warning saying how to install it, or fails under CI=true", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(
      chromiumOrSkip("test/browser/x.test.ts", { find: () => undefined, environment: {} }),
    ).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/skipped.*apt-get install chromium/s));
    expect(() =>
      chromiumOrSkip("test/browser/x.test.ts", {
        find: () => undefined,
        environment: { CI: "true" },
      }),
    ).toThrow(/CI=true: browser tests must run/);
    expect(
      chromiumOrSkip("test/browser/x.test.ts", {
        find: () => "/usr/bin/chromium",
        environment: { CI: "true" },
      }),
    ).toBe("/usr/bin/chromium");
  });

  it("reads computed colours as hex", () => {
    expect(cssColourToHex("rgb(29, 78, 216)")).toBe("#1d4ed8");
    expect(cssColourToHex("rgba(0, 0, 0, 1)")).toBe("#000000");
    expect(cssColourToHex("rgba(0, 0, 0, 0.5)")).toBe("rgba(0, 0, 0, 0.5)");
  });
});
