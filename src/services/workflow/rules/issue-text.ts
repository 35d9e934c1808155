import { didYouMean } from "../../text/closest-match.js";

/** A part of a message computed only when the finding is reported. */
type Deferred = () => string;

/**
 * Something that writes its own text when a message is rendered (a place inside params writes
 * its path): a deferred part without a closure per finding.
 */
export interface DeferredText {
  deferredText(): string;
}

type Part = string | Deferred | IssueText | DeferredText;

/**
 * A finding's message whose costly parts ("did you mean", lists of names) are computed only for
 * the findings that make it into the report. A document can produce one finding per template, and
 * each of those parts costs time proportional to the number of nodes, inputs or outputs: done
 * eagerly, the work would grow with the product of the two.
 *
 * Findings are sorted and de-duplicated by {@link IssueText.key}, the message with the deferred
 * parts left out. A deferred part depends only on what is written before it in the same message
 * (the token it suggests for, the node whose outputs it lists), so two messages with equal keys
 * render equally, and keys order the same way as the rendered messages would.
 */
export class IssueText {
  private keyText: string | undefined;

  constructor(private readonly parts: readonly Part[]) {}

  /** The message without its deferred parts (built when first asked: most findings never are). */
  get key(): string {
    if (this.keyText === undefined) {
      let key = "";
      for (const part of this.parts) {
        if (typeof part === "string") key += part;
        else if (part instanceof IssueText) key += part.key;
      }
      this.keyText = key;
    }
    return this.keyText;
  }

  /** The full message. */
  render(): string {
    let text = "";
    for (const part of this.parts) {
      if (typeof part === "string") text += part;
      else if (part instanceof IssueText) text += part.render();
      else if (typeof part === "function") text += part();
      else text += part.deferredText();
    }
    return text;
  }
}

/**
 * Tagged template for messages: `issueText\`node '${id}'.${suggest(id, ids)}\``. Strings and numbers
 * are taken as they are; functions, DeferredTexts and nested IssueTexts are deferred.
 */
export function issueText(
  strings: TemplateStringsArray,
  ...values: Array<string | number | Deferred | IssueText | DeferredText>
): IssueText {
  const parts: Part[] = [];
  for (let index = 0; index < strings.length; index++) {
    if (strings[index] !== "") parts.push(strings[index]!);
    if (index >= values.length) continue;
    const value = values[index]!;
    parts.push(typeof value === "number" ? String(value) : value);
  }
  return new IssueText(parts);
}

/** " Did you mean 'x'?" or "", computed when the message is rendered. */
export function suggest(token: string, candidates: () => readonly string[]): Deferred {
  return () => didYouMean(token, candidates());
}

/** `'a', 'b', 'c'` (at most QUOTE_LIST_LIMIT names), computed when the message is rendered. */
export function names(list: () => readonly string[]): Deferred {
  return () => quoteList(list());
}

/** Most names a message lists; the rest are counted. */
export const QUOTE_LIST_LIMIT = 20;

/**
 * `'a', 'b', 'c'` with quotes, or "(none)". At most QUOTE_LIST_LIMIT names, each shortened by
 * {@link shown}, so a message stays readable (and small) whatever the document.
 */
export function quoteList(names: readonly string[]): string {
  if (names.length === 0) return "(none)";
  const quoted = names
    .slice(0, QUOTE_LIST_LIMIT)
    .map((name) => `'${shown(name)}'`)
    .join(", ");
  const more = names.length - QUOTE_LIST_LIMIT;
  return more > 0 ? `${quoted} and ${more} more` : quoted;
}

/** Like {@link quoteList} without quotes: `description, name`. */
export function plainList(names: readonly string[]): string {
  const listed = names.slice(0, QUOTE_LIST_LIMIT).map(shown).join(", ");
  const more = names.length - QUOTE_LIST_LIMIT;
  return more > 0 ? `${listed} and ${more} more` : listed;
}

/** Longest token (id, template, value) quoted in a message as it is. */
export const SHOWN_TOKEN_LIMIT = 80;

/** A token for a message: as written, or its start and end around "…" when very long. */
export function shown(token: string): string {
  if (token.length <= SHOWN_TOKEN_LIMIT) return token;
  return `${token.slice(0, 50)}…${token.slice(-20)}`;
}

/** Longest message, path or node id in a report; longer ones keep their start and end. */
export const REPORTED_TEXT_LIMITS = { message: 2_000, path: 300, nodeId: 200 } as const;

/** `text` cut in the middle to at most about `limit` characters. */
export function elideMiddle(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const tail = Math.floor(limit / 4);
  const head = limit - tail - 1;
  return `${text.slice(0, head)}…${text.slice(-tail)}`;
}
