import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { GenerationFailure } from "../../../src/errors/generation-error.js";
import { ModeService } from "../../../src/services/mode/mode.service.js";
import { petStoreAnswer } from "../../support/mode-answers.js";
import { recordingLlm } from "../../support/recording-llm.js";
import { recordingLogger } from "../../support/recording-logger.js";

describe("ModeService", () => {
  it("logs APCA Lc of every pair and the brand-fidelity figure for a generated mode", async () => {
    const llm = recordingLlm([petStoreAnswer()]);
    const { logger, lines } = recordingLogger();
    const service = new ModeService({ llm, logger, deadlineMs: 1000, storeCapacity: 10 });
    const { mode } = await service.generateMode("pet store");

    const advisory = lines.find((line) => String(line.msg).startsWith("theme derived"))!;
    expect(advisory).toMatchObject({ modeId: mode.id, seed: "#f59e0b" });
    expect(advisory.fidelityDeltaE).toEqual(mode.theme.fidelity);
    expect(advisory.apcaLc).toHaveLength(mode.theme.contrast.length);
    expect(advisory.apcaLc).toContain(
      `light foreground/surface ${mode.theme.contrast.find((check) => check.scheme === "light" && check.foreground === "foreground" && check.background === "surface")!.apcaLc}`,
    );
  });

  it("sends the repair retry with the problems and the same output contract", async () => {
    const llm = recordingLlm([petStoreAnswer({ primary_color: "orange-ish" }), petStoreAnswer()]);
    const service = new ModeService({
      llm,
      logger: pino({ level: "silent" }),
      deadlineMs: 1000,
      storeCapacity: 10,
    });
    const result = await service.generateMode("pet store");

    expect(result.generation).toMatchObject({ attempts: 2, inputTokens: 20, outputTokens: 10 });
    expect(llm.calls).toHaveLength(2);
    expect(llm.calls[1]!.user).toContain("primary_color: 'orange-ish' is not a #RRGGBB colour");
    expect(llm.calls[1]!.output).toEqual(llm.calls[0]!.output);
    expect(llm.calls[1]!.output.schema).toBe(llm.calls[0]!.output.schema);
    expect(llm.calls[0]!.signal).toBeInstanceOf(AbortSignal);
  });

  it("does not retry a refusal, and answers with a FALLBACK for the request", async () => {
    const llm = recordingLlm([
      new GenerationFailure("GENERATION_REFUSED", "no"),
      new GenerationFailure("GENERATION_REFUSED", "no"),
    ]);
    const service = new ModeService({
      llm,
      logger: pino({ level: "silent" }),
      deadlineMs: 1000,
      storeCapacity: 10,
    });
    const result = await service.generateMode("pet store");
    expect(llm.calls).toHaveLength(1);
    expect(result.errors).toEqual([{ code: "GENERATION_REFUSED", message: "no" }]);
    expect(result.mode).toMatchObject({ source: "FALLBACK", name: "Pet Store" });
    // Kept so mode(id) and node(id) find what the client holds, but never served as the cache's
    // answer: the next request for the same industry asks the model again.
    expect(await service.getMode(result.mode.id)).toEqual(result.mode);
    const retried = await service.generateMode("pet store");
    expect(llm.calls).toHaveLength(2);
    expect(retried.generation.provider).toBe("azure-openai");
  });
});

describe("ModeService brandFidelity", () => {
  const silent = pino({ level: "silent" });

  it("generates, caches and names the two settings apart", async () => {
    const white = petStoreAnswer({ primary_color: "#FFFFFF" });
    const llm = recordingLlm([white, white]);
    const service = new ModeService({ llm, logger: silent, deadlineMs: 1000, storeCapacity: 10 });

    const standard = await service.generateMode("pet store");
    const faithful = await service.generateMode("pet store", {}, { brandFidelity: true });
    expect(llm.calls).toHaveLength(2);
    expect(faithful.mode.id).not.toBe(standard.mode.id);
    expect(faithful.mode.theme.light.primary).toBe("#ffffff");
    expect(standard.mode.theme.light.primary).not.toBe("#ffffff");

    const again = await service.generateMode("pet store", {}, { brandFidelity: false });
    const faithfulAgain = await service.generateMode("pet store", {}, { brandFidelity: true });
    expect(llm.calls).toHaveLength(2);
    expect(again.mode).toBe(standard.mode);
    expect(faithfulAgain.mode).toBe(faithful.mode);
  });

  it("keeps the fallback modes of the two settings apart", async () => {
    const refusal = () => new GenerationFailure("GENERATION_REFUSED", "no");
    const llm = recordingLlm([refusal(), refusal()]);
    const service = new ModeService({ llm, logger: silent, deadlineMs: 1000, storeCapacity: 10 });

    const standard = await service.generateMode("pet store");
    const faithful = await service.generateMode("pet store", {}, { brandFidelity: true });
    expect(standard.mode.source).toBe("FALLBACK");
    expect(faithful.mode.source).toBe("FALLBACK");
    expect(faithful.mode.id).not.toBe(standard.mode.id);
  });
});
