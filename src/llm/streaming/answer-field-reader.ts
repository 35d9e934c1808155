import { JSONParser, TokenType } from "@streamparser/json";
import type { ParsedElementInfo, ParsedTokenInfo } from "@streamparser/json";

/**
 * A part of a structured answer that has been written out in full: a top-level field of the
 * answer object, or one item of a top-level array (which arrives again, whole, as its field).
 * Values are shared with the reader's own copy of the answer: treat them as read-only.
 */
export type AnswerPart =
  | { kind: "field"; name: string; value: unknown }
  | { kind: "item"; field: string; index: number; value: unknown };

/** The answer's text is not a JSON object, or ended before the object was complete. */
export class MalformedAnswerError extends Error {
  override readonly name = "MalformedAnswerError";
  /** Characters (UTF-16 code units) the reader had been given when it failed. */
  readonly charactersRead: number;

  constructor(message: string, charactersRead: number, cause?: unknown) {
    super(message, { cause });
    this.charactersRead = charactersRead;
  }
}

/**
 * Reads a model's JSON answer as its text arrives and reports each top-level field once its value
 * is complete: a string at its closing quote (never half-written), an object or array at its
 * closing bracket, a literal at its last letter, a number at the delimiter after it (until then
 * more digits may follow). Completed items of top-level arrays are reported too, before their
 * field.
 *
 * Built on @streamparser/json rather than by hand because string escapes (`\uXXXX` pairs,
 * `\"`) and multi-byte characters split across chunks are where hand-written incremental
 * scanners go wrong; the library resolves them and holds back a chunk's trailing high surrogate
 * until its pair arrives. The library's traps, avoided here:
 * - `end()` on a stream that never completed its root value may still emit a number it was
 *   holding (`{"a":1` would report `a: 1`) and accepts an empty stream without error; the reader
 *   ignores anything emitted while ending and fails unless the root object was closed.
 * - A callback that throws inside the parser is taken as a parse error and kills the parser; the
 *   reader collects parts during a write and hands them to the listener only afterwards.
 * - `keepStack: false` would delete each emitted item from its array, so fields would arrive as
 *   empty arrays; the reader keeps the default (`true`), the answer is small.
 * - `paths: ["$.*"]` also matches the items of a top-level array: the reader insists the root is
 *   an object.
 */
export class AnswerFieldReader {
  private readonly parser: JSONParser;
  private readonly listener: (part: AnswerPart) => void;
  private pending: AnswerPart[] = [];
  private charactersRead = 0;
  private sawFirstToken = false;
  private rootClosed = false;
  private ending = false;
  private failure: MalformedAnswerError | undefined;

  constructor(listener: (part: AnswerPart) => void) {
    this.listener = listener;
    this.parser = new JSONParser({ paths: ["$.*", "$.*.*"] });
    this.parser.onToken = (token) => this.checkRootToken(token);
    this.parser.onValue = (element) => this.collect(element);
    this.parser.onEnd = () => (this.rootClosed = true);
  }

  /** Whether the answer object has been closed (its last field reported). */
  get complete(): boolean {
    return this.rootClosed;
  }

  /**
   * Feeds the next piece of the answer's text; the parts it completes reach the listener before
   * this returns. Throws MalformedAnswerError once the text cannot be a JSON object (the parts
   * completed before the fault are still reported), and again on every later call.
   */
  write(chunk: string): void {
    this.throwIfFailed();
    try {
      this.parser.write(chunk);
      this.charactersRead += chunk.length;
    } catch (error) {
      this.fail(`The answer is not a valid JSON object: ${messageOf(error)}`, error);
    } finally {
      this.flush();
    }
    this.throwIfFailed();
  }

  /** Says the text is over; throws MalformedAnswerError unless the answer object was closed. */
  end(): void {
    this.throwIfFailed();
    if (this.rootClosed) return;
    this.ending = true;
    try {
      this.parser.end();
    } catch {
      // The parser's complaint names its internal state; ours below says what the caller needs.
    }
    this.fail(
      this.sawFirstToken
        ? `The answer ended before its JSON object was complete (${this.charactersRead} characters read)`
        : "The answer ended before any JSON was received",
    );
    this.throwIfFailed();
  }

  private checkRootToken({ token }: ParsedTokenInfo): void {
    if (this.sawFirstToken) return;
    this.sawFirstToken = true;
    if (token !== TokenType.LEFT_BRACE) {
      throw new Error(`it starts with ${TokenType[token]}, not an object`);
    }
  }

  private collect({ value, key, stack }: ParsedElementInfo): void {
    if (this.ending) return; // nothing completes while ending: see the class comment
    if (stack.length === 1 && typeof key === "string") {
      this.pending.push({ kind: "field", name: key, value });
    } else if (stack.length === 2 && typeof key === "number") {
      const field = stack[1]?.key;
      if (typeof field === "string") this.pending.push({ kind: "item", field, index: key, value });
    }
  }

  private flush(): void {
    const parts = this.pending;
    this.pending = [];
    for (const part of parts) this.listener(part);
  }

  private fail(message: string, cause?: unknown): void {
    this.failure ??= new MalformedAnswerError(message, this.charactersRead, cause);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
