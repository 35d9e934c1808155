import type { Binding } from "./bind-params.js";
import type { Component } from "./components.js";
import { isSink } from "./relevance.js";
import { nameTokens } from "./words.js";

/** Extensions of files that are no text: a text reader would hand on bytes, not their words. */
const KINDS: readonly [RegExp, string][] = [
  [/\.(jpe?g|png|gif|bmp|tiff?|webp|heic)$/i, "an image"],
  [/\.(wav|mp3|m4a|ogg|flac|aac|opus)$/i, "an audio recording"],
  [/\.(mp4|mov|avi|mkv|webm)$/i, "a video"],
  [/\.pdf$/i, "a PDF"],
  [/\.(zip|tar|gz|tgz|7z|rar)$/i, "an archive"],
  [/\.(docx?|xlsx?|pptx?|odt)$/i, "an office document"],
];

/** What kind of non-text file a value names ("an image" for scans/receipt.jpg), if any. */
export function nonTextKind(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  return KINDS.find(([pattern]) => pattern.test(value.trim()))?.[1];
}

/** Words by which a reader says it takes some non-text kind (ocr-image, pdf-to-text). */
const KIND_WORDS = new Set(["image", "images", "pdf", "audio", "video", "archive", "zip", "docx"]);

/**
 * A component that reads text files ("Reads a text file from the local disk"): it must not get
 * an image or a recording, which only a reader for that kind can turn into text.
 */
export function readsTextFiles(component: Component): boolean {
  if (isSink(component) || component.llmLike) return false;
  const words = [...nameTokens(component.name), ...nameTokens(component.description)];
  return (
    words.includes("read") &&
    words.includes("text") &&
    words.some((word) => word === "file" || word === "files") &&
    !words.some((word) => KIND_WORDS.has(word))
  );
}

/**
 * Chosen components less a text-file reader that takes no value while another chosen step reads
 * the request's image or recording: "Read the Japanese text on scans/receipt.jpg" asks ocr-image
 * to read it; read-file only shares the verb and would need a file nobody named.
 */
export function dropTextReadersOfMedia(
  chosen: readonly Component[],
  bindings: readonly Binding[],
): Component[] {
  const mediaRead = bindings.some(
    (binding) =>
      nonTextKind(binding.param.value) !== undefined && !readsTextFiles(binding.component),
  );
  if (!mediaRead) return [...chosen];
  return chosen.filter(
    (component) =>
      !readsTextFiles(component) || bindings.some((binding) => binding.component === component),
  );
}
