import { escapeRegExp } from "./escape-reg-exp.js";

/**
 * Blocks of data inside a prompt: text from a caller or a model, between markers that tell the
 * model where the data starts and ends. The text must not be able to end its block early (and
 * speak as the server after it) nor open a look-alike block, so every marker of the block inside
 * the text is broken before the text is framed. Markers are matched in any letter case: a model
 * reads `</USER_REQUEST>` as a closing tag as readily as `</user_request>`.
 */

/** How a kind of block is marked, and how a marker found inside the text is broken. */
interface BlockStyle {
  /** The strings that would read as this block's markers, for a block named `name`. */
  markers(name: string): string[];
  /** The marker as it was found (its own letter case), changed so it no longer reads as one. */
  broken(found: string): string;
}

/** `<name>` … `</name>`: `<name` and `</name` become `<\name` and `<\/name`. */
const TAG: BlockStyle = {
  markers: (name) => [`</${name}`, `<${name}`],
  broken: (found) => `<\\${found.slice(1)}`,
};

/** `<<<NAME` … `NAME>>>`: a space goes between the name and its angle brackets. */
const ANGLES: BlockStyle = {
  markers: (name) => [`${name}>>>`, `<<<${name}`],
  broken: (found) =>
    found.startsWith("<<<") ? `<<< ${found.slice(3)}` : `${found.slice(0, -3)} >>>`,
};

/**
 * `text` with every marker of the block broken. Breaking a marker only inserts characters that no
 * marker contains, so it never makes a new one; the loop is for markers that overlap
 * ("<<<NAME>>>" holds both), which one pass of a regular expression would leave half intact.
 */
function defuse(text: string, style: BlockStyle, name: string): string {
  const pattern = new RegExp(style.markers(name).map(escapeRegExp).join("|"), "gi");
  let defused = text;
  while (pattern.test(defused)) {
    pattern.lastIndex = 0;
    defused = defused.replace(pattern, style.broken);
  }
  return defused;
}

/**
 * A tagged block, `<tag>`, a comment saying what the data is, the text, `</tag>`; used for the
 * workflow generator's user turn.
 */
export function taggedDataBlock(tag: string, label: string, text: string): string {
  return `<${tag}>\n<!-- ${label} -->\n${defuse(text, TAG, tag)}\n</${tag}>`;
}

/** `text` with the markers of a `<<<NAME` … `NAME>>>` block broken (see {@link markedDataBlock}). */
export function defuseMarkedData(name: string, text: string): string {
  return defuse(text, ANGLES, name);
}

/**
 * `<<<NAME`, the text, `NAME>>>`: used for the mode prompts. Breaking markers adds characters: a
 * caller that must keep the block within a length defuses first ({@link defuseMarkedData}), then
 * shortens, then frames (framing defused text changes nothing).
 */
export function markedDataBlock(name: string, text: string): string {
  return `<<<${name}\n${defuseMarkedData(name, text)}\n${name}>>>`;
}
