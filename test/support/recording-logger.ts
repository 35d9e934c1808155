import { Writable } from "node:stream";
import { pino } from "pino";
import type { Logger } from "pino";

/** A pino logger that keeps every line it writes, parsed, for assertions on logging. */
export function recordingLogger(level = "debug"): {
  logger: Logger;
  lines: Array<Record<string, unknown>>;
} {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}
