import type { GeneratedModeConfig } from "../mode.contract.js";
import type { CatalogEntry } from "./industry-catalog.js";
import { toSnakeId } from "../mode-id.js";
import { toTitleCase } from "../text-sanitize.js";
import { explainIndustryMatch } from "./industry-matcher.js";
import type { IndustryMatchDetail } from "./industry-matcher.js";
import { seedColorFromTextHex } from "./seed-color.js";

/**
 * Version of the catalog and its naming rules; part of the cache identity of offline and fallback
 * modes, so a changed catalog never serves a mode built by the old one. Bump on any change.
 */
export const OFFLINE_CATALOG_VERSION = "catalog-1";

export interface OfflineModeConfig {
  readonly config: GeneratedModeConfig;
  /** The catalog entry used, or undefined when the generic mode was built. */
  readonly matchedId: string | undefined;
}

/** Same bounds as the enforcer's name limit; longer user wording falls back to the entry name. */
const MAX_OWN_NAME_LENGTH = 60;
const MAX_QUALIFIER_WORDS = 4;

const LEADING_ARTICLE = /^(?:a|an|the)\s+/i;

/**
 * Naming policy for a matched request. The catalog's name is canonical and fixes typos and
 * translations ("resturant" -> "Restaurant", "Bäckerei" -> "Bakery"). The user's own words win
 * only when they say more than the entry: some words did not match anything (qualifiers such as
 * "organic" or a business name such as "Müller").
 *  - every matched word spelled right -> the request itself, Title Cased
 *    ("organic pet food shop" -> "Organic Pet Food Shop", "Bäckerei Müller" -> "Bäckerei Müller");
 *  - a matched word was a typo -> the qualifiers plus the entry's name
 *    ("italian resturant" -> "Italian Restaurant"), so the typo never reaches the UI.
 * Overlong wording or more than four qualifiers fall back to the entry's name.
 */
function nameForMatch(request: string, match: IndustryMatchDetail): string {
  const qualifiers = match.tokens.filter(
    (token, index) => match.tokenMatches[index] === "none" && token.weight === 1,
  );
  if (qualifiers.length === 0 || qualifiers.length > MAX_QUALIFIER_WORDS) return match.entry.name;

  const hasTypo = match.tokenMatches.some((kind) => kind === "fuzzy");
  const name = hasTypo
    ? toTitleCase(`${qualifiers.map((token) => token.surface).join(" ")} ${match.entry.name}`)
    : toTitleCase(request.trim().replace(LEADING_ARTICLE, ""));
  return name.length <= MAX_OWN_NAME_LENGTH && toSnakeId(name) !== "" ? name : match.entry.name;
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

/** A coherent mode for an industry the catalog does not know, named after the request. */
function genericConfig(request: string): GeneratedModeConfig {
  const name = toTitleCase(request.trim()) || "General Business";
  return {
    industry_name: name,
    industry_id: toSnakeId(name),
    primary_color: seedColorFromTextHex(request),
    tabs: [
      { id: "dashboard", label: "Dashboard", icon: "📊" },
      { id: "customers", label: "Customers", icon: "👥" },
      { id: "operations", label: "Operations", icon: "🛠️" },
      { id: "reports", label: "Reports", icon: "📋" },
      { id: "settings", label: "Settings", icon: "⚙️" },
    ],
    default_metrics: [
      { label: "Monthly Revenue", value: "$48,250", unit: null },
      { label: "Active Customers", value: "1,284", unit: null },
      { label: "Open Orders", value: "37", unit: null },
      { label: "Customer Satisfaction", value: "92%", unit: null },
    ],
    personality_traits: ["Helpful", "Clear", "Proactive", "Curious about the business"],
    system_prompt_fragment:
      `The business describes its industry as "${name}". There are no curated notes for it, ` +
      "so ask about its customers, products or services and key figures before assuming jargon. " +
      "Typical questions cover revenue trends, customer activity, open orders and operational bottlenecks.",
    welcome_message: `Welcome! I'm your ${name} assistant. Ask me about customers, operations or reports.`,
  };
}

/**
 * Builds a mode from the curated catalog without a model: the offline provider and the FALLBACK
 * when a model call fails. Pure and deterministic. Counts and ids follow the contract already;
 * the caller still runs the usual enforcement (and handles an empty `industry_id`, see
 * {@link toSnakeId}).
 */
export function generateOfflineModeConfig(industry: string): OfflineModeConfig {
  const match = explainIndustryMatch(industry);
  if (!match) return { config: genericConfig(industry), matchedId: undefined };
  return {
    config: configFromEntry(match.entry, nameForMatch(industry, match)),
    matchedId: match.entry.id,
  };
}
