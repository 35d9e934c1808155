import type { StreamRecord } from "./loopback-json-server.js";

/**
 * When the token event that carried the last character of `field`'s value left a streaming fake
 * (`performance.now()`, same process). Both wires carry a structured answer as its compact JSON
 * text (message content, tool input), cut into tokens of `charactersPerToken` code points.
 */
export function sentAtOfLastCharacter(
  record: StreamRecord,
  answer: Record<string, unknown>,
  field: string,
  charactersPerToken: number,
): number {
  const answerText = JSON.stringify(answer);
  const valueStart = answerText.indexOf(`"${field}":`) + field.length + 3;
  const valueEnd = valueStart + JSON.stringify(answer[field]).length; // exclusive, UTF-16
  const lastCodePoint = Array.from(answerText.slice(0, valueEnd)).length - 1;
  const tokenEvents = record.events.filter((event) => event.token);
  return tokenEvents[Math.floor(lastCodePoint / charactersPerToken)]!.sentAt;
}
