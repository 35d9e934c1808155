import { ShuttingDownError } from "../http/shutdown.js";
import type { RequestHooks } from "./request-hooks.js";

/**
 * A request cut by shutdown answers HTTP 503 with `Retry-After: 1` and one GraphQL error
 * `SHUTTING_DOWN` (`extensions.retryable: true`) instead of whatever its cancelled work produced:
 * the client retries on another replica, and never sees a reset socket.
 */
export const shutdownResponse: RequestHooks = {
  async willSendResponse({ response, contextValue }) {
    const reason: unknown = contextValue.signalState.reason;
    if (!(reason instanceof ShuttingDownError)) return;
    response.body = {
      kind: "single",
      singleResult: {
        errors: [
          {
            message: reason.message,
            extensions: { code: "SHUTTING_DOWN", retryable: true },
          },
        ],
      },
    };
    response.http.status = 503;
    response.http.headers.set("retry-after", "1");
  },
};
