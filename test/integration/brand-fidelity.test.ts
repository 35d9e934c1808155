import { wcagContrast } from "culori";
import { describe, expect, it } from "vitest";
import { GenerateModeDocument } from "../generated/graphql.js";
import { jsonCompletion } from "../support/fake-openai-server.js";
import { petStoreAnswer } from "../support/mode-answers.js";
import { useAzureModeApi } from "../support/azure-mode-api.js";

const modeApi = useAzureModeApi({
  AZURE_OPENAI_DEPLOYMENT: "modes-deployment",
  MODE_DEADLINE_MS: "1500",
  LLM_TIMEOUT_MS: "5000",
});
const { azure } = modeApi;

/** A model that answers every request with a white brand colour. */
function answerWhite(industry: string): void {
  azure.respondByDefault(() =>
    jsonCompletion(petStoreAnswer({ industry_name: industry, primary_color: "#FFFFFF" })),
  );
}

const generate = (industry: string, brandFidelity?: boolean | null) =>
  modeApi.api.execute(GenerateModeDocument, {
    input: brandFidelity === undefined ? { industry } : { industry, brandFidelity },
  });

describe("generateMode(input: { brandFidelity })", () => {
  it("by default gives a white brand a primary >= 3:1 on background and surface", async () => {
    answerWhite("Snow Shop");
    const { body } = await generate("snow shop");

    expect(body.errors).toBeUndefined();
    const { theme } = body.data!.generateMode.mode;
    expect(theme.seed).toBe("#ffffff");
    for (const scheme of [theme.light, theme.dark]) {
      expect(wcagContrast(scheme.primary, scheme.background)).toBeGreaterThanOrEqual(3);
      expect(wcagContrast(scheme.primary, scheme.surface)).toBeGreaterThanOrEqual(3);
      expect(scheme.primaryBorder).toBe(scheme.primary);
      expect(scheme.chart[0]).toBe(scheme.primary);
    }
    expect(theme.primary).toBe(theme.light.primary);
    expect(theme.contrast.filter((check) => !check.passes)).toEqual([]);
  });

  it("treats an explicit false and null like the default", async () => {
    answerWhite("Chalk Shop");
    const omitted = await generate("chalk shop");
    const explicit = await generate("chalk shop", false);
    const nulled = await generate("chalk shop", null);

    expect(azure.requests).toHaveLength(1);
    const id = omitted.body.data!.generateMode.mode.id;
    expect(explicit.body.data!.generateMode.mode.id).toBe(id);
    expect(nulled.body.data!.generateMode.mode.id).toBe(id);
    expect(explicit.body.data!.generateMode.generation.provider).toBe("CACHE");
  });

  it("with true keeps the white seed as light primary and outlines it with primaryBorder", async () => {
    answerWhite("Paper Shop");
    const { body } = await generate("paper shop", true);

    expect(body.errors).toBeUndefined();
    const { light } = body.data!.generateMode.mode.theme;
    expect(light.primary).toBe("#ffffff");
    expect(light.primaryBorder).not.toBe(light.primary);
    expect(wcagContrast(light.primaryBorder, light.background)).toBeGreaterThanOrEqual(3);
    expect(wcagContrast(light.primaryBorder, light.surface)).toBeGreaterThanOrEqual(3);
    expect(light.chart[0]).toBe(light.primaryBorder);
  });

  it("keeps true and false apart: two generations, two ids, two themes, each cached", async () => {
    answerWhite("Cotton Shop");
    const standard = (await generate("cotton shop", false)).body.data!.generateMode;
    const faithful = (await generate("cotton shop", true)).body.data!.generateMode;

    // Each setting is its own generation: neither answer came from the other's cache entry.
    expect(standard.generation.provider).toBe("AZURE_OPENAI");
    expect(faithful.generation.provider).toBe("AZURE_OPENAI");
    expect(azure.requests).toHaveLength(2);
    expect(faithful.mode.id).not.toBe(standard.mode.id);
    expect(faithful.mode.theme.light.primary).toBe("#ffffff");
    expect(standard.mode.theme.light.primary).not.toBe("#ffffff");

    const standardAgain = (await generate("cotton shop", false)).body.data!.generateMode;
    const faithfulAgain = (await generate("cotton shop", true)).body.data!.generateMode;
    expect(azure.requests).toHaveLength(2);
    expect(standardAgain.generation.provider).toBe("CACHE");
    expect(faithfulAgain.generation.provider).toBe("CACHE");
    expect(standardAgain.mode).toEqual(standard.mode);
    expect(faithfulAgain.mode).toEqual(faithful.mode);
  });
});
