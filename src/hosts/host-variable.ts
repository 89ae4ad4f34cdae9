import { isHttpsOrLoopback } from '../net/address.js';

/**
 * What a host client (Vercel, Netlify) hands back: the variables of one project for one deploy target, or one line
 * that says what went wrong and what to fix. Shared helpers for both clients live here too: the rule for API base URLs, and bounded concurrency
 * (scrubbing is core/scrub.ts).
 */

export interface HostVariable {
  name: string;
  /** The value, only for names the caller asked for (`wanted`) and only when the host let it be read. */
  value?: string;
  /** The host holds the value write-only (Vercel `type: "sensitive"`, Netlify `is_secret` without a value). */
  sensitive: boolean;
}

interface HostRead {
  host: 'vercel' | 'netlify';
  /** The project (Vercel) or site (Netlify), id or name as given or resolved. */
  project: string;
  /** `production`, `preview`, a Vercel custom environment's slug, or a Netlify context (`branch:<name>` too). */
  target: string;
  /** The project's Environment Variables settings page. */
  settingsUrl?: string;
  variables: HostVariable[];
  /**
   * Vercel only: how many production variables the token was not allowed to see (`hiddenProductionEnvCount`, sent
   * when the token's user has a role without access to production secrets). Absent when none were hidden.
   */
  hidden?: number;
  /** Why not every variable was read (a list cut short by its page bound or the time budget); absent when all were. */
  incomplete?: string;
}

export type HostOutcome =
  | { ok: true; read: HostRead }
  | {
      ok: false;
      status?: number;
      /** One line naming the host, the project and what to fix; never a token. */
      message: string;
    };

/** One line, at most `max` characters, for text a server or an SDK produced. */
export function oneLine(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The API base URL to use, or why not: `https:` anywhere; plain `http:` only on a loopback IP (127.0.0.0/8 or ::1),
 * because the token travels with every call. A host name such as `localhost` is not enough (it resolves through
 * whatever the machine's resolver says).
 */
export function checkApiUrl(raw: string, variable: string): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: `${variable} is not a URL: set it to an https:// URL (or unset it)` };
  }
  if (url.username || url.password) {
    return { ok: false, message: `${variable} carries user info: remove it, the token is sent as a header` };
  }
  if (isHttpsOrLoopback(url)) return { ok: true, url };
  const shown = `${url.protocol}//${url.host}`;
  return {
    ok: false,
    message:
      url.protocol === 'http:'
        ? `${variable} (${shown}) is plain http on a host that is not a loopback IP: use https (the token travels with every call)`
        : `${variable} (${shown}) must be an https:// URL`
  };
}

/**
 * Runs `task` over `items` with at most `limit` in flight, in order of the items. Stops starting new tasks once
 * `stop(result)` says so (a failure), and resolves with the results so far (undefined where never started).
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
  stop: (result: R) => boolean = () => false
): Promise<(R | undefined)[]> {
  const results: (R | undefined)[] = new Array<R | undefined>(items.length).fill(undefined);
  let next = 0;
  let stopped = false;
  const worker = async (): Promise<void> => {
    while (!stopped && next < items.length) {
      const index = next++;
      const result = await task(items[index] as T);
      results[index] = result;
      if (stop(result)) stopped = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
