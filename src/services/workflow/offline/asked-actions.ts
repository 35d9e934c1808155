import type { Component } from "./components.js";
import { mentionTokens } from "./described-object.js";
import { isSink } from "./relevance.js";
import type { PlanningRequest } from "./request.js";
import type { RequestWord } from "./words.js";
import {
  GENERIC_TOKENS,
  mentionStems,
  nameTokens,
  SINK_VERBS,
  stem,
  VERB_TOKENS,
} from "./words.js";

/** Words after which the next word starts a new instruction: "… and commit it", "then post". */
const CLAUSE_STARTERS = new Set(["and", "then", "also", "please", "to", "or"]);
/** Punctuation between two words that ends one instruction: "from develop, commit …". */
const CLAUSE_PUNCTUATION = /[,;:.!?—–(]/;
/** Verbs of making something new that a component name calls "create": "open a pull request". */
const CREATE_WORDS = ["open", "add"];

/**
 * Whether the request asks for the change a sink makes (write, post, send, commit, push…): one of
 * its action words as an instruction (first word, after "and"/"then" or a comma, so not "the
 * current commit"), on its own object: the instruction names one of the component's specific
 * name words ("post … on Slack" asks slack-post-message, not github-create-issue; "send … to my
 * Telegram chat" asks no email). When no component's object is named, a component whose object is
 * generic (write-file) or whose own verb is the instruction ("commit it") is the one asked.
 */
export function asksForAction(
  component: Component,
  request: PlanningRequest,
  offered: readonly Component[],
): boolean {
  const starts = instructionStarts(request);
  const actions = offered.filter(isSink);
  const isActionWord = (word: RequestWord) =>
    actions.some((action) => actionStems(action).has(word.stem));
  for (const word of request.words) {
    if (!starts.has(word.index) || !actionStems(component).has(word.stem)) continue;
    const clause = clauseAfter(word, request, starts, isActionWord);
    const candidates = actions.filter((action) => actionStems(action).has(word.stem));
    if (namesObject(component, word, clause)) return true;
    if (candidates.some((candidate) => namesObject(candidate, word, clause))) continue;
    const ownVerb = nameTokens(component.name).some(
      (token) => (SINK_VERBS.has(token) || VERB_TOKENS.has(token)) && stem(token) === word.stem,
    );
    if (objectTokens(component).length === 0 || ownVerb) return true;
  }
  return false;
}

/** Stems of the request words that say a component's action: its verbs and their synonyms. */
function actionStems(component: Component): Set<string> {
  const stems = new Set<string>();
  for (const token of nameTokens(component.name)) {
    if (!SINK_VERBS.has(token) && !VERB_TOKENS.has(token)) continue;
    mentionStems(token).forEach((entry) => stems.add(entry));
    if (token === "create") CREATE_WORDS.forEach((entry) => stems.add(stem(entry)));
  }
  // "email the output": the object of send-email is also its instruction.
  for (const token of objectTokens(component)) {
    if (SINK_VERBS.has(token)) stems.add(stem(token));
  }
  return stems;
}

/**
 * Name words of a component that say what it works on: email, issue, slack, comment (not file,
 * data). A word that is both (email, comment, push) is both.
 */
function objectTokens(component: Component): string[] {
  return mentionTokens(component).filter(
    (token) => !GENERIC_TOKENS.has(token) && !VERB_TOKENS.has(token) && token !== "to",
  );
}

function namesObject(component: Component, word: RequestWord, clause: RequestWord[]): boolean {
  const objects = objectTokens(component).map(stem);
  if (objects.includes(word.stem)) return true;
  return clause.some((next) => objects.includes(next.stem));
}

/** Indexes of the words that start an instruction. */
function instructionStarts(request: PlanningRequest): Set<number> {
  const starts = new Set<number>();
  const positions = [...request.text.toLowerCase().matchAll(/[a-z0-9]+/g)];
  request.words.forEach((word, index) => {
    if (index === 0) {
      starts.add(word.index);
      return;
    }
    const previous = positions[index - 1];
    const current = positions[index];
    const between =
      previous !== undefined && current !== undefined
        ? request.text.slice(previous.index + previous[0].length, current.index)
        : "";
    if (CLAUSE_PUNCTUATION.test(between) || CLAUSE_STARTERS.has(request.words[index - 1]!.word)) {
      starts.add(word.index);
    }
  });
  return starts;
}

/** The words after an instruction's verb, up to the next instruction of an offered action. */
function clauseAfter(
  verb: RequestWord,
  request: PlanningRequest,
  starts: ReadonlySet<number>,
  isActionWord: (word: RequestWord) => boolean,
): RequestWord[] {
  const clause: RequestWord[] = [];
  for (const word of request.words.slice(verb.index + 1)) {
    if (starts.has(word.index) && isActionWord(word)) break;
    clause.push(word);
  }
  return clause;
}
