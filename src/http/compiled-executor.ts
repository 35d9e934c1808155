import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewaySchemaLoadOrUpdateCallback,
} from "@apollo/server-gateway-interface";
import { GraphQLError, execute } from "graphql";
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import type { CompiledQuery } from "graphql-jit";
import { LRUCache } from "lru-cache";

/** Which engine executes a validated operation (GRAPHQL_EXECUTOR). */
export const EXECUTOR_CHOICES = ["jit", "graphql-js"] as const;
export type ExecutorChoice = (typeof EXECUTOR_CHOICES)[number];

export interface CompiledExecutorOptions {
  /** Compiled operations kept (least recently used evicted). GRAPHQL_JIT_CACHE_SIZE. */
  cacheSize: number;
}

/** What the cache holds per operation: its compiled form, or the reason to run it with graphql-js. */
type Plan = CompiledQuery | "graphql-js";

/**
 * Apollo Server 5 has no executor option; its gateway interface is the one seam through which a
 * server may supply both the schema and the function that executes an operation. Apollo still
 * parses and validates (our parse limits and validation rules) and runs every plugin hook; only
 * the execution step is ours.
 */
export function compiledExecutorGateway(
  schema: GraphQLSchema,
  options: CompiledExecutorOptions,
): GatewayInterface {
  const executor = compiledExecutor(schema, options);
  return {
    onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback) {
      // The schema never changes after start-up; Apollo needs it once, before load resolves.
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}

/**
 * Executes with graphql-jit: each operation is compiled on its first use and kept in an LRU keyed
 * by Apollo's hash of the query text and the operation name. Introspection, subscriptions and
 * whatever graphql-jit refuses to compile run with graphql-js's `execute`, as they would without it.
 */
export function compiledExecutor(
  schema: GraphQLSchema,
  options: CompiledExecutorOptions,
): GatewayExecutor {
  const plans = new LRUCache<string, Plan>({ max: options.cacheSize });

  const planFor = (request: GatewayGraphQLRequestContext): Plan => {
    const key = `${request.queryHash}\n${request.request.operationName ?? ""}`;
    let plan = plans.get(key);
    if (plan === undefined) {
      plan = compile(schema, request.document, request.operation, request.request.operationName);
      plans.set(key, plan);
    }
    return plan;
  };

  const executeWithGraphqlJs = (request: GatewayGraphQLRequestContext) =>
    execute({
      schema,
      document: request.document,
      contextValue: request.context,
      variableValues: request.request.variables,
      operationName: request.request.operationName,
    }) as Promise<GatewayExecutionResult> | GatewayExecutionResult;

  return async (request) => {
    const plan = planFor(request);
    if (plan === "graphql-js") return executeWithGraphqlJs(request);
    const result = await plan.query(undefined, request.context, request.request.variables);
    if (!result.errors) return result;
    // No data at all: the variables were refused before anything ran. graphql-jit words those
    // errors its own way; graphql-js gives the answer clients and Apollo (BAD_USER_INPUT, HTTP
    // 400) know, and refuses them again without running anything either.
    if (!("data" in result)) return executeWithGraphqlJs(request);
    return { ...result, errors: result.errors.map(asGraphQLJsError) };
  };
}

function compile(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  operationName: string | null | undefined,
): Plan {
  if (operation.operation === "subscription" || isIntrospection(operation)) return "graphql-js";
  const compiled = compileQuery(schema, document, operationName ?? undefined, {
    // Custom scalars (HexColorCode, JSONObject) serialise through their own `serialize`.
    customJSONSerializer: false,
  });
  return isCompiledQuery(compiled) ? compiled : "graphql-js";
}

/** Introspection is rare and must answer exactly as graphql-js does (the landing page reads it). */
function isIntrospection(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.some(
    (selection) =>
      selection.kind === "Field" &&
      (selection.name.value === "__schema" || selection.name.value === "__type"),
  );
}

/**
 * graphql-jit's errors inherit from GraphQLError but are built by its own constructor: their
 * `extensions` may be undefined, which Apollo's error enrichment reads without a guard. Rebuilt as
 * graphql-js builds them, `formatError` and `unwrapResolverError` see what they see without jit:
 * the resolver's error as `originalError`, its extensions, the path and the locations.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  if (error.constructor === GraphQLError) return error;
  const original = error.originalError ?? undefined;
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: original,
    extensions: original ? undefined : error.extensions,
  });
  // No AST nodes come with jit's errors, only their locations; the answer shows just those.
  if (error.locations) (rebuilt as { locations?: unknown }).locations = error.locations;
  return rebuilt;
}
