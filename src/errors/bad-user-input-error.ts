/** One thing wrong with the client's input: the field (e.g. "input.industry") and why. */
export interface InputProblem {
  readonly field: string;
  readonly message: string;
  /** The configuration variable of the limit the input broke, when it broke one. */
  readonly limit?: string;
}

/**
 * Input the client must fix, thrown before any model call. Carries every problem found, so a
 * client learns about all its bad fields at once: each becomes its own GraphQL error with
 * `extensions.code = "BAD_USER_INPUT"` and `extensions.field` (format-error.ts), and
 * `extensions.limit` naming the variable when a size limit was broken.
 */
export class BadUserInputError extends Error {
  override readonly name = "BadUserInputError";
  readonly problems: readonly InputProblem[];

  constructor(field: string, message: string, limit?: string) {
    super(message);
    this.problems = [limit === undefined ? { field, message } : { field, message, limit }];
  }

  /** The field of the first problem. */
  get field(): string {
    return this.problems[0]!.field;
  }

  /** One error carrying every problem of `errors`, in order. */
  static combine(errors: readonly BadUserInputError[]): BadUserInputError {
    if (errors.length === 1) return errors[0]!;
    const problems = errors.flatMap((error) => error.problems);
    const combined = new BadUserInputError(problems[0]!.field, problems[0]!.message);
    (combined as { problems: readonly InputProblem[] }).problems = problems;
    combined.message = problems.map((problem) => problem.message).join("; ");
    return combined;
  }
}

/**
 * Runs independent input checks and reports every failure at once. Each check throws
 * BadUserInputError or returns its checked value; `run` records the failure and returns undefined
 * so the next check still runs, and `throwIfAny` throws them together.
 */
export class InputChecks {
  private readonly failures: BadUserInputError[] = [];

  run<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      this.failures.push(error);
      return undefined;
    }
  }

  get failed(): boolean {
    return this.failures.length > 0;
  }

  throwIfAny(): void {
    if (this.failures.length > 0) throw BadUserInputError.combine(this.failures);
  }
}
