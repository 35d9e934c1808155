// The preview page: generates a mode or a workflow through this server's GraphQL API and shows it.
// Plain ES module, no framework and no build step. Safe by construction: every text that comes
// from the API (a mode's name, labels, messages; a workflow's keys and params) reaches the page
// through textContent or DOM APIs, never as markup; colours reach it only through
// style.setProperty of one custom property per token (which the page's CSP allows).

const GRAPHQL_PATH = "/graphql";
const CREDENTIAL_KEY = "modeflow.preview.credential";
const HEX_COLOUR = /^#[0-9a-fA-F]{6}(?:[0-9a-fA-F]{2})?$/;
const SVG_NS = "http://www.w3.org/2000/svg";

/** The scalar tokens of a ThemeScheme; `chart` (six colours) is handled beside them. */
const TOKENS = [
  "background",
  "surface",
  "surfaceMuted",
  "foreground",
  "mutedForeground",
  "border",
  "input",
  "ring",
  "primary",
  "primaryForeground",
  "primaryHover",
  "primaryText",
  "primaryBorder",
  "secondary",
  "secondaryForeground",
  "accent",
  "accentForeground",
  "destructive",
  "destructiveForeground",
  "destructiveText",
  "success",
  "successForeground",
  "successText",
  "warning",
  "warningForeground",
  "warningText",
  "sidebar",
  "sidebarForeground",
  "sidebarMutedForeground",
  "sidebarAccent",
  "sidebarAccentForeground",
  "sidebarBorder",
  "chartGrid",
  "chartAxis",
];

const THEME_FIELDS = `
  seed
  light { ...PreviewScheme }
  dark { ...PreviewScheme }
  contrast { scheme foreground background ratio minimum passes }
`;
const SCHEME_FRAGMENT = `fragment PreviewScheme on ThemeScheme { ${TOKENS.join(" ")} chart }`;
const MODE_FIELDS = `
  id name industry source welcomeMessage personalityTraits
  tabs { key label icon }
  defaultMetrics { key label value unit }
  theme {
    ${THEME_FIELDS}
    shadcnCss: export(format: SHADCN_CSS)
    tailwindCss: export(format: TAILWIND_V4_CSS)
  }
`;
const GENERATION_FIELDS = "generation { provider model cached attempts latencyMs }";
const RESULT_FIELDS = `mode { ${MODE_FIELDS} } errors { code message } ${GENERATION_FIELDS}`;

const GENERATE_MODE = `mutation PreviewGenerateMode($input: GenerateModeInput!) {
  generateMode(input: $input) { ${RESULT_FIELDS} }
} ${SCHEME_FRAGMENT}`;

const GENERATE_MODE_STREAM = `subscription PreviewGenerateModeStream($input: GenerateModeInput!) {
  generateModeStream(input: $input) {
    kind
    theme { ${THEME_FIELDS} }
    draft {
      name welcomeMessage personalityTraits
      tabs { key label icon }
      defaultMetrics { key label value unit }
    }
    result { ${RESULT_FIELDS} }
  }
} ${SCHEME_FRAGMENT}`;

const STORED_MODES = `query PreviewModes { modes(first: 100) { edges { node { id name source } } } }`;
const STORED_MODE = `query PreviewMode($id: ID!) { mode(id: $id) { ${MODE_FIELDS} } } ${SCHEME_FRAGMENT}`;

const GENERATE_WORKFLOW = `mutation PreviewGenerateWorkflow($input: GenerateWorkflowInput!) {
  generateWorkflow(input: $input) {
    success error errorCode
    workflow { id ir }
    attempts {
      number latencyMs omittedIssues ir
      failure { code message }
      issues { rule severity message path nodeId }
    }
    generation { provider model attempts latencyMs }
  }
}`;

