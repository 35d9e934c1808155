import type { ComponentSpec } from "../planning-context.js";
import type { LocatedTemplate } from "../templates.js";
import { fieldParts, templateText } from "../templates.js";
import type { IssueText } from "./issue-text.js";
import { issueText, names, shown, suggest } from "./issue-text.js";
import type { NodeOutputs } from "./node-outputs.js";
import { nodeOutputs } from "./node-outputs.js";
import type { IrNode, IssueLocation, Report, RuleInput } from "./rule-context.js";
import { quoteList } from "./rule-context.js";
import { RULES } from "./rule-table.js";
import { typeCompatible, typeFamily, typeOfTemplate } from "./template-types.js";

/**
 * What many templates ask about the same node or the whole document, worked out once: a document
 * may hold a template per few characters, and none of these may cost more than O(1) per template.
 */
class TemplateFacts {
  private readonly outputs = new Map<
    string,
    { value: NodeOutputs | undefined; known: Set<string> }
  >();
  private readonly earlier = new Map<string, string[]>();
  private inputNamesList: string[] | undefined;
  private nodeIdsList: string[] | undefined;

  constructor(private readonly input: RuleInput) {}

  outputsOf(node: IrNode): { value: NodeOutputs | undefined; known: Set<string> } {
    let cached = this.outputs.get(node.id);
    if (cached === undefined) {
      const value = nodeOutputs(node, this.input.planning);
      cached = { value, known: new Set(value?.names) };
      this.outputs.set(node.id, cached);
    }
    return cached;
  }

  inputNames = (): string[] =>
    (this.inputNamesList ??= this.input.workflow.inputs.map((declared) => declared.name));

  nodeIds = (): string[] =>
    (this.nodeIdsList ??= this.input.order.sequence.map((other) => other.id));

  /** Ids of the nodes that run before `node`, in execution order. */
  earlierThan(node: IrNode): string[] {
    let ids = this.earlier.get(node.id);
    if (ids === undefined) {
      ids = this.input.order.sequence
        .filter((other) => this.input.order.runsBefore(other.id, node.id))
        .map((other) => other.id);
      this.earlier.set(node.id, ids);
    }
    return ids;
  }
}

/**
 * Template checks on every string at any depth of every node's params: malformed-template,
 * undeclared-var, node-ref-missing, node-order, node-output, node-ref and template-type.
 * Static: a declared input is always a legal source, whatever its value will be.
 */
export function checkTemplates(input: RuleInput, report: Report): void {
  const facts = new TemplateFacts(input);
  const lateRefs = new LateReferences();
  for (const node of input.workflow.nodes) {
    const scan = input.scans[node.index]!;
    const id = shown(node.id);
    for (const bad of scan.malformed) {
      report(
        RULES["malformed-template"],
        issueText`Malformed template syntax in node '${id}' parameter '${bad.location}': '${bad.raw}'; ${bad.reason}`,
        { path: bad.location, nodeId: node.id },
      );
    }
    for (const template of scan.templates) {
      checkTemplate(input, facts, node, template, lateRefs, report);
    }
    for (const late of lateRefs.take()) reportNodeOrder(facts, node, late, report);
  }
}

/** The templates of one node naming one node that does not run before it: one root cause. */
interface LateReference {
  target: IrNode;
  /** The first such template, in document order. */
  first: LocatedTemplate;
  /** How many templates of the node name that node. */
  count: number;
}

/**
 * The late references of the node being checked, by the node they name, in document order of
 * the first. A map is made only once some node names a node that does not run before it.
 */
class LateReferences {
  private byTarget: Map<string, LateReference> | undefined;

  add(target: IrNode, template: LocatedTemplate): void {
    this.byTarget ??= new Map();
    const late = this.byTarget.get(target.id);
    if (late === undefined) this.byTarget.set(target.id, { target, first: template, count: 1 });
    else late.count++;
  }

  /** The references gathered since the last call; the next node starts empty. */
  take(): LateReference[] {
    if (this.byTarget === undefined || this.byTarget.size === 0) return [];
    const all = [...this.byTarget.values()];
    this.byTarget.clear();
    return all;
  }
}

/**
 * node-order, once per (node, referenced node): three templates reading a later node have one
 * fix (reorder the chain, or use an input), and the retry prompt only carries three errors.
 */
function reportNodeOrder(
  facts: TemplateFacts,
  node: IrNode,
  late: LateReference,
  report: Report,
): void {
  const { target, first: template, count } = late;
  const where = { path: template.location, nodeId: node.id };
  const id = shown(node.id);
  const raw = shown(template.raw);
  const more = `and ${count - 1} more template${count === 2 ? "" : "s"} naming it`;
  if (target.id === node.id) {
    report(
      RULES["node-order"],
      issueText`Node '${id}' parameter '${template.location}': template '${raw}'${count === 1 ? "" : ` (${more})`} references node '${id}' itself; a node can only use declared inputs and outputs of nodes that run before it${earlierHint(facts, node)}`,
      where,
    );
    return;
  }
  const targetId = shown(target.id);
  report(
    RULES["node-order"],
    issueText`Node '${id}' references '${targetId}' which comes after it in execution order (template '${raw}' in parameter '${template.location}'${count === 1 ? "" : `, ${more}`}); reorder the edges so '${targetId}' runs first, or use a declared input${earlierHint(facts, node)}`,
    where,
  );
}

