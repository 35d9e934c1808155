import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context.js";
import { ShuttingDownError } from "../http/shutdown.js";

/**
 * A request cut by shutdown answers HTTP 503 with `Retry-After: 1` and one GraphQL error
 * `SHUTTING_DOWN` (`extensions.retryable: true`) instead of whatever its cancelled work produced:
 * the client retries on another replica, and never sees a reset socket.
 */
export function shutdownResponsePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (!(contextValue.signal.reason instanceof ShuttingDownError)) return;
          response.body = {
            kind: "single",
            singleResult: {
              errors: [
                {
                  message: contextValue.signal.reason.message,
                  extensions: { code: "SHUTTING_DOWN", retryable: true },
                },
              ],
            },
          };
          response.http.status = 503;
          response.http.headers.set("retry-after", "1");
        },
      };
    },
  };
}
