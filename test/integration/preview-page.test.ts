import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";

// What the preview page is served with; test/browser/preview-page.test.ts checks it in Chromium.

const PRODUCTION = {
  NODE_ENV: "production",
  AUTH_MODE: "none",
  MODE_PROVIDER: "offline",
  WORKFLOW_PROVIDER: "offline",
};

let api: TestServer | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe("PREVIEW_PAGE", () => {
  it("is on outside production and off in production unless set", () => {
    expect(loadConfig({}).previewPage).toBe(true);
    expect(loadConfig({ PREVIEW_PAGE: "off" }).previewPage).toBe(false);
    expect(loadConfig(PRODUCTION).previewPage).toBe(false);
    expect(loadConfig({ ...PRODUCTION, PREVIEW_PAGE: "on" }).previewPage).toBe(true);
    expect(() => loadConfig({ PREVIEW_PAGE: "yes" })).toThrow(/PREVIEW_PAGE/);
  });

  it("off: GET / answers 404 as before", async () => {
    api = await startTestServer({ PREVIEW_PAGE: "off" });
    expect((await fetch(`${api.origin}/`)).status).toBe(404);
    expect((await fetch(`${api.origin}/preview/preview.js`)).status).toBe(404);
  });

  it("production: off by default, served when PREVIEW_PAGE=on", async () => {
    api = await startTestServer(PRODUCTION);
    expect((await fetch(`${api.origin}/`)).status).toBe(404);
    await api.close();
    api = await startTestServer({ ...PRODUCTION, PREVIEW_PAGE: "on" });
    expect((await fetch(`${api.origin}/`)).status).toBe(200);
  });
});

describe("the preview page's files", () => {
  it("are served with a strict CSP, nosniff and no-cache with an ETag", async () => {
    api = await startTestServer();
    const host = new URL(api.origin).host;
    const csp =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
      `connect-src 'self' ws://${host} wss://${host}; object-src 'none'; base-uri 'none'; ` +
      "form-action 'self'; frame-ancestors 'none'";
    for (const [path, type] of [
      ["/", "text/html"],
      ["/preview/preview.js", "text/javascript"],
      ["/preview/preview.css", "text/css"],
      ["/preview/vendor/graphql-ws/client.js", "text/javascript"],
    ] as const) {
      const response = await fetch(`${api.origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toContain(type);
      expect(response.headers.get("content-security-policy"), path).toBe(csp);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("cache-control"), path).toBe("no-cache");
      const etag = response.headers.get("etag")!;
      expect(etag, path).toMatch(/^W\/"[\w-]+"$/);
      const again = await fetch(`${api.origin}${path}`, { headers: { "if-none-match": etag } });
      expect(again.status, path).toBe(304);
    }
  });

  it("serve graphql-ws's client with the one chunk it imports, and nothing else", async () => {
    api = await startTestServer();
    const client = await (await fetch(`${api.origin}/preview/vendor/graphql-ws/client.js`)).text();
    const imports = [...client.matchAll(/from '\.\/([^']+)'/g)].map((match) => match[1]!);
    expect(imports.length).toBeGreaterThan(0);
    for (const name of new Set(imports)) {
      const response = await fetch(`${api.origin}/preview/vendor/graphql-ws/${name}`);
      expect(response.status, name).toBe(200);
    }
    for (const path of [
      "/preview/vendor/graphql-ws/index.js",
      "/preview/vendor/graphql-ws/client.cjs",
      "/preview/index.html",
      "/preview/..%2Fpreview-routes.ts",
      "/preview/missing.js",
    ]) {
      const response = await fetch(`${api.origin}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });

  it("hold no inline script, style attribute, event handler, HTML injection or eval", async () => {
    const directory = new URL("../../src/preview/static/", import.meta.url);
    const html = await readFile(new URL("index.html", directory), "utf8");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/);
    expect(html).not.toMatch(/https?:\/\//);
    const script = await readFile(new URL("preview.js", directory), "utf8");
    expect(script).not.toMatch(
      /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\("style"/,
    );
    const css = await readFile(new URL("preview.css", directory), "utf8");
    expect(css).not.toMatch(/@import|url\(/);
  });
});
