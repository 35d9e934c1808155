import type { Component, Slot } from "./components.js";
import { inputTypeOf } from "./value-types.js";
import { nameTokens } from "./words.js";

/** Output names that carry where a step put a file: pdf_path, file_path, local_path, archive_path. */
const PATH_OUTPUT = /(^|_)(path|file|filename)$/i;
/** Slot words that say the slot takes files to work on: attachment_paths, "Local files to attach". */
const ATTACH_WORDS = /\battach(ment)?s?\b|\battach(ment)?_|_attach(ment)?s?\b/i;
const PATH_WORDS = new Set(["path", "paths", "file", "files"]);
/** Words that make a path slot a destination, not files to take: output_path, destination. */
const DESTINATION_WORDS = new Set(["output", "destination", "target", "dest", "out"]);

/** An output that says it is the path of a file an earlier step made or fetched. */
export function isPathOutput(name: string, type: string): boolean {
  return PATH_OUTPUT.test(name) && inputTypeOf(type) === "string";
}

/**
 * An input that takes files to send or pack: its name or description says attachment, or it is a
 * list of paths (local_paths). A destination (output_path) is no such input.
 */
export function takesFilePaths(slot: Slot): boolean {
  const tokens = nameTokens(slot.name);
  if (tokens.some((token) => DESTINATION_WORDS.has(token))) return false;
  const type = inputTypeOf(slot.type);
  if (type !== "string" && type !== "array") return false;
  if (ATTACH_WORDS.test(slot.name) || ATTACH_WORDS.test(slot.description)) return true;
  return type === "array" && tokens.some((token) => PATH_WORDS.has(token));
}

/** Whether a component has an input for files, so a file path is never its text body. */
export function hasFilePathInput(component: Component): boolean {
  return component.slots.some(takesFilePaths);
}
