/**
 * @generated SignedSource<<4e60ae46b53757c0250a512fb584ff8e>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type ColorScheme = "DARK" | "LIGHT" | "%future added value";
export type ModeSource = "BUILTIN" | "FALLBACK" | "GENERATED" | "%future added value";
export type GenerateModeInput = {
  brandFidelity?: boolean | null | undefined;
  industry: string;
};
export type relayOperationsGenerateModeMutation$variables = {
  input: GenerateModeInput;
};
export type relayOperationsGenerateModeMutation$data = {
  readonly generateMode: {
    readonly mode: {
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
  "name": "key",
  "storageKey": null
},
v4 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "label",
  "storageKey": null
},
v5 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "background",
  "storageKey": null
},
v6 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "foreground",
  "storageKey": null
},
v7 = [
  (v5/*:: as any*/),
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
  (v6/*:: as any*/),
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
],
v8 = [
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
          (v1/*:: as any*/),
          (v2/*:: as any*/),
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
              (v1/*:: as any*/),
              (v2/*:: as any*/),
              (v3/*:: as any*/),
              (v4/*:: as any*/),
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
              (v1/*:: as any*/),
              (v2/*:: as any*/),
              (v3/*:: as any*/),
              (v4/*:: as any*/),
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
                "selections": (v7/*:: as any*/),
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "concreteType": "ThemeScheme",
                "kind": "LinkedField",
                "name": "dark",
                "plural": false,
                "selections": (v7/*:: as any*/),
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
                  (v6/*:: as any*/),
                  (v5/*:: as any*/),
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
    "selections": (v8/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "relayOperationsGenerateModeMutation",
    "selections": (v8/*:: as any*/)
  },
  "params": {
    "cacheID": "d8ec482439f4fd7cc1d38da40a4c1421",
    "id": null,
    "metadata": {},
    "name": "relayOperationsGenerateModeMutation",
    "operationKind": "mutation",
    "text": "mutation relayOperationsGenerateModeMutation(\n  $input: GenerateModeInput!\n) {\n  generateMode(input: $input) {\n    mode {\n      __typename\n      id\n      name\n      industry\n      source\n      tabs {\n        __typename\n        id\n        key\n        label\n        icon\n      }\n      defaultMetrics {\n        __typename\n        id\n        key\n        label\n        value\n        unit\n      }\n      personalityTraits\n      welcomeMessage\n      systemPrompt\n      theme {\n        seed\n        light {\n          background\n          surface\n          surfaceMuted\n          foreground\n          mutedForeground\n          border\n          input\n          ring\n          primary\n          primaryForeground\n          primaryHover\n          primaryText\n          primaryBorder\n          secondary\n          secondaryForeground\n          accent\n          accentForeground\n          destructive\n          destructiveForeground\n          destructiveText\n          success\n          successForeground\n          successText\n          warning\n          warningForeground\n          warningText\n          sidebar\n          sidebarForeground\n          sidebarMutedForeground\n          sidebarAccent\n          sidebarAccentForeground\n          sidebarBorder\n          chart\n          chartGrid\n          chartAxis\n        }\n        dark {\n          background\n          surface\n          surfaceMuted\n          foreground\n          mutedForeground\n          border\n          input\n          ring\n          primary\n          primaryForeground\n          primaryHover\n          primaryText\n          primaryBorder\n          secondary\n          secondaryForeground\n          accent\n          accentForeground\n          destructive\n          destructiveForeground\n          destructiveText\n          success\n          successForeground\n          successText\n          warning\n          warningForeground\n          warningText\n          sidebar\n          sidebarForeground\n          sidebarMutedForeground\n          sidebarAccent\n          sidebarAccentForeground\n          sidebarBorder\n          chart\n          chartGrid\n          chartAxis\n        }\n        contrast {\n          scheme\n          foreground\n          background\n          ratio\n          minimum\n          passes\n          apcaLc\n        }\n      }\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "26ff70fa50c829f42b0b5d6d45915ef9";

export default node;