/** The README's GenerateWorkflow example: a request the offline planner can wire. */
const EXAMPLE_WORKFLOW = {
  userInput: "summarize notes.txt and save it to summary.md",
  planningContext: [
    "## Selected Components",
    "",
    "### read-file",
    "Reads a text file.",
    "",
    "**Inputs**:",
    "- `file_path: str` - Path of the file to read",
    "",
    "**Outputs**:",
    "- `content: str` - The file contents",
    "",
    "**Parameters**: none",
    "",
    "### llm",
    "Sends a prompt to a language model.",
    "",
    "**Inputs**:",
    "- `prompt: str` - The prompt, with the data it needs",
    "",
    "**Outputs**:",
    "- `response: str` - The model's answer",
    "",
    "**Parameters**: none",
    "",
    "### write-file",
    "Writes text to a file.",
    "",
    "**Inputs**:",
    "- `file_path: str` - Path of the file to write",
    "- `content: str` - Text to write",
    "",
    "**Outputs**:",
    "- `written: bool` - True when the file was written",
    "",
    "**Parameters**: none",
    "",
  ].join("\n"),
  browsedComponents: { nodeIds: ["read-file", "llm", "write-file"], workflowNames: [] },
  discoveredParams: { input_file: "notes.txt", output_file: "summary.md" },
};

const state = {
  /** "light" or "dark". */
  scheme: matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light",
  /** The theme on show (a ModeTheme). */
  theme: undefined,
};

// ---------------------------------------------------------------------------------------------
// DOM helpers: text only, never markup.

const byId = (id) => {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`#${id} is missing from index.html`);
  return element;
};

/** An element with attributes (set as attributes, never as markup) and text or element children. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  element.append(...children.filter((child) => child !== undefined && child !== null));
  return element;
}

function svg(tag, attributes = {}, text) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A string usable inside an id attribute and a `#fragment`. */
const idPart = (text) => String(text).replace(/[^A-Za-z0-9_-]/g, "_");

const kebab = (token) => token.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

function setStatus(element, text, isError = false) {
  element.textContent = text;
  element.classList.toggle("status-error", isError);
}

// ---------------------------------------------------------------------------------------------
// Talking to the API: same origin only; the credential, when the user gave one, goes nowhere else.

const credential = () => sessionStorage.getItem(CREDENTIAL_KEY) ?? "";

