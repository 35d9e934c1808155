/**
 * @generated SignedSource<<d5e04a87337c031407e46933ffd6e679>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ReaderFragment } from 'relay-runtime';
export type WorkflowInputType = "ARRAY" | "BOOLEAN" | "INTEGER" | "NUMBER" | "OBJECT" | "STRING" | "%future added value";
import { FragmentRefs } from "relay-runtime";
export type relayOperations_workflow$data = {
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
  readonly " $fragmentType": "relayOperations_workflow";
};
export type relayOperations_workflow$key = {
  readonly " $data"?: relayOperations_workflow$data;
  readonly " $fragmentSpreads": FragmentRefs<"relayOperations_workflow">;
};

const node: ReaderFragment = (function(){
var v0 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "__typename",
  "storageKey": null
},
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "type",
  "storageKey": null
};
return {
  "argumentDefinitions": [],
  "kind": "Fragment",
  "metadata": null,
  "name": "relayOperations_workflow",
  "selections": [
    (v0/*:: as any*/),
    (v1/*:: as any*/),
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
        (v2/*:: as any*/),
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
        (v0/*:: as any*/),
        (v1/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "key",
          "storageKey": null
        },
        (v2/*:: as any*/),
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
  "type": "FlowIR",
  "abstractKey": null
};
})();

(node as any).hash = "d137f0e21fdc75be37edae84034f42f5";

export default node;
