import { z } from "zod";

/**
 * The wire contract of api.md: what a model returns for one industry. Every field is required
 * (OpenAI strict mode), `unit` is nullable rather than optional. Counts, ids and colours are
 * deliberately not constrained here: strict JSON Schema cannot express most of them portably,
 * and the server enforces and repairs them afterwards (mode.enforce.ts).
 */
export const generatedModeConfigSchema = z.object({
  industry_name: z.string().describe("Display name in Title Case, e.g. 'Pet Store'"),
  industry_id: z.string().describe("snake_case identifier, e.g. 'pet_store'"),
  primary_color: z.string().describe("Brand colour that fits the industry, as #RRGGBB"),
  tabs: z
    .array(
      z.object({
        id: z.string().describe("snake_case tab id"),
        label: z.string().describe("Short tab label"),
        icon: z.string().describe("Exactly one emoji"),
      }),
    )
    .describe("4 or 5 tabs: 'dashboard' first, 'settings' last"),
  default_metrics: z
    .array(
      z.object({
        label: z.string().describe("KPI name"),
        value: z.string().describe("Pre-formatted value, e.g. '$12,450'"),
        unit: z.string().nullable().describe("Unit, or null when the value carries it"),
      }),
    )
    .describe("Exactly 4 key metrics"),
  personality_traits: z.array(z.string()).describe("3 to 5 traits of the assistant"),
  system_prompt_fragment: z
    .string()
    .describe("Industry context for the assistant: jargon, common questions"),
  welcome_message: z.string().describe("Friendly one-line greeting for this mode"),
});

export type GeneratedModeConfig = z.infer<typeof generatedModeConfigSchema>;

/** Schema name sent as `response_format.json_schema.name` (api.md). */
export const GENERATED_MODE_SCHEMA_NAME = "generated_mode_config";
