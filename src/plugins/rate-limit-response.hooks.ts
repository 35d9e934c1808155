import type { RequestHooks } from "./request-hooks.js";

/**
 * A request refused for its quota answers HTTP 429 with `Retry-After`, so proxies, SDK retry
 * logic and humans with curl understand it without reading the GraphQL error
 * (`extensions.code = "RATE_LIMITED"`, `extensions.retryAfterSeconds`).
 */
export const rateLimitResponse: RequestHooks = {
  async willSendResponse({ response }) {
    if (response.body.kind !== "single") return;
    const limited = response.body.singleResult.errors?.find(
      (error) => error.extensions?.code === "RATE_LIMITED",
    );
    if (!limited) return;
    response.http.status = 429;
    response.http.headers.set("retry-after", String(limited.extensions!.retryAfterSeconds));
  },
};