class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function graphql(query, variables = {}) {
  const headers = { "content-type": "application/json", accept: "application/json" };
  if (credential()) headers.authorization = `Bearer ${credential()}`;
  const response = await fetch(GRAPHQL_PATH, {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The API answered HTTP ${response.status} without JSON`, response.status);
  }
  if (response.status === 401) askForCredential();
  if (Array.isArray(body.errors) && body.errors.length > 0) {
    throw new ApiError(body.errors.map((error) => error.message).join("; "), response.status);
  }
  return body.data;
}

function askForCredential() {
  byId("credentials").open = true;
  setStatus(
    byId("credential-status"),
    "This server asks for an API key or token: paste it here.",
    true,
  );
}

let graphqlWs;
/** graphql-ws's browser client, served by this server; undefined when it cannot be loaded. */
async function loadGraphqlWs() {
  if (graphqlWs === undefined) {
    graphqlWs = import("/preview/vendor/graphql-ws/client.js").catch(() => null);
  }
  return (await graphqlWs) ?? undefined;
}

/**
 * Runs generateModeStream, calling onEvent for each event. Resolves true when the stream
 * completed, false when the transport could not be used before any event arrived (the caller
 * then falls back to the mutation). GraphQL errors reject, as the mutation's would.
 */
async function streamMode(input, onEvent) {
  const library = await loadGraphqlWs();
  if (library === undefined) return false;
  const url = new URL(GRAPHQL_PATH, location.href);
  url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
  const client = library.createClient({
    url: url.href,
    lazy: true,
    retryAttempts: 0,
    connectionParams: () => (credential() ? { authorization: `Bearer ${credential()}` } : {}),
  });
  let received = 0;
  try {
    return await new Promise((resolve, reject) => {
      client.subscribe(
        { query: GENERATE_MODE_STREAM, variables: { input } },
        {
          next: (result) => {
            if (result.errors?.length) {
              reject(new ApiError(result.errors.map((error) => error.message).join("; ")));
              return;
            }
            received += 1;
            onEvent(result.data.generateModeStream);
          },
          error: (error) => {
            // GraphQL errors of the operation itself (bad input, a spent quota) come as a list.
            if (Array.isArray(error)) {
              reject(new ApiError(error.map((item) => item.message).join("; ")));
            } else if (error?.code === 4403) {
              // A refused credential closes the socket with 4403 (README, "Subscriptions").
              askForCredential();
              reject(new ApiError(error.reason || "The API refused the credential"));
            } else if (received === 0) {
              resolve(false);
            } else {
              reject(new ApiError("The stream broke off"));
            }
          },
          complete: () => resolve(true),
        },
      );
    });
  } finally {
    client.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// The mode view.

/** Sets one custom property per token of the current scheme on the root element. */
function applyScheme() {
  if (state.theme === undefined) return;
  const scheme = state.theme[state.scheme];
  const root = document.documentElement;
  for (const token of TOKENS) {
    if (HEX_COLOUR.test(scheme[token]))
      root.style.setProperty(`--mf-${kebab(token)}`, scheme[token]);
  }
  scheme.chart.forEach((colour, index) => {
    if (HEX_COLOUR.test(colour)) root.style.setProperty(`--mf-chart-${index + 1}`, colour);
  });
  root.classList.toggle("scheme-dark", state.scheme === "dark");
  const dashboard = byId("dashboard");
  dashboard.dataset.scheme = state.scheme;
  byId("scheme-switch").setAttribute("aria-pressed", String(state.scheme === "dark"));
  renderContrast();
}

function renderTheme(theme) {
  state.theme = theme;
  byId("dashboard").hidden = false;
  applyScheme();
}

function renderContrast() {
  const scheme = state.scheme.toUpperCase();
  byId("contrast-scheme").textContent = state.scheme;
  const rows = state.theme.contrast
    .filter((check) => check.scheme === scheme)
    .map((check) =>
      h(
        "tr",
        {},
        h("td", {}, check.foreground),
        h("td", {}, check.background),
        h("td", {}, check.ratio.toFixed(2)),
        h("td", {}, String(check.minimum)),
        h("td", { class: check.passes ? "pass" : "fail" }, check.passes ? "✓ passes" : "✗ fails"),
      ),
    );
  byId("contrast-table").tBodies[0].replaceChildren(...rows);
}

/** Name, tabs, metrics and assistant: from a draft (parts may be null) or a whole mode. */
function renderContent(content) {
  if (content.name) byId("mode-name").textContent = content.name;
  if (content.tabs) renderTabs(content.tabs);
  if (content.defaultMetrics) renderMetrics(content.defaultMetrics);
  if (content.welcomeMessage) byId("welcome-message").textContent = content.welcomeMessage;
  if (content.personalityTraits) {
    byId("traits").replaceChildren(...content.personalityTraits.map((trait) => h("li", {}, trait)));
  }
}

function renderTabs(tabs) {
  const buttons = tabs.map((tab, index) => {
    const button = h(
      "button",
      { type: "button", class: "tab", "data-key": tab.key },
      h("span", { "aria-hidden": "true", class: "tab-icon" }, tab.icon),
      h("span", { class: "tab-label" }, tab.label),
    );
    if (index === 0) button.setAttribute("aria-current", "page");
    button.addEventListener("click", () => {
      for (const other of buttons) other.removeAttribute("aria-current");
      button.setAttribute("aria-current", "page");
    });
    return button;
  });
  byId("mode-tabs").replaceChildren(...buttons);
}

function renderMetrics(metrics) {
  byId("metrics").replaceChildren(
    ...metrics.map((metric) =>
      h(
        "li",
        { class: "card metric", "data-key": metric.key },
        h("p", { class: "metric-label" }, metric.label),
        h(
          "p",
          { class: "metric-value" },
          metric.value,
          metric.unit ? h("span", { class: "metric-unit" }, metric.unit) : undefined,
        ),
        h("p", { class: "metric-trend" }, "▲ sample trend"),
      ),
    ),
  );
}

/** Six bars, one per chart colour, on the grid and axis tokens; heights follow the mode's id. */
function renderChart(seedText) {
  const chart = byId("chart");
  const title = chart.querySelector("title");
  const parts = [title];
  const [left, top, right, bottom] = [40, 12, 708, 196];
  for (let level = 0; level <= 4; level++) {
    const y = bottom - ((bottom - top) * level) / 4;
    parts.push(svg("line", { class: "grid-line", x1: left, x2: right, y1: y, y2: y }));
    parts.push(
      svg(
        "text",
        { class: "axis-label", x: left - 6, y: y + 3, "text-anchor": "end" },
        String(level * 25),
      ),
    );
  }
  let hash = 0;
  for (const character of seedText) hash = (hash * 31 + character.codePointAt(0)) >>> 0;
  const slot = (right - left) / 6;
  for (let index = 0; index < 6; index++) {
    const value = 30 + ((hash >>> (index * 4)) % 16) * 4.5;
    const height = ((bottom - top) * value) / 100;
    const x = left + slot * index + slot * 0.2;
    parts.push(
      svg("rect", {
        class: `bar bar-${index + 1}`,
        "data-series": index,
        x,
        y: bottom - height,
        width: slot * 0.6,
        height,
        rx: 2,
      }),
    );
    parts.push(
      svg(
        "text",
        { class: "axis-label", x: x + slot * 0.3, y: bottom + 14, "text-anchor": "middle" },
        `W${index + 1}`,
      ),
    );
  }
  parts.push(svg("line", { class: "axis-line", x1: left, x2: right, y1: bottom, y2: bottom }));
  chart.replaceChildren(...parts);
}

function renderGeneration(generation, source) {
  const facts = generation
    ? [
        ["Provider", generation.provider],
        ["Model", generation.model ?? "—"],
        ["Latency", `${generation.latencyMs} ms`],
        ["Cached", generation.cached ? "yes" : "no"],
        ["Model calls", String(generation.attempts)],
        ["Source", source],
      ]
    : [
        ["Source", source],
        ["Generation", "opened from the stored modes (no generation for this request)"],
      ];
  byId("generation").replaceChildren(
    ...facts.flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]),
  );
}

function renderMode(mode, generation) {
  const dashboard = byId("dashboard");
  dashboard.dataset.modeId = mode.id;
  renderTheme(mode.theme);
  renderContent(mode);
  byId("mode-industry").textContent = mode.industry;
  byId("mode-source").textContent = mode.source;
  renderChart(mode.id);
  renderGeneration(generation, mode.source);
  renderThemeExport(mode.theme);
}

/** The finished mode's theme as a stylesheet to copy (ModeTheme.export), in the chosen format. */
function renderThemeExport(theme) {
  const section = byId("theme-export");
  const formats = { shadcn: theme.shadcnCss, tailwind: theme.tailwindCss };
  const show = () => {
    byId("theme-export-css").textContent = formats[byId("theme-export-format").value];
  };
  byId("theme-export-format").onchange = show;
  byId("theme-export-status").textContent = "";
  show();
  section.hidden = false;
}

async function copyThemeExport() {
  const status = byId("theme-export-status");
  try {
    await navigator.clipboard.writeText(byId("theme-export-css").textContent);
    status.textContent = "Copied.";
  } catch {
    // No clipboard (an insecure origin, or permission refused): select it for a manual copy.
    getSelection()?.selectAllChildren(byId("theme-export-css"));
    status.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
  }
}

async function generateMode(industry) {
  const status = byId("mode-status");
  const button = byId("generate-mode");
  const dashboard = byId("dashboard");
  button.disabled = true;
  dashboard.dataset.state = "generating";
  dashboard.dataset.events = "";
  setStatus(status, `Generating a mode for “${industry}”…`);
  const input = { industry };
  let payload;
  try {
    const streamed = await streamMode(input, (event) => {
      dashboard.dataset.events = `${dashboard.dataset.events} ${event.kind}`.trim();
      if (event.kind === "THEME" && event.theme) renderTheme(event.theme);
      if (event.kind === "CONTENT" && event.draft) renderContent(event.draft);
      if (event.kind === "COMPLETED") payload = event.result;
    });
    dashboard.dataset.transport = streamed ? "subscription" : "mutation";
    if (!streamed) payload = (await graphql(GENERATE_MODE, { input })).generateMode;
    renderMode(payload.mode, payload.generation);
    const problems = payload.errors.map((error) => `${error.code}: ${error.message}`).join("; ");
    setStatus(
      status,
      problems ? `A fallback mode: ${problems}` : `Generated “${payload.mode.name}”.`,
      problems !== "",
    );
    dashboard.dataset.state = "complete";
    await loadStoredModes(payload.mode.id);
  } catch (error) {
    dashboard.dataset.state = "failed";
    setStatus(status, error.message, true);
  } finally {
    button.disabled = false;
  }
}

async function loadStoredModes(selectedId) {
  try {
    const data = await graphql(STORED_MODES);
    const select = byId("stored-modes");
    select.replaceChildren(
      ...data.modes.edges.map(({ node }) =>
        h("option", { value: node.id }, `${node.name} (${node.source.toLowerCase()})`),
      ),
    );
    if (selectedId) select.value = selectedId;
  } catch (error) {
    setStatus(byId("mode-status"), `Stored modes: ${error.message}`, true);
  }
}

async function openStoredMode(id) {
  const status = byId("mode-status");
  try {
    const data = await graphql(STORED_MODE, { id });
    if (data.mode === null) {
      setStatus(status, "That mode is no longer held.", true);
      return;
    }
    renderMode(data.mode, undefined);
    byId("dashboard").dataset.state = "complete";
    setStatus(status, `Opened “${data.mode.name}”.`);
  } catch (error) {
    setStatus(status, error.message, true);
  }
}

// ---------------------------------------------------------------------------------------------
// The workflow view: the chain, inputs first, templates linked to what they read.

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** Nodes in the order the edges run them; nodes the edges do not reach follow in document order. */
function chainOrder(nodes, edges) {
  const byKey = new Map(nodes.map((node) => [node.id, node]));
  const next = new Map();
  const targets = new Set();
  for (const edge of Array.isArray(edges) ? edges : []) {
    if (isObject(edge)) {
      next.set(edge.from, edge.to);
      targets.add(edge.to);
    }
  }
  const ordered = [];
  const seen = new Set();
  let current = nodes.find((node) => !targets.has(node.id))?.id;
  while (current !== undefined && byKey.has(current) && !seen.has(current)) {
    seen.add(current);
    ordered.push(byKey.get(current));
    current = next.get(current);
  }
  return [...ordered, ...nodes.filter((node) => !seen.has(node.id))];
}

/** Appends text with each `${...}` template as a link to the input or node it reads. */
function appendTemplated(parent, text, targets) {
  const pattern = /\$\$|\$\{([^}]*)\}/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parent.append(text.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[0] === "$$") {
      parent.append("$$");
      continue;
    }
    const reference = match[1].trim();
    const head = reference.split(".")[0];
    const target = reference.includes(".")
      ? targets.nodes.get(head)
      : targets.inputs.get(reference);
    parent.append(
      target
        ? h("a", { class: "template", href: `#${target}`, "data-ref": reference }, match[0])
        : h(
            "span",
            {
              class: "template unresolved",
              "data-ref": reference,
              title: "reads nothing declared",
            },
            match[0],
          ),
    );
  }
  parent.append(text.slice(last));
}

