import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GenerateModeDocument, ModeByIdDocument, ModesDocument } from "../generated/graphql.js";
import type { ModesQuery } from "../generated/graphql.js";
import { errorReply, jsonCompletion } from "../support/fake-openai-server.js";
import { petStoreAnswer } from "../support/mode-answers.js";
import { useAzureModeApi } from "../support/azure-mode-api.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";

// Mode ids are unique per stored mode, and the generation cache only ever answers a request
// with the mode generated for that request.
describe("mode ids with a model that repeats itself", () => {
  const modeApi = useAzureModeApi();
  const { azure } = modeApi;
  const generate = (industry: string) =>
    modeApi.api.execute(GenerateModeDocument, { input: { industry } });

  it("gives two requests whose answers carry the same industry_id distinct ids, and each repeat its own mode", async () => {
    azure.enqueue(
      jsonCompletion(petStoreAnswer({ industry_name: "Dog Groomer", industry_id: "pet_services" })),
    );
    azure.enqueue(
      jsonCompletion(
        petStoreAnswer({
          industry_name: "Aquarium Shop",
          industry_id: "pet_services",
          primary_color: "#0EA5E9",
        }),
      ),
    );
    const groomer = (await generate("dog groomer")).body.data!.generateMode.mode;
    const aquarium = (await generate("aquarium shop")).body.data!.generateMode.mode;
    expect(groomer.id).toBe("pet_services");
    expect(aquarium.id).toMatch(/^pet_services_[0-9a-f]{6}$/);
    expect(aquarium.tabs[1]!.id).toBe(`ModeTab:${aquarium.id}:inventory`);

    const groomerAgain = (await generate("dog groomer")).body.data!.generateMode;
    const aquariumAgain = (await generate("aquarium shop")).body.data!.generateMode;
    expect(azure.requests).toHaveLength(2);
    expect(groomerAgain.generation.provider).toBe("CACHE");
    expect(groomerAgain.mode).toEqual(groomer);
    expect(aquariumAgain.mode).toEqual(aquarium);

    const byId = await modeApi.api.execute(ModeByIdDocument, { id: aquarium.id });
    expect(byId.body.data!.mode).toEqual(aquarium);
    expect(
      (await modeApi.api.execute(ModeByIdDocument, { id: groomer.id })).body.data!.mode!.name,
    ).toBe("Dog Groomer");
  });

  it("never lets a generated mode take a fallback's id, nor a fallback be served as the cache", async () => {
    azure.enqueue(errorReply(400, "bad request"));
    const fallback = (await generate("ferret farm")).body.data!.generateMode;
    expect(fallback.mode.source).toBe("FALLBACK");

    azure.enqueue(
      jsonCompletion(
        petStoreAnswer({ industry_name: "Ferret Farm", industry_id: fallback.mode.id }),
      ),
    );
    const generated = (await generate("ferret farm")).body.data!.generateMode;
    expect(generated.mode.source).toBe("GENERATED");
    expect(generated.mode.id).not.toBe(fallback.mode.id);
    // Both stay reachable under their own ids.
    expect(
      (await modeApi.api.execute(ModeByIdDocument, { id: fallback.mode.id })).body.data!.mode!
        .source,
    ).toBe("FALLBACK");
    expect(
      (await modeApi.api.execute(ModeByIdDocument, { id: generated.mode.id })).body.data!.mode!
        .source,
    ).toBe("GENERATED");
  });
});

describe("mode ids offline, and the modes connection", () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(() => api.close());
  const generate = async (industry: string) =>
    (await api.execute(GenerateModeDocument, { input: { industry } })).body.data!.generateMode;

  it("gives near-synonyms that land on one catalog entry distinct ids, and each repeat its own mode", async () => {
    // "food truck" was the synonym here until it got a sector of its own (issue 11).
    const truck = await generate("bistro");
    const typo = await generate("resturant");
    expect(truck.mode.name).toBe(typo.mode.name);
    expect(truck.mode.id).not.toBe(typo.mode.id);
    expect((await generate("bistro")).mode).toEqual(truck.mode);
    expect((await generate("resturant")).mode).toEqual(typo.mode);
    expect(truck.mode.industry).toBe("bistro");
    expect(typo.mode.industry).toBe("resturant");
  });

  it("pages through built-ins then generated modes in creation order, each exactly once", async () => {
    for (const industry of ["bakery", "florist", "gym", "farm", "hotel"]) await generate(industry);
    const all = await api.execute(ModesDocument, { first: 100 });
    const expected = all.body.data!.modes.edges.map((edge) => edge.node.id);
    expect(expected.slice(0, 4)).toEqual(["default", "banking", "insurance", "healthcare"]);
    expect(all.body.data!.modes.totalCount).toBe(expected.length);
    expect(all.body.data!.modes.pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: false,
    });

    // Reading a mode does not move it: pages stay stable while clients read.
    await api.execute(ModeByIdDocument, { id: expected[5]! });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: ModesQuery["modes"] = (await api.execute(ModesDocument, { first: 3, after })).body
        .data!.modes;
      pages++;
      expect(page.edges.length).toBeLessThanOrEqual(3);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 3));
  });

  it("defaults to a page of 20 and answers first: 0 with an empty page", async () => {
    for (let index = 0; index < 20; index++) await generate(`widget workshop ${index}`);
    const page = (await api.execute(ModesDocument, {})).body.data!.modes;
    expect(page.edges).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const empty = (await api.execute(ModesDocument, { first: 0 })).body.data!.modes;
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo).toMatchObject({ startCursor: null, endCursor: null, hasNextPage: true });
  });
});
