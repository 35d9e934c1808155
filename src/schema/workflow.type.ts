import { JSONObjectResolver, JSONResolver } from "graphql-scalars";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "./node.type.js";
import { GenerationError, GenerationErrorCode, GenerationInfo } from "./generation.type.js";
import type { GenerationErrorCode as GenerationErrorCodeValue } from "../errors/generation-error.js";

/** GraphQL names ERROR/WARNING map to the validator's "error"/"warning" values. */
export const IssueSeverity = { ERROR: "error", WARNING: "warning" } as const;
export type IssueSeverity = (typeof IssueSeverity)[keyof typeof IssueSeverity];

registerEnumType(IssueSeverity, {
  name: "IssueSeverity",
  description: "How serious a validation finding is.",
  valuesConfig: {
    ERROR: { description: "The workflow is invalid until this is fixed." },
    WARNING: { description: "Allowed, but likely to cause trouble at run time." },
  },
});

@ObjectType({ description: "One finding of the FlowIR validator." })
export class WorkflowIssue {
  @Field(() => String, {
    description: 'Rule id from design/workflow-rules.json, e.g. "undeclared-var".',
  })
  rule!: string;

  @Field(() => IssueSeverity, { description: "ERROR or WARNING." })
  severity!: IssueSeverity;

  @Field(() => String, {
    description:
      "Names the node, parameter and offending token, and what to do instead. At most 2,000 " +
      "characters: a longer one keeps its start and end around '…'.",
  })
  message!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Where: e.g. "nodes[1].params.prompt", "edges[0].from", "inputs.limit". A very deep or ' +
      "long path is shortened to its start and end around '…'.",
  })
  path?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The node concerned, when there is one (an id over 200 characters keeps its start and end " +
      "around '…').",
  })
  nodeId?: string;
}

@ObjectType({ description: "Result of validating a FlowIR document." })
export class WorkflowValidation {
  @Field(() => Boolean, { description: "True when there are no errors (warnings allowed)." })
  valid!: boolean;

  @Field(() => [WorkflowIssue], {
    description:
      "Errors, de-duplicated, in rule order then path: every one, up to VALIDATION_MAX_ISSUES " +
      "(see omittedIssues).",
  })
  errors!: WorkflowIssue[];

  @Field(() => [WorkflowIssue], {
    description:
      "Warnings in rule order then path, in the room the issue limit leaves after the errors.",
  })
  warnings!: WorkflowIssue[];

  @Field(() => Int, {
    description:
      "Issues found but not listed: errors and warnings together list at most " +
      "VALIDATION_MAX_ISSUES (errors first). 0 when every issue is listed; `valid` always " +
      "counts every error.",
  })
  omittedIssues!: number;
}

/** GraphQL names of FlowIR's input types, mapped to the document's values. */
export const WorkflowInputType = {
  STRING: "string",
  NUMBER: "number",
  INTEGER: "integer",
  BOOLEAN: "boolean",
  OBJECT: "object",
  ARRAY: "array",
} as const;
export type WorkflowInputType = (typeof WorkflowInputType)[keyof typeof WorkflowInputType];

registerEnumType(WorkflowInputType, {
  name: "WorkflowInputType",
  description: "The value type a workflow input declares (its `type` in the FlowIR document).",
  valuesConfig: {
    STRING: { description: 'A string ("string" in the document).' },
    NUMBER: { description: 'Any number ("number").' },
    INTEGER: { description: 'A whole number ("integer").' },
    BOOLEAN: { description: 'true or false ("boolean").' },
    OBJECT: { description: 'A JSON object ("object").' },
    ARRAY: { description: 'A JSON array ("array").' },
  },
});

@ObjectType({ description: "A declared workflow input (a template variable's source)." })
export class WorkflowInput {
  @Field(() => String, { description: "The input's name, as used in `${name}` templates." })
  name!: string;

  @Field(() => String, { description: "What the input is for." })
  description!: string;

  @Field(() => Boolean, { description: "Required inputs have no default." })
  required!: boolean;

  @Field(() => WorkflowInputType, { description: "The value type the input declares." })
  type!: WorkflowInputType;

  @Field(() => JSONResolver, {
    nullable: true,
    description: "Default of an optional input; null when none is declared.",
  })
  default?: unknown;
}

