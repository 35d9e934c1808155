import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import fastifyCompress from "@fastify/compress";
import fastifyCors from "@fastify/cors";
import Fastify, { LogController } from "fastify";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Logger } from "pino";
import { createAuthenticator } from "./auth/create-authenticator.js";
import type { AppConfig } from "./config.js";
import { createResolverContainer, createServices } from "./container.js";
import type { AppServices, LlmOverrides } from "./container.js";
import type { CallerContext, RequestContext } from "./context.js";
import { formatError } from "./errors/format-error.js";
import { authenticateRoutes, authenticatedPrincipal } from "./http/graphql-authentication.js";
import { graphqlShapedClientErrors, refuseNonJsonPosts } from "./http/graphql-http-guards.js";
import { spreadOverTurns, TurnBudget } from "./http/turn-budget.js";
import { serveApollo } from "./http/apollo-route.js";
import { compiledExecutorGateway } from "./http/compiled-executor.js";
import { httpServerFactory } from "./http/http-server.js";
import { attachSubscriptions } from "./http/subscriptions/attach-subscriptions.js";
import { requireBearerToken } from "./http/metrics-token.js";
import { stringifyWithinLimit } from "./http/response-size-limit.js";
import { Shutdown } from "./http/shutdown.js";
import { HttpRequestContext } from "./http/http-request-context.js";
import { RequestSignal } from "./http/request-signal.js";
import { THEME_DOWNLOAD_ROUTES, serveThemeDownloads } from "./http/theme-downloads.js";
import { SANDBOX_EXAMPLE } from "./sandbox-example.js";
import { modelFieldsLimitRule } from "./validation/model-fields-limit.rule.js";
import { operationLimits } from "./validation/operation-limits.js";
import { Metrics } from "./observability/metrics.js";
import { hideSuggestions } from "./plugins/hide-suggestions.hooks.js";
import { inputProblems } from "./plugins/input-problems.hooks.js";
import { rateLimitResponse } from "./plugins/rate-limit-response.hooks.js";
import { requestHooksPlugin } from "./plugins/request-hooks.js";
import { requestLogging } from "./plugins/request-logging.hooks.js";
import { shutdownResponse } from "./plugins/shutdown-response.hooks.js";
import { registerPreviewRoutes } from "./preview/preview-routes.js";
import { buildAppSchema } from "./schema/build-schema.js";
import { generationStreams } from "./resolvers/generation-streams.js";
import { awaitTokenCounter } from "./services/workflow/token-counter.js";

export interface ServerOptions {
  config: AppConfig;
  logger: Logger;
  /** Adapters to use instead of the configured ones (tests, benchmarks). */
  llms?: LlmOverrides;
}

export interface ModeflowServer {
  /** The fastify instance (tests use `inject`). */
  readonly app: ReturnType<typeof createApp>;
  readonly services: AppServices;
  readonly metrics: Metrics;
  /** Listens on config.host:config.port (0 = any free port); resolves to the GraphQL URL. */
  start(): Promise<string>;
  /** Graceful shutdown: /ready turns 503, in-flight requests finish, then the server closes. */
  stop(): Promise<void>;
}

/** Where the GraphQL endpoint is served (the path Apollo's integrations default to). */
const GRAPHQL_PATH = "/graphql";

// A client-supplied request id is reused only when it looks like an id (no log injection).
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds the HTTP server: Apollo Server behind fastify, with /health, /ready and /metrics.
 * Exported so tests and benchmarks own its lifecycle.
 */