/** A JSON value as indented text, its strings with linked templates. */
function appendValue(parent, value, targets, indent = "") {
  if (typeof value === "string") {
    appendTemplated(parent, value, targets);
  } else if (Array.isArray(value) || isObject(value)) {
    const entries = Array.isArray(value)
      ? value.map((item) => [undefined, item])
      : Object.entries(value);
    const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
    parent.append(open);
    entries.forEach(([key, item], index) => {
      parent.append(`\n${indent}  ${key === undefined ? "" : `${JSON.stringify(key)}: `}`);
      if (typeof item === "string") {
        parent.append('"');
        appendTemplated(parent, item, targets);
        parent.append('"');
      } else {
        appendValue(parent, item, targets, `${indent}  `);
      }
      if (index < entries.length - 1) parent.append(",");
    });
    parent.append(`${entries.length ? `\n${indent}` : ""}${close}`);
  } else {
    parent.append(JSON.stringify(value));
  }
}

function issueList(issues) {
  return h(
    "ul",
    { class: "issues", "aria-label": "Validator issues" },
    ...issues.map((issue) =>
      h(
        "li",
        {
          class: `issue ${issue.severity === "WARNING" ? "issue-warning" : "issue-error"}`,
          "data-rule": issue.rule,
        },
        h("span", { class: "issue-rule" }, `${issue.severity.toLowerCase()} ${issue.rule}`),
        " ",
        issue.message,
        issue.path ? h("span", { class: "hint" }, ` (${issue.path})`) : undefined,
      ),
    ),
  );
}

