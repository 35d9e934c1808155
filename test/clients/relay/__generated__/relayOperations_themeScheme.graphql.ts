/**
 * @generated SignedSource<<36ad2eb71f576e64f301b548af2b5e86>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ReaderFragment } from 'relay-runtime';
import { FragmentRefs } from "relay-runtime";
export type relayOperations_themeScheme$data = {
  readonly background: string;
  readonly " $fragmentType": "relayOperations_themeScheme";
};
export type relayOperations_themeScheme$key = {
  readonly " $data"?: relayOperations_themeScheme$data;
  readonly " $fragmentSpreads": FragmentRefs<"relayOperations_themeScheme">;
};

const node: ReaderFragment = {
  "argumentDefinitions": [],
  "kind": "Fragment",
  "metadata": null,
  "name": "relayOperations_themeScheme",
  "selections": [
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "background",
      "storageKey": null
    }
  ],
  "type": "ThemeScheme",
  "abstractKey": null
};

(node as any).hash = "28094ee21700f4338103c3076aad6065";

export default node;
