/**
 * @generated SignedSource<<7821c0b963d41b74adbf16ca113c71dd>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type GenerateModeInput = {
  industry: string;
};
export type relayOperationsGenerateModeMutation$variables = {
  input: GenerateModeInput;
};
export type relayOperationsGenerateModeMutation$data = {
  readonly generateMode: {
    readonly mode: {
      readonly id: string;
      readonly name: string;
      readonly theme: {
        readonly light: {
          readonly background: string;
        };
      };
    };
  };
};
export type relayOperationsGenerateModeMutation = {
  response: relayOperationsGenerateModeMutation$data;
  variables: relayOperationsGenerateModeMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "input"
  }
],
v1 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "input",
        "variableName": "input"
      }
    ],
    "concreteType": "GenerateModePayload",
    "kind": "LinkedField",
    "name": "generateMode",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "Mode",
        "kind": "LinkedField",
        "name": "mode",
        "plural": false,
        "selections": [
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "id",
            "storageKey": null
          },
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
            "concreteType": "ModeTheme",
            "kind": "LinkedField",
            "name": "theme",
            "plural": false,
            "selections": [
              {
                "alias": null,
                "args": null,
                "concreteType": "ThemeScheme",
                "kind": "LinkedField",
                "name": "light",
                "plural": false,
                "selections": [
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "background",
                    "storageKey": null
                  }
                ],
                "storageKey": null
              }
            ],
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
    "name": "relayOperationsGenerateModeMutation",
    "selections": (v1/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "relayOperationsGenerateModeMutation",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "f85451258cd0e6b6c6dd10f51fa0bd3a",
    "id": null,
    "metadata": {},
    "name": "relayOperationsGenerateModeMutation",
    "operationKind": "mutation",
    "text": "mutation relayOperationsGenerateModeMutation(\n  $input: GenerateModeInput!\n) {\n  generateMode(input: $input) {\n    mode {\n      id\n      name\n      theme {\n        light {\n          background\n        }\n      }\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "86b1b50165fbee710ff8ef0a763c3b26";

export default node;
