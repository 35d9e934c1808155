import { format } from "node:util";
import { vi } from "vitest";

export interface ConsoleCapture {
  /** "warn: …" / "error: …" lines printed so far. */
  readonly messages: readonly string[];
  restore(): void;
}

/**
 * Records console.warn and console.error, where Apollo Client (in development), Graphcache and
 * Relay print their cache warnings, so a test can require that none was printed.
 */
export function captureConsole(): ConsoleCapture {
  const messages: string[] = [];
  const spies = (["warn", "error"] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      messages.push(`${level}: ${format(...args)}`);
    }),
  );
  return {
    messages,
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}