/**
 * Draws a FlowIR document (as returned: `ir`) as a chain, with the issues beside their nodes.
 * `heading` is the steps' heading element ("h3" under the page's h2, "h4" inside an attempt).
 */
function drawChain(ir, issues, prefix, heading) {
  const inputs = isObject(ir.inputs) ? Object.entries(ir.inputs) : [];
  const nodes = (Array.isArray(ir.nodes) ? ir.nodes : []).filter(
    (node) => isObject(node) && typeof node.id === "string",
  );
  const targets = {
    inputs: new Map(inputs.map(([name]) => [name, `${prefix}-input-${idPart(name)}`])),
    nodes: new Map(nodes.map((node) => [node.id, `${prefix}-node-${idPart(node.id)}`])),
  };
  const nodeIssues = (key) => issues.filter((issue) => issue.nodeId === key);
  const otherIssues = issues.filter((issue) => !targets.nodes.has(issue.nodeId ?? undefined));

  const inputsStep = h(
    "div",
    { class: "step step-inputs", id: `${prefix}-inputs` },
    h(heading, {}, "Inputs"),
    inputs.length === 0 ? h("p", { class: "hint" }, "none declared") : undefined,
    h(
      "ul",
      { class: "input-list" },
      ...inputs.map(([name, declaration]) => {
        const spec = isObject(declaration) ? declaration : {};
        const item = h(
          "li",
          { id: targets.inputs.get(name), "data-input": name },
          h("code", {}, name),
          ` (${spec.type ?? "?"}, ${spec.required === false ? "optional" : "required"})`,
          spec.description ? ` ${spec.description}` : undefined,
        );
        if ("default" in spec) item.append(`; default ${JSON.stringify(spec.default)}`);
        return item;
      }),
    ),
  );
  const rows = [h("li", {}, inputsStep, otherIssues.length ? issueList(otherIssues) : undefined)];
  for (const node of chainOrder(nodes, ir.edges)) {
    const params = isObject(node.params) ? Object.entries(node.params) : [];
    const list = h("dl", { class: "params" });
    for (const [name, value] of params) {
      const definition = h("dd", {});
      appendValue(definition, value, targets);
      list.append(h("dt", {}, name), definition);
    }
    const step = h(
      "div",
      { class: "step", id: targets.nodes.get(node.id), "data-key": node.id },
      h(heading, {}, node.id, " ", h("span", { class: "step-type" }, String(node.type ?? "?"))),
      params.length ? list : h("p", { class: "hint" }, "no params"),
    );
    const found = nodeIssues(node.id);
    rows.push(h("li", {}, step, found.length ? issueList(found) : undefined));
  }
  return h("ol", { class: "chain", "data-prefix": prefix }, ...rows);
}

