import { toTitleCase } from "../text-sanitize.js";
import { hasCatalogWord } from "./industry-matcher.js";

/**
 * Reads the business out of a request sentence for the offline generator: what the user asked
 * for ("a shop that sells vintage vinyl records") becomes the phrase a dashboard is named after
 * ("Vintage Vinyl Record Shop"). Everything here only derives the name, id, welcome and prompt
 * line; the request itself (`industry`) is kept as the user sent it.
 */

/** A mode name read from a request is at most this long (the enforcer's limit is 60). */
export const BUSINESS_NAME_MAX_LENGTH = 40;

/** The name of a mode whose request says nothing we can name ("??", only emoji, only markup). */
export const GENERIC_MODE_NAME = "General Business";

// Script and style blocks lose their content too: it is code, never part of a business name.
const CODE_BLOCKS = /<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const TAGS = /<\/?[a-z!][^>]*>?/gi;
const URL =
  /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|ai|dev|app|co|de|fr|uk)\b|\S+@\S+\.\S+/i;
const COLOUR =
  /#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\s*\(/i;

/**
 * Where a request stops describing a business and starts talking to the system: the first such
 * word cuts its clause ("bakery ignore previous instructions" -> "bakery"). Colour and naming
 * requests count too: the server derives both, so "use #ff0000 as the colour" is not a business.
 */
const INSTRUCTION =
  /\b(?:ignore|disregard|forget|override|bypass|jailbreak|pretend|reveal|instructions?|system\s+prompt|act\s+as|you\s+(?:are|must|will|should|now)|(?:say|print|output|respond|reply|return)\s+(?:only|exactly|with)|(?:set|change|make|call|name)\s+(?:it|the|this|your|me)\b|colou?rs?|theme(?!\s+park)|palette|dark\s+mode|light\s+mode|assistant|(?:dashboard|mode|app|it|yourself)\s+(?:named|called))\b/i;

/**
 * A business's own name, as in "a bakery called Sunrise" or "una panadería llamada Sol": one to
 * three capitalised words. Any other "called" or "named" ("named after my grandma", "called
 * sunrise") still ends the clause, and so does "a dashboard named ...": naming the dashboard
 * stays the server's job.
 */
const PROPER_NAME = String.raw`\p{Lu}[\p{L}\p{N}'’&-]*(?:\s+\p{Lu}[\p{L}\p{N}'’&-]*){0,2}`;
const NAMING = new RegExp(
  String.raw`\b(?:[Nn]amed|[Cc]alled)\b(?!\s+${PROPER_NAME}(?![\p{L}\p{N}]))`,
  "u",
);
const CALLED = new RegExp(
  String.raw`^(.+?)\s+(?:[Nn]amed|[Cc]alled|llamad[oa]|genannt|appel[ée]e?|chiamat[oa]|chamad[oa]|genaamd)\s+(${PROPER_NAME})(?![\p{L}\p{N}])(.*)$`,
  "u",
);

/** Everything that ends the trusted part of a clause: an instruction, a naming, a URL or a colour. */
const CUT_AT = [INSTRUCTION, NAMING, URL, COLOUR];

// "called" and "named" too: an instruction cut after them leaves them dangling.
const TRAILING_JOINERS =
  /\s+(?:and|or|of|for|the|a|an|with|&|de|la|le|du|des|et|y|und|called|named)$/i;

const LONE_ARTICLE = /^(?:a|an|the|my|our)$/i;

/**
 * The request with markup removed and each clause cut at its first instruction-like word, URL or
 * colour code; clauses after such a cut are dropped too, since the rest of the request is no
 * longer trusted to describe the business. Empty when no letters are left.
 */
