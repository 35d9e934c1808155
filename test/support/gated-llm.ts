import type { StructuredCall, StructuredLlm } from "../../src/llm/structured-llm.js";

/**
 * A model seam that holds every call until the test opens the gate, then answers with `answer`.
 * Records each call and whether its signal was aborted, so a test can see exactly how many
 * calls identical concurrent requests made and whether a cancelled one was stopped.
 */
export function gatedLlm(
  answer: () => unknown,
  provider: StructuredLlm["provider"] = "azure-openai",
) {
  const calls: Array<StructuredCall<unknown>> = [];
  let open: () => void = () => undefined;
  let opened = new Promise<void>((resolve) => (open = resolve));
  const llm: StructuredLlm = {
    provider,
    defaultModel: "gated-model",
    async generate<T>(call: StructuredCall<T>) {
      calls.push(call as StructuredCall<unknown>);
      await new Promise<void>((resolve, reject) => {
        call.signal?.addEventListener("abort", () => reject(call.signal!.reason), { once: true });
        void opened.then(resolve);
      });
      return {
        data: answer() as T,
        model: "gated-model",
        usage: { inputTokens: 10, outputTokens: 5 },
        httpCalls: 1,
      };
    },
  };
  return {
    llm,
    calls,
    /** Lets every held call (and later ones) answer. */
    openGate: () => open(),
    /** Holds later calls again. */
    closeGate: () => {
      opened = new Promise<void>((resolve) => (open = resolve));
    },
  };
}

/** Resolves once `predicate` holds, checking on every turn of the event loop (bounded). */
export async function eventually(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setImmediate(resolve));
  }
}