function renderWorkflow(payload) {
  const result = byId("workflow-result");
  const parts = [];
  const last = payload.attempts.at(-1);
  if (payload.success && payload.workflow) {
    parts.push(
      h("h2", {}, "Workflow"),
      drawChain(payload.workflow.ir, last?.issues ?? [], "wf", "h3"),
    );
  } else {
    parts.push(
      h("h2", {}, "No workflow"),
      h("p", { class: "status status-error" }, payload.error ?? ""),
    );
  }
  // A failure shows every attempt; a success its earlier, failed attempts.
  const shown = payload.success ? payload.attempts.slice(0, -1) : payload.attempts;
  for (const attempt of shown) {
    const section = h(
      "section",
      { class: "attempt", "data-attempt": attempt.number },
      h("h3", {}, `Attempt ${attempt.number} (${attempt.latencyMs} ms)`),
    );
    if (attempt.failure) {
      section.append(h("p", {}, `${attempt.failure.code}: ${attempt.failure.message}`));
    }
    if (isObject(attempt.ir)) {
      section.append(drawChain(attempt.ir, attempt.issues, `wf-a${attempt.number}`, "h4"));
    } else if (attempt.issues.length) {
      section.append(issueList(attempt.issues));
    }
    if (attempt.omittedIssues > 0) {
      section.append(h("p", { class: "hint" }, `${attempt.omittedIssues} more issues not listed`));
    }
    parts.push(section);
  }
  result.replaceChildren(...parts);
}

