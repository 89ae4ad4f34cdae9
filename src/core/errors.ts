import { Scrubber } from './scrub.js';

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

/**
 * One line, no stack. Unexpected errors say so, since they are bugs to report. An error's text may quote an outside
 * answer: every secret the run's scrubber knows is taken out (without one, Bearer/Basic credentials still are).
 */
export function describeError(error: unknown, scrubber: Scrubber = new Scrubber()): string {
  if (error instanceof InputError) return scrubber.scrub(error.message);
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return scrubber.scrub(`internal error: ${message} (please report this)`);
}
