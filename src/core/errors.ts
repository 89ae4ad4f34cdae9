/**
 * A problem with what the user gave us (missing file, broken JSON, malformed dotenv, unknown option).
 * Shells print `message` as one line and exit with code 2; no stack trace is ever shown.
 * Messages name the file and line (or the endpoint) and never include a scanned value.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

export const EXIT_PASSED = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** One line, no stack. Unexpected errors say so, since they are bugs to report. */
export function describeError(error: unknown): string {
  if (error instanceof InputError) return error.message;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `internal error: ${message} (please report this)`;
}
