import type { GeneratedModeConfig } from "../../src/services/mode/mode.contract.js";

/** A well-formed answer for "pet store", as a model would send it. */
export function petStoreAnswer(overrides: Partial<GeneratedModeConfig> = {}): GeneratedModeConfig {
  return {
    industry_name: "Pet Store",
    industry_id: "pet_store",
    primary_color: "#F59E0B",
    tabs: [
      { id: "dashboard", label: "Dashboard", icon: "📊" },
      { id: "inventory", label: "Inventory", icon: "📦" },
      { id: "grooming", label: "Grooming", icon: "✂️" },
      { id: "customers", label: "Customers", icon: "🐶" },
      { id: "settings", label: "Settings", icon: "⚙️" },
    ],
    default_metrics: [
      { label: "Daily Sales", value: "$3,482", unit: null },
      { label: "Grooming Bookings", value: "18", unit: "today" },
      { label: "Low-Stock Items", value: "7", unit: null },
      { label: "Loyalty Members", value: "1,204", unit: null },
    ],
    personality_traits: ["Warm", "Knows pets", "Practical"],
    system_prompt_fragment:
      "Independent pet store selling food, supplies and grooming. Staff ask about stock " +
      "levels, grooming schedules and loyalty programme performance.",
    welcome_message: "Welcome back! Ready to check on today's sales and grooming bookings?",
    ...overrides,
  };
}

/** The fields of api.md's mode wire contract, in order: what every provider must be asked for. */
export const MODE_WIRE_FIELDS = [
  "industry_name",
  "industry_id",
  "primary_color",
  "tabs",
  "default_metrics",
  "personality_traits",
  "system_prompt_fragment",
  "welcome_message",
];
