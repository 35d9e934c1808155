// Prints the SDL the code emits (sorted, deterministic); `npm run schema:print` writes schema.graphql.
import "reflect-metadata";
import { printAppSchema } from "../src/schema/build-schema.js";

process.stdout.write(await printAppSchema());
