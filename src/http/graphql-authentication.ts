import type { FastifyRequest } from "fastify";
import { AuthenticationError } from "../auth/authentication-error.js";
import type { Authenticator } from "../auth/authenticator.js";
import type { Principal } from "../auth/principal.js";
import { INTERNAL_ERROR_MESSAGE } from "../errors/format-error.js";
import type { App } from "./graphql-http-guards.js";

/** The caller of each request that passed authentication. */
const principals = new WeakMap<FastifyRequest, Principal>();

export interface RouteAuthenticationOptions {
  /**
   * The route on which a browser without credentials still gets the landing page (Apollo
   * Sandbox): a GET asking for HTML with no query string, which cannot run an operation. The
   * GraphQL path outside production; undefined (no exception anywhere) in production.
   */
  landingPagePath?: string;
}

/**
 * Authenticates every request to the given routes (GraphQL's and the theme downloads') before
 * its body is read and before any handler or Apollo sees it, GET queries included. A request
 * that proves no caller gets HTTP 401 with a `WWW-Authenticate: Bearer` header and one
 * UNAUTHENTICATED error in GraphQL's error shape, whichever route it asked for, so a client
 * handles one refusal; a check that cannot be made (the JWT key set unreachable) is masked as
 * INTERNAL_SERVER_ERROR. Either way no resolver or handler runs and no model is called.
 *
 * Routes are matched by fastify (`routeOptions.url`, the pattern as registered, such as
 * `/modes/:id/theme.css`), not by comparing the URL text, so an encoded path such as
 * `/%67raphql`, which fastify routes to /graphql, is authenticated too.
 */
export function authenticateRoutes(
  app: App,
  routes: readonly string[],
  authenticator: Authenticator,
  options: RouteAuthenticationOptions,
): void {
  const authenticated = new Set(routes);
  app.addHook("onRequest", async (request, reply) => {
    // CORS preflights carry no credentials by design, and run no operation.
    const route = request.routeOptions.url;
    if (route === undefined || !authenticated.has(route) || request.method === "OPTIONS") return;
    if (route === options.landingPagePath && isLandingPageRequest(request)) return;
    let principal: Principal;
    try {
      principal = await authenticator.authenticate(request.headers);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        request.log.info({ reason: error.reason, detail: error.message }, "authentication refused");
        await reply
          .code(401)
          .header(
            "www-authenticate",
            error.reason === "missing-credentials" ? "Bearer" : 'Bearer error="invalid_token"',
          )
          .send({ errors: [{ message: error.message, extensions: { code: "UNAUTHENTICATED" } }] });
        return;
      }
      request.log.error({ err: error }, "authentication could not be checked");
      await reply.code(500).send({
        errors: [
          {
            message: INTERNAL_ERROR_MESSAGE,
            extensions: { code: "INTERNAL_SERVER_ERROR", requestId: request.id },
          },
        ],
      });
      return;
    }
    // The GraphQL context names the caller in every later line of the request, made only when
    // a line is written (http-request-context.ts): a logger child per request costs ~2 µs.
    principals.set(request, principal);
  });
}

/**
 * The caller established for a request by authenticateRoutes. Throws for a request that did not
 * pass it, so a route wired without authentication fails closed.
 */
export function authenticatedPrincipal(request: FastifyRequest): Principal {
  const principal = principals.get(request);
  if (principal === undefined) {
    throw new Error(
      `a request to ${request.routeOptions.url ?? "an unrouted URL"} reached its handler without authentication`,
    );
  }
  return principal;
}

/** A browser opening the endpoint: a GET that accepts HTML, with no query string (no operation). */
function isLandingPageRequest(request: FastifyRequest): boolean {
  return (
    request.method === "GET" &&
    !request.url.includes("?") &&
    (request.headers.accept ?? "").includes("text/html")
  );
}
