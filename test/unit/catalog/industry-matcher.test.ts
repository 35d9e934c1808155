import { describe, expect, it } from "vitest";
import {
  MATCH_THRESHOLD,
  explainIndustryMatch,
  matchIndustry,
  stemWord,
  tokenizeIndustry,
} from "../../../src/services/mode/catalog/industry-matcher.js";
import { foldText } from "../../../src/services/text/fold-text.js";

// request -> the catalog id a person would expect.
const EXPECTED: ReadonlyArray<readonly [request: string, id: string]> = [
  // plain names and synonyms
  ["pet store", "pet_store"],
  ["pet shop", "pet_store"],
  ["pets store", "pet_store"],
  ["Pet Supplies", "pet_store"],
  ["aquarium", "pet_store"],
  ["veterinary", "veterinary_clinic"],
  ["vet", "veterinary_clinic"],
  ["animal hospital", "veterinary_clinic"],
  // A hospital is a sector of its own now (issue 11), not a generic word like "clinic".
  ["hospital", "hospital_operations"],
  ["pet clinic", "veterinary_clinic"],
  ["dog grooming", "pet_grooming"],
  ["bakery", "bakery"],
  ["bakeries", "bakery"],
  ["baker", "bakery"],
  ["coffee shop", "coffee_shop"],
  ["café", "coffee_shop"],
  ["restaurants", "restaurant"],
  ["food truck", "food_truck"],
  ["law firm", "law_firm"],
  ["attorney", "law_firm"],
  ["dentist", "dental_clinic"],
  ["dentistry", "dental_clinic"],
  ["pharmacist", "pharmacy"],
  ["drugstore", "pharmacy"],
  ["trucking", "trucking"],
  ["freight", "trucking"],
  ["software agency", "software_agency"],
  ["IT support", "it_support"],
  ["SaaS", "saas_startup"],
  ["accountants", "accounting_firm"],
  ["bookkeeping", "accounting_firm"],
  ["credit union", "credit_union"],
  ["plumber", "plumbing"],
  ["electricians", "electrician"],
  ["general contractor", "construction"],
  ["lawn care", "landscaping"],
  ["high school", "school"],
  ["university", "university"],
  ["city hall", "city_government"],
  ["public library", "public_library"],
  ["hotels", "hotel"],
  ["bed and breakfast", "hotel"],
  ["wedding planner", "event_planning"],
  ["travel agent", "travel_agency"],
  ["farming", "farm"],
  ["mechanic", "auto_repair"],
  ["car dealership", "car_dealership"],
  ["car wash", "car_wash"],
  ["realtor", "real_estate_agency"],
  ["property manager", "property_management"],
  ["gym", "gym"],
  ["yoga", "yoga_studio"],
  ["hair salon", "hair_salon"],
  ["nail salon", "day_spa"],
  ["barber shop", "barbershop"],
  ["solar panels", "solar_installer"],
  ["power company", "energy_utility"],
  ["charity", "nonprofit"],
  ["animal shelter", "animal_shelter"],
  ["factory", "manufacturing_plant"],
  ["print shop", "print_shop"],
  ["staffing agency", "recruitment_agency"],
  ["dry cleaning", "laundromat"],
  ["caterer", "catering"],
  ["nursing home", "senior_care"],
  ["florists", "florist"],
  ["supermarket", "grocery_store"],
  ["online store", "ecommerce_store"],
  ["craft brewery", "brewery"],
  ["vineyard", "winery"],
  // more words around the industry
  ["organic pet food shop", "pet_store"],
  ["Presto-Change-O, you're a pet store", "pet_store"],
  ["a small family bakery", "bakery"],
  ["SaaS startup for dentists", "saas_startup"],
  // misspellings
  ["resturant", "restaurant"],
  ["phramacy", "pharmacy"],
  ["bakry", "bakery"],
  ["veterinery", "veterinary_clinic"],
  ["acountant", "accounting_firm"],
  ["plumbr", "plumbing"],
  ["photographr", "photography_studio"],
  ["landscapping", "landscaping"],
  // case, accents and other languages
  ["  PET   STORE ", "pet_store"],
  ["Bäckerei", "bakery"],
  ["boulangerie", "bakery"],
  ["panadería", "bakery"],
  ["farmacia", "pharmacy"],
  ["Apotheke", "pharmacy"],
  ["Tierarzt", "veterinary_clinic"],
  ["veterinario", "veterinary_clinic"],
  ["Zahnarzt", "dental_clinic"],
  ["Zahnarztpraxis", "dental_clinic"],
  ["dentiste", "dental_clinic"],
  ["ristorante", "restaurant"],
  ["restaurante", "restaurant"],
  ["ferretería", "hardware_store"],
  ["librería", "bookstore"],
  ["Buchhandlung", "bookstore"],
  ["hôtel", "hotel"],
  ["Friseur", "hair_salon"],
  ["coiffeur", "hair_salon"],
  ["peluquería", "hair_salon"],
  ["peluquería canina", "pet_grooming"],
  ["tienda de mascotas", "pet_store"],
  ["animalerie", "pet_store"],
  ["Steuerberater", "accounting_firm"],
  ["avocat", "law_firm"],
  ["Rechtsanwalt", "law_firm"],
  ["bloemist", "florist"],
  ["Fahrradkurier", "courier"],
];

