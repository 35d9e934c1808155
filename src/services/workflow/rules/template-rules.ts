import { didYouMean } from "../edit-distance.js";
import type { ComponentSpec } from "../planning-context.js";
import type { LocatedTemplate } from "../templates.js";
import { fieldParts, templateText } from "../templates.js";
import type { IrNode, Report, RuleInput } from "./rule-context.js";
import { quoteList } from "./rule-context.js";
import type { NodeOutputs } from "./node-outputs.js";
import { nodeOutputs } from "./node-outputs.js";
import { typeCompatible, typeOfTemplate } from "./template-types.js";

/**
 * Template checks on every string at any depth of every node's params: malformed-template,
 * undeclared-var, node-ref-missing, node-order, node-output, node-ref and template-type.
 * Static: a declared input is always a legal source, whatever its value will be.
 */
export function checkTemplates(input: RuleInput, report: Report): void {
  for (const node of input.workflow.nodes) {
    const scan = input.scans[node.index]!;
    for (const bad of scan.malformed) {
      report(
        "malformed-template",
        `Malformed template syntax in node '${node.id}' parameter '${bad.paramPath}': '${bad.raw}'; ${bad.reason}`,
        { path: bad.path, nodeId: node.id },
      );
    }
    for (const template of scan.templates) checkTemplate(input, node, template, report);
  }
}

function checkTemplate(
  input: RuleInput,
  node: IrNode,
  template: LocatedTemplate,
  report: Report,
): void {
  const where = { path: template.path, nodeId: node.id };
  const at = `Node '${node.id}' parameter '${template.paramPath}'`;
  const declared = input.inputByName.get(template.base);
  if (declared !== undefined) {
    checkTemplateType(input, node, template, report);
    return;
  }
  const target = input.nodeById.get(template.base);
  if (target === undefined) {
    reportUnknownBase(input, node, template, report);
    return;
  }
  const outputs = nodeOutputs(target, input.planning);
  const first = template.parts[0];
  if (typeof first !== "string") {
    const keys =
      outputs === undefined ? "" : ` with one of its outputs: ${quoteList(outputs.names)}`;
    report(
      "node-ref",
      `${at}: template '${template.raw}' names node '${target.id}' without an output key; use \${${target.id}.output_key}${keys}`,
      where,
    );
    return;
  }
  if (target.id === node.id) {
    report(
      "node-order",
      `${at}: template '${template.raw}' references node '${node.id}' itself; a node can only use declared inputs and outputs of nodes that run before it${earlierHint(input, node)}`,
      where,
    );
  } else if (!input.order.runsBefore(target.id, node.id)) {
    report(
      "node-order",
      `Node '${node.id}' references '${target.id}' which comes after it in execution order (template '${template.raw}' in parameter '${template.paramPath}'); reorder the edges so '${target.id}' runs first, or use a declared input${earlierHint(input, node)}`,
      where,
    );
  }
  if (outputs !== undefined && checkOutput(target, outputs, template, at, where, report)) {
    checkTemplateType(input, node, template, report);
  }
}

function earlierHint(input: RuleInput, node: IrNode): string {
  const earlier = input.order.sequence
    .filter((other) => input.order.runsBefore(other.id, node.id))
    .map((other) => other.id);
  return earlier.length === 0
    ? " (no node runs before it)"
    : ` (nodes that run before it: ${quoteList(earlier)})`;
}

function reportUnknownBase(
  input: RuleInput,
  node: IrNode,
  template: LocatedTemplate,
  report: Report,
): void {
  const where = { path: template.path, nodeId: node.id };
  const inputNames = input.workflow.inputs.map((declared) => declared.name);
  const nodeIds = input.order.sequence.map((other) => other.id);
  if (template.parts.length > 0) {
    report(
      "node-ref-missing",
      `Node '${node.id}' references non-existent node '${template.base}' in parameter '${template.paramPath}' (template '${template.raw}').${didYouMean(template.base, [...nodeIds, ...inputNames])} Use a node id (${quoteList(nodeIds)}) or a declared input (${quoteList(inputNames)})`,
      where,
    );
    return;
  }
  report(
    "undeclared-var",
    `Node '${node.id}' references undefined input '${template.raw}' in parameter '${template.paramPath}'.${didYouMean(template.base, [...inputNames, ...nodeIds])} Declare '${template.base}' in inputs, or use one of the declared inputs: ${quoteList(inputNames)}`,
    where,
  );
}

