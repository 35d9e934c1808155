import { describe, expect, it } from "vitest";
import {
  AnswerFieldReader,
  MalformedAnswerError,
} from "../../../../src/llm/streaming/answer-field-reader.js";
import type { AnswerPart } from "../../../../src/llm/streaming/answer-field-reader.js";
import { petStoreAnswer } from "../../../support/mode-answers.js";

/** Feeds `chunks` one at a time; records each part with the number of chunks written so far. */
function read(chunks: Iterable<string>): Array<AnswerPart & { afterChunk: number }> {
  const parts: Array<AnswerPart & { afterChunk: number }> = [];
  let written = 0;
  const reader = new AnswerFieldReader((part) => parts.push({ ...part, afterChunk: written }));
  for (const chunk of chunks) {
    written++;
    reader.write(chunk);
  }
  reader.end();
  return parts;
}

const fieldsOf = (parts: AnswerPart[]) =>
  parts.flatMap((part) => (part.kind === "field" ? [[part.name, part.value]] : []));

describe("AnswerFieldReader", () => {
  it("reports each top-level field in order, at the character that completes it", () => {
    const answer = petStoreAnswer();
    const text = JSON.stringify(answer, null, 1);
    const parts = read(Array.from(text));
    const fields = parts.filter((part) => part.kind === "field");

    expect(fieldsOf(fields)).toEqual(Object.entries(answer));
    for (const field of fields) {
      // The value's last character is the one just before the next `,` or the closing `}`.
      const valueText = JSON.stringify(answer[field.name as keyof typeof answer], null, 1)
        .split("\n")
        .join("\n ");
      const start = text.indexOf(`"${field.name}": `) + field.name.length + 4;
      expect(text.slice(start, start + valueText.length)).toBe(valueText);
      expect(field.afterChunk, field.name).toBe(
        Array.from(text.slice(0, start + valueText.length)).length,
      );
    }
  });

  it("reports the colour before the rest of the answer has arrived", () => {
    const text = JSON.stringify(petStoreAnswer());
    const colourEnd = text.indexOf('"#F59E0B"') + '"#F59E0B"'.length;
    const seen: string[] = [];
    const reader = new AnswerFieldReader((part) => {
      if (part.kind === "field") seen.push(part.name);
    });
    reader.write(text.slice(0, colourEnd - 1));
    expect(seen).toEqual(["industry_name", "industry_id"]);
    reader.write(text.slice(colourEnd - 1, colourEnd));
    expect(seen).toEqual(["industry_name", "industry_id", "primary_color"]);
  });

  it("reports the items of top-level arrays as they complete, then the array", () => {
    const parts = read(['{"tabs":[{"id":"a"},', '{"id":"b"}', "]", ',"n":1}']);
    expect(parts).toEqual([
      { kind: "item", field: "tabs", index: 0, value: { id: "a" }, afterChunk: 1 },
      { kind: "item", field: "tabs", index: 1, value: { id: "b" }, afterChunk: 2 },
      { kind: "field", name: "tabs", value: [{ id: "a" }, { id: "b" }], afterChunk: 3 },
      // A number is complete only at the delimiter after it: more digits might have come.
      { kind: "field", name: "n", value: 1, afterChunk: 4 },
    ]);
  });

  it("reports a literal at its last letter", () => {
    const text = '{"a":true,"b":null,"c":false}';
    const parts = read(text.split(""));
    expect(parts).toEqual([
      { kind: "field", name: "a", value: true, afterChunk: text.indexOf("true") + 4 },
      { kind: "field", name: "b", value: null, afterChunk: text.indexOf("null") + 4 },
      { kind: "field", name: "c", value: false, afterChunk: text.indexOf("false") + 5 },
    ]);
  });

  it("reports nested objects whole, and none of their inner values", () => {
    const parts = read(['{"a":{"b":{"c":[1,', "2]},", '"d":"e"}}']);
    expect(parts).toEqual([
      { kind: "field", name: "a", value: { b: { c: [1, 2] }, d: "e" }, afterChunk: 3 },
    ]);
  });

  it("resolves escapes and unicode split anywhere across chunks", () => {
    const value = 'quote " backslash \\ tab \t é 🐶 ✂️ \u2028 end';
    // JSON.stringify keeps 🐶 literal; write it also as a \uXXXX surrogate pair escape.
    const text = JSON.stringify({ literal: value, escaped: "🐶" }).replace(
      '"escaped":"🐶"',
      '"escaped":"\\ud83d\\udc36"',
    );
    // Every split point, including inside a surrogate pair and inside a \u escape.
    for (let cut = 1; cut < text.length; cut++) {
      const parts = read([text.slice(0, cut), text.slice(cut)]);
      expect(fieldsOf(parts), `cut at ${cut}`).toEqual([
        ["literal", value],
        ["escaped", "🐶"],
      ]);
    }
    // One UTF-16 code unit at a time (half an emoji per chunk).
    expect(fieldsOf(read(text.split("")))).toEqual([
      ["literal", value],
      ["escaped", "🐶"],
    ]);
  });

  it("never reports a half-written string, even when the text is cut inside it", () => {
    const seen: AnswerPart[] = [];
    const reader = new AnswerFieldReader((part) => seen.push(part));
    reader.write('{"industry_name":"Pet Store","welcome_message":"Welcome ba');
    expect(() => reader.end()).toThrow(MalformedAnswerError);
    expect(() => reader.end()).toThrow(/ended before its JSON object was complete/);
    expect(fieldsOf(seen)).toEqual([["industry_name", "Pet Store"]]);
  });

  it("does not report a number the text was cut after", () => {
    const seen: AnswerPart[] = [];
    const reader = new AnswerFieldReader((part) => seen.push(part));
    reader.write('{"a":"x","count":12');
    expect(() => reader.end()).toThrow(/ended before its JSON object was complete/);
    expect(fieldsOf(seen)).toEqual([["a", "x"]]);
  });

  it.each([
    ["an empty answer", [], /ended before any JSON was received/],
    ["whitespace only", ["  \n"], /ended before any JSON was received/],
    ["an unclosed object", ['{"a":"x"'], /ended before its JSON object was complete/],
    ["a dangling key", ['{"a":"x","b"'], /ended before its JSON object was complete/],
  ])("fails clearly on %s when ended", (_label, chunks, message) => {
    const seen: AnswerPart[] = [];
    const reader = new AnswerFieldReader((part) => seen.push(part));
    for (const chunk of chunks) reader.write(chunk);
    expect(() => reader.end()).toThrow(message);
    expect(seen.filter((part) => part.kind === "field" && part.name !== "a")).toEqual([]);
  });

  it.each([
    ["prose before the object", ["Sure! ", '{"a":"x"}']],
    ["a code fence", ['```json\n{"a":"x"}\n```']],
    ["an array at the root", ['["a","b"]']],
    ["a string at the root", ['"a"']],
    ["a missing colon", ['{"a" "x"}']],
    ["a trailing comma", ['{"a":"x",}']],
    ["text after the object", ['{"a":"x"} and more']],
  ])("fails clearly on %s, reporting no false field", (_label, chunks) => {
    const seen: AnswerPart[] = [];
    const reader = new AnswerFieldReader((part) => seen.push(part));
    const feed = () => {
      for (const chunk of chunks) reader.write(chunk);
      reader.end();
    };
    expect(feed).toThrow(MalformedAnswerError);
    expect(feed).toThrow(/not a valid JSON object/);
    // Only fields that were genuinely complete before the fault may have been reported.
    expect(seen.every((part) => part.kind === "field" && part.name === "a")).toBe(true);
  });

  it("lets a throwing listener fail the write without breaking the parse", () => {
    let calls = 0;
    const reader = new AnswerFieldReader(() => {
      calls++;
      if (calls === 1) throw new Error("listener bug");
    });
    expect(() => reader.write('{"a":"x",')).toThrow("listener bug");
    reader.write('"b":"y"}');
    reader.end();
    expect(calls).toBe(2);
    expect(reader.complete).toBe(true);
  });
});
