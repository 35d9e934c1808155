import type { Component } from "./components.js";
import { GENERIC_TOKENS, nameTokens, SINK_VERBS, stem } from "./words.js";

/** Words between a description's verb and its object ("Sends *an* email"). */
const ARTICLES = new Set(["a", "an", "the", "one", "some"]);

/**
 * The object a sink's description gives its own action, when the name calls it otherwise:
 * outlook-send-mail is described as "Sends an email …", so "email it to legal@" mentions it.
 * Only when the description's first word restates one of the name's delivery verbs: a reader's
 * "Reads a text file" must not make every "text" in a request a wish for it.
 */
export function describedObject(component: Component): string | undefined {
  const words = nameTokens(component.description);
  const verb = words[0];
  if (verb === undefined) return undefined;
  const nameVerbs = nameTokens(component.name).filter((token) => SINK_VERBS.has(token));
  if (!nameVerbs.some((token) => stem(token) === stem(verb))) return undefined;
  const object = words.slice(1).find((word) => !ARTICLES.has(word));
  if (object === undefined || GENERIC_TOKENS.has(object)) return undefined;
  return nameTokens(component.name).includes(object) ? undefined : object;
}

/** Words that mention a component: its name's, and the object its description adds. */
export function mentionTokens(component: Component): string[] {
  const described = describedObject(component);
  const tokens = nameTokens(component.name);
  return described === undefined ? tokens : [...tokens, described];
}
