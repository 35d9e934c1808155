import { readFile } from "node:fs/promises";
import { generate, loadCodegenConfig } from "@graphql-codegen/cli";
import { buildSchema, isObjectType, isInputObjectType, isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { printAppSchema } from "../../../src/schema/build-schema.js";

const root = new URL("../../../", import.meta.url);

describe("schema.graphql", () => {
  it("is exactly what the code emits (run `npm run schema:print` after changing a type)", async () => {
    const committed = await readFile(new URL("schema.graphql", root), "utf8");
    expect(committed).toBe(await printAppSchema());
  });

  it("describes every type, field, argument and enum value", async () => {
    const schema = buildSchema(await printAppSchema());
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const argument of "args" in field ? field.args : []) {
            if (!argument.description) missing.push(`${type.name}.${field.name}(${argument.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description) missing.push(`${type.name}.${value.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("keeps the generated typed documents in test/generated up to date (run `npm run codegen`)", async () => {
    // The same configuration `npm run codegen` uses, read from codegen.yml; nothing is written.
    const { config } = await loadCodegenConfig({
      configFilePath: new URL("codegen.yml", root).pathname,
    });
    const outputs = await generate({ ...config, cwd: root.pathname, silent: true }, false);
    for (const output of outputs as Array<{ filename: string; content: string }>) {
      const committed = await readFile(new URL(output.filename, root), "utf8");
      expect(committed, output.filename).toBe(output.content);
    }
  });
});
