/**
 * @generated SignedSource<<3413adf1e2cf1d6a5f2326aaac17bd67>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type ModeSource = "BUILTIN" | "FALLBACK" | "GENERATED" | "%future added value";
export type relayOperationsNodeQuery$variables = {
  id: string;
};
export type relayOperationsNodeQuery$data = {
  readonly node: {
    readonly __typename: string;
    readonly icon?: string;
    readonly id: string;
    readonly ir?: Record<string, unknown>;
    readonly key?: string;
    readonly label?: string;
    readonly name?: string;
    readonly params?: Record<string, unknown>;
    readonly source?: ModeSource;
    readonly type?: string;
    readonly unit?: string | null | undefined;
    readonly value?: string;
  } | null | undefined;
};
export type relayOperationsNodeQuery = {
  response: relayOperationsNodeQuery$data;
  variables: relayOperationsNodeQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "id"
  }
],
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "key",
  "storageKey": null
},
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "label",
  "storageKey": null
},
v3 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "id",
        "variableName": "id"
      }
    ],
    "concreteType": null,
    "kind": "LinkedField",
    "name": "node",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "__typename",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "id",
        "storageKey": null
      },
      {
        "kind": "InlineFragment",
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
            "name": "source",
            "storageKey": null
          }
        ],
        "type": "Mode",
        "abstractKey": null
      },
      {
        "kind": "InlineFragment",
        "selections": [
          (v1/*:: as any*/),
          (v2/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "icon",
            "storageKey": null
          }
        ],
        "type": "ModeTab",
        "abstractKey": null
      },
      {
        "kind": "InlineFragment",
        "selections": [
          (v1/*:: as any*/),
          (v2/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "value",
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "unit",
            "storageKey": null
          }
        ],
        "type": "ModeMetric",
        "abstractKey": null
      },
      {
        "kind": "InlineFragment",
        "selections": [
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
      },
      {
        "kind": "InlineFragment",
        "selections": [
          (v1/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "type",
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "params",
            "storageKey": null
          }
        ],
        "type": "WorkflowNode",
        "abstractKey": null
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
    "name": "relayOperationsNodeQuery",
    "selections": (v3/*:: as any*/),
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "relayOperationsNodeQuery",
    "selections": (v3/*:: as any*/)
  },
  "params": {
    "cacheID": "bce673c3a1588015e3881df8e5278ed9",
    "id": null,
    "metadata": {},
    "name": "relayOperationsNodeQuery",
    "operationKind": "query",
    "text": "query relayOperationsNodeQuery(\n  $id: ID!\n) {\n  node(id: $id) {\n    __typename\n    id\n    ... on Mode {\n      name\n      source\n    }\n    ... on ModeTab {\n      key\n      label\n      icon\n    }\n    ... on ModeMetric {\n      key\n      label\n      value\n      unit\n    }\n    ... on FlowIR {\n      ir\n    }\n    ... on WorkflowNode {\n      key\n      type\n      params\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "d6c32abf47ebae1fd677545204ecce46";

export default node;
