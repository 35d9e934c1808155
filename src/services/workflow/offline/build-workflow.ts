import { toSnakeIdentifier } from "../../text/snake-case.js";
import type { FlowIrInput, InputType } from "../flow-ir.contract.js";
import { IR_VERSION, WORKFLOW_NODE_TYPE } from "../flow-ir.contract.js";
import type { Binding } from "./bind-params.js";
import { bindingScore } from "./bind-params.js";
import type { Component, Slot } from "./components.js";
import { nonTextKind } from "./file-kinds.js";
import { hasFilePathInput, isPathOutput, takesFilePaths } from "./file-paths.js";
import { modelPrompt } from "./model-prompt.js";
import { isNamedField } from "./named-fields.js";
import { isSink } from "./relevance.js";
import { statedValue } from "./stated-values.js";
import type { DiscoveredParam, PlanningRequest } from "./request.js";
import { sameStructure } from "./unneeded.js";
import { inputTypeOf, typesFit, valueTypeOf } from "./value-types.js";
import {
  bestOutput,
  dataOutputs,
  isMetaOutput,
  isTextName,
  takesText,
  writesFiles,
} from "./wiring.js";
import {
  GENERIC_TOKENS,
  nameTokens,
  SINK_WORDS,
  SOURCE_WORDS,
  stem,
  VAGUE_TOKENS,
} from "./words.js";

/** A FlowIR document as plain JSON, before the validator and the contract judge it. */
export interface PlannedDraft {
  draft: DraftWorkflow;
  /**
   * Why the draft does not do what was asked, one sentence per component ("could not place
   * `shell-command`: …"). Not empty means the planner must answer with a failure, never the draft.
   */
  problems: string[];
}

/** Slots that are the step's program: the request describes them in prose, never as a value. */
const PROGRAM_SLOT =
  /^(command|cmd|commands|code|script|program|source_code|sql|expression|shell_command)$/i;

/** Name words of a step that fetches or produces data for later steps. */
const READ_WORDS = new Set([
  "read",
  "get",
  "list",
  "fetch",
  "load",
  "download",
  "search",
  "find",
  "query",
  "log",
  "shell",
  "command",
  "run",
  "exec",
]);

export interface DraftWorkflow {
  ir_version: string;
  inputs: Record<string, FlowIrInput>;
  nodes: { id: string; type: string; purpose?: string; params: Record<string, unknown> }[];
  edges: { from: string; to: string }[];
}

interface Placed {
  id: string;
  component: Component;
  /** What later nodes may reference: output key → type. */
  outputs: Record<string, string>;
}

/**
 * Assembles the workflow for a chosen, ordered chain. Each slot's value, in this order: the
 * discovered value bound to it (as its declared input); for a required slot, the best-fitting
 * output of the nearest earlier node; for a text slot, any earlier data nothing uses yet; else a
 * new required input named after the slot. A flag or a listed choice the request states is set
 * (stated-values.ts); an optional slot takes an earlier output its description names and the
 * request asks for (git-push `ref` ← git-tag's `tag`), and a sink's optional text slot the model's
 * answer nothing else uses; other optional slots are left out, so the component's own default
 * applies. What cannot be done honestly (a program or object
 * input, data a slot cannot take, a read nobody uses, request values that belong in an object
 * without documented fields, two values that fit one slot equally) is listed in `problems`.
 */
