import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import type {
  GenerateWorkflowResult,
  WorkflowAttemptRecord,
} from "../services/workflow/workflow.types.js";
import { GenerateWorkflowPayload, WorkflowAttempt } from "./workflow.type.js";

/** The kinds of generateWorkflowStream events (a const object, like ModeSource). */
export const WorkflowStreamEventKind = {
  STARTED: "STARTED",
  ATTEMPT: "ATTEMPT",
  COMPLETED: "COMPLETED",
} as const;
export type WorkflowStreamEventKind =
  (typeof WorkflowStreamEventKind)[keyof typeof WorkflowStreamEventKind];

registerEnumType(WorkflowStreamEventKind, {
  name: "WorkflowStreamEventKind",
  description: "What a generateWorkflowStream event carries.",
  valuesConfig: {
    STARTED: {
      description: "The request passed its checks and quota; generation is under way. First.",
    },
    ATTEMPT: {
      description:
        "`attempt`: one generation, as soon as the validator has judged it, with its issues. " +
        "One event per attempt, in order.",
    },
    COMPLETED: {
      description: "`result`: exactly what generateWorkflow returns for the request. Last.",
    },
  },
});

@ObjectType({
  description:
    "One step of generateWorkflowStream: STARTED, one ATTEMPT per generation, then COMPLETED. " +
    "Only the field its `kind` names is set.",
})
export class WorkflowStreamEvent {
  @Field(() => WorkflowStreamEventKind, { description: "What this event carries." })
  kind!: WorkflowStreamEventKind;

  @Field(() => Int, { description: "Milliseconds since the subscription began." })
  elapsedMs!: number;

  @Field(() => WorkflowAttempt, {
    nullable: true,
    description: "ATTEMPT: the generation and the validator's issues.",
  })
  attempt?: WorkflowAttemptRecord;

  @Field(() => GenerateWorkflowPayload, {
    nullable: true,
    description: "COMPLETED: what generateWorkflow returns (success: false when it failed).",
  })
  result?: GenerateWorkflowResult;
}
