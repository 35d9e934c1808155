import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { ValidationPoolOptions } from "../../../config.js";
import { validateWorkflow } from "../validate-workflow.js";
import type { WorkflowValidation, WorkflowValidationContext } from "../validate-workflow.js";
import type { ValidationTask } from "./validation-task.js";

/** What validateWorkflow validates: a document within the size limits, and its context. */
export interface ValidationRequest {
  ir: unknown;
  context: WorkflowValidationContext;
  maxIssues: number;
}

/** Runs validations: small documents on the event loop, large ones on worker threads. */
export interface WorkflowValidator {
  validate(request: ValidationRequest, signal?: AbortSignal): Promise<WorkflowValidation>;
  /** Ends the worker threads (server stop). */
  close(): Promise<void>;
}

/** Every validation on the event loop (VALIDATION_WORKERS=0, and services built without one). */
export const INLINE_VALIDATOR: WorkflowValidator = {
  validate: async ({ ir, context, maxIssues }) => validateWorkflow(ir, context, { maxIssues }),
  close: async () => undefined,
};

/** An idle thread is ended after this long; the next large document starts one again (~50 ms). */
const THREAD_IDLE_MS = 60_000;

/**
 * Large documents go to a piscina pool: the validator is linear, but a document at the limits
 * with tens of thousands of findings still takes ~200 ms of CPU (bench `validate-scaling`), and
 * no request may hold the event loop that long. Small ones stay here: handing a document to a
 * thread (structured clone, a message each way) costs more than validating a few KB.
 */
export class PooledWorkflowValidator implements WorkflowValidator {
  private readonly pool: Piscina;

  constructor(private readonly options: ValidationPoolOptions) {
    this.pool = new Piscina({
      ...workerEntry(),
      name: "runValidationTask",
      // Threads start with the first large document, not with the server: most servers (and every
      // test server) never see one, and a thread costs a module load and its own heap.
      minThreads: 0,
      maxThreads: options.workers,
      idleTimeout: THREAD_IDLE_MS,
      // No queue limit of its own: each HTTP request waits for one validation at most, so the
      // queue is bounded by HTTP_MAX_CONNECTIONS.
    });
  }

  async validate(request: ValidationRequest, signal?: AbortSignal): Promise<WorkflowValidation> {
    const { ir, context, maxIssues } = request;
    // Written once: it measures the document and is what a worker receives (validation-task.ts).
    const irJson = JSON.stringify(ir);
    if (irJson.length < this.options.minChars) return validateWorkflow(ir, context, { maxIssues });
    const task: ValidationTask = { irJson, context, maxIssues };
    // The signal drops a queued or running validation whose caller has gone.
    return (await this.pool.run(task, { signal })) as WorkflowValidation;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

/**
 * The worker's module: the compiled file next to this one when running from `dist/`; under the
 * test runner, which runs the TypeScript sources, the `.ts` file through tsx's loader.
 */
function workerEntry(): { filename: string; execArgv?: string[] } {
  const compiled = fileURLToPath(new URL("./validation.worker.js", import.meta.url));
  if (existsSync(compiled)) return { filename: compiled };
  return {
    filename: fileURLToPath(new URL("./validation.worker.ts", import.meta.url)),
    execArgv: ["--import", "tsx"],
  };
}

/** The validator VALIDATION_WORKERS asks for. */
export function createWorkflowValidator(options: ValidationPoolOptions): WorkflowValidator {
  return options.workers > 0 ? new PooledWorkflowValidator(options) : INLINE_VALIDATOR;
}
