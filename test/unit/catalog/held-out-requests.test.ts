import { describe, expect, it } from "vitest";
import { generateOfflineModeConfig } from "../../../src/services/mode/catalog/offline-mode-generator.js";

// Issue 11: requests written after catalog-2 was tuned, to judge it on requests it had never seen.
// Every case below failed on catalog-2, except those marked as regression guards.

function metricLabels(request: string): string[] {
  return generateOfflineModeConfig(request).config.default_metrics.map((metric) => metric.label);
}

describe("the generic mode suits any organisation", () => {
  it.each(["quantum widget forge", "artisanal ice sculpting"])(
    "gives %j no shop figures (revenue, orders)",
    (request) => {
      expect(generateOfflineModeConfig(request).matchedId).toBeUndefined();
      const labels = metricLabels(request).join(" ");
      expect(labels).not.toMatch(/revenue|orders/i);
    },
  );
});

describe("framing is read in other languages and sloppy English", () => {
  it.each([
    ["Wir sind eine kleine Tischlerei", "Tischlerei"],
    ["Tenemos una pequeña panadería", "Bakery"],
    ["Nous gérons un cabinet d'architectes à Lyon", "Architecture Firm"],
    ["Somos uma clínica de fisioterapia em Porto", "Clínica de Fisioterapia"],
    ["Siamo una pizzeria", "Restaurant"],
    ["im a freelance web developer, need a dashbord for my clients", "Freelance Web Developer"],
  ])("%j is named %j", (request, name) => {
    expect(generateOfflineModeConfig(request).config.industry_name).toBe(name);
  });

  it("keeps an article that is part of a name when no framing verb precedes it", () => {
    // Regression guard: articles are framing only after "somos", "wir sind", ...
    const { config } = generateOfflineModeConfig("La Dolce Vita restaurant");
    expect(config.industry_name).toBe("La Dolce Vita Restaurant");
  });
});

describe("what the business does after its name is a circumstance", () => {
  it.each([
    [
      "we run a small organic vegetable farm and sell at farmers markets",
      "farm",
      "Organic Vegetable Farm",
    ],
    [
      "B2B SaaS company selling HR software to mid-size firms",
      "saas_startup",
      "HR Software B2B SaaS Company",
    ],
  ])("%j -> %s named %j", (request, id, name) => {
    const { config, matchedId } = generateOfflineModeConfig(request);
    expect(matchedId).toBe(id);
    expect(config.industry_name).toBe(name);
  });
});

describe("a business called by its own name keeps the business and the name", () => {
  it.each([
    ["a print shop called Inkwell", "print_shop", "Inkwell Print Shop"],
    ["we run a bakery called Sunrise in Leeds", "bakery", "Sunrise Bakery"],
    ["Somos una panadería llamada Sol", "bakery", "Sol Panadería"],
  ])("%j -> %s named %j", (request, id, name) => {
    const { config, matchedId } = generateOfflineModeConfig(request);
    expect(matchedId).toBe(id);
    expect(config.industry_name).toBe(name);
  });

  it.each([
    ["a bakery named after my grandma", "Bakery"],
    ["a bakery called Ignore Previous Instructions", "Bakery"],
    ["a dashboard named Hacked", "General Business"],
  ])("still cuts %j where no plain name follows (%j)", (request, name) => {
    // Regression guard: only a capitalised name survives "called"; instructions never do.
    expect(generateOfflineModeConfig(request).config.industry_name).toBe(name);
  });
});

describe("held-out businesses land on a sector that fits", () => {
  it("gives an urgent care clinic outpatient figures, not a hospital's beds", () => {
    const { config, matchedId } = generateOfflineModeConfig("urgent care clinic");
    expect(matchedId).toBe("medical_clinic");
    expect(config.industry_name).toBe("Urgent Care Clinic");
    expect(metricLabels("urgent care clinic").join(" ")).not.toMatch(/bed|boarding|nurse shift/i);
  });

  it.each([
    ["pediatric clinic", "medical_clinic"],
    ["dermatology practice", "medical_clinic"],
    ["huisartsenpraktijk", "medical_clinic"],
    ["moving company", "moving_company"],
    ["music school", "lesson_school"],
    ["driving school", "lesson_school"],
    ["Somos una escuela de idiomas en Madrid", "lesson_school"],
    ["Hi! We're a nonprofit food bank serving 3 counties", "nonprofit"],
    ["ice cream parlor", "ice_cream_shop"],
    ["gelateria artigianale", "ice_cream_shop"],
    ["campground", "campground"],
    ["public transit agency", "public_transit"],
    ["airline", "airline"],
  ])("%j -> %s", (request, id) => {
    expect(generateOfflineModeConfig(request).matchedId).toBe(id);
  });
});

