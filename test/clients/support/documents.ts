import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse } from "graphql";
import type { GenerateWorkflowMutation } from "../../generated/graphql.js";

/** A workflow as generateWorkflow returns it in test/operations/workflows.graphql. */
export type WorkflowFields = NonNullable<GenerateWorkflowMutation["generateWorkflow"]["workflow"]>;

// There is no `workflow(id)` field: a workflow is read back through `node(id)`. These documents
// select exactly what GenerateWorkflow selects, so both answers compare field for field.
const workflowFields = /* GraphQL */ `
  fragment WorkflowFields on FlowIR {
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

export const WorkflowFieldsDocument: TypedDocumentNode<
  WorkflowFields,
  Record<string, never>
> = parse(workflowFields);

export const WorkflowByIdDocument: TypedDocumentNode<
  { node: (WorkflowFields & { __typename: string }) | null },
  { id: string }
> = parse(/* GraphQL */ `
  query WorkflowById($id: ID!) {
    node(id: $id) {
      __typename
      id
      ...WorkflowFields
    }
  }
  ${workflowFields}
`);
