import { pino } from "pino";
import type { Logger } from "pino";

/** The project's logger: JSON lines on stdout, secrets redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers['api-key']",
        "req.headers['x-api-key']",
        "*.apiKey",
      ],
      censor: "[redacted]",
    },
  });
}