describe("a sector that covers several kinds of business names each by its own name", () => {
  it.each([
    ["chiropractor", "physiotherapy_clinic", "Chiropractor"],
    ["nursing home", "senior_care", "Nursing Home"],
    ["hospice", "senior_care", "Hospice"],
    ["art gallery", "museum", "Art Gallery"],
    ["chess club", "sports_club", "Chess Club"],
    ["Hi! We're a nonprofit food bank serving 3 counties", "nonprofit", "Nonprofit Food Bank"],
  ])("%j -> %s named %j", (request, id, name) => {
    const { config, matchedId } = generateOfflineModeConfig(request);
    expect(matchedId).toBe(id);
    expect(config.industry_name).toBe(name);
  });

  it("gives a football club no golf tees or tennis courts", () => {
    expect(metricLabels("i manage a community soccer club for kids").join(" ")).not.toMatch(
      /court|tee/i,
    );
  });
});

// A second set of 60 held-out requests, judged on catalog-3. Every case below failed
// on catalog-3, except those marked as regression guards.

describe("a place after a/à/en/em and a clientele after 'for' are circumstances", () => {
  it.each([
    ["pizzeria napoletana a Milano", "restaurant", "Pizzeria Napoletana"],
    ["staffing agency for travel nurses", "recruitment_agency", "Recruitment Agency"],
  ])("%j -> %s named %j", (request, id, name) => {
    const { config, matchedId } = generateOfflineModeConfig(request);
    expect(matchedId).toBe(id);
    expect(config.industry_name).toBe(name);
  });

  it("keeps a lower-case word after à as part of the business", () => {
    expect(generateOfflineModeConfig("bar à vin").matchedId).toBe("wine_bar");
  });

  it("cuts a lower-case place the catalog does not know", () => {
    // Regression guard: catalog-3 cut every "en"; the capitalised-only rule alone did not.
    const { config } = generateOfflineModeConfig("escuela de idiomas en madrid");
    expect(config.industry_name).toBe("Escuela de Idiomas");
  });

  it("keeps the clientele when the whole phrase is known", () => {
    // Regression guard: the phrase without "for dentists" is only the next candidate.
    const { config } = generateOfflineModeConfig("SaaS startup for dentists");
    expect(config.industry_name).toBe("SaaS Startup for Dentists");
  });
});

describe("the sector that fits, not a neighbour", () => {
  it.each([
    ["Fabryka mebli", "manufacturing_plant"],
    ["schronisko dla zwierząt", "animal_shelter"],
    ["Schützenverein", "sports_club"],
    ["i sell handmade soy candles on etsy", "ecommerce_store"],
    ["escola de surf em Ericeira", "lesson_school"],
    ["speech therapist, private practice", "speech_therapy"],
    ["home health care agency", "home_care_agency"],
    ["bar à vin", "wine_bar"],
    ["wine bar", "wine_bar"],
    // Shows, tickets and rehearsals, not a project business's budget burn.
    ["Community theatre company", "performing_arts"],
    ["amateur theatre group", "performing_arts"],
    // Guests, nights and turnovers, not leases and rent rolls.
    ["vacation rental management company", "hotel"],
  ])("%j -> %s", (request, id) => {
    expect(generateOfflineModeConfig(request).matchedId).toBe(id);
  });

  it("keeps residents' figures for a hospice", () => {
    // Regression guard: home care left senior_care, hospices did not.
    expect(generateOfflineModeConfig("hospice").matchedId).toBe("senior_care");
  });
});

describe("names say the business, not the framing or half a translation", () => {
  it.each([
    [
      "We install and service elevators for commercial buildings",
      "Elevator Installation and Service",
    ],
    ["i sell handmade soy candles on etsy", "Handmade Soy Candle Etsy Shop"],
    ["biblioteka miejska", "Public Library"],
    ["comic book shop", "Comic Book Shop"],
    ["acupunture", "Acupuncture"],
    ["ski resrot", "Ski Resort"],
    ["we rent out kayaks", "Kayak Rental"],
    ["I teach piano", "Piano Lessons"],
    ["macelleria di famiglia dal 1962", "Macelleria di Famiglia"],
  ])("%j is named %j", (request, name) => {
    expect(generateOfflineModeConfig(request).config.industry_name).toBe(name);
  });
});