export function buildWorkflow(
  chain: readonly Component[],
  ids: readonly string[],
  bindings: readonly Binding[],
  request: PlanningRequest,
): PlannedDraft {
  const inputs = new InputRegistry();
  const problems: string[] = [];
  const consumed = new Set<string>();
  const hasModelStep = chain.some((component) => component.llmLike);
  const inputFor = new Map<string, string>();
  const mustUse: string[] = [];
  /** Values no slot takes and no prompt carries. */
  const dropped: DiscoveredParam[] = [];
  /** Values a failure already names as belonging in an undocumented object input. */
  const forObjectInput = new Set<DiscoveredParam>();
  for (const param of request.discovered) {
    const binding = describingBinding(param, bindings, chain);
    if (binding !== undefined) {
      inputFor.set(
        param.name,
        inputs.declare(discoveredName(param, binding), boundInput(binding), `param:${param.name}`),
      );
    } else if (hasModelStep) {
      // Only the prompt can carry a value no component takes; without a model step it is dropped.
      const name = inputs.declare(
        toSnakeIdentifier(param.name),
        {
          description: `${humanize(param.name)}, as given in the request`,
          required: true,
          type: valueTypeOf(param.value),
        },
        `param:${param.name}`,
      );
      inputFor.set(param.name, name);
      mustUse.push(name);
    } else {
      dropped.push(param);
    }
  }

  problems.push(...ambiguities(bindings, request));
  /**
   * Discovered values no slot takes and no prompt carries: a model step carries any value but one
   * the request gives as a named field ("priority high"), which is data for an object input.
   */
  const unbound = request.discovered.filter(
    (param) =>
      !bindings.some((binding) => binding.param === param) &&
      (!hasModelStep || isNamedField(param, request)),
  );
  const placed: Placed[] = [];
  const nodes: DraftWorkflow["nodes"] = [];
  chain.forEach((component, index) => {
    const id = ids[index]!;
    const valueFor = (slot: Slot): unknown => {
      const binding = bindings.find((candidate) => candidate.slot === slot);
      if (binding !== undefined) {
        const template = `\${${inputFor.get(binding.param.name)!}}`;
        const wrap = inputTypeOf(slot.type) === "array" && !Array.isArray(binding.param.value);
        return wrap ? [template] : template;
      }
      const stated = statedValue(slot, request);
      if (stated !== undefined) return stated;
      const file = takesFilePaths(slot) ? pendingFile(placed, consumed) : undefined;
      if (file !== undefined) return inputTypeOf(slot.type) === "array" ? [file] : file;
      if (!slot.required) return describedOutput(slot, placed, request);
      // A file path an earlier step made goes to the component's file input, never its body.
      const keepsPaths = !hasFilePathInput(component) || !isTextName(slot.name);
      const wired = wireFromEarlier(slot, placed, keepsPaths);
      if (wired !== undefined) return wired;
      // The step that made that file passes the file, not its line count, on to this one.
      const fileMakers = new Set(
        pendingOutputs(placed, consumed)
          .filter((output) => !keepsPaths && isPathOutput(output.label, output.type))
          .map((output) => output.producer),
      );
      const pending = pendingOutputs(placed, consumed).filter(
        (output) => !fileMakers.has(output.producer),
      );
      // `records: list[dict]` after `charges: list[dict]`: the same structure is the data to take,
      // never a new input asking for it.
      const shaped = [...pending].reverse().find((output) => sameStructure(output.type, slot.type));
      if (shaped !== undefined) return shaped.template;
      if (isTextName(slot.name) && pending.length > 0) {
        const named = namedPath(slot, placed, consumed, request);
        if (named !== undefined) return named;
        // Earlier data is waiting and this slot takes data: wire it, never ask for it anew. The
        // nearest step's first fitting output is its main one (stdout, not stderr).
        const nearest = [...pending]
          .reverse()
          .find((output) => typesFit(output.type, slot.type))?.producer;
        const fitting = pending.find(
          (output) => output.producer === nearest && typesFit(output.type, slot.type),
        );
        if (fitting !== undefined) return fitting.template;
        // A file writer serialises lists and objects (as the validator's template-type rule
        // accepts): the nearest earlier data is what it writes.
        if (writesFiles(component, slot)) return pending[pending.length - 1]!.template;
        problems.push(
          `could not place \`${component.name}\`: its required input \`${slot.name}\` (${slot.type}) should take the data of an earlier step, but no earlier output fits it (${pending.map((output) => `${output.template.slice(2, -1)}: ${output.type}`).join(", ")})`,
        );
      } else if (PROGRAM_SLOT.test(slot.name) || inputTypeOf(slot.type) === "object") {
        problems.push(
          `could not place \`${component.name}\`: its required input \`${slot.name}\` (${slot.type}) cannot be filled from the request (no discovered value, and no earlier step produces it)`,
        );
      }
      return `\${${inputs.declare(
        newInputName(slot, component),
        {
          description:
            slot.description !== ""
              ? slot.description
              : `${humanize(slot.name)} for ${component.name}`,
          required: true,
          type: inputTypeOf(slot.type) ?? "string",
        },
        `slot:${slot.name}:${slot.type}`,
      )}}`;
    };

    const params: Record<string, unknown> = {};
    if (component.kind === "workflow") {
      const mapping: Record<string, unknown> = {};
      for (const slot of component.slots) {
        const value = valueFor(slot);
        if (value !== undefined) setPath(mapping, slot.path, value);
      }
      params.workflow_name = component.name;
      params.param_mapping = mapping;
      const outputs = Object.keys(component.outputs);
      if (outputs.length > 0) {
        params.output_mapping = Object.fromEntries(outputs.map((name) => [name, name]));
      }
      params.storage_mode = "mapped";
    } else {
      for (const slot of component.slots) {
        const value =
          component.llmLike && slot.path.length === 1 && slot.name === "prompt"
            ? modelPrompt({
                request,
                inputFor,
                mustUse,
                upstream: upstreamOf(placed, consumed),
                otherSteps: chain.filter((other) => other !== component).map((other) => other.name),
              })
            : valueFor(slot);
        if (value !== undefined) setPath(params, slot.path, value);
      }
      const answer = pendingAnswer(placed, new Set([...consumed, ...references(params)]));
      const slot = answer === undefined ? undefined : optionalTextSlot(component, params, request);
      if (answer !== undefined && slot !== undefined) setPath(params, slot.path, answer);
    }
    const emptyObjects = component.slots.filter(
      (slot) =>
        slot.path.length === 1 &&
        inputTypeOf(slot.type) === "object" &&
        params[slot.name] === undefined,
    );
    if (component.kind === "node" && emptyObjects.length > 0 && unbound.length > 0) {
      unbound.forEach((param) => forObjectInput.add(param));
      // "POST … with the title X and priority high": those values are the body; a prompt that
      // mentions them does not send them.
      problems.push(
        `could not place \`${component.name}\`: the request's values (${unbound.map((param) => param.name).join(", ")}) belong in its object input ${emptyObjects.map((slot) => `\`${slot.name}\` (${slot.type})`).join(" or ")}, whose fields the planning context does not document`,
      );
    }
    const purpose = firstSentence(component.description);
    nodes.push({
      id,
      type: component.kind === "workflow" ? WORKFLOW_NODE_TYPE : component.name,
      ...(purpose !== "" ? { purpose } : {}),
      params,
    });
    for (const reference of references(params)) consumed.add(reference);
    placed.push({ id, component, outputs: { ...component.outputs } });
  });

  for (const param of dropped) {
    if (forObjectInput.has(param)) continue;
    // A value the request states but no step uses: the workflow would quietly ignore it.
    // "scans/receipt.jpg" with only read-file offered: say that it needs a reader for images.
    const kind = nonTextKind(param.value);
    const why = kind === undefined ? "" : ` (${kind}: nothing offered reads that kind of file)`;
    problems.push(`nothing offered takes \`${param.name}: ${describeValue(param.value)}\`${why}`);
  }

  // A read step, the model step and a transform (a step that takes earlier data) make data for
  // the steps after them: work whose result nobody takes was done for nothing. The last step's
  // data is the workflow's result; a count or a flag only reports that a step ran.
  for (const [index, producer] of placed.slice(0, -1).entries()) {
    const transforms = references(nodes[index]!.params).length > 0;
    if (!isReadStep(producer.component) && !producer.component.llmLike && !transforms) continue;
    const data = Object.entries(producer.outputs).filter(
      ([name, type]) => !isMetaOutput(name) && !REPORT_TYPES.has(inputTypeOf(type) ?? ""),
    );
    if (data.length === 0) continue;
    if (data.some(([name]) => consumed.has(`${producer.id}.${name}`))) continue;
    problems.push(
      `could not place \`${producer.component.name}\`: no later step uses its output (${data.map(([name, type]) => `${name}: ${type}`).join(", ")})`,
    );
  }

  return {
    draft: {
      ir_version: IR_VERSION,
      inputs: inputs.entries(),
      nodes,
      edges: ids.slice(1).map((to, index) => ({ from: ids[index]!, to })),
    },
    problems,
  };
}

