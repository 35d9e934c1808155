import type { CatalogMetric, CatalogTab } from "./industry-catalog.js";
import { metric, tabs } from "./industry-catalog.js";
import { foldText } from "../../text/fold-text.js";

/**
 * What the generic mode shows when no sector fits: the figures depend on the kind of business
 * the request describes, not on its sector. A toy store tracks sales and stock, a chocolate maker
 * units made and defects, a coding bootcamp enrolments, a consultancy projects, an equipment hire
 * firm what is out on rent, a microfinance lender repayments; trades and offices keep the
 * service-desk figures (open requests, response time), which also suit anything we cannot read.
 */

export type GenericArchetypeId =
  "sells" | "makes" | "teaches" | "projects" | "rents" | "lends" | "serves";

export interface GenericArchetype {
  readonly id: GenericArchetypeId;
  /**
   * Folded whole words that say "this kind of business" outright, in the languages the catalog
   * covers where cheap. They win over {@link weakSignals} wherever they occur in the request.
   */
  readonly signals: RegExp;
  /** Words that say it only when nothing more specific does ("shop", "agency", "firm"). */
  readonly weakSignals?: RegExp;
  /** Dashboard first and settings last, as in every catalog entry. */
  readonly tabs: readonly CatalogTab[];
  readonly metrics: readonly CatalogMetric[];
  /** What the assistant is asked about, for the welcome and the system prompt. */
  readonly topics: string;
}

const words = (...alternatives: string[]): RegExp => new RegExp(`^(?:${alternatives.join("|")})$`);

/**
 * The one table of archetype -> signal words -> tabs and KPIs. "serves" is first: it is also the
 * answer when no word signals anything. A strong signal anywhere beats a weak one, so "piano
 * repair shop" stays a service although "shop" alone would say it sells.
 */
