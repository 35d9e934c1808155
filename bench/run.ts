// `npm run bench [section ...]`: prints every benchmark's figures (or only the named sections).
import "reflect-metadata";
import { runExecutorBench } from "./executor.bench.js";
import { runGenerateModeBench } from "./generate-mode.bench.js";
import { runPromptBench } from "./prompt.bench.js";
import { runRedisCacheBench } from "./redis-cache.bench.js";
import { runSaturationBench } from "./saturation.bench.js";
import { runStallsBench } from "./stalls.bench.js";
import { runStreamingBench } from "./streaming.bench.js";
import { runThemeBench } from "./theme.bench.js";
import { runValidateScalingBench } from "./validate-scaling.bench.js";
import { runValidateBench } from "./validate.bench.js";

const sections: Record<string, () => Promise<void>> = {
  theme: runThemeBench,
  validate: runValidateBench,
  "validate-scaling": runValidateScalingBench,
  prompt: runPromptBench,
  "generate-mode": runGenerateModeBench,
  saturation: runSaturationBench,
  stalls: runStallsBench,
  "redis-cache": runRedisCacheBench,
  streaming: runStreamingBench,
  executor: runExecutorBench,
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length === 0 || wanted.includes(name)) await run();
}
