/**
 * The operation Apollo Sandbox opens with (outside production), so a first visitor can press Run.
 * It is also the README's first example: test/integration/readme.test.ts checks they are equal.
 */
export const SANDBOX_EXAMPLE = {
  document: `mutation GenerateMode($input: GenerateModeInput!) {
  generateMode(input: $input) {
    mode {
      id
      name
    }
  }
}
`,
  variables: { input: { industry: "pet store" } } as Record<string, unknown>,
};
