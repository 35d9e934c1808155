import { JSONObjectResolver } from "graphql-scalars";
import { Field, Float, InputType, Int } from "type-graphql";

@InputType({ description: "The components the client browsed and offers to the generator." })
export class BrowsedComponentsInput {
  @Field(() => [String], { description: "Node types the workflow may use." })
  nodeIds!: string[];

  @Field(() => [String], { description: "Saved workflows that may be used as nodes." })
  workflowNames!: string[];
}

@InputType({ description: "What to generate a workflow from." })
export class GenerateWorkflowInput {
  @Field(() => String, { description: "The task in plain language (1 to 4,000 characters)." })
  userInput!: string;

  @Field(() => String, {
    description: "Markdown describing the available components (required, non-empty).",
  })
  planningContext!: string;

  @Field(() => BrowsedComponentsInput, {
    nullable: true,
    description: "Node ids and saved workflow names the workflow may use.",
  })
  browsedComponents?: BrowsedComponentsInput;

  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: "Parameter hints, name -> value; they become declared inputs, never literals.",
  })
  discoveredParams?: Record<string, unknown>;

  @Field(() => [String], {
    nullable: true,
    description: "Errors from an earlier attempt the caller made (the first 3 are used).",
  })
  validationErrors?: string[];

  @Field(() => Int, {
    nullable: true,
    description: "Generations the caller already made (default 0).",
  })
  generationAttempts?: number;

  @Field(() => Int, {
    nullable: true,
    description: "Generations this call may make, 1 to 3 (default 3).",
  })
  maxAttempts?: number;

  @Field(() => String, { nullable: true, description: "Model id; default from configuration." })
  model?: string;

  @Field(() => Float, { nullable: true, description: "Sampling temperature (default 0.0)." })
  temperature?: number;
}

@InputType({ description: "A FlowIR document to validate, with the context to check it against." })
export class ValidateWorkflowInput {
  @Field(() => JSONObjectResolver, { description: "The FlowIR document." })
  ir!: Record<string, unknown>;

  @Field(() => String, {
    nullable: true,
    description: "When given, node types, outputs and paths are checked against it.",
  })
  planningContext?: string;

  @Field(() => BrowsedComponentsInput, {
    nullable: true,
    description: "When given, node types must be among these.",
  })
  browsedComponents?: BrowsedComponentsInput;

  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: "When given, literal copies of these values are reported as hard-coded.",
  })
  discoveredParams?: Record<string, unknown>;
}
