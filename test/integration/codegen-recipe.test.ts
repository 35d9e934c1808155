import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import type { CodegenConfig } from "@graphql-codegen/cli";
import { buildSchema, isScalarType, isSpecifiedScalarType } from "graphql";
import { format, resolveConfig } from "prettier";
import { afterAll, describe, expect, it } from "vitest";
import recipe, { modeflowScalars } from "../../examples/codegen/codegen.js";

// The recipe of the README's "Typed clients with GraphQL Code Generator", run as an app runs it
// (from its directory), against the committed schema instead of a server on port 4000.
const root = fileURLToPath(new URL("../../", import.meta.url));
const recipeDirectory = join(root, "examples", "codegen");
const committedSchema = join(root, "schema.graphql");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
/** The consumer's own files: the generated code imports scalars.ts, use-generated.ts imports it. */
const consumerFiles = ["scalars.ts", "use-generated.ts"];

const [outputDirectory] = Object.keys(recipe.generates);
const output = recipe.generates[outputDirectory!] as { config: { scalars: object } };

type GeneratedFile = { filename: string; content: string };

/** Runs the recipe's config in memory; `scalars` replaces its scalar mapping when given. */
async function runRecipe(
  overrides: { scalars?: Record<string, string>; strictScalars?: boolean } = {},
): Promise<GeneratedFile[]> {
  const config: CodegenConfig & { cwd: string } = {
    ...recipe,
    schema: committedSchema,
    cwd: recipeDirectory,
    silent: true,
    generates: {
      [outputDirectory!]: {
        ...output,
        config: { ...output.config, ...overrides },
      },
    },
  };
  return (await generate(config, false)) as GeneratedFile[];
}

const temporaryDirectories: string[] = [];
afterAll(() => {
  for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});

describe("the codegen recipe for apps (examples/codegen)", () => {
  it("maps exactly the custom scalars of the schema", () => {
    const schema = buildSchema(readFileSync(committedSchema, "utf8"));
    const custom = Object.values(schema.getTypeMap())
      .filter((type) => isScalarType(type) && !isSpecifiedScalarType(type))
      .map((type) => type.name)
      .sort();
    expect(Object.keys(modeflowScalars).sort()).toEqual(custom);
    expect(output.config).toMatchObject({ strictScalars: true, enumsAsTypes: true });
  });

  it("generates code that compiles under tsc --strict together with a consumer", async () => {
    const files = await runRecipe();
    expect(files.map((file) => file.filename).sort()).toEqual(
      ["fragment-masking.ts", "gql.ts", "graphql.ts", "index.ts"].map(
        (name) => `${outputDirectory}${name}`,
      ),
    );

    // The generated directory and the consumer files, laid out as in examples/codegen, so
    // use-generated.ts's "./gql/graphql.js" and the generated "../scalars.js" resolve unchanged.
    const app = mkdtempSync(join(tmpdir(), "modeflow-codegen-"));
    temporaryDirectories.push(app);
    for (const file of files) {
      mkdirSync(dirname(join(app, file.filename)), { recursive: true });
      writeFileSync(join(app, file.filename), file.content);
    }
    for (const name of consumerFiles) copyFileSync(join(recipeDirectory, name), join(app, name));
    symlinkSync(join(root, "node_modules"), join(app, "node_modules"), "junction");
    writeFileSync(join(app, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          skipLibCheck: true,
          types: [],
        },
        include: ["*.ts", `${outputDirectory}*.ts`],
      }),
    );

    const compiled = spawnSync(process.execPath, [tsc, "-p", join(app, "tsconfig.json")], {
      encoding: "utf8",
    });
    expect(compiled.stdout + compiled.stderr).toBe("");
    expect(compiled.status).toBe(0);
  });

  it("has its generated output committed, up to date and formatted", async () => {
    const files = await runRecipe();
    const committed = readdirSync(join(recipeDirectory, outputDirectory!)).sort();
    expect(committed).toEqual(
      files.map((file) => file.filename.slice(outputDirectory!.length)).sort(),
    );
    for (const file of files) {
      const path = join(recipeDirectory, file.filename);
      const formatted = await format(file.content, {
        ...(await resolveConfig(path)),
        filepath: path,
      });
      expect(readFileSync(path, "utf8"), `${file.filename} is stale: see README`).toBe(formatted);
    }
  });

  it("has strictScalars on: removing any scalar's mapping fails the generation", async () => {
    for (const name of Object.keys(modeflowScalars)) {
      const scalars: Record<string, string> = { ...modeflowScalars };
      delete scalars[name];
      await expect(runRecipe({ scalars }), name).rejects.toThrow(`Unknown scalar type ${name}`);
    }
    // Without strictScalars the same config succeeds, typing the scalar as `unknown`.
    const { HexColorCode: _removed, ...withoutHexColorCode } = modeflowScalars;
    const lax = await runRecipe({ scalars: withoutHexColorCode, strictScalars: false });
    expect(lax.find((file) => file.filename.endsWith("graphql.ts"))!.content).toContain(
      "primary: unknown",
    );
  });
});
