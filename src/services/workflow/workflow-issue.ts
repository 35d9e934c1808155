import { ruleOrder } from "./rules/rule-table.js";

export type IssueSeverity = "error" | "warning";

export interface WorkflowIssue {
  /** Rule id from the rule table (rules/rule-table.ts), e.g. "undeclared-var". */
  rule: string;
  severity: IssueSeverity;
  /** Names the node, parameter and offending token, and says what to do instead. */
  message: string;
  /** Location in the document, e.g. "nodes[1].params.prompt", "edges[0].from", "inputs.limit". */
  path?: string;
  nodeId?: string;
}

export interface WorkflowValidation {
  valid: boolean;
  /** Errors, de-duplicated, in rule order then path; at most the issue limit (errors first). */
  errors: WorkflowIssue[];
  /** Warnings in the same order, in what the issue limit leaves after the errors. */
  warnings: WorkflowIssue[];
  /** Issues found but not listed because of the issue limit (errors and warnings together). */
  omittedIssues: number;
}

/**
 * Natural order of document paths: "nodes[2]" before "nodes[10]", and the root (no path) first.
 * Digit runs compare as numbers so the order does not change when an array grows past 9 items.
 * The paths are compared run by run (digit runs and other runs) in place, without splitting them:
 * sorting many findings compares many paths.
 */
export function comparePaths(left: string | undefined, right: string | undefined): number {
  if (left === right) return 0;
  if (left === undefined) return -1;
  if (right === undefined) return 1;
  let leftStart = 0;
  let rightStart = 0;
  while (leftStart < left.length && rightStart < right.length) {
    const leftDigits = isDigit(left, leftStart);
    const rightDigits = isDigit(right, rightStart);
    const leftEnd = runEnd(left, leftStart, leftDigits);
    const rightEnd = runEnd(right, rightStart, rightDigits);
    const order = compareRuns(left, leftStart, leftEnd, right, rightStart, rightEnd);
    if (order === 0) {
      leftStart = leftEnd;
      rightStart = rightEnd;
      continue;
    }
    if (leftDigits && rightDigits) {
      return Number(left.slice(leftStart, leftEnd)) - Number(right.slice(rightStart, rightEnd));
    }
    return order;
  }
  return runCount(left, leftStart) - runCount(right, rightStart);
}

function isDigit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

function runEnd(text: string, start: number, digits: boolean): number {
  let end = start + 1;
  while (end < text.length && isDigit(text, end) === digits) end++;
  return end;
}

/** Compares text[aStart, aEnd) with text[bStart, bEnd) as strings: -1, 0 or 1. */
function compareRuns(
  left: string,
  leftStart: number,
  leftEnd: number,
  right: string,
  rightStart: number,
  rightEnd: number,
): number {
  const length = Math.min(leftEnd - leftStart, rightEnd - rightStart);
  for (let offset = 0; offset < length; offset++) {
    const a = left.charCodeAt(leftStart + offset);
    const b = right.charCodeAt(rightStart + offset);
    if (a !== b) return a < b ? -1 : 1;
  }
  const leftLength = leftEnd - leftStart;
  const rightLength = rightEnd - rightStart;
  return leftLength === rightLength ? 0 : leftLength < rightLength ? -1 : 1;
}

/** How many runs are left in `text` from `start`. */
function runCount(text: string, start: number): number {
  let count = 0;
  for (let index = start; index < text.length; index = runEnd(text, index, isDigit(text, index))) {
    count++;
  }
  return count;
}

/** A path split into digit runs and other runs, for {@link comparePathParts}. */
export function pathParts(path: string): string[] {
  return path.match(/\d+|\D+/g) ?? [];
}

/** {@link comparePaths} on paths already split by {@link pathParts}. */
export function comparePathParts(
  leftParts: readonly string[],
  rightParts: readonly string[],
): number {
  for (let index = 0; index < Math.min(leftParts.length, rightParts.length); index++) {
    const a = leftParts[index]!;
    const b = rightParts[index]!;
    if (a === b) continue;
    if (isDigit(a, 0) && isDigit(b, 0)) return Number(a) - Number(b);
    return a < b ? -1 : 1;
  }
  return leftParts.length - rightParts.length;
}

/** Rule order, then path, then message: a total order that does not depend on discovery order. */
export function compareIssues(left: WorkflowIssue, right: WorkflowIssue): number {
  return (
    ruleOrder(left.rule) - ruleOrder(right.rule) ||
    comparePaths(left.path, right.path) ||
    (left.message < right.message ? -1 : left.message > right.message ? 1 : 0)
  );
}
