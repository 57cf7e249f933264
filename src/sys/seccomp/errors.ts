/**
 * A seccomp profile or a `seccomp:` value the user wrote is wrong. The
 * message names the file, the line and column, and the JSON path of the
 * offending value, and, when the profile was named by a topology, where.
 */
export class SeccompProfileError extends Error {
  override readonly name = 'SeccompProfileError';
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly jsonPath: string | undefined;
  /** Where the profile was asked for (the topology's file:line), if known. */
  readonly origin: string | undefined;

  constructor(
    what: string,
    where: { file?: string; line?: number; column?: number; jsonPath?: string; origin?: string } = {},
    options?: ErrorOptions,
  ) {
    const loc = [where.file, where.line, where.column].filter((p) => p !== undefined).join(':');
    const parts = [loc, where.jsonPath].filter((p) => p);
    const message = `${parts.length ? `${parts.join(': ')}: ` : ''}${what}${where.origin ? ` (seccomp profile named at ${where.origin})` : ''}`;
    super(message, options);
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.jsonPath = where.jsonPath;
    this.origin = where.origin;
  }
}
