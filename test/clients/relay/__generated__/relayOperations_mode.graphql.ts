/**
 * @generated SignedSource<<f5a859d0516b445909246c83ffba555e>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ReaderFragment } from 'relay-runtime';
export type ColorScheme = "DARK" | "LIGHT" | "%future added value";
export type ModeSource = "BUILTIN" | "FALLBACK" | "GENERATED" | "%future added value";
import { FragmentRefs } from "relay-runtime";
export type relayOperations_mode$data = {
  readonly __typename: "Mode";
  readonly defaultMetrics: ReadonlyArray<{
    readonly __typename: "ModeMetric";
    readonly id: string;
    readonly key: string;
    readonly label: string;
    readonly unit: string | null | undefined;
    readonly value: string;
  }>;
  readonly id: string;
  readonly industry: string;
  readonly name: string;
  readonly personalityTraits: ReadonlyArray<string>;
  readonly source: ModeSource;
  readonly systemPrompt: string;
  readonly tabs: ReadonlyArray<{
    readonly __typename: "ModeTab";
    readonly icon: string;
    readonly id: string;
    readonly key: string;
    readonly label: string;
  }>;
  readonly theme: {
    readonly contrast: ReadonlyArray<{
      readonly apcaLc: number;
      readonly background: string;
      readonly foreground: string;
      readonly minimum: number;
      readonly passes: boolean;
      readonly ratio: number;
      readonly scheme: ColorScheme;
    }>;
    readonly dark: {
      readonly accent: string;
      readonly accentForeground: string;
      readonly background: string;
      readonly border: string;
      readonly chart: ReadonlyArray<string>;
      readonly chartAxis: string;
      readonly chartGrid: string;
      readonly destructive: string;
      readonly destructiveForeground: string;
      readonly destructiveText: string;
      readonly foreground: string;
      readonly input: string;
      readonly mutedForeground: string;
      readonly primary: string;
      readonly primaryBorder: string;
      readonly primaryForeground: string;
      readonly primaryHover: string;
      readonly primaryText: string;
      readonly ring: string;
      readonly secondary: string;
      readonly secondaryForeground: string;
      readonly sidebar: string;
      readonly sidebarAccent: string;
      readonly sidebarAccentForeground: string;
      readonly sidebarBorder: string;
      readonly sidebarForeground: string;
      readonly sidebarMutedForeground: string;
      readonly success: string;
      readonly successForeground: string;
      readonly successText: string;
      readonly surface: string;
      readonly surfaceMuted: string;
      readonly warning: string;
      readonly warningForeground: string;
      readonly warningText: string;
    };
    readonly light: {
      readonly accent: string;
      readonly accentForeground: string;
      readonly background: string;
      readonly border: string;
      readonly chart: ReadonlyArray<string>;
      readonly chartAxis: string;
      readonly chartGrid: string;
      readonly destructive: string;
      readonly destructiveForeground: string;
      readonly destructiveText: string;
      readonly foreground: string;
      readonly input: string;
      readonly mutedForeground: string;
      readonly primary: string;
      readonly primaryBorder: string;
      readonly primaryForeground: string;
      readonly primaryHover: string;
      readonly primaryText: string;
      readonly ring: string;
      readonly secondary: string;
      readonly secondaryForeground: string;
      readonly sidebar: string;
      readonly sidebarAccent: string;
      readonly sidebarAccentForeground: string;
      readonly sidebarBorder: string;
      readonly sidebarForeground: string;
      readonly sidebarMutedForeground: string;
      readonly success: string;
      readonly successForeground: string;
      readonly successText: string;
      readonly surface: string;
      readonly surfaceMuted: string;
      readonly warning: string;
      readonly warningForeground: string;
      readonly warningText: string;
    };
    readonly seed: string;
  };
  readonly welcomeMessage: string;
  readonly " $fragmentType": "relayOperations_mode";
};
export type relayOperations_mode$key = {
  readonly " $data"?: relayOperations_mode$data;
  readonly " $fragmentSpreads": FragmentRefs<"relayOperations_mode">;
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
  "name": "key",
  "storageKey": null
},
v3 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "label",
  "storageKey": null
},
v4 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "background",
  "storageKey": null
},
v5 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "foreground",
  "storageKey": null
},
v6 = [
  (v4/*:: as any*/),
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "surface",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "surfaceMuted",
    "storageKey": null
  },
  (v5/*:: as any*/),
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "mutedForeground",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "border",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "input",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "ring",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "primary",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "primaryForeground",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "primaryHover",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "primaryText",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "primaryBorder",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "secondary",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "secondaryForeground",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "accent",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "accentForeground",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "destructive",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "destructiveForeground",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "destructiveText",
    "storageKey": null
  },
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
    "kind": "ScalarField",
    "name": "successForeground",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "successText",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "warning",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "warningForeground",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "warningText",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "sidebar",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "sidebarForeground",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "sidebarMutedForeground",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "sidebarAccent",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "sidebarAccentForeground",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "sidebarBorder",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "chart",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "chartGrid",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "chartAxis",
    "storageKey": null
  }
];
return {
  "argumentDefinitions": [],
  "kind": "Fragment",
  "metadata": null,
  "name": "relayOperations_mode",
  "selections": [
    (v0/*:: as any*/),
    (v1/*:: as any*/),
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
      "name": "industry",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "source",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "ModeTab",
      "kind": "LinkedField",
      "name": "tabs",
      "plural": true,
      "selections": [
        (v0/*:: as any*/),
        (v1/*:: as any*/),
        (v2/*:: as any*/),
        (v3/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "icon",
          "storageKey": null
        }
      ],
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "ModeMetric",
      "kind": "LinkedField",
      "name": "defaultMetrics",
      "plural": true,
      "selections": [
        (v0/*:: as any*/),
        (v1/*:: as any*/),
        (v2/*:: as any*/),
        (v3/*:: as any*/),
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
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "personalityTraits",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "welcomeMessage",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "systemPrompt",
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
          "kind": "ScalarField",
          "name": "seed",
          "storageKey": null
        },
        {
          "alias": null,
          "args": null,
          "concreteType": "ThemeScheme",
          "kind": "LinkedField",
          "name": "light",
          "plural": false,
          "selections": (v6/*:: as any*/),
          "storageKey": null
        },
        {
          "alias": null,
          "args": null,
          "concreteType": "ThemeScheme",
          "kind": "LinkedField",
          "name": "dark",
          "plural": false,
          "selections": (v6/*:: as any*/),
          "storageKey": null
        },
        {
          "alias": null,
          "args": null,
          "concreteType": "ContrastCheck",
          "kind": "LinkedField",
          "name": "contrast",
          "plural": true,
          "selections": [
            {
              "alias": null,
              "args": null,
              "kind": "ScalarField",
              "name": "scheme",
              "storageKey": null
            },
            (v5/*:: as any*/),
            (v4/*:: as any*/),
            {
              "alias": null,
              "args": null,
              "kind": "ScalarField",
              "name": "ratio",
              "storageKey": null
            },
            {
              "alias": null,
              "args": null,
              "kind": "ScalarField",
              "name": "minimum",
              "storageKey": null
            },
            {
              "alias": null,
              "args": null,
              "kind": "ScalarField",
              "name": "passes",
              "storageKey": null
            },
            {
              "alias": null,
              "args": null,
              "kind": "ScalarField",
              "name": "apcaLc",
              "storageKey": null
            }
          ],
          "storageKey": null
        }
      ],
      "storageKey": null
    }
  ],
  "type": "Mode",
  "abstractKey": null
};
})();

(node as any).hash = "eb02c0c614a180a48c244ba67c6a550c";

export default node;
