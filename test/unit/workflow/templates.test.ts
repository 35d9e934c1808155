import { describe, expect, it } from "vitest";
import { scanParams, scanString } from "../../../src/services/workflow/templates.js";

describe("scanString", () => {
  it("reads braced templates with paths and list indexes", () => {
    const { templates, malformed } = scanString("Hi ${user}, ${fetch.issue_data.labels[0].name}!");
    expect(malformed).toEqual([]);
    expect(templates.map(({ raw, base, parts, form }) => ({ raw, base, parts, form }))).toEqual([
      { raw: "${user}", base: "user", parts: [], form: "braced" },
      {
        raw: "${fetch.issue_data.labels[0].name}",
        base: "fetch",
        parts: ["issue_data", "labels", 0, "name"],
        form: "braced",
      },
    ]);
  });

  it("reads the seed's bare form and stops at sentence punctuation", () => {
    const { templates } = scanString("Read $input_file. Use $data.field.sub, then $x.items[2].");
    expect(templates.map(({ raw, base, parts }) => ({ raw, base, parts }))).toEqual([
      { raw: "$input_file", base: "input_file", parts: [] },
      { raw: "$data.field.sub", base: "data", parts: ["field", "sub"] },
      { raw: "$x.items[2]", base: "x", parts: ["items", 2] },
    ]);
  });

  it("treats prose dollars and escapes as text", () => {
    expect(scanString("costs $5, or $ alone, $-1, $$HOME and $${literal}")).toEqual({
      templates: [],
      malformed: [],
    });
  });

  it("marks whole-value templates", () => {
    expect(scanString("${a.b}").templates[0]!.wholeValue).toBe(true);
    expect(scanString("$a").templates[0]!.wholeValue).toBe(true);
    expect(scanString(" ${a.b}").templates[0]!.wholeValue).toBe(false);
  });

  it.each([
    ["${a.b", "${a.b"],
    ["${}", "${}"],
    ["${ a }", "${ a }"],
    ["${a..b}", "${a..b}"],
    ["${a.}", "${a.}"],
    ["${a[x]}", "${a[x]}"],
    ["${1abc}", "${1abc}"],
    ["x ${", "${"],
  ])("reports %s as malformed", (text, raw) => {
    const { malformed, templates } = scanString(text);
    expect(templates).toEqual([]);
    expect(malformed.map((bad) => bad.raw)).toEqual([raw]);
  });

  it("keeps scanning after an unclosed template", () => {
    const { malformed, templates } = scanString("${a.b and ${c.d}");
    expect(malformed.map((bad) => bad.raw)).toEqual(["${a.b"]);
    expect(templates.map((template) => template.raw)).toEqual(["${c.d}"]);
  });
});

describe("scanParams", () => {
  it("walks nested objects, arrays and param_mapping with full paths", () => {
    const scan = scanParams(
      {
        prompt: "x",
        inputs: { csv_text: "${read.content}" },
        files: ["a", "$path"],
        param_mapping: { since_tag: "${tag}", nested: [{ deep: "${n.out[1]}" }] },
        "odd key": "${k}",
        count: 3,
      },
      "nodes[1].params",
    );
    expect(scan.templates.map(({ path, paramPath, raw }) => [path, paramPath, raw])).toEqual([
      ["nodes[1].params.inputs.csv_text", "inputs.csv_text", "${read.content}"],
      ["nodes[1].params.files[1]", "files[1]", "$path"],
      ["nodes[1].params.param_mapping.since_tag", "param_mapping.since_tag", "${tag}"],
      [
        "nodes[1].params.param_mapping.nested[0].deep",
        "param_mapping.nested[0].deep",
        "${n.out[1]}",
      ],
      ['nodes[1].params["odd key"]', '["odd key"]', "${k}"],
    ]);
  });
});
