import type { Scrubber } from '../core/scrub.js';
import type { Deadline } from '../net/deadline.js';
import type { Credentials } from './credentials.js';
import type { OnlineResult } from './outcome.js';

/**
 * What the engine needs to know of the online checks without loading them: their settings, and when they do not
 * run. The checks themselves (src/online/run-online.ts: undici, TLS, DNS) come from the shell: the action imports
 * them, the CLI loads them only for a run that is not offline.
 */
export interface OnlineSettings {
  offline: boolean;
  isProduction: boolean;
  /** Per call. The online checks end within four times this (net/deadline.ts). */
  apiTimeoutMs: number;
  /** The run's deadline, which the online checks' own one never passes. */
  deadline?: Deadline;
  /** What a failed call means, other than a refused key (always a failure). */
  onApiError: 'fail' | 'warn';
  clerkApiUrl: string;
  /** `ip[:port]`; the system's resolver when empty. */
  dnsServers: readonly string[];
  /** Ask the Platform API to check the DNS again before reading its status. */
  dnsCheck: boolean;
  /** The run's scrubber (core/scrub.ts); the checks add the keys they use. A new one when absent. */
  scrubber?: Scrubber;
}

/** The online checks, as the shell hands them to the engine. */
export type OnlineChecks = (sets: readonly Credentials[], settings: OnlineSettings) => Promise<OnlineResult>;

/** Why the online checks do not run at all, or undefined when they do. */
export function whyNotOnline(
  settings: Pick<OnlineSettings, 'offline' | 'isProduction'>,
  sets: readonly Credentials[]
): string | undefined {
  if (settings.offline) return 'offline mode';
  if (!settings.isProduction) return 'applies to production environments only';
  if (sets.length === 0) return 'no Clerk key was read';
  return undefined;
}