function parseJsonField(id, label) {
  const text = byId(id).value.trim();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${label} is not valid JSON`);
  }
}

async function generateWorkflow() {
  const status = byId("workflow-status");
  const button = byId("generate-workflow");
  const result = byId("workflow-result");
  button.disabled = true;
  result.dataset.state = "generating";
  setStatus(status, "Generating a workflow…");
  try {
    const input = {
      userInput: byId("workflow-request").value,
      planningContext: byId("workflow-context").value,
      browsedComponents: parseJsonField("workflow-components", "Browsed components"),
      discoveredParams: parseJsonField("workflow-params", "Discovered parameters"),
    };
    const payload = (await graphql(GENERATE_WORKFLOW, { input })).generateWorkflow;
    renderWorkflow(payload);
    const generation = payload.generation;
    setStatus(
      status,
      `${payload.success ? "Valid workflow" : `Failed (${payload.errorCode ?? "error"})`}: ` +
        `${payload.attempts.length} attempt(s), ${generation.provider}, ${generation.latencyMs} ms`,
      !payload.success,
    );
    result.dataset.state = payload.success ? "success" : "failure";
  } catch (error) {
    result.dataset.state = "failed";
    setStatus(status, error.message, true);
  } finally {
    button.disabled = false;
  }
}

// ---------------------------------------------------------------------------------------------
// Wiring.

function showView() {
  const workflow = location.hash === "#workflow" || location.hash.startsWith("#wf-");
  byId("mode-view").hidden = workflow;
  byId("workflow-view").hidden = !workflow;
  const [current, other] = workflow
    ? [byId("view-link-workflow"), byId("view-link-mode")]
    : [byId("view-link-mode"), byId("view-link-workflow")];
  current.setAttribute("aria-current", "page");
  other.removeAttribute("aria-current");
}

function start() {
  byId("mode-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const industry = byId("industry").value.trim();
    if (industry) void generateMode(industry);
  });
  byId("stored-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const id = byId("stored-modes").value;
    if (id) void openStoredMode(id);
  });
  byId("theme-export-copy").addEventListener("click", () => void copyThemeExport());
  byId("scheme-switch").addEventListener("click", () => {
    state.scheme = state.scheme === "dark" ? "light" : "dark";
    applyScheme();
  });
  byId("workflow-form").addEventListener("submit", (event) => {
    event.preventDefault();
    void generateWorkflow();
  });
  byId("credentials-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = byId("credential").value.trim();
    if (value) sessionStorage.setItem(CREDENTIAL_KEY, value);
    byId("credential").value = "";
    setStatus(byId("credential-status"), value ? "Set for this tab." : "");
    void loadStoredModes();
  });
  byId("credential-clear").addEventListener("click", () => {
    sessionStorage.removeItem(CREDENTIAL_KEY);
    setStatus(byId("credential-status"), "Forgotten.");
  });
  if (credential()) setStatus(byId("credential-status"), "Set for this tab.");

  byId("workflow-request").value = EXAMPLE_WORKFLOW.userInput;
  byId("workflow-context").value = EXAMPLE_WORKFLOW.planningContext;
  byId("workflow-components").value = JSON.stringify(EXAMPLE_WORKFLOW.browsedComponents);
  byId("workflow-params").value = JSON.stringify(EXAMPLE_WORKFLOW.discoveredParams);

  addEventListener("hashchange", showView);
  showView();
  document.body.dataset.ready = "true";
  void loadStoredModes();
}

start();