@ObjectType({ description: "One step of the workflow.", implements: Node })
export class WorkflowNode extends Node {
  @Field(() => String, {
    description:
      'The node\'s id in the FlowIR document (e.g. "read_data"), unique only inside its ' +
      "workflow; edges and `${node.output}` templates use it. `id` identifies the node globally.",
  })
  key!: string;

  @Field(() => String, {
    description: 'Component type from the planning context, or "workflow" for a saved workflow.',
  })
  type!: string;

  @Field(() => JSONObjectResolver, {
    description: "Parameters; dynamic values are `${input}` or `${node.output}` templates.",
  })
  params!: Record<string, unknown>;
}

@ObjectType({ description: "An edge of the linear chain." })
export class WorkflowEdge {
  @Field(() => String, { description: "Id of the node that runs first." })
  from!: string;

  @Field(() => String, { description: "Id of the node that runs next." })
  to!: string;
}

@ObjectType({
  description: "A linear, parameterised workflow (FlowIR document).",
  implements: Node,
})
export class FlowIR extends Node {
  @Field(() => String, { description: 'FlowIR version, "0.1.0".' })
  irVersion!: string;

  @Field(() => [WorkflowInput], { description: "Declared inputs, in document order." })
  inputs!: WorkflowInput[];

  @Field(() => [WorkflowNode], { description: "Nodes, in document order." })
  nodes!: WorkflowNode[];

  @Field(() => [WorkflowEdge], { description: "Edges of the single chain." })
  edges!: WorkflowEdge[];

  @Field(() => JSONObjectResolver, {
    description:
      'The exact FlowIR document: {"ir_version", "inputs": {name: {...}}, "nodes", "edges"}.',
  })
  ir!: Record<string, unknown>;
}

@ObjectType({ description: "One generation of the loop, kept whether it succeeded or not." })
export class WorkflowAttempt {
  @Field(() => Int, { description: "1-based number of this generation within the request." })
  number!: number;

  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: "What the model returned, as returned (null when the call itself failed).",
  })
  ir!: Record<string, unknown> | null;

  @Field(() => [WorkflowIssue], {
    description: "Errors then warnings found in it, up to VALIDATION_MAX_ISSUES.",
  })
  issues!: WorkflowIssue[];

  @Field(() => Int, {
    description: "Issues found in it but left out of `issues` by VALIDATION_MAX_ISSUES.",
  })
  omittedIssues!: number;

  @Field(() => GenerationError, {
    nullable: true,
    description: "Why the model call failed, when it did.",
  })
  failure?: GenerationError;

  @Field(() => Int, { description: "Time of this generation, in milliseconds." })
  latencyMs!: number;

  @Field(() => Int, { nullable: true, description: "Input tokens of this generation." })
  inputTokens!: number | null;

  @Field(() => Int, { nullable: true, description: "Output tokens of this generation." })
  outputTokens!: number | null;
}

@ObjectType({
  description: "Result of generateWorkflow: a valid workflow, or an honest failure as data.",
})
export class GenerateWorkflowPayload {
  @Field(() => Boolean, { description: "True when `workflow` is set and valid." })
  success!: boolean;

  @Field(() => FlowIR, { nullable: true, description: "The workflow; null unless success." })
  workflow!: FlowIR | null;

  @Field(() => String, { nullable: true, description: "Why it failed; set when success is false." })
  error!: string | null;

  @Field(() => GenerationErrorCode, {
    nullable: true,
    description: "Machine-readable reason of a failure.",
  })
  errorCode!: GenerationErrorCodeValue | null;

  @Field(() => Int, {
    description: "The input's generationAttempts plus the generations made now.",
  })
  generationAttempts!: number;

  @Field(() => [String], {
    description:
      "Messages of the last attempt's errors, in order, up to VALIDATION_MAX_ISSUES (empty on " +
      "success).",
  })
  validationErrors!: string[];

  @Field(() => [WorkflowAttempt], { description: "Every generation made for this request." })
  attempts!: WorkflowAttempt[];

  @Field(() => GenerationInfo, {
    description: "Provider, model, generations, latency and summed tokens.",
  })
  generation!: GenerationInfo;
}
