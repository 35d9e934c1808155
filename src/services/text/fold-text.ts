/**
 * Case folding as the server compares names and keys (cache keys, duplicate labels, aliases): the
 * same on every machine, whatever its locale (no Turkish dotless i).
 */
export function foldCase(text: string): string {
  return text.toLocaleLowerCase("en-US");
}

/**
 * Case-fold and strip accents: NFKD splits "ä" into "a" + a combining mark that we drop. A few
 * letters do not decompose (ß, æ, ø, ...) and are mapped by hand so "Straße" meets "strasse".
 * Used for industry matching and for snake_case ids ("Bäckerei" → "backerei").
 */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLocaleLowerCase("en-US")
    .replace(/ß/g, "ss")
    .replace(/æ/g, "ae")
    .replace(/œ/g, "oe")
    .replace(/ø/g, "o")
    .replace(/[łľ]/g, "l")
    .replace(/đ/g, "d")
    .replace(/ı/g, "i")
    .replace(/þ/g, "th");
}
