import { pino } from "pino";
import type { DestinationStream, Logger } from "pino";

/**
 * The project's logger: JSON lines on stdout (or `destination`), secrets redacted. Credentials
 * are redacted wherever request headers might be logged: top level (`headers`), one level down
 * (`req.headers`, `request.headers`), and the settings objects that hold keys.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          "req.headers.authorization",
          "req.headers['api-key']",
          "req.headers['x-api-key']",
          "headers.authorization",
          "headers['api-key']",
          "headers['x-api-key']",
          "*.headers.authorization",
          "*.headers['api-key']",
          "*.headers['x-api-key']",
          "*.apiKey",
          "metricsToken",
          "*.metricsToken",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}