function isReadStep(component: Component): boolean {
  return (
    component.kind === "node" &&
    !component.llmLike &&
    !isSink(component) &&
    nameTokens(component.name).some((token) => READ_WORDS.has(token))
  );
}

/**
 * A documented field of waiting earlier data that the request names for a text slot: "append its
 * CSV line" takes `invoice.csv_line`, not the whole invoice.
 */
function namedPath(
  slot: Slot,
  placed: readonly Placed[],
  consumed: ReadonlySet<string>,
  request: PlanningRequest,
): string | undefined {
  const said = new Set(request.words.map((word) => word.stem));
  for (const producer of [...placed].reverse()) {
    for (const [path, type] of Object.entries(producer.component.paths)) {
      const [output, ...rest] = path.split(".");
      if (rest.length === 0 || consumed.has(`${producer.id}.${output}`)) continue;
      if (producer.outputs[output!] === undefined || !typesFit(type, slot.type)) continue;
      const words = nameTokens(rest[rest.length - 1]!);
      if (words.length > 1 && words.every((word) => said.has(stem(word)))) {
        return `\${${producer.id}.${path}}`;
      }
    }
  }
  return undefined;
}

/**
 * An earlier output an optional slot's description names and the request asks for: git-push's
 * `ref` ("Branch or tag to push") takes git-tag's `tag` when the request says "push the tag";
 * left out, the push would send the current branch instead.
 */
