import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";

const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH when set, else Debian's /usr/bin/chromium,
 * else the first of chromium, chromium-browser, google-chrome on PATH. Undefined when none is.
 */
export function findChromium(
  environment: NodeJS.ProcessEnv = process.env,
  debianPath = "/usr/bin/chromium",
): string | undefined {
  const candidates = [
    environment.CHROMIUM_PATH,
    debianPath,
    ...(environment.PATH ?? "")
      .split(delimiter)
      .filter((directory) => directory !== "")
      .flatMap((directory) => NAMES.map((name) => join(directory, name))),
  ];
  return candidates.find(
    (candidate): candidate is string => candidate !== undefined && isExecutable(candidate),
  );
}

/** Where chromiumOrSkip looks (tests of it replace both). */
export interface ChromiumLookup {
  find?: () => string | undefined;
  environment?: NodeJS.ProcessEnv;
}

/**
 * Chromium for a browser test file, or undefined when there is none: then the file's tests are
 * skipped with a warning saying how to get it. Under CI=true a missing Chromium throws, which
 * fails the file: CI must run these tests (.ci/run installs it).
 */
export function chromiumOrSkip(
  file: string,
  { find = findChromium, environment = process.env }: ChromiumLookup = {},
): string | undefined {
  const executable = find();
  if (executable !== undefined) return executable;
  const message =
    `${file}: no Chromium found (CHROMIUM_PATH, /usr/bin/chromium, or chromium, ` +
    `chromium-browser, google-chrome on PATH). Install Debian's: sudo apt-get install chromium`;
  if (environment.CI === "true") throw new Error(`${message}. CI=true: browser tests must run.`);
  console.warn(`Browser tests skipped. ${message}`);
  return undefined;
}

/** Headless Chromium without sandbox, GPU or background traffic (containers, CI). */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/** `rgb(r, g, b)` or `rgba(r, g, b, 1)` as computed by the browser, as `#rrggbb`. */
export function cssColourToHex(colour: string): string {
  const match = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(colour.trim());
  if (match === null) return colour;
  if (match[4] !== undefined && Number(match[4]) !== 1) return colour;
  return `#${[match[1], match[2], match[3]]
    .map((part) => Number(part).toString(16).padStart(2, "0"))
    .join("")}`;
}