function checkTemplate(
  input: RuleInput,
  facts: TemplateFacts,
  node: IrNode,
  template: LocatedTemplate,
  lateRefs: LateReferences,
  report: Report,
): void {
  const declared = input.inputByName.get(template.base);
  if (declared !== undefined) {
    checkTemplateType(input, node, template, report);
    return;
  }
  const target = input.nodeById.get(template.base);
  if (target === undefined) {
    reportUnknownBase(facts, node, template, report);
    return;
  }
  const where = { path: template.location, nodeId: node.id };
  const id = shown(node.id);
  const raw = shown(template.raw);
  // The parameter's path is deferred: findings at one place sort by their path before their
  // message, so leaving it out of the message's key changes no order.
  const at = issueText`Node '${id}' parameter '${template.location}'`;
  const outputs = facts.outputsOf(target);
  const first = template.parts[0];
  if (typeof first !== "string") {
    const targetId = shown(target.id);
    report(
      RULES["node-ref"],
      outputs.value === undefined
        ? issueText`${at}: template '${raw}' names node '${targetId}' without an output key; use \${${targetId}.output_key}`
        : issueText`${at}: template '${raw}' names node '${targetId}' without an output key; use \${${targetId}.output_key} with one of its outputs: ${names(() => outputs.value!.names)}`,
      where,
    );
    return;
  }
  if (target.id === node.id || !input.order.runsBefore(target.id, node.id)) {
    lateRefs.add(target, template);
  }
  if (
    outputs.value !== undefined &&
    checkOutput(target, outputs.value, outputs.known, template, at, where, report)
  ) {
    checkTemplateType(input, node, template, report);
  }
}

function earlierHint(facts: TemplateFacts, node: IrNode): () => string {
  return () => {
    const earlier = facts.earlierThan(node);
    return earlier.length === 0
      ? " (no node runs before it)"
      : ` (nodes that run before it: ${quoteList(earlier)})`;
  };
}

function reportUnknownBase(
  facts: TemplateFacts,
  node: IrNode,
  template: LocatedTemplate,
  report: Report,
): void {
  const where = { path: template.location, nodeId: node.id };
  const id = shown(node.id);
  const base = shown(template.base);
  const raw = shown(template.raw);
  if (template.parts.length > 0) {
    report(
      RULES["node-ref-missing"],
      issueText`Node '${id}' references non-existent node '${base}' in parameter '${template.location}' (template '${raw}').${suggest(template.base, () => [...facts.nodeIds(), ...facts.inputNames()])} Use a node id (${names(facts.nodeIds)}) or a declared input (${names(facts.inputNames)})`,
      where,
    );
    return;
  }
  const literal = looksLikeShellVariable(node, template)
    ? ` If a literal '$' is meant (a shell or environment variable), write '${"$" + raw}': '$$' is a literal '$'. Otherwise`
    : "";
  report(
    RULES["undeclared-var"],
    issueText`Node '${id}' references undefined input '${raw}' in parameter '${template.location}'.${suggest(template.base, () => [...facts.inputNames(), ...facts.nodeIds()])}${literal}${literal === "" ? " Declare" : " declare"} '${base}' in inputs, or use one of the declared inputs: ${names(facts.inputNames)}`,
    where,
  );
}

/** Names of parameters and node types that hold shell commands or scripts. */
const SHELL_PLACE = /(^|[-_])(shell|bash|sh|zsh|cmd|command|commands|script|exec|run)($|[-_])/i;

/**
 * An undeclared `$NAME`/`${NAME}` that is more likely a shell or environment variable than a
 * forgotten input: written in upper case like environment variables ($HOME, ${PATH}, $GITHUB_TOKEN),
 * or in a parameter or node type for shell commands (`command` of a `shell` node). Such a message
 * says that `$$` writes a literal `$` (templates.ts).
 */
function looksLikeShellVariable(node: IrNode, template: LocatedTemplate): boolean {
  if (/^[A-Z][A-Z0-9_]*$/.test(template.base)) return true;
  const top = template.location.topKey;
  return SHELL_PLACE.test(node.type) || (typeof top === "string" && SHELL_PLACE.test(top));
}