describe("matchIndustry", () => {
  it("covers at least 40 requests", () => {
    expect(EXPECTED.length).toBeGreaterThanOrEqual(40);
  });

  it.each(EXPECTED)("%j -> %s", (request, id) => {
    const match = matchIndustry(request);
    expect(match?.entry.id).toBe(id);
    expect(match!.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match!.score).toBeLessThanOrEqual(1);
  });

  it.each([
    "quantum widget forge",
    "花屋",
    "🦄",
    "shop",
    "widget store",
    "company",
    "",
    "   ",
    "!!!",
    "12345",
    // Known words are not typos of other words; first letters are not mistyped.
    "car rental",
    "mining company",
  ])("%j matches nothing", (request) => {
    expect(matchIndustry(request)).toBeUndefined();
  });

  it("prefers the veterinary clinic to the pet store for vet words", () => {
    for (const request of ["veterinary", "veterinarian", "vet clinic", "pet hospital"]) {
      expect(matchIndustry(request)?.entry.id).toBe("veterinary_clinic");
    }
  });

  it("scores exact words above typos", () => {
    expect(matchIndustry("restaurant")!.score).toBeGreaterThan(matchIndustry("resturant")!.score);
  });

  it("does not stretch typo tolerance to short words", () => {
    // "cafe" is 4 letters: no edit distance allowed, so "cage" must not become a coffee shop.
    expect(matchIndustry("cage")).toBeUndefined();
  });

  it("is deterministic", () => {
    for (const [request] of EXPECTED) {
      expect(explainIndustryMatch(request)).toEqual(explainIndustryMatch(request));
    }
  });

  it("reports which words matched and how", () => {
    const detail = explainIndustryMatch("italian resturant")!;
    expect(detail.tokens.map((token) => token.folded)).toEqual(["italian", "resturant"]);
    expect(detail.tokenMatches).toEqual(["none", "fuzzy"]);
  });
});

describe("text helpers", () => {
  it("folds case and accents, including letters NFKD leaves alone", () => {
    expect(foldText("Bäckerei")).toBe("backerei");
    expect(foldText("PELUQUERÍA")).toBe("peluqueria");
    expect(foldText("Straße")).toBe("strasse");
  });

  it("stems plural and derived forms to one stem", () => {
    const stems = (words: string[]): Set<string> => new Set(words.map(stemWord));
    expect(stems(["bakery", "bakeries", "baker", "baking", "bakry"]).size).toBe(1);
    expect(stems(["pharmacy", "pharmacies", "pharmacist"]).size).toBe(1);
    expect(stems(["dentist", "dentists", "dentistry"]).size).toBe(1);
    expect(stems(["veterinary", "veterinarian"]).size).toBe(1);
    expect(stemWord("business")).toBe("business");
    expect(stemWord("caterer")).not.toBe(stemWord("cat"));
  });

  it("drops stop words, lone letters and bare numbers", () => {
    expect(tokenizeIndustry("a pet store for 2 dogs").map((token) => token.folded)).toEqual([
      "pet",
      "store",
      "dogs",
    ]);
  });
});
