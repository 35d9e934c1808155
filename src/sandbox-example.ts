/**
 * The operation Apollo Sandbox opens with (outside production), so a first visitor can press Run.
 * It is also the README's first example: test/integration/readme.test.ts checks they are equal,
 * so keep the document formatted as prettier formats a ```graphql block.
 */
export const SANDBOX_EXAMPLE: { document: string; variables: Record<string, unknown> } = {
  document: `mutation GenerateMode($input: GenerateModeInput!) {
  generateMode(input: $input) {
    mode {
      id
      name
      source
      tabs {
        id
        key
        label
        icon
      }
      defaultMetrics {
        id
        key
        label
        value
        unit
      }
      theme {
        seed
        light {
          primary
          primaryForeground
          background
          foreground
          mutedForeground
          chart
        }
        contrast {
          scheme
          foreground
          background
          ratio
          minimum
          passes
        }
      }
    }
    errors {
      code
      message
    }
    generation {
      provider
      model
      cached
      attempts
      latencyMs
    }
  }
}
`,
  variables: { input: { industry: "pet store" } },
};
