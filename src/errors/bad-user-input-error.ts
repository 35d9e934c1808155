/**
 * Input the client must fix. Mapped to `extensions.code = "BAD_USER_INPUT"` in format-error.ts;
 * `field` names the offending input path (e.g. "input.industry") and is echoed to the client.
 * Thrown before any model call.
 */
export class BadUserInputError extends Error {
  override readonly name = "BadUserInputError";
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}
