import { describe, expect, it } from "vitest";
import { genericArchetype } from "../../../src/services/mode/catalog/generic-archetypes.js";
import { generateOfflineModeConfig } from "../../../src/services/mode/catalog/offline-mode-generator.js";

// Of a second set of 60 held-out requests, 14 got the service-desk figures of the generic mode
// although the business sells, makes, teaches, runs projects, rents or lends. Every case below
// failed on catalog-3, except the service-desk cases, which guard against over-reading.

function genericLabels(request: string): string[] {
  const { config, matchedId } = generateOfflineModeConfig(request);
  expect(matchedId).toBeUndefined();
  return config.default_metrics.map((metric) => metric.label);
}

describe("the generic mode's figures follow the kind of business", () => {
  it.each([
    ["Second-hand furniture store", "Average Order Value"],
    ["toy store", "Average Order Value"],
    ["fishmonger", "Average Order Value"],
    ["macelleria di famiglia dal 1962", "Average Order Value"],
    ["we make natural cosmetics and skincare", "Units Made This Month"],
    ["bean-to-bar chocolate maker", "Units Made This Month"],
    ["I run a small carpentry workshop making custom kitchen cabinets", "Units Made This Month"],
    ["coding bootcamp", "Class Fill Rate"],
    ["pottery studio with classes", "Class Fill Rate"],
    ["management consulting", "Active Projects"],
    ["video production company", "Active Projects"],
    ["engineering consultancy", "Active Projects"],
    // "we make" websites or films: what is delivered is a project, not units.
    ["we make websites for small businesses", "Active Projects"],
    ["we make short films", "Active Projects"],
    ["construction equipment rental", "Units Out"],
    ["we rent out kayaks", "Units Out"],
    ["microfinance lender in Kenya", "Repayment Rate"],
  ])("%j shows %j", (request, label) => {
    expect(genericLabels(request)).toContain(label);
  });

  it.each([
    "chimney sweep",
    "pool cleaning and maintenance company in Phoenix",
    "sewing machine repair",
    // "installation" is the work, not an electrician's trade.
    "We install and service elevators for commercial buildings",
    // A studio alone serves appointments; only a design studio's "firm"/"agency" runs projects.
    "tattoo studio",
    "quantum widget forge",
  ])("keeps the service-desk figures for %j", (request) => {
    expect(genericLabels(request)).toContain("Open Requests");
  });

  it("lets a specific word beat a weak one in either order", () => {
    // "shop" alone would say "sells"; "classes" says "teaches" wherever it stands.
    expect(genericArchetype("piano repair shop", "piano repair shop").id).toBe("serves");
    expect(genericArchetype("pottery studio", "pottery studio with classes").id).toBe("teaches");
    expect(genericArchetype("surf shop", "surf shop").id).toBe("sells");
  });

  it("does not read a request to make the dashboard as a maker", () => {
    expect(genericLabels("make me a mode for a chimney sweep")).toContain("Open Requests");
  });

  it("gives the archetype's tabs and topics, dashboard first and settings last", () => {
    const { config } = generateOfflineModeConfig("toy store");
    expect(config.tabs.map((tab) => tab.id)).toEqual([
      "dashboard",
      "products",
      "orders",
      "customers",
      "settings",
    ]);
    expect(config.welcome_message).toContain("sales, orders");
    expect(config.system_prompt_fragment).toContain("sales, orders");
  });
});
