import { deriveTheme, deriveThemeUncached } from "../src/services/palette/derive-theme.js";
import { fixed, median, percentile, timeEach } from "./stats.js";

const SEED_COUNT = 200;
const WARM_UP_ROUNDS = 2;

/** Deterministic seeds (mulberry32) so runs compare like with like. */
function randomSeeds(count: number, state = 0x5eed): string[] {
  const seeds: string[] = [];
  for (let index = 0; index < count; index++) {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    const value = ((mixed ^ (mixed >>> 14)) >>> 0) & 0xffffff;
    seeds.push(`#${value.toString(16).padStart(6, "0")}`);
  }
  return seeds;
}

function report(label: string, durations: number[]): void {
  console.log(
    `  ${label.padEnd(26)} median ${fixed(median(durations), 1).padStart(8)} µs   p99 ${fixed(percentile(durations, 99), 1).padStart(8)} µs`,
  );
}

/** Theme derivation cost per seed: cold (full derivation) and cached (warm LRU hit). */
export async function runThemeBench(): Promise<void> {
  const seeds = randomSeeds(SEED_COUNT);
  // Let the JIT settle on a different seed set so the cold figures are steady-state, not first-call.
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const seed of randomSeeds(50, round + 1)) deriveThemeUncached(seed);
  }
  const cold = timeEach(seeds.length, (index) => deriveThemeUncached(seeds[index]!));
  for (const seed of seeds) deriveTheme(seed); // fill the cache (200 < its 512 entries)
  const cached = timeEach(seeds.length, (index) => deriveTheme(seeds[index]!));

  console.log(`Theme derivation, ${seeds.length} random seeds (both schemes, 6 chart series):`);
  report("cold (deriveThemeUncached)", cold);
  report("cached (deriveTheme)", cached);
}
