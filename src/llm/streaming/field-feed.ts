import type { AnswerFieldListener } from "../structured-llm.js";
import { AnswerFieldReader, MalformedAnswerError } from "./answer-field-reader.js";

/**
 * What an adapter feeds the answer's text to while it streams: one per HTTP request. Completed
 * top-level fields go to `onField`. Text that turns out not to be a JSON object (a JSON-mode
 * answer in a code fence, a cut-off stream) only stops the fields quietly: the adapter judges the
 * whole answer afterwards exactly as `generate` does, and that check reports the failure with its
 * GenerationFailure code. A listener that throws fails the call with its own error.
 */
export function createFieldFeed(onField: AnswerFieldListener): (text: string) => void {
  const reader = new AnswerFieldReader((part) => {
    if (part.kind === "field") onField(part.name, part.value);
  });
  let readable = true;
  return (text) => {
    if (!readable) return;
    try {
      reader.write(text);
    } catch (error) {
      if (!(error instanceof MalformedAnswerError)) throw error;
      readable = false;
    }
  };
}
