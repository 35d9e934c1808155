import type { Component } from "./components.js";
import type { PlanningRequest } from "./request.js";
import { nameTokens } from "./words.js";

/** Services a request names as the place to deliver to ("… on Discord", "a Jira ticket"). */
const CHANNELS = new Map([
  ["discord", "Discord"],
  ["teams", "Microsoft Teams"],
  ["slack", "Slack"],
  ["telegram", "Telegram"],
  ["whatsapp", "WhatsApp"],
  ["mattermost", "Mattermost"],
  ["webex", "Webex"],
  ["zulip", "Zulip"],
  ["sms", "SMS"],
  ["signal", "Signal"],
  ["imessage", "iMessage"],
  ["mastodon", "Mastodon"],
  ["jira", "Jira"],
  ["github", "GitHub"],
  ["gitlab", "GitLab"],
  ["notion", "Notion"],
  ["trello", "Trello"],
  ["asana", "Asana"],
  ["confluence", "Confluence"],
  ["dropbox", "Dropbox"],
]);
/** Things a request makes in a service ("a Jira ticket"): the service is where the work goes. */
const MADE_THINGS = new Set([
  "ticket",
  "tickets",
  "issue",
  "issues",
  "page",
  "pages",
  "card",
  "cards",
  "task",
  "tasks",
  "bug",
  "bugs",
]);
/** Words before a service name that make it the destination, not a topic ("teams" of people). */
const DESTINATION_WORDS = new Set([
  "on",
  "to",
  "via",
  "in",
  "into",
  "through",
  "over",
  // "text the count to my phone by SMS"
  "by",
  "microsoft",
]);

/**
 * The messaging service the request names as its destination when no offered component speaks
 * it: "post the number to #growth on Discord" with only Slack offered must fail, naming Discord,
 * instead of posting to Slack, and "open a Jira ticket" with only GitHub offered must fail, naming
 * Jira, instead of a model step that only writes about a ticket. Undefined when every named
 * service is offered.
 */
export function missingChannel(
  request: PlanningRequest,
  offered: readonly Component[],
): string | undefined {
  const valueWords = new Set(request.discovered.flatMap((param) => param.wordIndexes));
  const spoken = new Set(
    offered.flatMap((component) => [
      ...nameTokens(component.name),
      ...nameTokens(component.description),
    ]),
  );
  for (const word of request.words) {
    const channel = CHANNELS.get(word.word);
    if (channel === undefined || valueWords.has(word.index) || spoken.has(word.word)) continue;
    const before = request.words[word.index - 1]?.word;
    const after = request.words[word.index + 1]?.word;
    if (before !== undefined && DESTINATION_WORDS.has(before)) return channel;
    if (after !== undefined && MADE_THINGS.has(after)) return channel;
  }
  return undefined;
}
