import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { ModeService } from "../../../src/services/mode/mode.service.js";
import { BUILTIN_MODE_IDS } from "../../../src/services/mode/builtin-modes.js";
import { expectModeGuarantees } from "./mode-guarantees.js";

const service = new ModeService({
  deadlineMs: 1000,
  storeCapacity: 100,
  logger: pino({ level: "silent" }),
});

// 48 requests: plain, plural, misspelt, multi-word, non-English, and unknown industries.
const REQUESTS = [
  "pet store",
  "pets store",
  "pet shop",
  "veterinary",
  "Tierarzt",
  "bakery",
  "bakeries",
  "Bäckerei",
  "boulangerie",
  "resturant",
  "ristorante",
  "coffee shop",
  "food truck",
  "phramacy",
  "farmacia",
  "dentist",
  "Zahnarztpraxis",
  "law firm",
  "accounting firm",
  "hardware store",
  "ferretería",
  "librería",
  "bookshop",
  "hair salon",
  "Friseur",
  "gym",
  "yoga studio",
  "hotel",
  "trucking company",
  "warehouse",
  "construction",
  "plumber",
  "school",
  "university",
  "city hall",
  "software agency",
  "photography studio",
  "florist",
  "car dealership",
  "farm",
  "real estate agency",
  "nonprofit",
  "quantum widget forge",
  "花屋",
  "🦄 unicorn rides",
  "ORGANIC PET FOOD SHOP",
  "Bäckerei Müller",
  "bank of the universe",
];

describe("offline modes (no model)", () => {
  it.each(REQUESTS)("%j gets a complete mode that meets every guarantee", async (request) => {
    const { mode, errors, generation } = await service.generateMode(request);
    expect(errors).toEqual([]);
    expect(generation).toMatchObject({ provider: "offline", attempts: 0, cached: true });
    expect(mode.source).toBe("GENERATED");
    expect(BUILTIN_MODE_IDS.has(mode.id)).toBe(false);
    expectModeGuarantees(mode);
  });

  it("gives dissimilar industries dissimilar tabs and metrics", async () => {
    const labelsOf = async (request: string) => {
      const { mode } = await service.generateMode(request);
      return {
        tabs: new Set(mode.tabs.slice(1, -1).map((tab) => tab.label)),
        metrics: new Set(mode.defaultMetrics.map((metric) => metric.label)),
      };
    };
    const jaccard = (first: Set<string>, second: Set<string>) => {
      const shared = [...first].filter((item) => second.has(item)).length;
      return shared / (first.size + second.size - shared);
    };
    const industries = [
      "bakery",
      "law firm",
      "trucking company",
      "dentist",
      "software agency",
      "farm",
    ];
    const labels = await Promise.all(industries.map(labelsOf));
    for (let first = 0; first < labels.length; first++) {
      for (let second = first + 1; second < labels.length; second++) {
        const pair = `${industries[first]} / ${industries[second]}`;
        expect(jaccard(labels[first]!.tabs, labels[second]!.tabs), pair).toBeLessThan(0.34);
        expect(jaccard(labels[first]!.metrics, labels[second]!.metrics), pair).toBeLessThan(0.34);
      }
    }
  });

  it("names an unknown industry after the request and colours it deterministically", async () => {
    const first = await service.generateMode("quantum widget forge");
    const again = await new ModeService({
      deadlineMs: 1000,
      storeCapacity: 10,
      logger: pino({ level: "silent" }),
    }).generateMode("quantum widget forge");
    expect(first.mode.name).toBe("Quantum Widget Forge");
    expect(first.mode.id).toBe("quantum_widget_forge");
    expect(again.mode.theme.seed).toBe(first.mode.theme.seed);
    expect(again.mode).toEqual(first.mode);
  });

  it("gives a request without Latin letters a hashed id", async () => {
    const { mode } = await service.generateMode("花屋");
    expect(mode.id).toMatch(/^mode_[0-9a-f]{8}$/);
    expect(mode.name).toBe("花屋");
  });
});

describe("modes belong to their caller", () => {
  it("keeps 500 modes for each of two principals generating 600 each", async () => {
    const service = new ModeService({
      deadlineMs: 1000,
      storeCapacity: 500,
      logger: pino({ level: "silent" }),
    });
    const alice = { id: "alice" };
    const mallory = { id: "mallory" };
    for (let index = 0; index < 600; index++) {
      await service.generateMode(`alice workshop ${index}`, { principal: alice });
      await service.generateMode(`mallory workshop ${index}`, { principal: mallory });
    }
    for (const [principal, name] of [
      [alice, "alice"],
      [mallory, "mallory"],
    ] as const) {
      const page = await service.listModes({ first: 100 }, principal);
      expect(page.totalCount).toBe(4 + 500);
      const ids: string[] = [];
      for (let after: string | null = null; ;) {
        const next = await service.listModes({ first: 100, after }, principal);
        ids.push(...next.edges.map((edge) => edge.node.id));
        if (!next.pageInfo.hasNextPage) break;
        after = next.pageInfo.endCursor;
      }
      const own = ids.slice(4);
      expect(own).toHaveLength(500);
      // The 500 most recent, oldest first; none of the other principal's.
      expect(own[0]).toBe(`${name}_workshop_100`);
      expect(own.at(-1)).toBe(`${name}_workshop_599`);
      expect(own.every((id) => id.startsWith(`${name}_`))).toBe(true);
    }
    expect(await service.getMode("alice_workshop_599", mallory)).toBeUndefined();
    expect((await service.getMode("alice_workshop_599", alice))?.industry).toBe(
      "alice workshop 599",
    );
  });
});
