import type { FastifyError, FastifyInstance, RawServerDefault } from "fastify";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";

/** The server as createApp builds it (fastify with our pino logger). */
export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger>;

/** The only request body GraphQL over HTTP defines for POST (and what every client sends). */
const JSON_MEDIA_TYPE = "application/json";

/**
 * Refuses POSTs to the GraphQL path whose body is not JSON, before the body is read.
 *
 * Why by hand: Apollo's CSRF prevention is off so that GET queries work without special headers
 * (urql and Relay send plain GETs; queries have no side effects and the API uses no cookies).
 * What CSRF prevention guarded against is a browser's "simple" cross-site POST (text/plain,
 * form-encoded, multipart), which needs no preflight; those are exactly the bodies refused here,
 * so a cross-site page still cannot run a mutation. Mutations over GET are refused by Apollo.
 */
export function refuseNonJsonPosts(app: App, path: string): void {
  // A callback hook: the JSON bodies every client sends go on without a promise.
  app.addHook("onRequest", (request, reply, done) => {
    // Matched by fastify (routeOptions.url), so an encoded path such as /%67raphql is caught too.
    if (request.method !== "POST" || request.routeOptions.url !== path) return done();
    const mediaType = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    if (mediaType === JSON_MEDIA_TYPE) return done();
    void reply.code(415).send({
      errors: [
        {
          message: `POST ${path} takes a JSON body: send "content-type: ${JSON_MEDIA_TYPE}" (got ${mediaType ? `"${mediaType}"` : "none"})`,
          extensions: { code: "BAD_REQUEST" },
        },
      ],
    });
  });
}

/**
 * Client errors fastify raises before Apollo sees the request (a body that is not valid JSON, a
 * body over the size limit) answer in GraphQL's error shape on the GraphQL path, with their HTTP
 * status and code BAD_REQUEST, like every other refusal a GraphQL client may meet there.
 */
export function graphqlShapedClientErrors(app: App, path: string, maxBodyBytes: number): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500 || request.routeOptions.url !== path) throw error;
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      await reply.code(status).send({
        errors: [
          {
            message: `The request body is over the ${maxBodyBytes} bytes allowed (the limit HTTP_MAX_BODY_BYTES).`,
            extensions: { code: "BAD_REQUEST", limit: "HTTP_MAX_BODY_BYTES" },
          },
        ],
      });
      return;
    }
    await reply.code(status).send({
      errors: [{ message: error.message, extensions: { code: "BAD_REQUEST" } }],
    });
  });
}
