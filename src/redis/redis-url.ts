/**
 * The Redis URL as logs may show it. Its own module, free of the client library, so the start-up
 * line can print it without importing `redis` (container.ts imports that only when it is used).
 */
export function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = "";
  parsed.password = "";
  return parsed.toString();
}
