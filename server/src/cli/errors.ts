// Errors that end the run with exit code 2 and a one-line message (never a stack trace).

/** Bad usage: unknown command or option, a malformed option value. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** Input the CLI cannot read: a missing path, a binary or oversized file, no permission. */
export class InputError extends Error {
  readonly exitCode = 2;
}
