/** RFC 6455: a close frame's reason is at most 123 bytes of UTF-8 (125 with the code). */
const MAX_CLOSE_REASON_BYTES = 123;

/**
 * A WebSocket close reason within the protocol's 123 bytes: longer text is cut on a character
 * boundary and ends with "…". `ws` throws on a longer reason rather than cutting it.
 */
export function closeReason(text: string): string {
  if (Buffer.byteLength(text, "utf8") <= MAX_CLOSE_REASON_BYTES) return text;
  const ellipsis = "…";
  let kept = "";
  let bytes = Buffer.byteLength(ellipsis, "utf8");
  for (const character of text) {
    const size = Buffer.byteLength(character, "utf8");
    if (bytes + size > MAX_CLOSE_REASON_BYTES) break;
    kept += character;
    bytes += size;
  }
  return kept + ellipsis;
}
