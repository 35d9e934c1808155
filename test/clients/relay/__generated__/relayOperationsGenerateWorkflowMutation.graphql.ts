/**
 * @generated SignedSource<<0d32627d513094c67fa1b7f17d996251>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type WorkflowInputType = "ARRAY" | "BOOLEAN" | "INTEGER" | "NUMBER" | "OBJECT" | "STRING" | "%future added value";
export type GenerateWorkflowInput = {
  browsedComponents?: BrowsedComponentsInput | null | undefined;
  discoveredParams?: Record<string, unknown> | null | undefined;
  generationAttempts?: number | null | undefined;
  maxAttempts?: number | null | undefined;
  model?: string | null | undefined;
  planningContext: string;
  temperature?: number | null | undefined;
  userInput: string;
  validationErrors?: ReadonlyArray<string> | null | undefined;
};
export type BrowsedComponentsInput = {
  nodeIds: ReadonlyArray<string>;
  workflowNames: ReadonlyArray<string>;
};
export type relayOperationsGenerateWorkflowMutation$variables = {
  input: GenerateWorkflowInput;
};
export type relayOperationsGenerateWorkflowMutation$data = {
  readonly generateWorkflow: {
    readonly success: boolean;
    readonly workflow: {
      readonly __typename: "FlowIR";
      readonly edges: ReadonlyArray<{
        readonly from: string;
        readonly to: string;
      }>;
      readonly id: string;
      readonly inputs: ReadonlyArray<{
        readonly default: unknown | null | undefined;
        readonly description: string;
        readonly name: string;
        readonly required: boolean;
        readonly type: WorkflowInputType;
      }>;
      readonly ir: Record<string, unknown>;
      readonly irVersion: string;
      readonly nodes: ReadonlyArray<{
        readonly __typename: "WorkflowNode";
        readonly id: string;
        readonly key: string;
        readonly params: Record<string, unknown>;
        readonly type: string;
      }>;
    } | null | undefined;
  };
};
export type relayOperationsGenerateWorkflowMutation = {
  response: relayOperationsGenerateWorkflowMutation$data;
  variables: relayOperationsGenerateWorkflowMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "input"
  }
],
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "__typename",
  "storageKey": null
},
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v3 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "type",
  "storageKey": null
},
v4 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "input",
        "variableName": "input"
      }
    ],
    "concreteType": "GenerateWorkflowPayload",
    "kind": "LinkedField",
    "name": "generateWorkflow",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "success",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "concreteType": "FlowIR",
        "kind": "LinkedField",
        "name": "workflow",
        "plural": false,
        "selections": [
          (v1/*:: as any*/),
          (v2/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "irVersion",
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "concreteType": "WorkflowInput",
            "kind": "LinkedField",
            "name": "inputs",
            "plural": true,
            "selections": [
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "name",
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "description",
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "required",
                "storageKey": null
              },
              (v3/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "default",
                "storageKey": null
              }
            ],
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "concreteType": "WorkflowNode",
            "kind": "LinkedField",
            "name": "nodes",
            "plural": true,
            "selections": [
              (v1/*:: as any*/),
              (v2/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "key",
                "storageKey": null
              },
              (v3/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "params",
                "storageKey": null
              }
            ],
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "concreteType": "WorkflowEdge",
            "kind": "LinkedField",
            "name": "edges",
            "plural": true,
            "selections": [
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "from",
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "to",
                "storageKey": null
              }
            ],
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "ir",
            "storageKey": null
          }
        ],
        "storageKey": null
      }
    ],
    "storageKey": null
  }
];
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "relayOperationsGenerateWorkflowMutation",
    "selections": (v4/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "relayOperationsGenerateWorkflowMutation",
    "selections": (v4/*:: as any*/)
  },
  "params": {
    "cacheID": "97cef6fb3d2ebfbca823b8124f841dae",
    "id": null,
    "metadata": {},
    "name": "relayOperationsGenerateWorkflowMutation",
    "operationKind": "mutation",
    "text": "mutation relayOperationsGenerateWorkflowMutation(\n  $input: GenerateWorkflowInput!\n) {\n  generateWorkflow(input: $input) {\n    success\n    workflow {\n      __typename\n      id\n      irVersion\n      inputs {\n        name\n        description\n        required\n        type\n        default\n      }\n      nodes {\n        __typename\n        id\n        key\n        type\n        params\n      }\n      edges {\n        from\n        to\n      }\n      ir\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "ec45f84baa2a46af2c122dee31992218";

export default node;
