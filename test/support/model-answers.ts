import { toStrictJsonSchema } from "../../src/llm/strict-json-schema.js";
import { GENERATED_MODE_SCHEMA_NAME } from "../../src/services/mode/mode.contract.js";
import { flowIrJsonSchema } from "../../src/services/workflow/flow-ir.contract.js";
import type { GenerateWorkflowInput } from "../generated/graphql.js";
import { toolUseReply } from "./fake-anthropic-server.js";
import { jsonCompletion } from "./fake-openai-server.js";
import type { RecordedRequest, Responder } from "./loopback-json-server.js";
import { petStoreAnswer } from "./mode-answers.js";
import { loadFixture } from "./workflow-fixtures.js";

/** The workflow scenario every answer below plans (a valid FlowIR for its components). */
export const WORKFLOW_FIXTURE = loadFixture("summarize-notes");

/** The generateWorkflow input for WORKFLOW_FIXTURE, with a marker a responder can read. */
export function workflowInput(marker = ""): GenerateWorkflowInput {
  return {
    userInput: `${WORKFLOW_FIXTURE.userInput} ${marker}`.trim(),
    planningContext: WORKFLOW_FIXTURE.planningContext,
    browsedComponents: WORKFLOW_FIXTURE.browsedComponents,
    discoveredParams: WORKFLOW_FIXTURE.discoveredParams,
  };
}

/** Everything the model was told in a recorded request (system and user turns), as one text. */
export function promptOf(request: RecordedRequest): string {
  return JSON.stringify([request.body.system, request.body.messages]);
}

/** A mode answer named after the industry in the prompt, so distinct requests stay distinct. */
function modeAnswerFor(request: RecordedRequest) {
  const user = JSON.stringify(request.body.messages);
  const industry = /<<<INDUSTRY\\n(.*?)\\nINDUSTRY>>>/.exec(user)?.[1] ?? "shop";
  return petStoreAnswer({
    industry_name: industry,
    industry_id: industry.toLowerCase().replace(/[^a-z0-9]+/g, "_"),
  });
}

/** A valid answer on the chat-completions wire (Azure OpenAI, OpenAI) to a mode or workflow call. */
export const openAiWireAnswer: Responder = (request) => {
  const format = request.body.response_format as { json_schema?: { name?: string } } | undefined;
  if (format?.json_schema?.name === GENERATED_MODE_SCHEMA_NAME) {
    return jsonCompletion(modeAnswerFor(request));
  }
  const strict = toStrictJsonSchema(
    flowIrJsonSchema({ nodeTypes: WORKFLOW_FIXTURE.browsedComponents.nodeIds }),
  );
  return jsonCompletion(strict.encode(WORKFLOW_FIXTURE.validWorkflow));
};

/** A valid answer on the Messages wire (Anthropic) to a mode or workflow call. */
export const anthropicWireAnswer: Responder = (request) => {
  const tool = (request.body.tool_choice as { name?: string } | undefined)?.name;
  return tool === GENERATED_MODE_SCHEMA_NAME
    ? toolUseReply(modeAnswerFor(request), { toolName: tool })
    : toolUseReply(WORKFLOW_FIXTURE.validWorkflow);
};
