import { expandInputProblems } from "../errors/format-error.js";
import type { RequestHooks } from "./request-hooks.js";

/**
 * Bad input reports every bad field at once: one BAD_USER_INPUT error per field, each with
 * `extensions.field`. formatError answers one error per thrown error, so the later problems of a
 * BadUserInputError are added here, after formatting and before the response is sent.
 */
export const inputProblems: RequestHooks = {
  async willSendResponse({ response }) {
    if (response.body.kind !== "single") return;
    const { singleResult } = response.body;
    if (singleResult.errors) singleResult.errors = expandInputProblems(singleResult.errors);
  },
};
