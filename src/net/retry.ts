import type { Deadline } from './deadline.js';

/**
 * The one retry policy of every call the gate makes itself (the Clerk APIs, the deployed site):
 *
 * - At most 3 attempts (the first and two retries).
 * - Retried: HTTP 429, 500, 502, 503 and 504, and a connection reset or closed before an answer (ECONNRESET,
 *   UND_ERR_SOCKET). Not retried: timeouts (the time is spent), refused connections, TLS failures, other statuses.
 * - The pause is the server's `Retry-After` (seconds, or an HTTP date) when it sends one, 0 included; otherwise
 *   0.5 s for a status and 0.25 s for a reset connection.
 * - A pause that would end at or past the deadline is not taken: the last answer or failure stands at once.
 *
 * Vendor SDKs (Octokit, @vercel/sdk, @netlify/api) keep their own retries; they get the same timeouts and deadline
 * through `netFetch`.
 */
export const MAX_ATTEMPTS = 3;
const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
const RETRY_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'UND_ERR_SOCKET']);
const STATUS_PAUSE_MS = 500;
const RESET_PAUSE_MS = 250;

/** What went wrong with one attempt, as far as retrying goes. */
export type AttemptOutcome = { status: number; retryAfter?: string | string[] } | { code: string };

/** How long to pause before attempt `attempt + 1`, or undefined to stop with this outcome. */
export function retryPause(outcome: AttemptOutcome, attempt: number, deadline: Deadline): number | undefined {
  if (attempt >= MAX_ATTEMPTS) return undefined;
  let pause: number | undefined;
  if ('status' in outcome) {
    pause = RETRY_STATUSES.has(outcome.status) ? (retryAfterMs(outcome.retryAfter) ?? STATUS_PAUSE_MS) : undefined;
  } else {
    pause = RETRY_CODES.has(outcome.code) ? RESET_PAUSE_MS : undefined;
  }
  if (pause === undefined || pause >= deadline.remainingMs()) return undefined;
  return pause;
}

/** `Retry-After` (seconds or an HTTP date) in milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(header: string | string[] | null | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