export async function createServer(options: ServerOptions): Promise<ModeflowServer> {
  const { config, logger } = options;
  const metrics = new Metrics({ collectProcessMetrics: true });
  const services = await createServices(config, logger, metrics, options.llms);
  // Waits for Redis only until it answers or the first attempt fails: without it the server
  // still serves (each concern falls back to this process) and reconnects by itself.
  await services.shared.start();

  const app = createApp(logger, config);
  const shutdown = new Shutdown(config.shutdown);
  // Callback hooks rather than async ones, here and below: no promise per request for work
  // that never waits.
  app.addHook("onRequest", (request, reply, done) => {
    shutdown.track(reply.raw);
    reply.header("x-request-id", request.id);
    done();
  });
  // A response finished while draining closes its keep-alive socket; otherwise the server would
  // wait for the client to hang up before it could close.
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (shutdown.draining) reply.header("connection", "close");
    done(null, payload);
  });

  // A full mode is ~17 KB of JSON and compresses about 8:1; answers under 1 KB are sent as they
  // are (compressing them costs more than it saves).
  await app.register(fastifyCompress, { threshold: 1024, encodings: ["br", "gzip", "deflate"] });

  // Browser frontends on another origin (e.g. a dev server on :3000) call the API directly.
  await app.register(fastifyCors, {
    origin: config.corsOrigins,
    methods: ["GET", "POST", "OPTIONS"],
    // content-disposition: the file name of a theme download.
    exposedHeaders: ["x-request-id", "www-authenticate", "content-disposition"],
  });

  // Who is calling, before anything else is done for them (CORS answers preflights above).
  const authenticator = createAuthenticator(config.auth);
  authenticateRoutes(app, [GRAPHQL_PATH, ...THEME_DOWNLOAD_ROUTES], authenticator, {
    landingPagePath: config.isProduction ? undefined : GRAPHQL_PATH,
  });

  refuseNonJsonPosts(app, GRAPHQL_PATH);
  if (config.eventLoopTurnBudgetMs > 0) {
    spreadOverTurns(app, GRAPHQL_PATH, new TurnBudget(config.eventLoopTurnBudgetMs));
  }
  graphqlShapedClientErrors(app, GRAPHQL_PATH, config.http.maxBodyBytes);

  const schema = await buildAppSchema(createResolverContainer(services));
  const streams = generationStreams(services);
  // Both transports give the resolvers the caller's context plus the streams (HTTP's is an
  // HttpRequestContext, below).
  const subscriptionContext = (caller: CallerContext): RequestContext => ({ ...caller, streams });
  const limits = operationLimits(config.operationLimits, config.modesPage);
  const validationRules = [
    modelFieldsLimitRule(config.maxModelFieldsPerOperation),
    ...limits.validationRules,
  ];
  const apollo = new ApolloServer<RequestContext>({
    // graphql-jit comes in through Apollo's gateway seam, which supplies the schema itself.
    ...(config.executor.kind === "jit"
      ? { gateway: compiledExecutorGateway(schema, { cacheSize: config.executor.jitCacheSize }) }
      : { schema }),
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: !config.isProduction,
    formatError,
    parseOptions: limits.parseOptions,
    validationOptions: limits.validationOptions,
    validationRules,
    // Apollo's own log lines (start-up, plugin failures) go to our log, not to the console.
    logger,
    // GET queries must work without special headers (urql, Relay); refuseNonJsonPosts keeps
    // what CSRF prevention guarded (graphql-http-guards.ts explains why that is enough).
    csrfPrevention: false,
    stringifyResult: stringifyWithinLimit(config.responseMaxBytes, logger),
    // main.ts owns the signals: drain, then exit 0. Apollo's handler would re-raise the signal.
    stopOnTerminationSignals: false,
    plugins: [
      // We set no cache hints; the plugin only costs time on every request.
      ApolloServerPluginCacheControlDisabled(),
      config.isProduction
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({
            embed: true,
            document: SANDBOX_EXAMPLE.document,
            variables: SANDBOX_EXAMPLE.variables,
          }),
      requestHooksPlugin([
        requestLogging(metrics, logger),
        inputProblems,
        shutdownResponse,
        rateLimitResponse,
        ...limits.hooks,
        ...(config.isProduction ? [hideSuggestions] : []),
      ]),
    ],
  });
  await apollo.start();

  app.get("/health", async () => ({ status: "ok" }));
  app.get("/ready", async (_request, reply) =>
    shutdown.draining ? reply.code(503).send({ status: "draining" }) : { status: "ready" },
  );
  const metricsGuard = config.metricsToken ? [requireBearerToken(config.metricsToken)] : [];
  app.get("/metrics", { onRequest: metricsGuard }, async (_request, reply) => {
    reply.header("content-type", metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  // The theme exports as files, with the same credentials and the same view of modes as /graphql.
  serveThemeDownloads(app, services.modes);
  // The preview page (src/preview): a browser view of this API, outside production by default.
  if (config.previewPage) registerPreviewRoutes(app);
  serveApollo(app, apollo, {
    path: GRAPHQL_PATH,
    context: async (request: FastifyRequest, reply: FastifyReply): Promise<RequestContext> =>
      new HttpRequestContext(
        request.id,
        request.log as Logger,
        authenticatedPrincipal(request),
        streams,
        new RequestSignal(reply.raw, shutdown.cut),
      ),
  });
  // Subscriptions: WebSocket upgrades of the same port and path, with the same rules.
  const subscriptions = config.subscriptions.enabled
    ? attachSubscriptions({
        server: app.server,
        path: GRAPHQL_PATH,
        schema,
        authenticator,
        rules: { ...limits, validationRules },
        settings: config.subscriptions,
        maxPayloadBytes: config.http.maxBodyBytes,
        production: config.isProduction,
        shutdown,
        logger,
        metrics,
        context: subscriptionContext,
      })
    : undefined;

  return {
    app,
    services,
    metrics,
    async start() {
      // Loaded while the rest of the server was built; ready before the first request.
      awaitTokenCounter();
      // The one start-up line with the URL (fastify's own line, in our words).
      await app.listen({
        port: config.port,
        host: config.host,
        listenTextResolver: (address) => `modeflow listening on ${address}/graphql`,
      });
      const address = app.server.address();
      const port = typeof address === "object" && address ? address.port : config.port;
      const host = config.host.includes(":") ? `[${config.host}]` : config.host;
      return `http://${host}:${port}/graphql`;
    },
    async stop() {
      // Our own drain (graceful-shutdown steps in http/shutdown.ts): Apollo's fastify drain
      // plugin force-closed sockets after 10 s while a workflow may run for minutes.
      // Running subscriptions are in-flight work; their sockets, which closeAllConnections does
      // not see once upgraded, are closed with it.
      await shutdown.run({
        close: () => app.close(),
        closeAllConnections: () => {
          app.server.closeAllConnections();
          subscriptions?.closeAll();
        },
      });
      await subscriptions?.close();
      await apollo.stop();
      await services.validator.close();
      await services.shared.close();
    },
  };
}

function createApp(logger: Logger, config: AppConfig) {
  return Fastify({
    loggerInstance: logger,
    // Request, header and keep-alive timeouts and the connection limit (http-server.ts).
    serverFactory: httpServerFactory(config.http),
    // Parsing JSON is the one step no limit of ours can shorten: ~30 ms for 1 MiB of small
    // tokens here (bench `stalls`), so the body size bounds the time it holds the event loop.
    bodyLimit: config.http.maxBodyBytes,
    // The Apollo plugin logs one line per GraphQL request; fastify's two lines would double it.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (request) => {
      const header = request.headers["x-request-id"];
      return typeof header === "string" && REQUEST_ID_PATTERN.test(header) ? header : randomUUID();
    },
  });
}
