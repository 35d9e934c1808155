import { describe, expect, it } from "vitest";
import { describeComponents } from "../../../src/services/workflow/offline/components.js";
import { planWorkflowOffline } from "../../../src/services/workflow/offline-planner.js";
import { parsePlanningContext } from "../../../src/services/workflow/planning-context.js";
import { loadFixture } from "../../support/workflow-fixtures.js";

const notes = loadFixture("summarize-notes");

/**
 * summarize-notes with write-file's parameters under a label the former second reader of the
 * markdown did not know (`**Parameters (set on the node)**:`, which the parser accepts): it
 * counted `append` as required, and the planner asked the caller for it.
 */
const LABELLED_PARAMETERS = notes.planningContext.replace(
  "**Parameters**:\n- `append: bool`",
  "**Parameters (set on the node)**:\n- `append: bool`",
);

describe("describeComponents over the one parsed planning context", () => {
  it("takes optional slots and descriptions from the parser", () => {
    const components = describeComponents(parsePlanningContext(notes.planningContext));
    const readFile = components.find((component) => component.name === "read-file")!;
    expect(readFile.slots).toEqual([
      {
        path: ["file_path"],
        name: "file_path",
        type: "str",
        required: true,
        description: "Path of the file to read",
      },
      {
        path: ["encoding"],
        name: "encoding",
        type: "str",
        required: false,
        description: "Text encoding",
      },
    ]);
  });

  it("reads optional parameters under every label the parser accepts", () => {
    expect(LABELLED_PARAMETERS).not.toBe(notes.planningContext);
    const components = describeComponents(parsePlanningContext(LABELLED_PARAMETERS));
    const append = components
      .find((component) => component.name === "write-file")!
      .slots.find((slot) => slot.name === "append");
    expect(append).toMatchObject({ required: false, description: "Append instead of overwriting" });
  });

  it("lets the planner leave such an optional parameter to its default", () => {
    const result = planWorkflowOffline({
      userInput: notes.userInput,
      planningContext: LABELLED_PARAMETERS,
      browsedComponents: notes.browsedComponents,
      discoveredParams: notes.discoveredParams,
    });
    if ("failure" in result) throw new Error(result.failure);
    const writer = result.workflow.nodes.find((node) => node.type === "write-file")!;
    expect(Object.keys(writer.params)).not.toContain("append");
    expect(Object.keys(result.workflow.inputs)).not.toContain("append");
  });
});
