/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of adjacent
 * characters each cost 1 ("titel" → "title", "phramacy" → "pharmacy" are one typo away).
 * Used by closest-match.ts (the validator's "did you mean") and the industry matcher's typo
 * tolerance.
 *
 * With `limit`, any distance above it is reported as `limit + 1` and the computation stops as soon
 * as a whole row exceeds it: the matcher compares every request word with every keyword.
 */
export function editDistance(left: string, right: string, limit = Infinity): number {
  if (left === right) return 0;
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    let rowMinimum = row;
    for (let column = 1; column <= right.length; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let value = Math.min(
        previous[column]! + 1,
        current[column - 1]! + 1,
        previous[column - 1]! + cost,
      );
      const swapped =
        row > 1 &&
        column > 1 &&
        left[row - 1] === right[column - 2] &&
        left[row - 2] === right[column - 1];
      if (swapped) value = Math.min(value, previousPrevious[column - 2]! + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[right.length]!;
}
