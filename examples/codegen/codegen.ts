/**
 * GraphQL Code Generator config for an app that consumes modeflow: the README shows this file and
 * test/integration/codegen-recipe.test.ts runs it. Run it from the app's root:
 *
 *   npx graphql-codegen --config codegen.ts
 *
 * The schema is read from a running server (`npm start` in modeflow); set MODEFLOW_SCHEMA to a copy
 * of modeflow's committed schema.graphql to generate without one (CI).
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * What every custom scalar of the API is in TypeScript; strictScalars refuses an unmapped one.
 * "path#Type" imports a type; the path is relative to the generated directory.
 */
export const modeflowScalars = {
  HexColorCode: "../scalars.js#HexColorCode",
  JSON: "../scalars.js#JsonValue",
  JSONObject: "../scalars.js#JsonObject",
};

const config: CodegenConfig = {
  schema: process.env.MODEFLOW_SCHEMA ?? "http://127.0.0.1:4000/graphql",
  // Your operations; in an app typically "src/**/*.graphql" or "src/**/*.{ts,tsx}".
  documents: ["operations.graphql"],
  // Imports end in ".js", as Node's ESM resolution (module NodeNext) requires.
  emitLegacyCommonJSImports: false,
  generates: {
    "gql/": {
      preset: "client",
      config: {
        strictScalars: true,
        scalars: modeflowScalars,
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

// eslint-disable-next-line no-restricted-syntax -- graphql-codegen reads the default export
export default config;
