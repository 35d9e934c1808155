import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { bearerCredential } from "../auth/credentials.js";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * An onRequest hook that answers 401 unless the request carries `Authorization: Bearer <token>`.
 * Digests are compared in constant time (equal lengths whatever the token's length).
 */
export function requireBearerToken(token: string) {
  const expected = digest(token);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    let presented: string | undefined;
    try {
      presented = bearerCredential(request.headers);
    } catch {
      presented = undefined;
    }
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) return;
    await reply
      .code(401)
      .header("www-authenticate", 'Bearer realm="metrics"')
      .send({ error: 'Unauthorized: send the metrics token as "Authorization: Bearer <token>"' });
  };
}