export const GENERIC_ARCHETYPES: readonly GenericArchetype[] = [
  {
    id: "serves",
    signals: words(
      "repairs?",
      "repairing",
      "fix(?:es|ing)?",
      "cleaning",
      "cleaners?",
      "maintenance",
      "maintain(?:s|ing)?",
      "install(?:s|ing|ers?|ation)?",
      "servicing",
    ),
    tabs: tabs(["Customers", "👥"], ["Operations", "🛠️"], ["Reports", "📋"]),
    metrics: [
      metric("Open Requests", "37"),
      metric("Completed This Month", "212"),
      metric("Average Response Time", "4.2", "h"),
      metric("Satisfaction Score", "92%"),
    ],
    topics: "open requests, work completed, response times and operational bottlenecks",
  },
  {
    id: "rents",
    signals: words(
      "rentals?",
      "rent(?:s|ing)?",
      "hire",
      "leasing",
      "\\w*verleih",
      "alquiler",
      "noleggio",
      "aluguel",
      "verhuur",
      "wypozyczalnia",
    ),
    tabs: tabs(["Inventory", "📦"], ["Bookings", "🗓️"], ["Returns", "↩️"]),
    metrics: [
      metric("Utilisation", "71%"),
      metric("Units Out", "128"),
      metric("Rental Revenue", "$42,300"),
      metric("Returns Due Today", "17"),
    ],
    topics: "utilisation, units out on rent, rental revenue and returns due",
  },
  {
    id: "lends",
    signals: words(
      "lenders?",
      "lending",
      "loans?",
      "microfinance",
      "microcredit",
      "microlending",
      "pawnbrokers?",
      "prestamos?",
      "kredyty?",
    ),
    tabs: tabs(["Borrowers", "👥"], ["Loans", "💳"], ["Collections", "📅"]),
    metrics: [
      metric("Loan Portfolio", "$2.4M"),
      metric("Repayment Rate", "96%"),
      metric("Loans in Arrears", "3.1%"),
      metric("New Loans This Month", "214"),
    ],
    topics: "the loan portfolio, repayments, arrears and new loans",
  },
  {
    id: "teaches",
    signals: words(
      "schools?",
      "academy",
      "academies",
      "bootcamps?",
      "class(?:es)?",
      "courses?",
      "lessons?",
      "teach(?:es|ing)?",
      "tutoring",
      "training",
      "akademie",
      "academia",
      "academie",
      "accademia",
      "escola",
      "escuela",
      "ecole",
      "scuola",
      "\\w*schule",
      "szkola",
      "cursos?",
      "corsi",
      "cours",
      "kurse?",
    ),
    tabs: tabs(["Courses", "📚"], ["Students", "🎓"], ["Schedule", "🗓️"]),
    metrics: [
      metric("Enrolments", "184"),
      metric("Class Fill Rate", "82%"),
      metric("Attendance", "91%"),
      metric("Completion Rate", "87%"),
    ],
    topics: "enrolments, class fill rates, attendance and completion",
  },
  {
    id: "makes",
    signals: words(
      "makers?",
      "make",
      "makes",
      "making",
      "manufactur\\w*",
      "factory",
      "factories",
      "workshop",
      "atelier",
      "roastery",
      "distillery",
      "fabri[ck]\\w*",
      "fabbrica",
      "fabryka",
      "usine",
      "hersteller",
      "manufaktur",
    ),
    tabs: tabs(["Production", "🏭"], ["Orders", "🧾"], ["Materials", "📦"]),
    metrics: [
      metric("Units Made This Month", "1,240"),
      metric("Orders in Production", "36"),
      metric("On-Time Delivery", "94%"),
      metric("Defect & Return Rate", "1.8%"),
    ],
    topics: "production, orders in progress, on-time delivery and defects or returns",
  },
  {
    id: "sells",
    signals: words(
      "sell(?:s|ing|ers?)?",
      "retail(?:ers?)?",
      "stalls?",
      "\\w+mongers?",
      "butchers?",
      "grocers?",
      "dealers?",
      "emporium",
      "laden",
      "metzgerei",
      "tienda",
      "carniceria",
      "pescaderia",
      "magasin",
      "boucherie",
      "poissonnerie",
      "negozio",
      "macelleria",
      "pescheria",
      "loja",
      "acougue",
      "peixaria",
      "winkel",
      "slagerij",
      "sklep",
    ),
    weakSignals: words("shops?", "stores?", "boutiques?"),
    tabs: tabs(["Products", "🏷️"], ["Orders", "🧾"], ["Customers", "👥"]),
    metrics: [
      metric("Sales This Month", "$18,400"),
      metric("Orders", "412"),
      metric("Average Order Value", "$44.70"),
      metric("Low-Stock Items", "23"),
    ],
    topics: "sales, orders, average order value and stock levels",
  },
  {
    id: "projects",
    signals: words(
      "consult\\w*",
      // What a studio or agency delivers is a project, even when the request says "we make".
      "websites?",
      "apps?",
      "software",
      "films?",
      "videos?",
      "podcasts?",
      "branding",
      "productions?",
      "agentur",
      "agencia",
      "agence",
      "agenzia",
      "bureau",
    ),
    // Not "studio": a tattoo or nail studio serves appointments, a design studio runs projects.
    weakSignals: words("agency", "agencies", "firms?"),
    tabs: tabs(["Projects", "📁"], ["Clients", "🤝"], ["Team", "👥"]),
    metrics: [
      metric("Active Projects", "14"),
      metric("On-Time Delivery", "88%"),
      metric("Budget Burn", "63%"),
      metric("Pipeline", "$126,000"),
    ],
    topics: "active projects, deadlines, budgets and the pipeline of new work",
  },
];

const SERVES = GENERIC_ARCHETYPES[0]!;

function foldedWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// "make" is also how a request asks for the dashboard ("make me a mode for ..."): it says what
// the business does only after a subject ("we make", "that make").
const SUBJECTS = /^(?:i|we|they|that|which|who|also|and)$/;

function saysWhatItDoes(word: string, index: number, all: readonly string[]): boolean {
  return word !== "make" || SUBJECTS.test(all[index - 1] ?? "");
}

/**
 * The archetype of a request no sector fits. The business phrase is read from its head noun
 * backwards ("bean-to-bar chocolate maker" -> maker), then the rest of the request, whose verbs
 * say it too ("we make natural cosmetics"); a strong signal anywhere beats a weak one ("pottery
 * studio with classes" teaches). Nothing said -> the service-desk set.
 */
export function genericArchetype(phrase: string, request: string): GenericArchetype {
  const candidates = [
    ...foldedWords(phrase).reverse(),
    ...foldedWords(request).filter(saysWhatItDoes),
  ];
  for (const kind of ["signals", "weakSignals"] as const) {
    for (const word of candidates) {
      const found = GENERIC_ARCHETYPES.find((archetype) => archetype[kind]?.test(word));
      if (found) return found;
    }
  }
  return SERVES;
}
