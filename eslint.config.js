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
    // The preview page's scripts (src/preview/static) are served as they are to a browser: plain
    // ES modules with the browser's globals, the few they use listed here (no `globals` package).
    files: ["src/preview/static/**/*.js"],
    languageOptions: {
      sourceType: "module",
      globals: Object.fromEntries(
        [
          "addEventListener",
          "document",
          "fetch",
          "getSelection",
          "location",
          "matchMedia",
          "navigator",
          "sessionStorage",
          "URL",
        ].map((name) => [name, "readonly"]),
      ),
    },
  },
  {
    // Config files are the exception: tools expect a default export.
    files: ["*.config.ts", "*.config.js"],
    rules: { "no-restricted-syntax": "off" },
  },
);
