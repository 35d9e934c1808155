import type { Logger } from "pino";
import type { ContainerType, ResolverData } from "type-graphql";
import type { AppConfig } from "./config.js";
import { createTaskLlms } from "./llm/create-llm.js";
import type { StructuredLlm } from "./llm/structured-llm.js";
import type { Metrics } from "./observability/metrics.js";
import { ModeResolver } from "./resolvers/mode.resolver.js";
import { ModeThemeResolver } from "./resolvers/mode-theme.resolver.js";
import { StreamResolver } from "./resolvers/stream.resolver.js";
import { NodeResolver } from "./resolvers/node.resolver.js";
import { FlowIrResolver, WorkflowResolver } from "./resolvers/workflow.resolver.js";
import { NodeLookup } from "./services/node-lookup.js";
import { createEmbeddedSharedState } from "./embedded-shared-state.js";
import type { SharedState } from "./services/sharing/shared-state.js";
import { ModeService } from "./services/mode/mode.service.js";
import { createWorkflowValidator } from "./services/workflow/validation/workflow-validator.js";
import type { WorkflowValidator } from "./services/workflow/validation/workflow-validator.js";
import { WorkflowService } from "./services/workflow/workflow.service.js";
import { startTokenCounter } from "./services/workflow/token-counter.js";

/** Adapters to use instead of the configured ones (tests, benchmarks); guarded all the same. */
export interface LlmOverrides {
  mode?: StructuredLlm;
  workflow?: StructuredLlm;
}

/** Everything the resolvers need, built once per server. */
export interface AppServices {
  modes: ModeService;
  workflows: WorkflowService;
  modeLlm: StructuredLlm | undefined;
  workflowLlm: StructuredLlm | undefined;
  /** validateWorkflow's worker threads, closed when the server stops. */
  validator: WorkflowValidator;
  /** Stores, cache, coalescers and quotas: in this process, or in Redis for every replica. */
  shared: SharedState;
}

/** Composition root: builds adapters and services once. */
export async function createServices(
  config: AppConfig,
  logger: Logger,
  metrics: Metrics,
  overrides: LlmOverrides = {},
): Promise<AppServices> {
  // The workflow prompt's tokenizer loads in its own thread while the server starts.
  startTokenCounter();
  // One circuit breaker and one bulkhead per provider, shared by both tasks.
  const { mode: modeLlm, workflow: workflowLlm } = await createTaskLlms(config, {
    overrides,
    logger,
    onCircuitStateChange: (provider, state) => metrics.recordCircuitState(provider, state),
  });
  // Shared state: in Redis for every replica when REDIS_URL is set, else in this process. One
  // limiter for both tasks: the quota counts a principal's model-backed requests of any kind.
  // The Redis client library is imported only when it is used (a third of a second at start).
  const shared = config.redis
    ? (await import("./redis/create-redis-shared-state.js")).createRedisSharedState(
        config,
        config.redis,
        logger,
        metrics.redis(),
      )
    : createEmbeddedSharedState(config);
  const modes = new ModeService({
    limiter: shared.limiter,
    store: shared.modeStore,
    coalescer: shared.modeCoalescer,
    llm: modeLlm,
    deadlineMs: config.modeDeadlineMs,
    storeCapacity: config.modeStoreSize,
    pageLimits: config.modesPage,
    logger,
    observer: metrics,
  });
  const validator = createWorkflowValidator(config.validationPool);
  const workflows = new WorkflowService({
    limiter: shared.limiter,
    validator,
    store: shared.workflowStore,
    coalescer: shared.workflowCoalescer,
    llm: workflowLlm,
    logger,
    overallTimeoutMs: config.workflowDeadlineMs,
    storeCapacity: config.workflowStoreSize,
    limits: config.workflowLimits,
    cache: shared.workflowCache,
    observer: metrics,
  });
  return { modes, workflows, modeLlm, workflowLlm, validator, shared };
}

/** type-graphql's container: resolver class → instance with its service injected. */
export function createResolverContainer(services: AppServices): ContainerType {
  const instances = new Map<unknown, unknown>([
    [ModeResolver, new ModeResolver(services.modes)],
    [ModeThemeResolver, new ModeThemeResolver()],
    [WorkflowResolver, new WorkflowResolver(services.workflows)],
    [FlowIrResolver, new FlowIrResolver()],
    [NodeResolver, new NodeResolver(new NodeLookup(services.modes, services.workflows))],
    [StreamResolver, new StreamResolver()],
  ]);
  return {
    get(someClass: unknown, _resolverData: ResolverData) {
      const instance = instances.get(someClass);
      if (!instance) throw new Error(`No instance registered for ${String(someClass)}`);
      return instance;
    },
  };
}
