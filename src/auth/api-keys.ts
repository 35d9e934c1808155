import { createHash } from "node:crypto";

/** One entry of API_KEYS: the key's name (its principal id) and the SHA-256 of the key. */
export interface ApiKeyEntry {
  /** Principal id of every request made with this key; safe to log. */
  readonly name: string;
  /** SHA-256 of the key's UTF-8 bytes, 64 lowercase hex digits. The key itself is never stored. */
  readonly sha256: string;
}

const NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;

/** The SHA-256 of a key as API_KEYS holds it (what `npm run hash-key` prints). */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/**
 * Parses API_KEYS (`name:sha256hex` entries, comma-separated). Returns the entries and every
 * problem found, each naming API_KEYS and the entry by its name or position (never its value
 * beyond the name, in case a raw key was pasted where a hash belongs).
 */
export function parseApiKeys(value: string): { keys: ApiKeyEntry[]; problems: string[] } {
  const keys: ApiKeyEntry[] = [];
  const problems: string[] = [];
  const entries = value.split(",").map((entry) => entry.trim());
  entries.forEach((entry, index) => {
    const where = `API_KEYS entry ${index + 1}`;
    if (entry === "") {
      problems.push(`${where} is empty (entries are "name:sha256hex", comma-separated)`);
      return;
    }
    const separator = entry.indexOf(":");
    if (separator < 0) {
      problems.push(`${where} is not "name:sha256hex" (no ":")`);
      return;
    }
    const name = entry.slice(0, separator).trim();
    const hash = entry
      .slice(separator + 1)
      .trim()
      .toLowerCase();
    if (!NAME_PATTERN.test(name)) {
      problems.push(`${where}: the name must be 1-64 characters of A-Z a-z 0-9 . _ -`);
      return;
    }
    if (!SHA256_HEX_PATTERN.test(hash)) {
      problems.push(
        `API_KEYS entry "${name}": the hash must be 64 hex digits (the SHA-256 of the key: npm run hash-key -- <key>), got ${hash.length} characters`,
      );
      return;
    }
    if (keys.some((key) => key.name === name)) {
      problems.push(`API_KEYS: the name "${name}" is used twice; names must be unique`);
      return;
    }
    const sameKey = keys.find((key) => key.sha256 === hash);
    if (sameKey) {
      // One key under two names would make the caller's principal ambiguous.
      problems.push(
        `API_KEYS: "${name}" and "${sameKey.name}" have the same hash; keys must differ`,
      );
      return;
    }
    keys.push(Object.freeze({ name, sha256: hash }));
  });
  return { keys, problems };
}
