import { describe, expect, it } from "vitest";
import { generatedModeConfigSchema } from "../../../src/services/mode/mode.contract.js";
import { INDUSTRY_CATALOG } from "../../../src/services/mode/catalog/industry-catalog.js";
import { generateOfflineModeConfig } from "../../../src/services/mode/catalog/offline-mode-generator.js";
import { hashedModeId, toSnakeId as toSnakeCaseId } from "../../../src/services/mode/mode-id.js";
import { toTitleCase } from "../../../src/services/mode/text-sanitize.js";
import {
  SEED_COLOR_PALETTE,
  seedColorFromTextHex,
} from "../../../src/services/mode/catalog/seed-color.js";

const HEX = /^#[0-9a-f]{6}$/;
const SNAKE_CASE = /^[a-z0-9]+(_[a-z0-9]+)*$/;

describe("generateOfflineModeConfig", () => {
  it("returns the catalog entry's content for a plain match", () => {
    const { config, matchedId } = generateOfflineModeConfig("pet shop");
    const entry = INDUSTRY_CATALOG.find((candidate) => candidate.id === "pet_store")!;
    expect(matchedId).toBe("pet_store");
    expect(config).toEqual({
      industry_name: "Pet Store",
      industry_id: "pet_store",
      primary_color: entry.primaryColor,
      tabs: entry.tabs,
      default_metrics: entry.metrics,
      personality_traits: entry.traits,
      system_prompt_fragment: entry.promptFragment,
      welcome_message: entry.welcomeMessage,
    });
    expect(generatedModeConfigSchema.parse(config)).toEqual(config);
  });

  it.each([
    ["resturant", "Restaurant", "restaurant"],
    ["Bäckerei", "Bakery", "bakery"],
    ["  PHARMACY ", "Pharmacy", "pharmacy"],
    ["organic pet food shop", "Organic Pet Food Shop", "organic_pet_food_shop"],
    ["Bäckerei Müller", "Bäckerei Müller", "backerei_muller"],
    ["italian resturant", "Italian Restaurant", "italian_restaurant"],
    ["a small family bakery", "Bakery", "bakery"],
    ["SaaS startup for dentists", "SaaS Startup for Dentists", "saas_startup_for_dentists"],
  ])("names %j as %j (%s)", (request, name, id) => {
    const { config } = generateOfflineModeConfig(request);
    expect(config.industry_name).toBe(name);
    expect(config.industry_id).toBe(id);
  });

  it("tells the assistant how the user framed a more specific business", () => {
    const { config, matchedId } = generateOfflineModeConfig("organic pet food shop");
    expect(matchedId).toBe("pet_store");
    expect(config.system_prompt_fragment).toMatch(
      /^The business calls itself "Organic Pet Food Shop"/,
    );
  });

  it("builds every catalog entry into a contract-valid config", () => {
    for (const entry of INDUSTRY_CATALOG) {
      const { config, matchedId } = generateOfflineModeConfig(entry.name);
      expect(matchedId, entry.name).toBe(entry.id);
      expect(config.industry_id).toBe(entry.id);
      generatedModeConfigSchema.parse(config);
    }
  });

  it.each([
    ["quantum widget forge", "Quantum Widget Forge", "quantum_widget_forge"],
    // No Latin letters: the id is mode_ + 8 hex of the request (mode.md section 3), set here so
    // no word of a longer request can reach it; emoji alone are no name (issue 11).
    ["花屋", "花屋", hashedModeId("花屋")],
    ["🦄", "General Business", hashedModeId("🦄")],
    ["artisanal ice sculpting", "Artisanal Ice Sculpting", "artisanal_ice_sculpting"],
  ])("gives %j a generic mode named %j", (request, name, id) => {
    const { config, matchedId } = generateOfflineModeConfig(request);
    expect(matchedId).toBeUndefined();
    expect(config.industry_name).toBe(name);
    expect(config.industry_id).toBe(id);
    if (id) expect(config.industry_id).toMatch(SNAKE_CASE);
    expect(config.primary_color).toBe(seedColorFromTextHex(request));
    expect(config.tabs.map((tab) => tab.label)).toEqual([
      "Dashboard",
      "Customers",
      "Operations",
      "Reports",
      "Settings",
    ]);
    expect(config.tabs[0]!.id).toBe("dashboard");
    expect(config.tabs.at(-1)!.id).toBe("settings");
    expect(config.default_metrics).toHaveLength(4);
    expect(config.personality_traits.length).toBeGreaterThanOrEqual(3);
    expect(config.welcome_message).toContain(name);
    generatedModeConfigSchema.parse(config);
  });

  it("is deterministic", () => {
    for (const request of [
      "pet store",
      "resturant",
      "organic pet food shop",
      "花屋",
      "🦄",
      "zzz",
    ]) {
      expect(generateOfflineModeConfig(request)).toEqual(generateOfflineModeConfig(request));
    }
  });
});

describe("seedColorFromTextHex", () => {
  it("offers about 24 distinct, valid colours", () => {
    expect(SEED_COLOR_PALETTE.length).toBeGreaterThanOrEqual(20);
    expect(new Set(SEED_COLOR_PALETTE).size).toBe(SEED_COLOR_PALETTE.length);
    for (const colour of SEED_COLOR_PALETTE) expect(colour).toMatch(HEX);
  });

  it("is deterministic and ignores case and spacing", () => {
    const colour = seedColorFromTextHex("Quantum Widget Forge");
    expect(colour).toMatch(HEX);
    expect(SEED_COLOR_PALETTE).toContain(colour);
    expect(seedColorFromTextHex("quantum widget forge")).toBe(colour);
    expect(seedColorFromTextHex("  QUANTUM   widget forge ")).toBe(colour);
  });

  it("pins a few values so the mapping cannot drift silently", () => {
    expect(seedColorFromTextHex("quantum widget forge")).toBe("#2e9e5e");
    expect(seedColorFromTextHex("花屋")).toBe("#e0603a");
    expect(seedColorFromTextHex("🦄")).toBe("#3b6fd8");
  });

  it("spreads requests over the palette", () => {
    const used = new Set(
      Array.from({ length: 500 }, (_, index) => seedColorFromTextHex(`industry ${index}`)),
    );
    expect(used.size).toBe(SEED_COLOR_PALETTE.length);
  });
});

describe("name and id helpers", () => {
  it("title-cases while keeping intentional capitals", () => {
    expect(toTitleCase("pet store")).toBe("Pet Store");
    expect(toTitleCase("IT support for the e-commerce sector")).toBe(
      "IT Support for the E-Commerce Sector",
    );
    expect(toTitleCase("ORGANIC FARM")).toBe("Organic FARM");
    expect(toTitleCase("花屋")).toBe("花屋");
  });

  it("builds snake_case ids of at most 48 characters at a word boundary", () => {
    expect(toSnakeCaseId("Bäckerei Müller & Söhne")).toBe("backerei_muller_sohne");
    const long = toSnakeCaseId("the quite remarkably long name of a very specific business indeed");
    expect(long).toBe("the_quite_remarkably_long_name_of_a_very");
    expect(toSnakeCaseId("🦄")).toBe("");
  });
});