/** node-output: first key among the node's outputs, deeper keys in the declared structure. */
function checkOutput(
  target: IrNode,
  outputs: NodeOutputs,
  template: LocatedTemplate,
  at: string,
  where: { path: string; nodeId: string },
  report: Report,
): boolean {
  const fields = fieldParts(template.parts);
  const key = fields[0]!;
  if (!outputs.names.includes(key)) {
    report(
      "node-output",
      `${at}: template '${template.raw}': Node '${target.id}' (${outputs.label}) does not output '${key}'.${didYouMean(key, outputs.names)} Available: ${quoteList(outputs.names)}`,
      where,
    );
    return false;
  }
  const problem = outputs.spec === undefined ? undefined : deepPathProblem(outputs.spec, fields);
  if (problem !== undefined) {
    report(
      "node-output",
      `${at}: template '${template.raw}': in the output of node '${target.id}' (${outputs.label}), ${problem}`,
      where,
    );
    return false;
  }
  return true;
}

const SCALAR_TYPES = /^(str|string|int|integer|float|number|bool|boolean)$/i;

/**
 * Checks `a.b.c` against the declared paths. A declared path with no declared children and a
 * non-scalar type (dict, list[dict], any) is opaque: deeper parts are accepted, since nothing says
 * they are wrong. List indexes were dropped before, so `labels[0].name` is checked as `labels.name`.
 */
export function deepPathProblem(
  spec: ComponentSpec,
  fields: readonly string[],
): string | undefined {
  for (let length = 2; length <= fields.length; length++) {
    const parent = fields.slice(0, length - 1).join(".");
    const path = fields.slice(0, length).join(".");
    if (Object.hasOwn(spec.paths, path)) continue;
    const prefix = `${parent}.`;
    const children = Object.keys(spec.paths)
      .filter((known) => known.startsWith(prefix) && !known.slice(prefix.length).includes("."))
      .map((known) => known.slice(prefix.length))
      .sort();
    const parentType = spec.paths[parent] ?? "any";
    if (children.length === 0 && !SCALAR_TYPES.test(parentType)) return undefined;
    const field = fields[length - 1]!;
    return children.length === 0
      ? `'${parent}' is a ${parentType} and has no field '${field}'; use '${templatePath(fields.slice(0, length - 1))}' itself`
      : `'${parent}' has no field '${field}'.${didYouMean(field, children)} Known fields of '${parent}': ${quoteList(children)}`;
  }
  return undefined;
}

function templatePath(fields: readonly string[]): string {
  return templateText(fields[0]!, fields.slice(1));
}

/** template-type (warning): a whole-value template whose type cannot fill the parameter. */
function checkTemplateType(
  input: RuleInput,
  node: IrNode,
  template: LocatedTemplate,
  report: Report,
): void {
  if (!template.wholeValue || input.planning === undefined) return;
  // Only top-level parameters have declared types.
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(template.paramPath)) return;
  const spec = Object.hasOwn(input.planning.nodes, node.type)
    ? input.planning.nodes[node.type]!
    : undefined;
  if (spec === undefined) return;
  const key = template.paramPath;
  const expected = Object.hasOwn(spec.params, key)
    ? spec.params[key]
    : Object.hasOwn(spec.inputs, key)
      ? spec.inputs[key]
      : undefined;
  if (expected === undefined) return;
  const actual = typeOfTemplate(input, template);
  if (actual === undefined || typeCompatible(actual, expected)) return;
  report(
    "template-type",
    `Type mismatch in node '${node.id}' parameter '${key}': template ${template.raw} has type '${actual}' but parameter expects '${expected}'; reference a value of type '${expected}' or convert it in an earlier step`,
    { path: template.path, nodeId: node.id },
  );
}
