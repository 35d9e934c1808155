/**
 * Size and nesting of a JSON value, measured without recursion so that no depth can overflow the
 * stack, and stopping as soon as a limit is passed so that the work is bounded by the limit rather
 * than by the value.
 */

export interface JsonSizeLimits {
  /** Deepest nesting of objects and arrays; the value itself counts as level 1. */
  maxDepth: number;
  /** Most characters of the value written as compact JSON (`JSON.stringify(value)`). */
  maxChars: number;
}

export interface JsonSize {
  /** Characters of compact JSON, counted up to where the walk stopped. */
  chars: number;
  /** Deepest nesting seen, counted up to where the walk stopped. */
  depth: number;
  /** Which limit stopped the walk, if one did. */
  exceeded?: "depth" | "chars";
}

export function measureJson(value: unknown, limits: JsonSizeLimits): JsonSize {
  const size: JsonSize = { chars: 0, depth: 0 };
  if (!isContainer(value)) {
    size.chars = scalarChars(value);
    if (size.chars > limits.maxChars) size.exceeded = "chars";
    return size;
  }
  // Only containers wait on the stack (scalars are counted where they are met), in two parallel
  // arrays rather than an object per entry: a large document has tens of thousands of values and
  // this walk runs on the event loop.
  const containers: object[] = [value];
  const depths: number[] = [1];
  while (containers.length > 0) {
    const container = containers.pop()!;
    const depth = depths.pop()!;
    size.depth = Math.max(size.depth, depth);
    if (depth > limits.maxDepth) {
      size.exceeded = "depth";
      return size;
    }
    const add = (child: unknown): void => {
      if (isContainer(child)) {
        containers.push(child);
        depths.push(depth + 1);
      } else size.chars += scalarChars(child);
    };
    if (Array.isArray(container)) {
      size.chars += 2 + Math.max(0, container.length - 1);
      for (const item of container) {
        if (size.chars > limits.maxChars) break;
        add(item);
      }
    } else {
      const record = container as Record<string, unknown>;
      const keys = Object.keys(record);
      size.chars += 2 + Math.max(0, keys.length - 1);
      for (const key of keys) {
        size.chars += stringChars(key) + 1;
        if (size.chars > limits.maxChars) break;
        add(record[key]);
      }
    }
    if (size.chars > limits.maxChars) {
      size.exceeded = "chars";
      return size;
    }
  }
  return size;
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === "object";
}

/** Characters of a scalar as compact JSON; containers count only their children. */
function scalarChars(value: unknown): number {
  if (typeof value === "string") return stringChars(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === "boolean") return value ? 4 : 5;
  return 4; // null, and what JSON would write as null
}

/** Characters JSON needs to write escapes for: quote, backslash, controls, surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * Characters of a string as JSON. Most strings need no escape and are their length plus quotes:
 * a regular-expression test is several times cheaper than writing them (a large document has
 * tens of thousands of keys and values, and this walk runs on the event loop).
 */
function stringChars(value: string): number {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value).length : value.length + 2;
}

/** Longest JSON a message quotes as it is. */
const PREVIEW_CHARS = 60;

/**
 * A value for a message: its JSON when short (`"1.0"`, `{"a":1}`), a shortened string, or "an
 * object" / "an array" for anything larger: never the whole of an arbitrary value.
 */
export function jsonPreview(value: unknown): string {
  if (typeof value === "string") {
    return value.length <= PREVIEW_CHARS
      ? JSON.stringify(value)
      : `${JSON.stringify(value.slice(0, PREVIEW_CHARS - 10))}…`;
  }
  if (value === null || typeof value !== "object") return String(JSON.stringify(value));
  const size = measureJson(value, { maxDepth: 8, maxChars: PREVIEW_CHARS });
  if (size.exceeded === undefined) return JSON.stringify(value);
  return Array.isArray(value) ? "an array" : "an object";
}
