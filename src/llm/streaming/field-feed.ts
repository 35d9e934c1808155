import type { AnswerFieldListener } from "../structured-llm.js";
import { AnswerFieldReader, MalformedAnswerError } from "./answer-field-reader.js";

/** What an adapter feeds the answer's text to while it streams: one per HTTP request. */
export interface FieldFeed {
  /** The next piece of the answer's text. */
  write(text: string): void;
  /** Whether `error` is one the listener threw (the call fails with it as it is). */
  threw(error: unknown): boolean;
}

/**
 * A feed whose completed top-level fields go to `onField`. Text that turns out not to be a JSON
 * object (a JSON-mode answer in a code fence, a cut-off stream) only stops the fields quietly:
 * the adapter judges the whole answer afterwards exactly as `generate` does, and that check
 * reports the failure with its GenerationFailure code. A listener that throws fails the call with
 * its own error; the feed remembers it, so the adapter never mistakes it for a failure of the
 * wire (a listener's bug is often a TypeError, the class fetch reports a lost connection with).
 */
export function createFieldFeed(onField: AnswerFieldListener): FieldFeed {
  const listenerErrors = new Set<unknown>();
  const reader = new AnswerFieldReader((part) => {
    if (part.kind !== "field") return;
    try {
      onField(part.name, part.value);
    } catch (error) {
      listenerErrors.add(error);
      throw error;
    }
  });
  let readable = true;
  return {
    write(text) {
      if (!readable) return;
      try {
        reader.write(text);
      } catch (error) {
        if (!(error instanceof MalformedAnswerError)) throw error;
        readable = false;
      }
    },
    threw: (error) => listenerErrors.has(error),
  };
}
