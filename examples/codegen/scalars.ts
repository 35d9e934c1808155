/**
 * The TypeScript types of modeflow's custom scalars, which codegen.ts maps them to (the generated
 * code imports them from here).
 */

/** A theme colour as the API returns it: always "#rrggbb", lowercase. */
export type HexColorCode = `#${string}`;

/** Any JSON value (`JSON`, e.g. a workflow input's `default`). */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object (`JSONObject`: a FlowIR `ir`, a node's `params`, `discoveredParams`). */
export type JsonObject = { [key: string]: JsonValue };
