/**
 * Word matching for the offline planner. Deliberately small and explicit: the planner must give
 * the same answer for the same request on every run, so there is no fuzzy scoring beyond a crude
 * suffix-stripping stem and a fixed synonym table.
 */

export interface RequestWord {
  word: string;
  stem: string;
  /** Position among the request's words: the "order of mention". */
  index: number;
}

/** Lower-case alphanumeric runs: "sales_2024.csv" gives sales, 2024, csv. */
export function requestWords(text: string): RequestWord[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words.map((word, index) => ({ word, stem: stem(word), index }));
}

/** Name parts of a component, parameter or output: "github-get-issue" gives github, get, issue. */
export function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== "");
}

/** Strips plural and verb endings so "commits"/"commit" and "issues"/"issue" compare equal. */
export function stem(word: string): string {
  let result = word.toLowerCase();
  if (result.length > 4 && result.endsWith("ies")) result = `${result.slice(0, -3)}y`;
  else if (result.length > 3 && result.endsWith("s") && !result.endsWith("ss"))
    result = result.slice(0, -1);
  if (result.length > 5 && result.endsWith("ing")) result = result.slice(0, -3);
  else if (result.length > 4 && result.endsWith("ed")) result = result.slice(0, -2);
  if (result.length > 3 && result.endsWith("e")) result = result.slice(0, -1);
  return result;
}

/**
 * Request words that count as a mention of a component-name token. The request says "save it",
 * the component is called write-file: without this table the planner would miss most sinks.
 */
const SYNONYMS: Record<string, readonly string[]> = {
  write: ["write", "save", "store", "export", "append"],
  save: ["save", "write", "store"],
  // Not "open": "open a ticket", "the open issues" are no reads; a file to read is found by its
  // discovered path anyway.
  read: ["read", "load"],
  post: ["post", "send", "announce", "share", "publish"],
  send: ["send", "post", "email", "mail", "notify"],
  create: ["create", "post", "add"],
  get: ["get", "fetch", "retrieve"],
  fetch: ["fetch", "get", "retrieve", "download"],
  log: ["log", "commit", "history"],
  aggregate: ["aggregate", "sum", "total", "group", "average"],
  search: ["search", "find", "look"],
  checkout: ["checkout", "check", "switch"],
  shell: ["shell", "run", "execute"],
  command: ["command", "run", "execute"],
};

/** The request words (stems) that mention one component-name token, itself included. */
export function mentionStems(token: string): Set<string> {
  return new Set([token, ...(SYNONYMS[token] ?? [])].map(stem));
}

/** Name tokens that say what a component does rather than what it works on. */
export const VERB_TOKENS = new Set([
  "get",
  "list",
  "read",
  "write",
  "save",
  "create",
  "post",
  "send",
  "fetch",
  "update",
  "delete",
  "add",
  "run",
  "make",
  "search",
  "aggregate",
  "commit",
  "upload",
  "download",
  "put",
  "set",
  "find",
  "publish",
]);

/** Verbs of components whose job is to deliver a result somewhere: they end the chain. */
export const SINK_VERBS = new Set([
  "write",
  "save",
  "post",
  "send",
  "create",
  "commit",
  "publish",
  "upload",
  "update",
  "delete",
  "comment",
  "notify",
  "email",
  "append",
  "insert",
  "push",
  "store",
]);

/** Name tokens too common to show that a component is relevant (every reader and writer has "file"). */
export const GENERIC_TOKENS = new Set([
  "file",
  "files",
  "data",
  "text",
  "item",
  "items",
  "api",
  "tool",
  "node",
  "value",
  // "csv-to-json": every request says "to".
  "to",
]);

/** Parameter-name words that say a value is read from (source) or written to (sink). */
export const SOURCE_WORDS = new Set(["input", "in", "source", "src", "from", "origin"]);
export const SINK_WORDS = new Set([
  "output",
  "out",
  "target",
  "dest",
  "destination",
  "result",
  "report",
  "save",
]);

/** Parameter names made only of these words say nothing about the value (input_file, value). */
export const VAGUE_TOKENS = new Set([
  "input",
  "output",
  "in",
  "out",
  "file",
  "path",
  "value",
  "param",
  "parameter",
  "arg",
  "data",
  "text",
  "name",
  "string",
  "number",
  "item",
  "val",
  "var",
  "field",
  "message",
  "body",
  "content",
  "files",
  "id",
]);

/** Words that never serve as the object in a node id ("summarize *the* notes"). */
export const FILLER_WORDS = new Set([
  "a",
  "an",
  "the",
  "my",
  "our",
  "your",
  "this",
  "that",
  "these",
  "those",
  "it",
  "them",
  "all",
  "every",
  "some",
  "me",
  "us",
  "new",
]);

/** Words that end the object of a verb ("summarize notes *and* save"). */
export const BOUNDARY_WORDS = new Set([
  "from",
  "to",
  "into",
  "in",
  "on",
  "of",
  "for",
  "with",
  "and",
  "as",
  "by",
  "per",
  "using",
  "since",
  "at",
  "then",
  "or",
  "if",
  "but",
  "about",
  "so",
  "that",
  "which",
]);
