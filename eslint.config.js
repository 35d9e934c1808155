// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    // Generated: test/generated and examples/codegen/gql by graphql-codegen, Relay's artifacts by
    // relay-compiler (each checked for freshness by a test).
    ignores: [
      "dist/",
      "node_modules/",
      "coverage/",
      "test/generated/",
      "examples/codegen/gql/",
      "test/clients/relay/__generated__/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use named exports (style.md)." },
      ],
    },
  },
  {
    // Config files are the exception: tools expect a default export.
    files: ["*.config.ts", "*.config.js"],
    rules: { "no-restricted-syntax": "off" },
  },
);
