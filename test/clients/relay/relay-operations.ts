import { graphql } from "relay-runtime";

// The documents of the Relay test, read by relay-compiler (relay.config.json), which writes one
// artifact per operation and fragment to __generated__/: after editing, run
// `npx relay-compiler` and commit the artifacts. Nothing imports this file at run time: without
// Relay's Babel plugin a graphql`` tag would throw, so the tests import the artifacts.
// Relay wants every name to start with this module's name, "relayOperations".
//
// The fragments are spread with @relay(mask: false) so query and mutation data hold the fields
// themselves, comparable with the server's JSON.

export const themeSchemeFragment = graphql`
  fragment relayOperations_themeScheme on ThemeScheme {
    background
    surface
    surfaceMuted
    foreground
    mutedForeground
    border
    input
    ring
    primary
    primaryForeground
    primaryHover
    primaryText
    primaryBorder
    secondary
    secondaryForeground
    accent
    accentForeground
    destructive
    destructiveForeground
    destructiveText
    success
    successForeground
    successText
    warning
    warningForeground
    warningText
    sidebar
    sidebarForeground
    sidebarMutedForeground
    sidebarAccent
    sidebarAccentForeground
    sidebarBorder
    chart
    chartGrid
    chartAxis
  }
`;

export const modeFragment = graphql`
  fragment relayOperations_mode on Mode {
    __typename
    id
    name
    industry
    source
    tabs {
      __typename
      id
      key
      label
      icon
    }
    defaultMetrics {
      __typename
      id
      key
      label
      value
      unit
    }
    personalityTraits
    welcomeMessage
    systemPrompt
    theme {
      seed
      light {
        ...relayOperations_themeScheme @relay(mask: false)
      }
      dark {
        ...relayOperations_themeScheme @relay(mask: false)
      }
      contrast {
        scheme
        foreground
        background
        ratio
        minimum
        passes
        apcaLc
      }
    }
  }
`;

export const workflowFragment = graphql`
  fragment relayOperations_workflow on FlowIR {
    __typename
    id
    irVersion
    inputs {
      name
      description
      required
      type
      default
    }
    nodes {
      __typename
      id
      key
      type
      params
    }
    edges {
      from
      to
    }
    ir
  }
`;

export const generateModeMutation = graphql`
  mutation relayOperationsGenerateModeMutation($input: GenerateModeInput!) {
    generateMode(input: $input) {
      mode {
        ...relayOperations_mode @relay(mask: false)
      }
    }
  }
`;

export const generateWorkflowMutation = graphql`
  mutation relayOperationsGenerateWorkflowMutation($input: GenerateWorkflowInput!) {
    generateWorkflow(input: $input) {
      success
      workflow {
        ...relayOperations_workflow @relay(mask: false)
      }
    }
  }
`;

export const modeQuery = graphql`
  query relayOperationsModeQuery($id: ID!) {
    mode(id: $id) {
      ...relayOperations_mode @relay(mask: false)
    }
  }
`;

export const modesQuery = graphql`
  query relayOperationsModesQuery($first: Int, $after: String) {
    modes(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          source
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      totalCount
    }
  }
`;

export const nodeQuery = graphql`
  query relayOperationsNodeQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Mode {
        name
        source
      }
      ... on ModeTab {
        key
        label
        icon
      }
      ... on ModeMetric {
        key
        label
        value
        unit
      }
      ... on FlowIR {
        ir
      }
      ... on WorkflowNode {
        key
        type
        params
      }
    }
  }
`;