function describedOutput(
  slot: Slot,
  placed: readonly Placed[],
  request: PlanningRequest,
): string | undefined {
  if (slot.path.length !== 1) return undefined;
  const described = new Set(nameTokens(slot.description).map(stem));
  const valueWords = new Set(request.discovered.flatMap((param) => param.wordIndexes));
  const said = new Set(
    request.words.filter((word) => !valueWords.has(word.index)).map((word) => word.stem),
  );
  for (const producer of [...placed].reverse()) {
    if (producer.component.llmLike) continue;
    for (const name of dataOutputs(producer.outputs)) {
      const tokens = nameTokens(name);
      if (tokens.length !== 1 || GENERIC_TOKENS.has(tokens[0]!)) continue;
      const word = stem(tokens[0]!);
      if (!described.has(word) || !said.has(word)) continue;
      if (!typesFit(producer.outputs[name]!, slot.type)) continue;
      return `\${${producer.id}.${name}}`;
    }
  }
  return undefined;
}

/** A discovered value as the request gave it, short enough for a failure text. */
function describeValue(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Output types that report on a step (how many rows, whether it ran) rather than carry data. */
const REPORT_TYPES = new Set<string>(["boolean", "integer", "number"]);

/** The model step's text answer when no step uses it yet, as a template. */
function pendingAnswer(
  placed: readonly Placed[],
  consumed: ReadonlySet<string>,
): string | undefined {
  return pendingOutputs(
    placed.filter((producer) => producer.component.llmLike),
    consumed,
  ).find((output) => inputTypeOf(output.type) === "string")?.template;
}

/**
 * An optional text input of a sink left empty, which the model's answer is for: "a description
 * written from the diff" is github-create-pull's optional `body` ("Description in Markdown").
 * Of several, the one whose name or description the request says; else the first.
 */
function optionalTextSlot(
  component: Component,
  params: Record<string, unknown>,
  request: PlanningRequest,
): Slot | undefined {
  if (!isSink(component)) return undefined;
  const open = component.slots.filter(
    (slot) => !slot.required && slot.path.length === 1 && takesText(slot) && !(slot.name in params),
  );
  const said = new Set(request.words.map((word) => word.stem));
  const saysSlot = (slot: Slot) =>
    nameTokens(`${slot.name} ${slot.description}`).some(
      (token) => !GENERIC_TOKENS.has(token) && said.has(stem(token)),
    );
  return open.find(saysSlot) ?? open[0];
}

/** Every `node.output` a params value references. */
function references(value: unknown, found: string[] = []): string[] {
  if (typeof value === "string") {
    for (const match of value.matchAll(/\$\{([A-Za-z_][\w]*\.[A-Za-z_][\w]*)/g))
      found.push(match[1]!);
  } else if (Array.isArray(value)) {
    value.forEach((item) => references(item, found));
  } else if (value !== null && typeof value === "object") {
    Object.values(value).forEach((item) => references(item, found));
  }
  return found;
}

/** The nearest earlier file path no node uses yet: the file the request wants sent or packed. */
function pendingFile(placed: readonly Placed[], consumed: ReadonlySet<string>): string | undefined {
  return [...pendingOutputs(placed, consumed)]
    .reverse()
    .find((output) => isPathOutput(output.label, output.type))?.template;
}

/** Data outputs of earlier nodes none of whose data a node uses yet, in chain order. */
function pendingOutputs(
  placed: readonly Placed[],
  consumed: ReadonlySet<string>,
): { template: string; type: string; label: string; producer: string }[] {
  const pending: { template: string; type: string; label: string; producer: string }[] = [];
  for (const producer of placed) {
    if (dataOutputs(producer.outputs).some((name) => consumed.has(`${producer.id}.${name}`))) {
      continue;
    }
    for (const name of dataOutputs(producer.outputs)) {
      pending.push({
        template: `\${${producer.id}.${name}}`,
        type: producer.outputs[name]!,
        label: name,
        producer: producer.id,
      });
    }
  }
  return pending;
}

/** Declared inputs; a name is shared only by values of the same origin (one param, one slot kind). */
class InputRegistry {
  private readonly declared = new Map<string, { input: FlowIrInput; origin: string }>();

  declare(name: string, input: FlowIrInput, origin: string): string {
    for (let suffix = 1; ; suffix++) {
      const candidate = suffix === 1 ? name : `${name}_${suffix}`;
      const existing = this.declared.get(candidate);
      if (existing === undefined) {
        this.declared.set(candidate, { input, origin });
        return candidate;
      }
      if (existing.origin === origin) return candidate;
    }
  }

  entries(): Record<string, FlowIrInput> {
    return Object.fromEntries([...this.declared].map(([name, { input }]) => [name, input]));
  }
}

/**
 * The nearest earlier node with a fitting output; a closer node wins over a better name match.
 * A text input follows the data flow: the nearest step with a text output of a fitting type feeds
 * it even when no name matches (write-file's `content` takes markdown-to-html's `html`, not the
 * read-file `content` the HTML was made from); names only choose among that step's outputs.
 */
function wireFromEarlier(
  slot: Slot,
  placed: readonly Placed[],
  keepsPaths: boolean,
): string | undefined {
  for (const producer of [...placed].reverse()) {
    const outputs = Object.fromEntries(
      Object.entries(producer.outputs).filter(
        ([name, type]) => keepsPaths || !isPathOutput(name, type),
      ),
    );
    const output =
      bestOutput(outputs, slot)?.name ??
      (takesText(slot) ? firstFitting(outputs, slot) : undefined);
    if (output !== undefined) return `\${${producer.id}.${output}}`;
  }
  return undefined;
}

/** A producer's first data output whose type fits the slot: its main one. */
function firstFitting(outputs: Readonly<Record<string, string>>, slot: Slot): string | undefined {
  return dataOutputs(outputs).find((name) => typesFit(outputs[name]!, slot.type));
}

/**
 * The data of every earlier node no other node uses yet, in chain order, labelled by output name
 * (by node and output name when two share a name): no read step's result is left behind.
 */
function upstreamOf(placed: readonly Placed[], consumed: ReadonlySet<string>): [string, string][] {
  // A flag (written, checked_out) says the step ran; it is no data for the model.
  const pending = pendingOutputs(placed, consumed).filter(
    (output) => inputTypeOf(output.type) !== "boolean",
  );
  const counts = new Map<string, number>();
  for (const output of pending) counts.set(output.label, (counts.get(output.label) ?? 0) + 1);
  return pending.map((output) => [
    counts.get(output.label)! > 1 ? output.template.slice(2, -1) : output.label,
    output.template,
  ]);
}

function boundInput(binding: Binding): FlowIrInput {
  const slotType = inputTypeOf(binding.slot.type);
  const valueType = valueTypeOf(binding.param.value);
  const type: InputType =
    slotType === undefined || (slotType === "array" && valueType !== "array")
      ? valueType
      : slotType;
  return {
    description:
      binding.slot.description !== ""
        ? binding.slot.description
        : `${humanize(binding.slot.name)} for ${binding.component.name}`,
    required: true,
    type,
  };
}

/**
 * A slot two discovered values fit equally well, when the other one has no better place: the
 * planner would pick one by the order of their names (base_branch before feature_branch, so the
 * base branch was pushed). Not knowing which the request means is a failure, not a guess.
 */
function ambiguities(bindings: readonly Binding[], request: PlanningRequest): string[] {
  const problems: string[] = [];
  for (const binding of bindings) {
    const rivals = request.discovered.filter(
      (param) =>
        param !== binding.param &&
        bindingScore(param, binding.slot, binding.component) === binding.score &&
        !bindings.some((other) => other.param === param && other.score > binding.score),
    );
    if (rivals.length === 0) continue;
    const names = [binding.param, ...rivals].map((param) => `\`${param.name}\``).sort();
    problems.push(
      `could not place \`${binding.component.name}\`: ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} fit its input \`${binding.slot.name}\` equally well, and the request does not say which one it takes`,
    );
  }
  return [...new Set(problems)];
}

/**
 * Of the slots one discovered value feeds, the one its input is named and described after: a
 * slot of the value's own type first (a path, not the list of "Files to stage" it is also
 * wrapped into), then the earliest step of the chain.
 */
function describingBinding(
  param: DiscoveredParam,
  bindings: readonly Binding[],
  chain: readonly Component[],
): Binding | undefined {
  const own = (binding: Binding) => {
    const slotType = inputTypeOf(binding.slot.type);
    return slotType === undefined || slotType === valueTypeOf(param.value) ? 0 : 1;
  };
  return bindings
    .filter((binding) => binding.param === param)
    .sort(
      (left, right) =>
        own(left) - own(right) || chain.indexOf(left.component) - chain.indexOf(right.component),
    )[0];
}

/**
 * A discovered name is kept when it says what the value is or which role it plays (input_file,
 * output_file, since_tag): the workflow is for any such value, so an input is never named after
 * the example the request gave (pricing.csv → pricing_file). A name that says neither (file,
 * path) gets the role of the step that takes it: source_file for a reader, target_file for a sink.
 */
function discoveredName(param: DiscoveredParam, binding: Binding): string {
  const tokens = nameTokens(param.name);
  const says = (token: string) =>
    !VAGUE_TOKENS.has(token) || SOURCE_WORDS.has(token) || SINK_WORDS.has(token);
  if (tokens.some(says) || param.name === binding.slot.name) return toSnakeIdentifier(param.name);
  const noun = tokens[tokens.length - 1] ?? nameTokens(binding.slot.name).pop() ?? "value";
  return toSnakeIdentifier(`${isSink(binding.component) ? "target" : "source"}_${noun}`);
}

/** A vague slot name gets the component's last specific word: git-commit.message → commit_message. */
function newInputName(slot: Slot, component: Component): string {
  const name = toSnakeIdentifier(slot.name);
  if (!nameTokens(slot.name).every((token) => VAGUE_TOKENS.has(token))) return name;
  const specific = nameTokens(component.name).filter((token) => !GENERIC_TOKENS.has(token));
  const word = specific[specific.length - 1];
  return word === undefined || nameTokens(slot.name).includes(word)
    ? name
    : toSnakeIdentifier(`${word}_${name}`);
}

function humanize(name: string): string {
  const text = nameTokens(name).join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function firstSentence(text: string): string {
  const sentence = /^.*?[.!?](?:\s|$)/.exec(text.trim())?.[0] ?? text;
  return sentence.trim();
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = target;
  for (const key of path.slice(0, -1)) {
    const next = current[key];
    if (next === null || typeof next !== "object" || Array.isArray(next)) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[path[path.length - 1]!] = value;
}
