import { BadUserInputError, InputChecks } from "../../errors/bad-user-input-error.js";
import type { ModeStore } from "./mode-store.js";
import type { Mode } from "./mode.types.js";

/** What a client asks of `modes`: Relay's forward pagination. */
export interface ModePageRequest {
  /** Page size; the configured default when absent. */
  first?: number | null;
  /** Cursor of the last mode of the previous page. */
  after?: string | null;
}

/** Bounds of a page (MODES_PAGE_SIZE, MODES_PAGE_MAX). */
export interface ModePageLimits {
  defaultSize: number;
  maxSize: number;
}

export interface ModePage {
  edges: Array<{ cursor: string; node: Mode }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

// Cursors are opaque to clients: base64url of "modes:<position>". A position is a mode's place in
// creation order (built-ins 0..3, then every stored mode), so a page never shifts when a mode is
// read, and a cursor stays valid after its own mode was evicted.
const CURSOR_PREFIX = "modes:";

export function encodeModeCursor(position: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`).toString("base64url");
}

function decodeModeCursor(cursor: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const position = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(position) || position < 0) {
    throw new BadUserInputError(
      "after",
      "after must be a cursor returned by modes (pageInfo.endCursor or an edge's cursor)",
    );
  }
  return position;
}

/** Checks a page request; every bad argument is reported, before anything is read. */
export function checkModePageRequest(
  request: ModePageRequest,
  limits: ModePageLimits,
): { first: number; afterPosition: number } {
  const checks = new InputChecks();
  const first = checks.run(() => {
    const first = request.first ?? limits.defaultSize;
    if (!Number.isInteger(first) || first < 0 || first > limits.maxSize) {
      throw new BadUserInputError(
        "first",
        `first must be an integer from 0 to ${limits.maxSize} (the limit MODES_PAGE_MAX), got ${first}`,
      );
    }
    return first;
  });
  const afterPosition = checks.run(() =>
    request.after == null ? -1 : decodeModeCursor(request.after),
  );
  checks.throwIfAny();
  return { first: first!, afterPosition: afterPosition! };
}

/** One page over the built-ins (positions 0..n-1) followed by the principal's held modes. */
export async function pageModes(
  builtins: readonly Mode[],
  store: ModeStore,
  principal: string,
  request: { first: number; afterPosition: number },
): Promise<ModePage> {
  const { first, afterPosition } = request;
  const fromBuiltins = builtins
    .map((node, position) => ({ position, node }))
    .filter((entry) => entry.position > afterPosition);
  const shelf = await store.page(
    principal,
    afterPosition,
    Math.max(0, first - fromBuiltins.length),
  );
  const remaining = fromBuiltins.length + shelf.remaining;
  const fromStore = shelf.modes.map((stored) => ({ position: stored.position, node: stored.mode }));
  const edges = [...fromBuiltins.slice(0, first), ...fromStore].map((entry) => ({
    cursor: encodeModeCursor(entry.position),
    node: entry.node,
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: remaining > edges.length,
      hasPreviousPage: afterPosition >= 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: builtins.length + shelf.total,
  };
}
