/**
 * The four built-in modes. Names, tabs and metrics are the original Python app's; the traits,
 * notes and welcome lines are ours (the original baked them into free-form prompts), and the
 * themes are re-derived from the original brand colours, which failed contrast as used there.
 */

import { foldCase } from "../text/fold-text.js";

export interface ModeContent {
  id: string;
  name: string;
  /** Seed colour of the theme. */
  seed: string;
  tabs: Array<{ key: string; label: string; icon: string }>;
  metrics: Array<{ label: string; value: string; unit: string | null }>;
  traits: string[];
  welcomeMessage: string;
  /** Industry notes placed in the system prompt's data block. */
  promptFragment: string;
}

export interface BuiltinModeContent extends ModeContent {
  /** Requests that route here without a model call (case-folded, articles removed). */
  aliases: string[];
}

export const BUILTIN_MODES: readonly BuiltinModeContent[] = [
  {
    id: "default",
    name: "Default",
    seed: "#4f46e5",
    aliases: ["default", "general", "generic", "business", "general business"],
    tabs: [
      { key: "dashboard", label: "Dashboard", icon: "📊" },
      { key: "analytics", label: "Analytics", icon: "📈" },
      { key: "reports", label: "Reports", icon: "📋" },
      { key: "settings", label: "Settings", icon: "⚙️" },
    ],
    metrics: [
      { label: "Revenue", value: "$48,250", unit: null },
      { label: "Active Customers", value: "1,284", unit: null },
      { label: "Open Tasks", value: "17", unit: null },
      { label: "Satisfaction", value: "94%", unit: null },
    ],
    traits: ["Helpful", "Concise", "Data-driven"],
    welcomeMessage: "Welcome! Ask me about your numbers, or tell me which industry you're in.",
    promptFragment:
      "A general business dashboard: revenue, customers, tasks and satisfaction. Users ask for " +
      "trends, comparisons between months and quick summaries of where things stand.",
  },
  {
    id: "banking",
    name: "Banking",
    seed: "#1e88e5",
    aliases: ["bank", "banking", "banks", "retail bank", "retail banking"],
    tabs: [
      { key: "dashboard", label: "Dashboard", icon: "📊" },
      { key: "accounts", label: "Accounts", icon: "💳" },
      { key: "transfers", label: "Transfers", icon: "💸" },
      { key: "payments", label: "Payments", icon: "📋" },
      { key: "settings", label: "Settings", icon: "⚙️" },
    ],
    metrics: [
      { label: "Account Balance", value: "$24,856.42", unit: null },
      { label: "Recent Transactions", value: "12", unit: null },
      { label: "Pending Payments", value: "3", unit: null },
      { label: "Credit Score", value: "742", unit: null },
    ],
    traits: ["Trustworthy", "Precise with numbers", "Brief", "Security-minded"],
    welcomeMessage: "Welcome to Meridian Trust Bank. How can I help with your accounts today?",
    promptFragment:
      "Retail banking for Meridian Trust Bank customers: checking and savings balances, " +
      "transfers, scheduled payments and credit score. Balance history trends toward the " +
      "current balance; multi-series charts label points like '2025-01 - Checking'.",
  },
  {
    id: "insurance",
    name: "Insurance",
    seed: "#7b1fa2",
    aliases: ["insurance", "insurer", "insurance company", "insurance agency"],
    tabs: [
      { key: "dashboard", label: "Dashboard", icon: "📊" },
      { key: "policies", label: "Policies", icon: "📄" },
      { key: "claims", label: "Claims", icon: "📝" },
      { key: "coverage", label: "Coverage", icon: "🛡️" },
      { key: "settings", label: "Settings", icon: "⚙️" },
    ],
    metrics: [
      { label: "Active Policies", value: "3", unit: null },
      { label: "Total Coverage", value: "$750,000", unit: null },
      { label: "Pending Claims", value: "1", unit: null },
      { label: "Next Premium", value: "$245", unit: "/mo" },
    ],
    traits: ["Reassuring", "Clear about coverage", "Brief"],
    welcomeMessage: "Welcome to Guardian Shield Insurance. What can I check for you today?",
    promptFragment:
      "Personal insurance at Guardian Shield Insurance: life, auto and home policies, claims " +
      "and their status, coverage limits and premiums. Multi-series charts label points like " +
      "'2025-01 - Auto'.",
  },
  {
    id: "healthcare",
    name: "Healthcare",
    seed: "#00acc1",
    aliases: ["healthcare", "health care", "health", "medical", "health system"],
    tabs: [
      { key: "dashboard", label: "Dashboard", icon: "📊" },
      { key: "appointments", label: "Appointments", icon: "📅" },
      { key: "records", label: "Records", icon: "📋" },
      { key: "prescriptions", label: "Prescriptions", icon: "💊" },
      { key: "settings", label: "Settings", icon: "⚙️" },
    ],
    metrics: [
      { label: "Upcoming Appointments", value: "2", unit: null },
      { label: "Active Prescriptions", value: "4", unit: null },
      { label: "Deductible Met", value: "68%", unit: null },
      { label: "Out-of-Pocket", value: "$1,240", unit: null },
    ],
    traits: ["Caring", "Plain-spoken", "Careful with health details"],
    welcomeMessage: "Welcome to Vitality Health Partners. How can I help with your care today?",
    promptFragment:
      "Patient portal of Vitality Health Partners: appointments, records, prescriptions, " +
      "deductible and out-of-pocket spending. Never give a diagnosis; suggest contacting the " +
      "care team for medical questions.",
  },
];

export const BUILTIN_MODE_IDS: ReadonlySet<string> = new Set(BUILTIN_MODES.map((mode) => mode.id));

/** Folds a request for alias matching: lower case, punctuation to spaces, leading article dropped. */
function routingKey(industry: string): string {
  return foldCase(industry)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^(a|an|the)\s+/, "");
}

const BY_ALIAS = new Map(
  BUILTIN_MODES.flatMap((mode) => mode.aliases.map((alias) => [alias, mode] as const)),
);

/** The built-in mode a request names ("bank", " BANKING ", "a bank"), if any. */
export function findBuiltinMode(industry: string): BuiltinModeContent | undefined {
  return BY_ALIAS.get(routingKey(industry));
}
