import { GenerateModeDocument, GenerateWorkflowDocument } from "../generated/graphql.js";
import { FakeAnthropicServer, errorReply as anthropicError } from "./fake-anthropic-server.js";
import { FakeOpenAiServer, errorReply as openAiError } from "./fake-openai-server.js";
import type { LoopbackJsonServer, ScriptedReply } from "./loopback-json-server.js";
import { anthropicWireAnswer, openAiWireAnswer, promptOf, workflowInput } from "./model-answers.js";
import { startTestServer } from "./test-server.js";
import type { TestServer } from "./test-server.js";

/** The adapters' two wire formats: chat completions (Azure OpenAI here) and Messages (Anthropic). */
export type Wire = "openai-wire" | "anthropic-wire";
export type Task = "mode" | "workflow";

/** What a misbehaving provider does to every call of a scenario. */
export type Behaviour =
  /** Accepts the request and never answers. */
  | "hang"
  /** 429 with `Retry-After: 600` (the openai SDK would sleep it, past any deadline). */
  | "retry-after-600"
  /** 429 after 429, each asking for a 200 ms wait: retries until the deadline stops them. */
  | "429-storm"
  /** 503 after 503 without a Retry-After: backoff until the deadline stops it. */
  | "5xx-storm"
  /** A valid answer, 5 s late. */
  | "slow-answer";

export const BEHAVIOURS: readonly Behaviour[] = [
  "hang",
  "retry-after-600",
  "429-storm",
  "5xx-storm",
  "slow-answer",
];

/** The deadline of both tasks in the lab, in ms. */
export const LAB_DEADLINE_MS = 1_500;

/**
 * The codes each behaviour may end with. A storm ends with the last call's failure: usually the
 * 429/503 whose wait no longer fits, but the deadline may also cut the last retry short.
 */
export const EXPECTED_CODES: Record<Behaviour, string[]> = {
  hang: ["UPSTREAM_TIMEOUT"],
  "retry-after-600": ["UPSTREAM_RATE_LIMITED"],
  "429-storm": ["UPSTREAM_RATE_LIMITED", "UPSTREAM_TIMEOUT"],
  "5xx-storm": ["UPSTREAM_UNAVAILABLE", "UPSTREAM_TIMEOUT"],
  "slow-answer": ["UPSTREAM_TIMEOUT"],
};

export interface ScenarioOutcome {
  /** Time from sending the GraphQL request to reading its whole answer, in ms. */
  elapsedMs: number;
  /** The error code the client saw (mode: `errors[0].code`; workflow: `errorCode`). */
  code: string | null | undefined;
  /** `generation.attempts` as the client saw it. */
  attempts: number;
  /** HTTP calls the loopback provider received for this scenario. */
  upstreamCalls: number;
}

function reply(wire: Wire, behaviour: Behaviour, answer: () => ScriptedReply): ScriptedReply {
  const error = (status: number, headers: Record<string, string>) =>
    wire === "openai-wire"
      ? openAiError(status, "scripted failure", {}, headers)
      : anthropicError(
          status,
          status === 429 ? "rate_limit_error" : "overloaded_error",
          "x",
          headers,
        );
  switch (behaviour) {
    case "hang":
      return { hang: true };
    case "retry-after-600":
      return error(429, { "retry-after": "600" });
    case "429-storm":
      return error(429, { "retry-after-ms": "200" });
    case "5xx-storm":
      return error(503, {});
    case "slow-answer":
      return { ...answer(), delayMs: 5_000 } as ScriptedReply;
  }
}

/**
 * Two real servers (fastify + Apollo), one per wire, each serving both tasks from one loopback
 * provider that misbehaves as each request's marker says: deadlines of LAB_DEADLINE_MS, per-call
 * timeout 10 s and 10 retries (so only the deadline can end a call on time), and a circuit
 * breaker that never opens (each scenario must meet the provider itself).
 */
export class DeadlineLab {
  private scenarios = 0;

  private constructor(
    private readonly providers: Record<Wire, LoopbackJsonServer>,
    private readonly apis: Record<Wire, TestServer>,
  ) {}

  static async start(): Promise<DeadlineLab> {
    const openAi = await new FakeOpenAiServer().listen();
    const anthropic = await new FakeAnthropicServer().listen();
    const limits = {
      MODE_DEADLINE_MS: String(LAB_DEADLINE_MS),
      WORKFLOW_DEADLINE_MS: String(LAB_DEADLINE_MS),
      LLM_TIMEOUT_MS: "10000",
      LLM_MAX_RETRIES: "10",
      BREAKER_FAILURES: "1000",
    };
    const apis = {
      "openai-wire": await startTestServer({
        ...limits,
        AZURE_OPENAI_ENDPOINT: openAi.url,
        AZURE_OPENAI_API_KEY: "lab-key",
        MODE_PROVIDER: "azure-openai",
        WORKFLOW_PROVIDER: "azure-openai",
      }),
      "anthropic-wire": await startTestServer({
        ...limits,
        ANTHROPIC_API_KEY: "sk-ant-lab",
        ANTHROPIC_BASE_URL: anthropic.url,
        MODE_PROVIDER: "anthropic",
        WORKFLOW_PROVIDER: "anthropic",
      }),
    };
    const providers = { "openai-wire": openAi, "anthropic-wire": anthropic };
    for (const wire of ["openai-wire", "anthropic-wire"] as const) {
      const answer = wire === "openai-wire" ? openAiWireAnswer : anthropicWireAnswer;
      providers[wire].respondByDefault((request) => {
        const behaviour = BEHAVIOURS.find((name) => promptOf(request).includes(`lab ${name} `));
        return behaviour ? reply(wire, behaviour, () => answer(request)) : answer(request);
      });
    }
    return new DeadlineLab(providers, apis);
  }

  /** One request of `task` over HTTP against a provider doing `behaviour`. */
  async run(wire: Wire, task: Task, behaviour: Behaviour): Promise<ScenarioOutcome> {
    const marker = `lab ${behaviour} ${++this.scenarios}`;
    const api = this.apis[wire];
    const started = performance.now();
    let code: string | null | undefined;
    let attempts: number;
    if (task === "mode") {
      const { body } = await api.execute(GenerateModeDocument, { input: { industry: marker } });
      code = body.data?.generateMode.errors[0]?.code;
      attempts = body.data!.generateMode.generation.attempts;
    } else {
      const { body } = await api.execute(GenerateWorkflowDocument, {
        input: workflowInput(marker),
      });
      code = body.data?.generateWorkflow.errorCode;
      attempts = body.data!.generateWorkflow.generation.attempts;
    }
    const elapsedMs = performance.now() - started;
    // The marker ends with a space-free number: match it whole ("lab hang 1" is not "lab hang 12").
    const upstreamCalls = this.providers[wire].requests.filter((request) =>
      new RegExp(`${marker}(?!\\d)`).test(promptOf(request)),
    ).length;
    return { elapsedMs, code, attempts, upstreamCalls };
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.apis).map((api) => api.close()));
    await Promise.all(Object.values(this.providers).map((provider) => provider.close()));
  }
}