/** node-output: first key among the node's outputs, deeper keys in the declared structure. */
function checkOutput(
  target: IrNode,
  outputs: NodeOutputs,
  known: ReadonlySet<string>,
  template: LocatedTemplate,
  at: IssueText,
  where: IssueLocation,
  report: Report,
): boolean {
  const fields = fieldParts(template.parts);
  const key = fields[0]!;
  const raw = shown(template.raw);
  const targetId = shown(target.id);
  if (!known.has(key)) {
    report(
      RULES["node-output"],
      issueText`${at}: template '${raw}': Node '${targetId}' (${shown(outputs.label)}) does not output '${shown(key)}'.${suggest(key, () => outputs.names)} Available: ${names(() => outputs.names)}`,
      where,
    );
    return false;
  }
  const problem = outputs.spec === undefined ? undefined : deepPathText(outputs.spec, fields);
  if (problem !== undefined) {
    report(
      RULES["node-output"],
      issueText`${at}: template '${raw}': in the output of node '${targetId}' (${shown(outputs.label)}), ${problem}`,
      where,
    );
    return false;
  }
  return true;
}

const SCALAR_TYPES = /^(str|string|int|integer|float|number|bool|boolean)$/i;

/** Children of each declared path of a spec ("a.b" → ["c", "d"], sorted), built once per spec. */
const childIndexes = new WeakMap<ComponentSpec, Map<string, string[]>>();

function childrenOf(spec: ComponentSpec, parent: string): string[] {
  let index = childIndexes.get(spec);
  if (index === undefined) {
    index = new Map();
    for (const known of Object.keys(spec.paths)) {
      const dot = known.lastIndexOf(".");
      if (dot < 0) continue;
      const list = index.get(known.slice(0, dot)) ?? [];
      list.push(known.slice(dot + 1));
      index.set(known.slice(0, dot), list);
    }
    for (const list of index.values()) list.sort();
    childIndexes.set(spec, index);
  }
  return index.get(parent) ?? [];
}

/**
 * Checks `a.b.c` against the declared paths. A declared path with no declared children and a
 * non-scalar type (dict, list[dict], any) is opaque: deeper parts are accepted, since nothing says
 * they are wrong. List indexes were dropped before, so `labels[0].name` is checked as `labels.name`.
 */
export function deepPathProblem(
  spec: ComponentSpec,
  fields: readonly string[],
): string | undefined {
  return deepPathText(spec, fields)?.render();
}

function deepPathText(spec: ComponentSpec, fields: readonly string[]): IssueText | undefined {
  let parent = fields[0]!;
  for (let length = 2; length <= fields.length; length++) {
    const field = fields[length - 1]!;
    const path = `${parent}.${field}`;
    if (Object.hasOwn(spec.paths, path)) {
      parent = path;
      continue;
    }
    const children = childrenOf(spec, parent);
    const parentType = spec.paths[parent] ?? "any";
    if (children.length === 0 && !SCALAR_TYPES.test(parentType)) return undefined;
    const shownParent = shown(parent);
    return children.length === 0
      ? issueText`'${shownParent}' is a ${shown(parentType)} and has no field '${shown(field)}'; use '${shown(templatePath(fields.slice(0, length - 1)))}' itself`
      : issueText`'${shownParent}' has no field '${shown(field)}'.${suggest(field, () => children)} Known fields of '${shownParent}': ${names(() => children)}`;
  }
  return undefined;
}

function templatePath(fields: readonly string[]): string {
  return templateText(fields[0]!, fields.slice(1));
}

/** Parameters that hold what a file writer writes. */
const CONTENT_PARAMS = new Set(["content", "contents", "data", "text", "body"]);
/** A component that writes files, by its type name or its description. */
const FILE_WRITER_NAME =
  /(write|save|append|dump|export)[-_]?(file|json|to[-_]?file)|file[-_]?(write|writer|save)/i;
const FILE_WRITER_TEXT = /\b(writes?|saves?|appends?)\b[^.]*\bfiles?\b/i;

/**
 * A file writer's content parameter takes objects and lists too: the writer serialises them
 * (JSON), so an http response or an issue object written to a file is not a mismatch even when
 * the parameter is declared `str`. Told by the component, not the node id: a type such as
 * `write-file` or a description such as "Writes text to a file".
 */
function writesContent(spec: ComponentSpec, key: string): boolean {
  if (!CONTENT_PARAMS.has(key)) return false;
  return FILE_WRITER_NAME.test(spec.name) || FILE_WRITER_TEXT.test(spec.description);
}

function isContainer(type: string): boolean {
  const family = typeFamily(type);
  return family === "object" || family === "array";
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
  if (writesContent(spec, key) && isContainer(actual)) return;
  report(
    RULES["template-type"],
    `Type mismatch in node '${shown(node.id)}' parameter '${key}': template ${shown(template.raw)} has type '${shown(actual)}' but parameter expects '${shown(expected)}'; reference a value of type '${shown(expected)}' or convert it in an earlier step`,
    { path: template.location, nodeId: node.id },
  );
}