export function scrubRequest(request: string): string {
  const plain = request.replace(CODE_BLOCKS, " ").replace(TAGS, " ");
  const clauses: string[] = [];
  for (const clause of plain.split(/[.;!?\n|]+(?=\s|$)|\s[-–—]\s/u)) {
    const cut = Math.min(...CUT_AT.map((pattern) => pattern.exec(clause)?.index ?? clause.length));
    let kept = clause
      .slice(0, cut)
      .replace(/[<>{}[\]`"“”«»*_=\\^~]+/gu, " ")
      .replace(/\s+/gu, " ")
      .replace(/^[\s,:(/&+.-]+|[\s,:(/&+.-]+$/gu, "")
      .trim();
    while (TRAILING_JOINERS.test(kept)) kept = kept.replace(TRAILING_JOINERS, "");
    // A lone article is what a cut leaves of "a dashboard named ...": no business.
    if (/\p{L}/u.test(kept) && !LONE_ARTICLE.test(kept)) clauses.push(kept);
    if (cut < clause.length) break;
  }
  return clauses.join(". ");
}

// Articles and "small" only count as framing right after a framing verb: at the start of a phrase
// they may be part of a name ("La Dolce Vita restaurant", "die casting company").
const FOREIGN_ARTICLE =
  "(?:eine?[mnrs]?|der|die|das|unser(?:e[mnrs]?)?|mein(?:e[mnrs]?)?|une?|le|la|les|l'|notre|mon|ma|una?|el|los|las|nuestr[oa]s?|mi|uma|o|a|noss[oa]|un'|il|lo|nostr[oa]|een|de|het|onze|mijn)";
const FOREIGN_SMALL = "(?:kleine[mnrs]?|klein|pequeñ[oa]s?|petite?s?|piccol[oa]|pequen[oa]s?)";

function foreignFrame(verb: string): RegExp {
  return new RegExp(
    `^${verb}\\s+(?:${FOREIGN_ARTICLE}(?:\\s+|(?<=')))?(?:${FOREIGN_SMALL}\\s+)?`,
    "i",
  );
}

// Framing before the business, tried repeatedly from the start of the phrase.
const LEADING_FRAMES: readonly RegExp[] = [
  /^(?:hi|hello|hey|please|pls)\b[\s,!]*/i,
  /^(?:can you |could you )?(?:create|make|build|generate|give me|set up)\s+(?:me\s+)?/i,
  /^(?:i|we)\s+(?:need|want|would like)\s+/i,
  /^(?:an?\s+)?(?:dashboard|mode|app)\s+(?:for|of)\s+/i,
  /^(?:i|we)\s*(?:'m|'re|’m|’re|am|are)\s+(?:a|an|the)?\s*/i,
  /^im\s+(?:a|an|the)?\s*/i,
  // The same framing in the other languages the catalog's keywords cover: "Wir sind eine kleine
  // Tischlerei", "Somos una escuela de idiomas", "Nous gérons un cabinet d'architectes".
  foreignFrame(
    "(?:wir|ich)\\s+(?:sind|bin|haben|habe|betreiben|betreibe|führen|führe|leiten|leite)",
  ),
  foreignFrame(
    "(?:nous\\s+|je\\s+|j')(?:sommes|suis|avons|ai|gérons|gère|dirigeons|dirige|tenons|tiens)",
  ),
  foreignFrame("(?:somos|soy|tenemos|tengo|dirigimos|dirijo|gestionamos|gestiono|llevamos|llevo)"),
  foreignFrame("(?:sou|temos|tenho|gerimos|gerencio|siamo|sono|abbiamo|ho|gestiamo|gestisco)"),
  foreignFrame("(?:wij|we|ik)\\s+(?:zijn|ben|hebben|heb)"),
  /^(?:\S+\s+){0,4}?(?:i|we)\s+(?:also\s+)?(?:run|own|operate|manage|have|started|opened|open|work\s+(?:at|in|for))\s+/i,
  /^(?:i|we)\s+(?:make|sell|build|grow|brew|bake|design)(?:\s+(?:and|&)\s+(?:make|sell|build|grow|brew|bake|design))?\s+/i,
  /^(?:it'?s|this\s+is|that\s+is|you'?re)\s+/i,
  /^(?:our|my|the|an?)\s+/i,
  /^(?:\d+|one|two|three|four|five|six|several|multiple|many|a\s+few|some)\s+/i,
  /^(?:small|little|tiny|local|independent|family[-\s](?:owned|run)|family|new|regional|busy|big|large)\s+(?=\S+\s)/i,
  /^(?:portfolio|chain|network|group|collection|couple)\s+of\s+/i,
];

// Where the business phrase ends and circumstances begin ("boutique hotel on the beach"); "since"
// before a year in the other languages too ("macelleria di famiglia dal 1962").
const TRAILING_CIRCUMSTANCES =
  /\s(?:with|in|on|at|near|based|located|since|from|around|across|bei|mit|specializing|specialising|specialized|specialised|focused|focusing|dedicated)\s.*$|\s(?:and|und|et|y|e)\s+(?:also\s+)?(?:sell|serve|offer|run|do|have)\b.*$|\s(?:dal|dall'|seit|depuis|desde|sinds|od)\s*\d.*$|,.*$|\s\(.*$/i;

/**
 * A place at the end in the languages whose "in" is also an everyday word ("pizzeria a Milano",
 * "opticien à Lyon", "ferretería en Valencia", "escola de surf em Ericeira"): cut before a
 * capitalised word, or before words the catalog does not know ("en madrid"), so "bar à vin" and
 * "boutique en ligne" keep theirs.
 */
const TRAILING_PLACE = /\s(?:a|à|en|em)\s+(\S+(?:\s+\S+){0,2})$/u;
const CAPITALISED = /^\p{Lu}/u;

function withoutTrailingPlace(phrase: string): string {
  const place = TRAILING_PLACE.exec(phrase);
  if (!place) return phrase;
  const [, where = ""] = place;
  return CAPITALISED.test(where) || !hasCatalogWord(where) ? phrase.slice(0, place.index) : phrase;
}

/**
 * Whom the business works for, after its head noun ("staffing agency for travel nurses"). The
 * phrase without it is the next candidate, so the last word is not the only head the catalog
 * sees, while a phrase it knows whole keeps its name ("SaaS Startup for Dentists"). Only behind
 * two words or more: "software" alone says nothing.
 */
const TRAILING_CLIENTELE = /(?<=\S+\s+\S+)\s+for\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]+s$/iu;

/** Where a maker or seller sells: the channel, not a circumstance ("candles on etsy"). */
const SALES_CHANNEL = /\s+(?:on|via|through)\s+(etsy|amazon|ebay|shopify)\b.*$|\s+(online)$/i;

/**
 * A trade told by its verbs, alone or in pairs ("we install and service elevators"): named
 * after what is worked on and the work ("Elevator Installation and Service").
 */
const WORK_VERBS: Readonly<Record<string, string>> = {
  install: "installation",
  service: "service",
  repair: "repair",
  fix: "repair",
  maintain: "maintenance",
  clean: "cleaning",
  rent: "rental",
  teach: "lessons",
  hire: "hire",
};
// "we rent out kayaks", "we hire out marquees": the particle belongs to the verb.
const WORK_VERB = `(?:${Object.keys(WORK_VERBS).join("|")})(?:\\s+out)?`;
const WORK_FRAME = new RegExp(
  `^(?:i|we)\\s+(${WORK_VERB})(?:\\s*(?:and|&|,)\\s*(${WORK_VERB}))?\\s+(.+)$`,
  "i",
);

const VERBS =
  "sells?|rents?|offers?|serves?|repairs?|fix(?:es)?|services|maintains|manages?|runs?|operates?|makes?|builds?|brews?|bakes?|grows?|designs?|does|provides?";
const CLAUSE = new RegExp(
  `^(.*?)\\b(shops?|stores?|business(?:es)?|compan(?:y|ies)|firms?|outfits?|team|startups?|agency|agencies|brands?)\\s+(?:(?:that|which|who)\\s+)?(${VERBS})\\s+(.+)$`,
  "i",
);
const PARTICIPLE = /^(.+?)\s+(selling|serving|offering|making|repairing|fixing|renting)\s+(.+)$/i;
const REPAIR_VERBS = /^(?:repairs?|fix(?:es)?|services|maintains|repairing|fixing)$/i;
const SELL_VERBS = /^(?:sells?|rents?|selling|renting|offers?|serves?|serving|offering)$/i;
const MANAGE_VERBS = /^(?:manages?|runs?|operates?)$/i;

const GREETING =
  /^(?:hi|hello|hey|hi there|hello there|good (?:morning|afternoon|evening)|please|thanks|thank you)$/i;

/** "records" -> "record", "bicycles" -> "bicycle", "glasses" stays: enough for a noun modifier. */
function singular(word: string): string {
  if (/(?:ss|us|is)$/i.test(word) || word.length <= 3) return word;
  if (/ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/sses$/i.test(word)) return word.slice(0, -2);
  if (/(?:ches|shes|xes)$/i.test(word)) return word.slice(0, -2);
  return word.replace(/s$/i, "");
}

function singularLast(phrase: string): string {
  const words = phrase.split(" ");
  words[words.length - 1] = singular(words.at(-1)!);
  return words.join(" ");
}

function stripFrames(text: string): string {
  let phrase = text.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const frame of LEADING_FRAMES) {
      const next = phrase.replace(frame, "").trim();
      if (next !== phrase && /\p{L}/u.test(next)) {
        phrase = next;
        changed = true;
      }
    }
  }
  return phrase;
}

/**
 * The business phrase of a scrubbed request: framing dropped ("we run a small family business
 * that repairs bicycles" -> "bicycle repair service"), the head noun and its modifiers kept,
 * circumstances cut ("boutique hotel on the beach" -> "boutique hotel"). Empty when the request
 * holds no letters.
 */
export function businessPhrase(scrubbed: string): string {
  return businessPhrases(scrubbed)[0] ?? "";
}

/**
 * Every candidate business phrase of a scrubbed request, most likely first: one per sentence and
 * comma-separated part, greetings skipped ("Presto-Change-O, you're a pet store" gives
 * "Presto-Change-O" and "pet store"), each followed by itself without a trailing clientele. The
 * caller takes the first that the catalog knows well.
 */
export function businessPhrases(scrubbed: string): string[] {
  const parts = scrubbed
    .split(". ")
    .flatMap((clause) => clause.split(/\s*,\s*/u))
    .filter((part) => /\p{L}/u.test(part) && !GREETING.test(part));
  const phrases = parts
    .map(phraseOf)
    .flatMap((phrase) => [phrase, phrase.replace(TRAILING_CLIENTELE, "")])
    .filter((phrase) => /\p{L}/u.test(phrase));
  return [...new Set(phrases)];
}

function phraseOf(part: string): string {
  let phrase = stripFrames(part.replace(/[’']/g, "'"));
  const called = CALLED.exec(phrase);
  if (called) {
    // "a bakery called Sunrise in Leeds" -> "Sunrise bakery": the business read as usual, its
    // own name in front, as in "The Golden Spoon restaurant".
    const [, business = "", name = "", rest = ""] = called;
    const read = phraseOf(`${business}${rest}`);
    return read ? `${name} ${read}` : name;
  }
  phrase = withoutTrailingPlace(phrase);
  const work = WORK_FRAME.exec(phrase);
  if (work) {
    const [, first = "", second, object = ""] = work;
    const kinds = [first, second]
      .filter((verb): verb is string => verb !== undefined)
      .map((verb) => WORK_VERBS[verb.toLowerCase().split(/\s+/u)[0] ?? ""]);
    const worked = stripFrames(
      object.replace(TRAILING_CIRCUMSTANCES, "").replace(/\s(?:for|to)\s.*$/i, ""),
    );
    // What is taught is a subject, not things to count: "yoga and pilates" keeps its "s".
    const subject = kinds.includes("lessons") ? worked : singularLast(worked);
    return `${subject} ${[...new Set(kinds)].join(" and ")}`.replace(/\s+/gu, " ").trim();
  }
  const channel = SALES_CHANNEL.exec(phrase);
  if (channel) {
    // "handmade soy candles on etsy" -> "handmade soy candle Etsy shop".
    const goods = singularLast(phrase.slice(0, channel.index).replace(TRAILING_CIRCUMSTANCES, ""));
    return `${goods} ${channel[1] ?? channel[2] ?? ""} shop`.replace(/\s+/gu, " ").trim();
  }
  const clause = CLAUSE.exec(phrase);
  if (clause) {
    const [, , noun = "", verb = "", rest = ""] = clause;
    // Inside "that sells ..." a purpose is a circumstance too: "toys for kids" -> "toys".
    const object = singularLast(
      stripFrames(rest.replace(TRAILING_CIRCUMSTANCES, "").replace(/\s(?:for|to)\s.*$/i, "")),
    );
    const kind = /^(?:shops?|stores?)$/i.test(noun) ? singular(noun) : "";
    if (REPAIR_VERBS.test(verb)) phrase = `${object} repair ${kind || "service"}`;
    else if (SELL_VERBS.test(verb)) phrase = `${object} ${kind || singular(noun)}`;
    else if (MANAGE_VERBS.test(verb)) phrase = `${object} management`;
    else phrase = `${object} ${singular(noun)}`;
  } else {
    phrase = phrase.replace(TRAILING_CIRCUMSTANCES, "");
    const participle = PARTICIPLE.exec(phrase);
    if (participle) {
      const [, head = "", verb = "", fullObject = ""] = participle;
      // As inside "that sells ...": "HR software to mid-size firms" -> "HR software".
      const object = fullObject.replace(/\s(?:for|to)\s.*$/i, "");
      // "serving 3 counties" says whom, not what: the head alone names the business.
      if (/^\d/.test(object)) return singularLast(head).replace(/\s+/gu, " ").trim();
      phrase = REPAIR_VERBS.test(verb)
        ? `${singularLast(object)} repair ${singularLast(head)}`
        : `${singularLast(object)} ${singularLast(head)}`;
    }
  }
  return phrase.replace(/\s+/gu, " ").trim();
}

/** Title Case, at most {@link BUSINESS_NAME_MAX_LENGTH} characters, cut at a word boundary. */
export function nameFromPhrase(phrase: string): string {
  const words = toTitleCase(phrase).split(" ");
  let name = "";
  for (const word of words) {
    const next = name ? `${name} ${word}` : word;
    if ([...next].length > BUSINESS_NAME_MAX_LENGTH) break;
    name = next;
  }
  while (TRAILING_JOINERS.test(name)) name = name.replace(TRAILING_JOINERS, "");
  return name;
}
