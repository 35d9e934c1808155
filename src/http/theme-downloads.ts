import type { FastifyReply, FastifyRequest } from "fastify";
import { MODE_ID_MAX_LENGTH, MODE_ID_PATTERN } from "../services/mode/mode-id.js";
import type { ModeService } from "../services/mode/mode.service.js";
import { THEME_EXPORT_MEDIA_TYPES, exportTheme } from "../services/palette/exports/export-theme.js";
import type { ThemeExportFormat } from "../services/palette/exports/export-theme.js";
import { authenticatedPrincipal } from "./graphql-authentication.js";
import type { App } from "./graphql-http-guards.js";

const THEME_CSS_ROUTE = "/modes/:id/theme.css";
const TOKENS_JSON_ROUTE = "/modes/:id/tokens.json";

/** The download routes, as registered: server.ts authenticates them like /graphql. */
export const THEME_DOWNLOAD_ROUTES: readonly string[] = [THEME_CSS_ROUTE, TOKENS_JSON_ROUTE];

/** `?format=` of theme.css: absent means shadcn/ui's variables. */
const CSS_FORMATS: Readonly<Record<string, ThemeExportFormat>> = {
  shadcn: "SHADCN_CSS",
  tailwind: "TAILWIND_V4_CSS",
};

interface DownloadRequest {
  Params: { id: string };
  Querystring: { format?: unknown };
}

/**
 * GET /modes/:id/theme.css (shadcn/ui CSS; `?format=tailwind` for Tailwind v4) and
 * GET /modes/:id/tokens.json (DTCG design tokens): the text `ModeTheme.export` answers, as a file.
 * The caller must be authenticated (server.ts lists THEME_DOWNLOAD_ROUTES with /graphql) and sees
 * what `mode(id:)` shows them: the built-ins and the modes on their own shelf.
 *
 * Every answer says `cache-control: no-store`: the body depends on the caller's credentials, and
 * an id is not a stable name for a file (an evicted id may later be taken by another mode, a
 * derivation update changes a built-in's colours, a 404 may become a 200 once the caller generates
 * the mode). The files are a few KB and fetched rarely, so revalidating would save nothing.
 */
export function serveThemeDownloads(app: App, modes: Pick<ModeService, "getMode">): void {
  const noStore = async (_request: FastifyRequest, reply: FastifyReply) => {
    // Also on the 401 the authentication hook answers: route hooks run for every reply.
    reply.header("cache-control", "no-store");
  };

  app.get<DownloadRequest>(THEME_CSS_ROUTE, { onSend: noStore }, async (request, reply) => {
    const requested = request.query.format ?? "shadcn";
    const format = typeof requested === "string" ? CSS_FORMATS[requested] : undefined;
    if (format === undefined) {
      return badRequest(
        reply,
        "format",
        `The query parameter "format" is "shadcn" (the default) or "tailwind".`,
      );
    }
    return download(request, reply, modes, format, "theme.css");
  });

  app.get<DownloadRequest>(TOKENS_JSON_ROUTE, { onSend: noStore }, (request, reply) =>
    download(request, reply, modes, "DESIGN_TOKENS_JSON", "tokens.json"),
  );
}

async function download(
  request: FastifyRequest<DownloadRequest>,
  reply: FastifyReply,
  modes: Pick<ModeService, "getMode">,
  format: ThemeExportFormat,
  suffix: string,
): Promise<FastifyReply> {
  const { id } = request.params;
  // Checked before any lookup (the store may be Redis): a mode id is short snake_case, which
  // also makes it safe to echo in the 404 and in the file name.
  if (id.length > MODE_ID_MAX_LENGTH || !MODE_ID_PATTERN.test(id)) {
    return badRequest(
      reply,
      "id",
      `The path parameter "id" is a mode id: snake_case (${MODE_ID_PATTERN.source}), at most ${MODE_ID_MAX_LENGTH} characters.`,
    );
  }
  const mode = await modes.getMode(id, authenticatedPrincipal(request));
  if (mode === undefined) {
    return reply.code(404).send({
      errors: [
        {
          message: `No mode "${id}": not a built-in, nor one of the caller's modes still held.`,
          extensions: { code: "NOT_FOUND", id },
        },
      ],
    });
  }
  return reply
    .header("content-type", THEME_EXPORT_MEDIA_TYPES[format])
    .header("content-disposition", `attachment; filename="${id}-${suffix}"`)
    .header("x-content-type-options", "nosniff")
    .send(exportTheme(mode.theme, format));
}

/** 400 in the shape of every other refusal, naming the parameter at fault. */
function badRequest(reply: FastifyReply, parameter: string, message: string): FastifyReply {
  return reply.code(400).send({
    errors: [{ message, extensions: { code: "BAD_REQUEST", parameter } }],
  });
}
