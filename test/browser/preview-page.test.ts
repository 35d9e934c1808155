import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { chromiumOrSkip, cssColourToHex, launchChromium } from "../support/chromium.js";
import { petStoreAnswer } from "../support/mode-answers.js";
import { recordingLlm } from "../support/recording-llm.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";
import { cloneWorkflow, loadFixture } from "../support/workflow-fixtures.js";

// The preview page (GET /) in a real Chromium, against the real server without model keys.
// Without Chromium the file is skipped with a warning (and fails under CI=true).

const executable = chromiumOrSkip("test/browser/preview-page.test.ts");
const require = createRequire(import.meta.url);
const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url);

type Scheme = Record<string, string | string[]>;

// What the functions evaluated in the page use of its DOM. tsconfig has no DOM library (this is
// Node code), so the few globals are declared here, for this file only.
interface PageElement {
  id: string;
  textContent: string | null;
  attributes: Iterable<{ name: string }>;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): PageNodeList;
}
interface PageNodeList extends Iterable<PageElement> {
  length: number;
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): PageNodeList;
  getElementById(id: string): PageElement | null;
  scripts: Iterable<PageElement>;
  documentElement: { scrollWidth: number; clientWidth: number };
};
declare function getComputedStyle(element: PageElement): Record<string, string>;
declare const sessionStorage: { getItem(key: string): string | null };

const SCHEME_TOKENS = [
  "background foreground surface mutedForeground primary primaryForeground primaryBorder",
  "primaryText secondary secondaryForeground accent accentForeground destructive",
  "destructiveForeground success successForeground warning warningForeground sidebar",
  "sidebarForeground sidebarAccent sidebarAccentForeground ring chart chartGrid chartAxis",
].join(" ");

async function graphql<T>(api: TestServer, query: string, variables = {}): Promise<T> {
  const response = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Every problem the page reports on its console (CSP violations included) or throws. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

async function openPage(context: BrowserContext, api: TestServer): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${api.origin}/`);
  await page.waitForSelector("body[data-ready=true]");
  return page;
}

async function generateMode(page: Page, industry: string): Promise<string> {
  await page.fill("#industry", industry);
  await page.click("#generate-mode");
  await page.waitForSelector("#dashboard[data-state=complete]");
  return (await page.getAttribute("#dashboard", "data-mode-id"))!;
}

async function useScheme(page: Page, scheme: "light" | "dark"): Promise<void> {
  if ((await page.getAttribute("#dashboard", "data-scheme")) !== scheme) {
    await page.click("#scheme-switch");
  }
  await page.waitForSelector(`#dashboard[data-scheme=${scheme}]`);
}

/** The computed colours of the rendered elements, named by the token each must show. */
async function renderedColours(page: Page): Promise<Scheme> {
  await page.focus("#sample-input");
  const colours = await page.evaluate(() => {
    const style = (selector: string) => {
      const element = document.querySelector(selector);
      if (element === null) throw new Error(`${selector} is not on the page`);
      return getComputedStyle(element);
    };
    return {
      background: style("body").backgroundColor,
      foreground: style("body").color,
      surface: style(".metric").backgroundColor,
      mutedForeground: style(".metric-label").color,
      primary: style("#sample-primary").backgroundColor,
      primaryForeground: style("#sample-primary").color,
      primaryBorder: style("#sample-primary").borderTopColor,
      primaryText: style("#sample-link").color,
      secondary: style("#sample-secondary").backgroundColor,
      secondaryForeground: style("#sample-secondary").color,
      accent: style(".tab[aria-current=page]").backgroundColor,
      accentForeground: style(".tab[aria-current=page]").color,
      destructive: style("#sample-destructive").backgroundColor,
      destructiveForeground: style("#sample-destructive").color,
      success: style("#sample-success").backgroundColor,
      successForeground: style("#sample-success").color,
      warning: style("#sample-warning").backgroundColor,
      warningForeground: style("#sample-warning").color,
      sidebar: style("#assistant").backgroundColor,
      sidebarForeground: style("#assistant").color,
      sidebarAccent: style("#welcome-message").backgroundColor,
      sidebarAccentForeground: style("#welcome-message").color,
      ring: style("#sample-input").outlineColor,
      chart: [1, 2, 3, 4, 5, 6].map((series) => style(`#chart .bar-${series}`).fill),
      chartGrid: style("#chart .grid-line").stroke,
      chartAxis: style("#chart .axis-label").fill,
    };
  });
  return Object.fromEntries(
    Object.entries(colours).map(([token, value]) => [
      token,
      Array.isArray(value) ? value.map(cssColourToHex) : cssColourToHex(value),
    ]),
  );
}

