// Prints the SHA-256 of an API key, as API_KEYS holds it (`name:<this hash>`).
//   npm run -s hash-key -- <key>            (the key lands in the shell history)
//   printf %s "$KEY" | npm run -s hash-key  (it does not)
import { hashApiKey } from "../src/auth/api-keys.js";

async function readStandardInput(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("type the key, then Enter and Ctrl-D\n");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

// A trailing newline from `echo` or a terminal is not part of the key.
const key = (process.argv[2] ?? (await readStandardInput())).replace(/\r?\n$/, "");
if (/\s/.test(key)) {
  // Bearer credentials cannot hold whitespace: such a key could never authenticate.
  process.stderr.write("an API key must not contain whitespace\n");
  process.exit(2);
}
if (key === "") {
  process.stderr.write(
    'usage: npm run -s hash-key -- <key>   or   printf %s "$KEY" | npm run -s hash-key\n',
  );
  process.exit(2);
}
process.stdout.write(`${hashApiKey(key)}\n`);
