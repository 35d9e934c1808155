// Entry of the token-counting thread (token-counter.ts): the o200k_base tokenizer lives here,
// in this thread's heap, not in the server's.
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { runAsWorker } from "synckit";

/** Special-token strings in user text are plain text to Claude: count them as such, never throw. */
const AS_PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

runAsWorker((texts: string[]) => texts.map((text) => countTokens(text, AS_PLAIN_TEXT)));
