/** Small statistics helpers shared by the benchmarks. */

/** The p-th percentile (0..100) of `values`, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Formats a number with a fixed count of decimals for aligned tables. */
export function fixed(value: number, decimals = 2): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : String(value);
}

/** Measures `fn` `iterations` times and returns each duration in microseconds. */
export function timeEach(iterations: number, fn: (index: number) => void): number[] {
  const durations: number[] = [];
  for (let index = 0; index < iterations; index++) {
    const start = process.hrtime.bigint();
    fn(index);
    durations.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return durations;
}
