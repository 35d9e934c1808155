import type { TokenCredential } from "@azure/identity";
import { DefaultAzureCredential, getBearerTokenProvider } from "@azure/identity";
import { AzureOpenAI } from "openai";
import { OpenAiChatLlm } from "./openai-chat.js";

/** Scope Azure OpenAI accepts for Microsoft Entra ID tokens. */
export const AZURE_COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default";

export interface AzureOpenAiLlmOptions {
  /** Resource endpoint, e.g. https://my-resource.openai.azure.com */
  endpoint: string;
  /** Key auth (`api-key` header). When absent, Entra ID bearer tokens are used. */
  apiKey?: string;
  /** Entra ID credential; default DefaultAzureCredential, created on first use. */
  credential?: TokenCredential;
  apiVersion: string;
  /** Deployment name; it becomes the `/deployments/{name}/` path segment. */
  deployment: string;
  /** Per-HTTP-call timeout in ms. */
  timeoutMs: number;
}

/** Azure OpenAI adapter: key auth or Microsoft Entra ID, deployment-routed. */
export function createAzureOpenAiLlm(options: AzureOpenAiLlmOptions): OpenAiChatLlm {
  return new OpenAiChatLlm({
    provider: "azure-openai",
    label: "Azure OpenAI",
    defaultModel: options.deployment,
    createClient: () =>
      new AzureOpenAI({
        endpoint: options.endpoint,
        apiVersion: options.apiVersion,
        timeout: options.timeoutMs,
        // One generate, one HTTP call: ResilientLlm retries within the deadline.
        maxRetries: 0,
        ...(options.apiKey
          ? { apiKey: options.apiKey }
          : {
              azureADTokenProvider: getBearerTokenProvider(
                options.credential ?? new DefaultAzureCredential(),
                AZURE_COGNITIVE_SERVICES_SCOPE,
              ),
            }),
      }),
  });
}
