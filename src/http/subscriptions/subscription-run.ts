import { randomUUID } from "node:crypto";
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from "graphql";
import type { Logger } from "pino";
import type { Principal } from "../../auth/principal.js";
import type { CallerContext } from "../../context.js";
import type { Metrics } from "../../observability/metrics.js";
import { operationLabel } from "../../observability/operation-label.js";
import { requestOutcome } from "../../observability/request-outcome.js";

/** What a run needs from the server around it. */
export interface RunEnvironment {
  /** The connection's logger (connection id and principal). */
  logger: Logger;
  principal: Principal;
  /** Aborts when shutdown cuts in-flight work (Shutdown.cut). */
  cut: AbortSignal;
  /** Counts the run as in-flight work for the drain; the returned function ends it. */
  trackWork(): () => void;
  metrics?: Metrics;
  /** Called once when the run ends (the connection forgets it). */
  onFinish(): void;
  /** The resolvers' context for this run's caller (server.ts adds what the app's need). */
  contextFor(caller: CallerContext): CallerContext;
}

/**
 * One subscription from its `subscribe` message to its end: its own request id, logger and
 * AbortSignal (the resolver's context), in-flight work for the drain, and one log line and
 * request-histogram entry when it ends, however it ends.
 */
export class SubscriptionRun {
  readonly requestId = randomUUID();
  readonly controller = new AbortController();
  readonly logger: Logger;
  readonly context: CallerContext;
  /** Set once its checks passed and it runs; until then an error ends it. */
  running = false;
  private events = 0;
  private readonly errors: unknown[] = [];
  private label = "invalid";
  private finished = false;
  private readonly startedAt = performance.now();
  private readonly done: () => void;
  private readonly onCut = () => this.controller.abort(this.environment.cut.reason);

  /** The operation's name, as the client named it (or the document, once parsed). */
  operationName: string | undefined;

  constructor(
    private readonly environment: RunEnvironment,
    operationName: string | undefined,
  ) {
    this.operationName = operationName;
    this.logger = environment.logger.child({ reqId: this.requestId });
    this.context = environment.contextFor({
      requestId: this.requestId,
      logger: this.logger,
      signal: this.controller.signal,
      signalState: this.controller.signal,
      startedAt: this.startedAt,
      principal: environment.principal,
    });
    this.done = environment.trackWork();
    if (environment.cut.aborted) this.onCut();
    else environment.cut.addEventListener("abort", this.onCut, { once: true });
  }

  /** Its checks passed: it runs from now on. */
  start(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): void {
    this.running = true;
    this.operationName ??= operation.name?.value;
    this.label = operationLabel(schema, document, operation);
  }

  /** An event is about to be sent. */
  sent(): void {
    this.events++;
  }

  /** Errors sent to the client (in an event, or ending it). */
  failed(errors: readonly unknown[]): void {
    this.errors.push(...errors);
  }

  /**
   * Ends it: one log line and the histogram, the drain no longer waits for it, and its signal
   * aborts so nothing its resolver started outlives it. Later calls do nothing.
   */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const seconds = (performance.now() - this.startedAt) / 1000;
    const failed = this.errors.length > 0;
    const outcome = requestOutcome(this.controller.signal, failed, this.errors);
    this.environment.cut.removeEventListener("abort", this.onCut);
    if (!this.controller.signal.aborted) this.controller.abort(new Error("subscription ended"));
    this.environment.metrics?.recordRequest(this.label, outcome, seconds);
    this.logger.info(
      {
        operationName: this.operationName,
        outcome,
        durationMs: Math.round(seconds * 1000),
        events: this.events,
        failed,
      },
      "graphql subscription",
    );
    this.done();
    this.environment.onFinish();
  }
}
