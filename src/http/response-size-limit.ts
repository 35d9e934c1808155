import { HeaderMap } from "@apollo/server";
import type { FormattedExecutionResult } from "graphql";
import { GraphQLError } from "graphql";
import type { Logger } from "pino";

/**
 * HTTP status of an answer over RESPONSE_MAX_BYTES. 413 ("Content Too Large") names the problem
 * and, being a 4xx, tells clients and proxies not to retry the request unchanged (a 5xx would
 * invite retries that do the same work again); RFC 9110 defines it for request content, so the
 * GraphQL error (`RESPONSE_TOO_LARGE`, naming the limit) is what says it is the answer here.
 */
export const RESPONSE_TOO_LARGE_STATUS = 413;

/**
 * Apollo's `stringifyResult` with a ceiling: an answer of more than `maxBytes` bytes of JSON is
 * not sent; Apollo answers one error `RESPONSE_TOO_LARGE` with HTTP 413 instead (it turns an
 * error thrown here into an error response, status from `extensions.http`). A backstop: the
 * cost limit refuses what is expected to be large before it runs; what still gets here (long
 * strings, say) is logged at warn, since the work was done and the limits may need tuning.
 */
export function stringifyWithinLimit(
  maxBytes: number,
  logger: Logger,
): (result: FormattedExecutionResult) => string {
  return (result) => {
    // Compact JSON: Apollo pretty-prints by default, which costs time and ~30% more bytes.
    const json = JSON.stringify(result);
    // A UTF-16 unit takes at most 3 bytes of UTF-8: only answers near the limit need counting.
    if (json.length * 3 <= maxBytes) return json;
    const bytes = Buffer.byteLength(json, "utf8");
    if (bytes <= maxBytes) return json;
    logger.warn(
      { bytes, maxBytes, limit: "RESPONSE_MAX_BYTES" },
      "an answer over RESPONSE_MAX_BYTES was replaced by a RESPONSE_TOO_LARGE error",
    );
    throw new GraphQLError(
      `The answer is ${bytes} bytes, over the ${maxBytes} allowed (the limit RESPONSE_MAX_BYTES): ` +
        "select fewer fields or ask for smaller pages (`first`).",
      {
        extensions: {
          code: "RESPONSE_TOO_LARGE",
          limit: "RESPONSE_MAX_BYTES",
          http: { status: RESPONSE_TOO_LARGE_STATUS, headers: new HeaderMap() },
        },
      },
    );
  };
}
