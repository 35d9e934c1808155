import type { GeneratedModeConfig } from "../mode.contract.js";
import type { CatalogEntry } from "./industry-catalog.js";
import { hashedModeId, toSnakeId } from "../mode-id.js";
import {
  GENERIC_MODE_NAME,
  businessPhrases,
  nameFromPhrase,
  scrubRequest,
} from "./business-phrase.js";
import { explainIndustryMatch } from "./industry-matcher.js";
import type { IndustryMatchDetail, TokenMatchKind } from "./industry-matcher.js";
import { seedColorFromTextHex } from "./seed-color.js";
import { genericArchetype } from "./generic-archetypes.js";
import type { GenericArchetype } from "./generic-archetypes.js";

/**
 * Version of the catalog and its naming rules; part of the cache identity of offline and fallback
 * modes, so a changed catalog never serves a mode built by the old one. Bump on any change.
 */
export const OFFLINE_CATALOG_VERSION = "catalog-4";

export interface OfflineModeConfig {
  readonly config: GeneratedModeConfig;
  /** The catalog entry used, or undefined when the generic mode was built. */
  readonly matchedId: string | undefined;
}

const MAX_QUALIFIER_WORDS = 4;

/**
 * Naming policy for a matched request, applied to its business phrase (business-phrase.ts), never
 * to the whole sentence. The catalog's name is canonical and fixes typos and translations
 * ("resturant" -> "Restaurant", "Bäckerei" -> "Bakery"). The user's own words win only when they
 * say more than the entry: some words did not match anything (qualifiers such as "organic" or a
 * business name such as "Müller").
 *  - every matched word spelled right -> the phrase itself, Title Cased, at most 40 characters
 *    ("organic pet food shop" -> "Organic Pet Food Shop", "Bäckerei Müller" -> "Bäckerei Müller");
 *  - a matched word was a typo -> the qualifiers plus the entry's name
 *    ("italian resturant" -> "Italian Restaurant"), so the typo never reaches the UI.
 * More than four qualifiers fall back to the entry's name. An umbrella entry ("Resort") takes the
 * phrase, its typos spelled as the keyword they met ("ski resrot" -> "Ski Resort", "acupunture" ->
 * "Acupuncture"), since a typo must never reach the UI.
 */
function nameForMatch(phrase: string, match: IndustryMatchDetail): string {
  const hasTypo = match.tokenMatches.some((kind) => kind === "fuzzy");
  if (match.entry.umbrella) {
    const own = nameFromPhrase(hasTypo ? spelledRight(phrase, match) : phrase);
    if (toSnakeId(own) !== "") return own;
  }
  const qualifiers = match.tokens.filter(
    (token, index) => match.tokenMatches[index] === "none" && token.weight === 1,
  );
  if (qualifiers.length === 0 || qualifiers.length > MAX_QUALIFIER_WORDS) return match.entry.name;
  const name = hasTypo
    ? nameFromPhrase(`${qualifiers.map((token) => token.surface).join(" ")} ${match.entry.name}`)
    : nameFromPhrase(phrase);
  return toSnakeId(name) !== "" ? name : match.entry.name;
}

/** The phrase with each typo replaced by the keyword it was read as ("acupunture" -> "acupuncture"). */
function spelledRight(phrase: string, match: IndustryMatchDetail): string {
  let spelled = phrase;
  match.tokens.forEach((token, index) => {
    const correction = match.corrections[index];
    if (correction) spelled = spelled.replace(token.surface, correction);
  });
  return spelled;
}

function configFromEntry(entry: CatalogEntry, name: string): GeneratedModeConfig {
  const ownName = name !== entry.name;
  return {
    industry_name: name,
    industry_id: ownName ? toSnakeId(name) : entry.id,
    primary_color: entry.primaryColor,
    tabs: entry.tabs.map((tab) => ({ ...tab })),
    default_metrics: entry.metrics.map((metric) => ({ ...metric })),
    personality_traits: [...entry.traits],
    // Tell the assistant how the user framed the business when it differs from the entry.
    system_prompt_fragment: ownName
      ? `The business calls itself "${name}", a kind of ${entry.name.toLowerCase()}. ${entry.promptFragment}`
      : entry.promptFragment,
    welcome_message: entry.welcomeMessage,
  };
}

/**
 * A coherent mode for an industry the catalog does not know (or knows only nearly), named after
 * the request's business phrase, with the figures of the kind of business it describes
 * (generic-archetypes.ts). `request` seeds the colour and, when the name has no Latin letters
 * ("花屋"), the hashed id: its words never reach the id.
 */
function genericConfig(
  request: string,
  phrase: string,
  archetype: GenericArchetype,
): GeneratedModeConfig {
  const ownName = nameFromPhrase(phrase);
  const name = ownName || GENERIC_MODE_NAME;
  return {
    industry_name: name,
    // mode.md: a request with no Latin letters ("花屋", "🦄", "??") gets mode_ + 8 hex.
    industry_id: toSnakeId(ownName) || hashedModeId(request),
    primary_color: seedColorFromTextHex(request),
    tabs: archetype.tabs.map((tab) => ({ ...tab })),
    default_metrics: archetype.metrics.map((metric) => ({ ...metric })),
    personality_traits: ["Helpful", "Clear", "Proactive", "Curious about the business"],
    system_prompt_fragment:
      `The business describes its industry as "${name}". There are no curated notes for it, ` +
      "so ask whom it serves, what it delivers and which figures it tracks before assuming jargon. " +
      `Typical questions cover ${archetype.topics}.`,
    welcome_message: `Welcome! I'm your ${name} assistant. Ask me about ${archetype.topics}.`,
  };
}

/**
 * A match the generator trusts with a sector's tabs and KPIs: the matched words carry at least
 * half of the request's weight, or the head noun (the last content word, as in "The Golden Spoon
 * restaurant") matched exactly. Otherwise the catalog only came near ("dog walking service" knows
 * "dog", not the business), the sector's KPIs would be confidently wrong, and the request gets
 * the generic mode under its own name instead.
 */
const CONFIDENT_COVERAGE = 0.5;

function isConfident(match: IndustryMatchDetail): boolean {
  let total = 0;
  let matched = 0;
  let head: TokenMatchKind = "none";
  for (const [index, token] of match.tokens.entries()) {
    const kind = match.tokenMatches[index] ?? "none";
    total += token.weight;
    if (kind !== "none") matched += token.weight;
    if (token.weight === 1) head = kind;
  }
  return head === "exact" || matched >= CONFIDENT_COVERAGE * total - 1e-9;
}

/**
 * Builds a mode from the curated catalog without a model: the offline provider and the FALLBACK
 * when a model call fails. Pure and deterministic. Counts and ids follow the contract already;
 * the caller still runs the usual enforcement. The request is read as candidate business phrases
 * (business-phrase.ts); the first the catalog knows well picks the sector, else the first names a
 * generic mode.
 */
export function generateOfflineModeConfig(industry: string): OfflineModeConfig {
  const scrubbed = scrubRequest(industry);
  const phrases = businessPhrases(scrubbed);
  for (const phrase of phrases) {
    const match = explainIndustryMatch(phrase);
    if (match && isConfident(match)) {
      return {
        config: configFromEntry(match.entry, nameForMatch(phrase, match)),
        matchedId: match.entry.id,
      };
    }
  }
  const phrase = phrases[0] ?? "";
  return {
    config: genericConfig(industry, phrase, genericArchetype(phrase, scrubbed)),
    matchedId: undefined,
  };
}
