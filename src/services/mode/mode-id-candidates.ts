import { createHash } from "node:crypto";
import { MODE_ID_MAX_LENGTH, toSnakeId } from "./mode-id.js";

/**
 * The ids a mode made for `identity` may take, in order of preference: the id it was built with,
 * then that id plus 6, 8, ... 16 hex digits of its identity's SHA-256. Deterministic, so every
 * store (in this process or in Redis, on any replica) offers the same mode the same ids, and a
 * repeat of either of two clashing requests keeps its own id.
 */
export function modeIdCandidates(wanted: string, identity: string): string[] {
  const hash = createHash("sha256").update(identity).digest("hex");
  const candidates = [wanted];
  // 6 hex digits suffice in practice; longer ones only if even that id is somebody else's.
  for (let digits = 6; digits <= 16; digits += 2) {
    const suffix = hash.slice(0, digits);
    candidates.push(`${toSnakeId(wanted, MODE_ID_MAX_LENGTH - suffix.length - 1)}_${suffix}`);
  }
  return candidates;
}
