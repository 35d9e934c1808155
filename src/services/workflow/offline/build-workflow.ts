import type { FlowIrInput, InputType } from "../flow-ir.contract.js";
import { IR_VERSION, WORKFLOW_NODE_TYPE } from "../flow-ir.contract.js";
import type { Binding } from "./bind-params.js";
import type { Component, Slot } from "./components.js";
import { modelPrompt } from "./model-prompt.js";
import { snake, valueName } from "./node-ids.js";
import { isSink } from "./relevance.js";
import type { DiscoveredParam, PlanningRequest } from "./request.js";
import { inputTypeOf, valueTypeOf } from "./value-types.js";
import { bestOutput, dataOutputs } from "./wiring.js";
import { GENERIC_TOKENS, nameTokens, SINK_WORDS, SOURCE_WORDS, VAGUE_TOKENS } from "./words.js";

/** A FlowIR document as plain JSON, before the validator and the contract judge it. */
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
 * output of the nearest earlier node; else a new required input named after the slot. Optional
 * slots without a discovered value are left out, so the component's own default applies.
 */
export function buildWorkflow(
  chain: readonly Component[],
  ids: readonly string[],
  bindings: readonly Binding[],
  request: PlanningRequest,
): DraftWorkflow {
  const inputs = new InputRegistry();
  const hasModelStep = chain.some((component) => component.llmLike);
  const inputFor = new Map<string, string>();
  const mustUse: string[] = [];
  for (const param of request.discovered) {
    const binding = bindings.find((candidate) => candidate.param === param);
    if (binding !== undefined) {
      inputFor.set(
        param.name,
        inputs.declare(discoveredName(param, binding), boundInput(binding), `param:${param.name}`),
      );
    } else if (hasModelStep) {
      // Only the prompt can carry a value no component takes; without a model step it is dropped.
      const name = inputs.declare(
        identifier(param.name),
        {
          description: `${humanize(param.name)}, as given in the request`,
          required: true,
          type: valueTypeOf(param.value),
        },
        `param:${param.name}`,
      );
      inputFor.set(param.name, name);
      mustUse.push(name);
    }
  }

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
      if (!slot.required) return undefined;
      const wired = wireFromEarlier(slot, placed);
      if (wired !== undefined) return wired;
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
                upstream: upstreamOf(placed),
                otherSteps: chain.filter((other) => other !== component).map((other) => other.name),
              })
            : valueFor(slot);
        if (value !== undefined) setPath(params, slot.path, value);
      }
    }
    const purpose = firstSentence(component.description);
    nodes.push({
      id,
      type: component.kind === "workflow" ? WORKFLOW_NODE_TYPE : component.name,
      ...(purpose !== "" ? { purpose } : {}),
      params,
    });
    placed.push({ id, component, outputs: { ...component.outputs } });
  });

  return {
    ir_version: IR_VERSION,
    inputs: inputs.entries(),
    nodes,
    edges: ids.slice(1).map((to, index) => ({ from: ids[index]!, to })),
  };
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

/** The nearest earlier node with a fitting output; a closer node wins over a better name match. */
function wireFromEarlier(slot: Slot, placed: readonly Placed[]): string | undefined {
  for (const producer of [...placed].reverse()) {
    const output = bestOutput(producer.outputs, slot);
    if (output !== undefined) return `\${${producer.id}.${output.name}}`;
  }
  return undefined;
}

/** The data of the nearest earlier node that has any, labelled by output name. */
function upstreamOf(placed: readonly Placed[]): [string, string][] {
  for (const producer of [...placed].reverse()) {
    const names = dataOutputs(producer.outputs);
    if (names.length > 0) return names.map((name) => [name, `\${${producer.id}.${name}}`]);
  }
  return [];
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
 * A discovered name is kept unless it says nothing about the value (input_file, output): then the
 * value's own name (notes.txt → notes_file) or the role of the step that takes it (source_…,
 * target_…) names it.
 */
function discoveredName(param: DiscoveredParam, binding: Binding): string {
  const tokens = nameTokens(param.name);
  if (
    !tokens.every(
      (token) => VAGUE_TOKENS.has(token) || SOURCE_WORDS.has(token) || SINK_WORDS.has(token),
    )
  ) {
    return identifier(param.name);
  }
  const nouns = tokens.filter((token) => !SOURCE_WORDS.has(token) && !SINK_WORDS.has(token));
  const noun = nouns[nouns.length - 1] ?? nameTokens(binding.slot.name).pop() ?? "value";
  const fromValue = valueName(param);
  if (fromValue !== undefined) return identifier(`${fromValue}_${noun}`);
  return identifier(`${isSink(binding.component) ? "target" : "source"}_${noun}`);
}

/** A vague slot name gets the component's last specific word: git-commit.message → commit_message. */
function newInputName(slot: Slot, component: Component): string {
  const name = identifier(slot.name);
  if (!nameTokens(slot.name).every((token) => VAGUE_TOKENS.has(token))) return name;
  const specific = nameTokens(component.name).filter((token) => !GENERIC_TOKENS.has(token));
  const word = specific[specific.length - 1];
  return word === undefined || nameTokens(slot.name).includes(word)
    ? name
    : identifier(`${word}_${name}`);
}

/** Template bases are identifiers: "issue-number" → issue_number, "2fa" → value_2fa. */
function identifier(name: string): string {
  const result = snake(name);
  if (result === "") return "value";
  return /^[a-z_]/.test(result) ? result : `value_${result}`;
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
