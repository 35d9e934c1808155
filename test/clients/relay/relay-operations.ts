import { graphql } from "relay-runtime";

export const themeScheme = graphql`
  fragment relayOperations_themeScheme on ThemeScheme {
    background
  }
`;

export const generateMode = graphql`
  mutation relayOperationsGenerateModeMutation($input: GenerateModeInput!) {
    generateMode(input: $input) {
      mode {
        id
        name
        theme {
          light {
            ...relayOperations_themeScheme @relay(mask: false)
          }
        }
      }
    }
  }
`;
