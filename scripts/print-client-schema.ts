// Prints schema.graphql as the minified introspection urql's Graphcache takes (`schema` option);
// `npm run generate` writes it to examples/clients/modeflow-schema.json.
import { readFileSync } from "node:fs";
import { getIntrospectedSchema, minifyIntrospectionQuery } from "@urql/introspection";

const schemaPath = new URL("../../schema.graphql", import.meta.url);
const minified = minifyIntrospectionQuery(getIntrospectedSchema(readFileSync(schemaPath, "utf8")));
process.stdout.write(`${JSON.stringify(minified)}\n`);
