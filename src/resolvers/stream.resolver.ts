import { Arg, Resolver, Root, Subscription } from "type-graphql";
import type { SubscribeResolverData } from "type-graphql";
import type { RequestContext } from "../context.js";
import { ModeStreamEvent } from "../schema/mode-stream.type.js";
import type { ModeDraft } from "../schema/mode-stream.type.js";
import { GenerateModeInput } from "../schema/mode.input.js";
import { GenerateWorkflowInput } from "../schema/workflow.input.js";
import { WorkflowStreamEvent } from "../schema/workflow-stream.type.js";
import type { ModeDraft as ServiceDraft } from "../services/mode/mode-draft.js";
import type { ModeStreamEvent as ModeEvent } from "../services/mode/mode-stream.js";
import type { WorkflowStreamEvent as WorkflowEvent } from "../services/workflow/workflow-stream.js";

type StreamData<Input> = SubscribeResolverData<unknown, { input: Input }, RequestContext>;

/**
 * The streamed forms of the two generations, served over graphql-ws on /graphql. Each takes the
 * mutation's input and goes through the same checks, quotas, coalescing and cache; a request
 * the mutation refuses with an error (bad input, a quota) ends its stream with that error.
 */
@Resolver()
export class StreamResolver {
  @Subscription(() => ModeStreamEvent, {
    description:
      "generateMode as it happens: STARTED, then THEME (the whole derived theme, as soon as the " +
      "model has written the brand colour), CONTENT (the parts complete so far), then " +
      "COMPLETED with exactly the payload generateMode returns. Failures end with the same " +
      "FALLBACK payload or the same error as the mutation. Unsubscribing stops the model call " +
      "unless an identical request still waits for it.",
    subscribe: ({ args, context }: StreamData<GenerateModeInput>) =>
      context.streams.mode(args.input, context),
  })
  generateModeStream(
    @Root() event: ModeEvent,
    @Arg("input", () => GenerateModeInput, { description: "As for generateMode." })
    _input: GenerateModeInput,
  ): ModeStreamEvent {
    switch (event.kind) {
      case "FAILED":
        throw event.error;
      case "THEME":
        return { kind: event.kind, elapsedMs: event.elapsedMs, theme: event.theme };
      case "CONTENT":
        return { kind: event.kind, elapsedMs: event.elapsedMs, draft: draftView(event.draft) };
      case "COMPLETED":
        return { kind: event.kind, elapsedMs: event.elapsedMs, result: event.result };
      case "STARTED":
        return { kind: event.kind, elapsedMs: event.elapsedMs };
    }
  }

  @Subscription(() => WorkflowStreamEvent, {
    description:
      "generateWorkflow as it happens: STARTED, one ATTEMPT per generation with the " +
      "validator's issues, then COMPLETED with exactly the payload generateWorkflow returns " +
      "(success: false when it failed). Unsubscribing stops the model call unless an " +
      "identical request still waits for it.",
    subscribe: ({ args, context }: StreamData<GenerateWorkflowInput>) =>
      context.streams.workflow(args.input, context),
  })
  generateWorkflowStream(
    @Root() event: WorkflowEvent,
    @Arg("input", () => GenerateWorkflowInput, { description: "As for generateWorkflow." })
    _input: GenerateWorkflowInput,
  ): WorkflowStreamEvent {
    switch (event.kind) {
      case "FAILED":
        throw event.error;
      case "ATTEMPT":
        return { kind: event.kind, elapsedMs: event.elapsedMs, attempt: event.attempt };
      case "COMPLETED":
        return { kind: event.kind, elapsedMs: event.elapsedMs, result: event.result };
      case "STARTED":
        return { kind: event.kind, elapsedMs: event.elapsedMs };
    }
  }
}

/** The service's draft under the names `Mode` uses. */
function draftView(draft: ServiceDraft): ModeDraft {
  return {
    name: draft.name,
    tabs: draft.tabs,
    defaultMetrics: draft.metrics,
    personalityTraits: draft.traits,
    welcomeMessage: draft.welcomeMessage,
  };
}
