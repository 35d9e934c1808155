import { z } from "zod";

/** The only IR version this server produces and accepts (workflow-rules.json, ir-version). */
export const IR_VERSION = "0.1.0";

/** Value types an input may declare (workflow.md section 2). */
export const INPUT_TYPES = ["string", "number", "integer", "boolean", "object", "array"] as const;
export type InputType = (typeof INPUT_TYPES)[number];

/** Keys allowed at the top level of a FlowIR document, in canonical order. */
export const ROOT_FIELDS = [
  "ir_version",
  "inputs",
  "nodes",
  "edges",
  "start_node",
  "outputs",
] as const;

/** Node ids must be usable inside `${id.output}` templates and as edge endpoints. */
export const NODE_ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** The node type of a saved workflow used as a step (seed rules 33-35). */
export const WORKFLOW_NODE_TYPE = "workflow";

/*
 * A JSON value without recursion. z.json() would be exact but becomes a `$defs`/`$ref` pair in the
 * tool schema; one level of typing is what keeps the model from collapsing `params` into a string,
 * and nested values stay open.
 */
const jsonValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.unknown()),
  z.record(z.string(), z.unknown()),
]);

export const flowIrInputSchema = z.strictObject({
  description: z.string().describe("What the value is, for the person running the workflow"),
  required: z.boolean().describe("true unless a universal default exists"),
  type: z.enum(INPUT_TYPES),
  default: jsonValueSchema
    .optional()
    .describe(
      "Only for optional inputs, and only a universal default (never a value from the request)",
    ),
});

export const flowIrNodeSchema = z.strictObject({
  id: z
    .string()
    .regex(NODE_ID_PATTERN)
    .describe("Unique, descriptive snake_case id naming what the step does, e.g. fetch_issue"),
  type: z.string().describe("A node type from the available components, or 'workflow'"),
  params: z
    .record(z.string(), jsonValueSchema)
    .describe("Parameters; dynamic values as ${input_name} or ${earlier_node_id.output_key}"),
  purpose: z.string().optional().describe("One short sentence on why this step exists"),
});

export const flowIrEdgeSchema = z.strictObject({
  from: z.string().describe("id of the node that runs first"),
  to: z.string().describe("id of the node that runs next"),
});

export const flowIrOutputSchema = z.strictObject({
  description: z.string().optional(),
  type: z.enum(INPUT_TYPES).optional(),
  source: z.string().optional().describe("Template naming the value, e.g. ${node_id.output_key}"),
});

/**
 * The FlowIR contract (workflow.md section 2): a linear workflow, closed at every level except
 * `params`. The validator (validate-workflow.ts) reports far more than this schema can express;
 * the schema's job is to make invalid output hard to produce.
 */
export const flowIrSchema = z.strictObject({
  ir_version: z.literal(IR_VERSION),
  inputs: z
    .record(z.string(), flowIrInputSchema)
    .describe("Every value the workflow needs from the user, keyed by template variable name"),
  nodes: z.array(flowIrNodeSchema).min(1),
  edges: z
    .array(flowIrEdgeSchema)
    .describe("One linear chain: n nodes joined by n-1 {from, to} edges"),
  start_node: z.string().optional().describe("id of the first node of the chain"),
  outputs: z.record(z.string(), flowIrOutputSchema).optional(),
});

export type FlowIr = z.infer<typeof flowIrSchema>;
export type FlowIrNode = z.infer<typeof flowIrNodeSchema>;
export type FlowIrInput = z.infer<typeof flowIrInputSchema>;
export type FlowIrEdge = z.infer<typeof flowIrEdgeSchema>;

export interface FlowIrJsonSchemaOptions {
  /**
   * Node types offered to the model (browsed node ids). When given and non-empty, `nodes[].type`
   * becomes an enum of these plus "workflow". Default: any string.
   */
  nodeTypes?: string[];
}

/**
 * The JSON Schema sent as the Anthropic tool `input_schema`. Built by hand from the zod contract
 * because the SDK's zod helper silently turns records into `{}` (stack.md): here `inputs` and
 * `params` keep typed `additionalProperties`.
 */
export function flowIrJsonSchema(options: FlowIrJsonSchemaOptions = {}): Record<string, unknown> {
  const nodeTypes = uniqueTypes(options.nodeTypes ?? []);
  const schema =
    nodeTypes.length === 0
      ? flowIrSchema
      : flowIrSchema.extend({
          nodes: z
            .array(
              flowIrNodeSchema.extend({
                type: z
                  .enum(nodeTypes as [string, ...string[]])
                  .describe("A node type from the available components, or 'workflow'"),
              }),
            )
            .min(1),
        });
  const json = z.toJSONSchema(schema) as Record<string, unknown>;
  delete json.$schema;
  return stripStringPropertyNames(json) as Record<string, unknown>;
}

function uniqueTypes(nodeTypes: readonly string[]): string[] {
  const seen: string[] = [];
  for (const type of [...nodeTypes, WORKFLOW_NODE_TYPE]) {
    if (type.length > 0 && !seen.includes(type)) seen.push(type);
  }
  return nodeTypes.length === 0 ? [] : seen;
}

/** `propertyNames: {type: "string"}` says nothing JSON keys do not already; drop it to save tokens. */
function stripStringPropertyNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripStringPropertyNames);
  if (value === null || typeof value !== "object") return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "propertyNames" && isPlainStringSchema(child)) continue;
    result[key] = stripStringPropertyNames(child);
  }
  return result;
}

function isPlainStringSchema(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === "object" &&
    Object.keys(value).length === 1 &&
    (value as { type?: unknown }).type === "string"
  );
}