function lowerCased(scheme: Scheme): Scheme {
  return Object.fromEntries(
    Object.entries(scheme).map(([token, value]) => [
      token,
      Array.isArray(value) ? value.map((hex) => hex.toLowerCase()) : value.toLowerCase(),
    ]),
  );
}

interface AxeResult {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }>;
}

/**
 * axe-core's findings on the page as it is. The source is evaluated through the DevTools
 * protocol (page.evaluate), which the page's CSP does not govern, so the CSP stays on: an
 * `addScriptTag` would add an inline script that the CSP rightly refuses.
 */
async function axeViolations(page: Page): Promise<string[]> {
  const source = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  const result = await page.evaluate(
    () =>
      (globalThis as unknown as { axe: { run(context: unknown): Promise<AxeResult> } }).axe.run(
        document,
      ) as Promise<AxeResult>,
  );
  return result.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => JSON.stringify(node.target)).join(", ")})`,
  );
}

const MODE_BY_ID = `query ($id: ID!) { mode(id: $id) { id name industry welcomeMessage personalityTraits
  tabs { label icon } defaultMetrics { label value unit }
  theme { light { ${SCHEME_TOKENS} } dark { ${SCHEME_TOKENS} } } } }`;

interface ModeById {
  mode: {
    id: string;
    name: string;
    industry: string;
    welcomeMessage: string;
    personalityTraits: string[];
    tabs: Array<{ label: string; icon: string }>;
    defaultMetrics: Array<{ label: string; value: string; unit: string | null }>;
    theme: { light: Scheme; dark: Scheme };
  };
}

describe.skipIf(executable === undefined)("the preview page in Chromium", () => {
  let browser: Browser;
  let api: TestServer | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchChromium(executable!);
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    await api?.close();
    api = undefined;
  });

  it("streams a mode and paints it in its own tokens, in both schemes, with no axe violation", async () => {
    api = await startTestServer();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openPage(context, api);
    const problems = watchProblems(page);

    const id = await generateMode(page, "bike repair shop");
    // Over graphql-ws: the theme came first, then the content, then the answer.
    expect(await page.getAttribute("#dashboard", "data-transport")).toBe("subscription");
    const events = (await page.getAttribute("#dashboard", "data-events"))!.split(" ");
    expect(events[0]).toBe("STARTED");
    expect(events.indexOf("THEME")).toBeGreaterThan(0);
    expect(events.indexOf("CONTENT")).toBeGreaterThan(events.indexOf("THEME"));
    expect(events.at(-1)).toBe("COMPLETED");

    const { mode } = await graphql<ModeById>(api, MODE_BY_ID, { id });
    expect(await page.textContent("#mode-name")).toBe(mode.name);

    for (const scheme of ["light", "dark"] as const) {
      await useScheme(page, scheme);
      expect(await renderedColours(page), scheme).toEqual(lowerCased(mode.theme[scheme]));
      expect(await axeViolations(page), scheme).toEqual([]);
      await page.locator("#sample-input").blur();
      await page.screenshot({
        path: new URL(`preview-${scheme}.png`, ARTIFACTS).pathname,
        fullPage: true,
      });
    }
    // The contrast table lists the current scheme's pairs, each with its mark.
    const marks = await page.$$eval("#contrast-table tbody td:last-child", (cells) =>
      cells.map((cell) => cell.textContent),
    );
    expect(marks.length).toBeGreaterThan(10);
    expect(new Set(marks)).toEqual(new Set(["✓ passes"]));
    expect(problems).toEqual([]);
  });

  it("repaints on THEME and fills in on CONTENT, before the answer completes", async () => {
    // A model that writes one field every 150 ms: the name first, the brand colour third; the
    // whole answer (8 fields) well within the test server's LLM_TIMEOUT_MS of 2 s.
    api = await startTestServer(
      {},
      { mode: recordingLlm([petStoreAnswer()], { fieldDelayMs: 150 }) },
    );
    context = await browser.newContext();
    const page = await openPage(context, api);
    const problems = watchProblems(page);
    await page.fill("#industry", "pet store");
    await page.click("#generate-mode");

    // The dashboard appears in the theme while the generation still runs.
    await page.waitForSelector("#dashboard:not([hidden])");
    const early = await page.evaluate(() => ({
      state: document.querySelector("#dashboard")!.getAttribute("data-state"),
      events: document.querySelector("#dashboard")!.getAttribute("data-events"),
      background: getComputedStyle(document.querySelector("body")!).backgroundColor,
    }));
    expect(early.state).toBe("generating");
    expect(early.events!.split(" ")).toContain("THEME");
    expect(early.events!.split(" ")).not.toContain("COMPLETED");
    // Then the content, part by part, still before COMPLETED.
    await page.waitForSelector("#mode-tabs .tab");
    expect(await page.getAttribute("#dashboard", "data-state")).toBe("generating");

    await page.waitForSelector("#dashboard[data-state=complete]");
    const id = (await page.getAttribute("#dashboard", "data-mode-id"))!;
    const { mode } = await graphql<ModeById>(api, MODE_BY_ID, { id });
    expect(await page.textContent("#mode-source")).toBe("GENERATED");
    const scheme = (await page.getAttribute("#dashboard", "data-scheme")) as "light" | "dark";
    expect(cssColourToHex(early.background)).toBe(
      (mode.theme[scheme].background as string).toLowerCase(),
    );
    expect(problems).toEqual([]);
  });

  it("opens a stored mode picked from the modes query", async () => {
    api = await startTestServer();
    context = await browser.newContext();
    const page = await openPage(context, api);
    const problems = watchProblems(page);
    const { modes } = await graphql<{ modes: { edges: Array<{ node: { id: string } }> } }>(
      api,
      "{ modes(first: 100) { edges { node { id } } } }",
    );
    const options = await page.$$eval("#stored-modes option", (all) =>
      all.map((option) => option.getAttribute("value")),
    );
    expect(options).toEqual(modes.edges.map((edge) => edge.node.id));
    const id = options.at(-1)!;
    await page.selectOption("#stored-modes", id);
    await page.click("#stored-form button");
    await page.waitForSelector(`#dashboard[data-mode-id="${id}"][data-state=complete]`);
    const { mode } = await graphql<ModeById>(api, MODE_BY_ID, { id });
    expect(await page.textContent("#mode-name")).toBe(mode.name);
    await useScheme(page, "light");
    expect(await renderedColours(page)).toEqual(lowerCased(mode.theme.light));
    // On a phone's width the dashboard wraps instead of scrolling sideways.
    await page.setViewportSize({ width: 400, height: 800 });
    const widths = await page.evaluate(() => {
      const root = document.documentElement;
      return { scroll: root.scrollWidth, client: root.clientWidth };
    });
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(problems).toEqual([]);
  });

  it("shows the theme as the API exports it, in either CSS format, and copies it", async () => {
    api = await startTestServer();
    context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: api.origin });
    const page = await openPage(context, api);
    const problems = watchProblems(page);
    const id = await generateMode(page, "pet store");
    const { mode } = await graphql<{ mode: { theme: { shadcn: string; tailwind: string } } }>(
      api,
      `
        query ($id: ID!) {
          mode(id: $id) {
            theme {
              shadcn: export(format: SHADCN_CSS)
              tailwind: export(format: TAILWIND_V4_CSS)
            }
          }
        }
      `,
      { id },
    );
    expect(await page.isVisible("#theme-export")).toBe(true);
    expect(await page.textContent("#theme-export-css")).toBe(mode.theme.shadcn);
    await page.selectOption("#theme-export-format", "tailwind");
    expect(await page.textContent("#theme-export-css")).toBe(mode.theme.tailwind);
    await page.click("#theme-export-copy");
    await page.waitForSelector("#theme-export-status:text('Copied.')");
    const clipboard = await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    );
    expect(clipboard).toBe(mode.theme.tailwind);
    expect(problems).toEqual([]);
  });

  it("falls back to the mutation when subscriptions are off", async () => {
    api = await startTestServer({ SUBSCRIPTIONS: "off" });
    context = await browser.newContext();
    const page = await openPage(context, api);
    const problems = watchProblems(page);
    const id = await generateMode(page, "bike repair shop");
    expect(await page.getAttribute("#dashboard", "data-transport")).toBe("mutation");
    const { mode } = await graphql<ModeById>(api, MODE_BY_ID, { id });
    expect(await page.textContent("#mode-name")).toBe(mode.name);
    // The refused upgrade is the browser's own console line; nothing else may be reported.
    expect(problems.filter((problem) => !/WebSocket connection .* failed/.test(problem))).toEqual(
      [],
    );
  });

  it("shows the API's refusal of bad input as the mutation would", async () => {
    api = await startTestServer();
    context = await browser.newContext();
    const page = await openPage(context, api);
    const problems = watchProblems(page);
    // Nothing but invisible characters: empty after the server's normalisation.
    await page.fill("#industry", "\u200B\u200B\u200B");
    await page.click("#generate-mode");
    await page.waitForSelector("#dashboard[data-state=failed]", { state: "attached" });
    expect(await page.getAttribute("#mode-status", "class")).toContain("status-error");
    expect((await page.textContent("#mode-status"))!.length).toBeGreaterThan(10);
    expect(await page.isHidden("#dashboard")).toBe(true);
    expect(problems).toEqual([]);
  });

  it("asks for a key when the server authenticates, and sends it only as a bearer credential", async () => {
    const key = "preview-test-key-0123456789";
    const hash = createHash("sha256").update(key).digest("hex");
    api = await startTestServer({ AUTH_MODE: "api-key", API_KEYS: `web:${hash}` });
    context = await browser.newContext();
    const page = await openPage(context, api);
    // The stored-modes query at load was refused: the key field opens and says why.
    await page.waitForSelector("#credentials[open]");
    expect(await page.textContent("#credential-status")).toMatch(/API key or token/);
    const authorizations: Array<string | undefined> = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/graphql")) {
        authorizations.push(request.headers()["authorization"]);
      }
    });
    await page.fill("#credential", key);
    await page.click("#credentials-form button[type=submit]");
    const id = await generateMode(page, "bike repair shop");
    expect(await page.getAttribute("#dashboard", "data-transport")).toBe("subscription");
    expect(await page.evaluate(() => sessionStorage.getItem("modeflow.preview.credential"))).toBe(
      key,
    );
    expect(authorizations.length).toBeGreaterThan(0);
    expect(new Set(authorizations)).toEqual(new Set([`Bearer ${key}`]));
    const response = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({
        query: "query ($id: ID!) { mode(id: $id) { name } }",
        variables: { id },
      }),
    });
    const { data } = (await response.json()) as { data: { mode: { name: string } } };
    expect(await page.textContent("#mode-name")).toBe(data.mode.name);
  });

  it("shows a mode's markup and script as text: no element from it, no dialog", async () => {
    // A model answer full of markup, some of it hidden from a tag pattern by invisible
    // characters. The mode contract strips every tag (toPlainText); what it leaves still reads
    // like markup (entities, quotes, brackets) and must be shown exactly as written.
    const hidden = "\u200B";
    const answer = petStoreAnswer({
      industry_name: `Pet <${hidden}img src=x onerror=alert(1)> Store`,
      tabs: [
        { id: "dashboard", label: "<script>alert(1)</script>Home", icon: "📊" },
        { id: "stock", label: `<${hidden}b>Stock</b>`, icon: "📦" },
        { id: "customers", label: `Clients "><${hidden}svg onload=alert(1)>`, icon: "🐶" },
        { id: "settings", label: "Settings", icon: "⚙️" },
      ],
      default_metrics: [
        { label: `Sales <${hidden}img src=x onerror=alert(2)>`, value: "$3,482", unit: null },
        { label: "&lt;script&gt;alert(3)", value: "18", unit: `<${hidden}i>today` },
        { label: "Low-Stock Items", value: "7", unit: null },
        { label: "Loyalty Members", value: "1,204", unit: null },
      ],
      personality_traits: [`<${hidden}iframe src=javascript:alert(4)>`, "Warm", "Practical"],
      welcome_message: `Welcome <${hidden}img src=x onerror=alert(5)> &amp; <${hidden}script>alert(6)<${hidden}/script>`,
    });
    api = await startTestServer({}, { mode: recordingLlm([answer]) });
    context = await browser.newContext();
    const page = await openPage(context, api);
    const problems = watchProblems(page);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    const id = await generateMode(page, "pet store");
    const { mode } = await graphql<ModeById>(api, MODE_BY_ID, { id });
    const texts = [
      mode.name,
      mode.welcomeMessage,
      ...mode.personalityTraits,
      ...mode.tabs.map((tab) => tab.label),
      ...mode.defaultMetrics.flatMap((metric) => [metric.label, metric.unit ?? ""]),
    ].join(" ");
    expect(texts).not.toMatch(/<\/?[a-z]/i);
    expect(texts).toContain("&lt;script&gt;alert(3)");
    expect(texts).toContain('">');

    const shown = await page.evaluate(() => ({
      name: document.querySelector("#mode-name")!.textContent,
      welcome: document.querySelector("#welcome-message")!.textContent,
      traits: [...document.querySelectorAll("#traits li")].map((item) => item.textContent),
      tabs: [...document.querySelectorAll("#mode-tabs .tab-label")].map((tab) => tab.textContent),
      metrics: [...document.querySelectorAll("#metrics .metric-label")].map(
        (label) => label.textContent,
      ),
      units: [...document.querySelectorAll("#metrics .metric-unit")].map(
        (unit) => unit.textContent,
      ),
      images: document.querySelectorAll("img, iframe, object, embed").length,
      scripts: [...document.scripts].map((script) => script.getAttribute("src")),
      svgs: [...document.querySelectorAll("svg")].map((element) => element.id),
      bold: document.querySelectorAll("#dashboard b, #dashboard i").length,
      handlers: [...document.querySelectorAll("*")].filter((element) =>
        [...element.attributes].some((attribute) => attribute.name.startsWith("on")),
      ).length,
    }));
    expect(shown).toEqual({
      name: mode.name,
      welcome: mode.welcomeMessage,
      traits: mode.personalityTraits,
      tabs: mode.tabs.map((tab) => tab.label),
      metrics: mode.defaultMetrics.map((metric) => metric.label),
      units: mode.defaultMetrics.flatMap((metric) => (metric.unit ? [metric.unit] : [])),
      images: 0,
      scripts: ["/preview/preview.js"],
      svgs: ["chart"],
      bold: 0,
      handlers: 0,
    });
    // Visible text, as a reader sees it, holds the markup as written.
    expect(await page.locator("#mode-name").innerText()).toBe(mode.name);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("draws a workflow as a chain whose templates link to the input or node they read", async () => {
    api = await startTestServer();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openPage(context, api);
    const problems = watchProblems(page);
    const fixture = loadFixture("summarize-notes");

    await page.click("#view-link-workflow");
    await page.fill("#workflow-request", fixture.userInput);
    await page.fill("#workflow-context", fixture.planningContext);
    await page.fill("#workflow-components", JSON.stringify(fixture.browsedComponents));
    await page.fill("#workflow-params", JSON.stringify(fixture.discoveredParams));
    await page.click("#generate-workflow");
    await page.waitForSelector("#workflow-result[data-state=success]");

    // The same request through the API (a temperature-0 answer is cached: the same workflow).
    const { generateWorkflow } = await graphql<{
      generateWorkflow: {
        workflow: {
          ir: {
            inputs: Record<string, unknown>;
            nodes: Array<{ id: string; params: unknown }>;
            edges: Array<{ from: string; to: string }>;
          };
        };
      };
    }>(
      api,
      `
        mutation ($input: GenerateWorkflowInput!) {
          generateWorkflow(input: $input) {
            workflow {
              ir
            }
          }
        }
      `,
      {
        input: {
          userInput: fixture.userInput,
          planningContext: fixture.planningContext,
          browsedComponents: fixture.browsedComponents,
          discoveredParams: fixture.discoveredParams,
        },
      },
    );
    const ir = generateWorkflow.workflow.ir;
    const order = [ir.edges[0]!.from, ...ir.edges.map((edge) => edge.to)];
    const templates = ir.nodes.flatMap((node) =>
      [...JSON.stringify(node.params).matchAll(/\$\{([^}]*)\}/g)].map((match) => match[1]!),
    );
    expect(templates.length).toBeGreaterThan(0);

    const drawn = await page.evaluate(() => {
      const chain = document.querySelector("#workflow-result .chain")!;
      const steps = [...chain.querySelectorAll(":scope > li > .step")];
      return {
        first: steps[0]!.id,
        inputs: [...steps[0]!.querySelectorAll("[data-input]")].map((item) =>
          item.getAttribute("data-input"),
        ),
        nodes: steps.slice(1).map((step) => step.getAttribute("data-key")),
        links: [...chain.querySelectorAll("a.template")].map((link) => {
          const target = document.getElementById(link.getAttribute("href")!.slice(1));
          return {
            ref: link.getAttribute("data-ref"),
            text: link.textContent,
            target: target?.getAttribute("data-key") ?? target?.getAttribute("data-input"),
          };
        }),
        unresolved: chain.querySelectorAll(".template.unresolved").length,
      };
    });
    expect(drawn.first).toBe("wf-inputs");
    expect(drawn.inputs).toEqual(Object.keys(ir.inputs));
    expect(drawn.nodes).toEqual(order);
    expect(drawn.links).toEqual(
      templates.map((reference) => ({
        ref: reference,
        text: `\${${reference}}`,
        target: reference.includes(".") ? reference.split(".")[0] : reference,
      })),
    );
    expect(drawn.unresolved).toBe(0);

    // A template link leads to what it reads.
    const link = page.locator("#workflow-result a.template").last();
    const href = (await link.getAttribute("href"))!;
    await link.click();
    expect(new URL(page.url()).hash).toBe(href);
    expect(await page.locator(`${href}:target`).isVisible()).toBe(true);

    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({
      path: new URL("preview-workflow.png", ARTIFACTS).pathname,
      fullPage: true,
    });
    expect(problems).toEqual([]);
  });

  it("shows every attempt of a failed workflow with the issues beside the node they name", async () => {
    const fixture = loadFixture("summarize-notes");
    const broken = cloneWorkflow(fixture);
    broken.nodes[1].params.prompt = "Summarize in ${word_limit} words:\n\n${read_notes.content}";
    api = await startTestServer(
      { WORKFLOW_PROVIDER: "openai", OPENAI_API_KEY: "unused" },
      { workflow: recordingLlm([broken]) },
    );
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openPage(context, api);
    const problems = watchProblems(page);
    await page.goto(`${api.origin}/#workflow`);
    await page.waitForSelector("body[data-ready=true]");
    await page.fill("#workflow-request", fixture.userInput);
    await page.fill("#workflow-context", fixture.planningContext);
    await page.fill("#workflow-components", JSON.stringify(fixture.browsedComponents));
    await page.fill("#workflow-params", JSON.stringify(fixture.discoveredParams));
    await page.click("#generate-workflow");
    await page.waitForSelector("#workflow-result[data-state=failure]");

    const attempts = await page.$$eval("#workflow-result .attempt", (sections) =>
      sections.map((section) => ({
        number: section.getAttribute("data-attempt"),
        besideNode: [
          ...section.querySelectorAll(".chain > li:has(.step[data-key=summarize_notes]) .issue"),
        ].map((issue) => issue.getAttribute("data-rule")),
        unresolved: [...section.querySelectorAll(".template.unresolved")].map((template) =>
          template.getAttribute("data-ref"),
        ),
      })),
    );
    // As many as the API makes for the same request (the scripted model repeats its answer).
    const { generateWorkflow } = await graphql<{
      generateWorkflow: { success: boolean; attempts: Array<{ number: number }> };
    }>(
      api,
      `
        mutation ($input: GenerateWorkflowInput!) {
          generateWorkflow(input: $input) {
            success
            attempts {
              number
            }
          }
        }
      `,
      {
        input: {
          userInput: fixture.userInput,
          planningContext: fixture.planningContext,
          browsedComponents: fixture.browsedComponents,
          discoveredParams: fixture.discoveredParams,
        },
      },
    );
    expect(generateWorkflow.success).toBe(false);
    expect(attempts.length).toBe(generateWorkflow.attempts.length);
    expect(attempts.length).toBeGreaterThan(1);
    for (const [index, attempt] of attempts.entries()) {
      expect(attempt.number).toBe(String(index + 1));
      expect(attempt.besideNode).toContain("undeclared-var");
      expect(attempt.unresolved).toEqual(["word_limit"]);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({
      path: new URL("preview-workflow-failed.png", ARTIFACTS).pathname,
      fullPage: true,
    });
    expect(problems).toEqual([]);
  });
});
