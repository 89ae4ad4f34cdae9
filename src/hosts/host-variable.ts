/**
 * What a host client (Vercel, Netlify) hands back: the variables of one project for one deploy target, or one line
 * that says what went wrong and what to fix. Shared helpers for both clients live here too: scrubbing the token out
 * of anything an SDK says, the rule for API base URLs, and bounded concurrency.
 */

export interface HostVariable {
  name: string;
  /** The value, only for names the caller asked for (`wanted`) and only when the host let it be read. */
  value?: string;
  /** The host holds the value write-only (Vercel `type: "sensitive"`, Netlify `is_secret` without a value). */
  sensitive: boolean;
}

export interface HostRead {
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

/** What replaces a token, a bearer credential or an authorization header's value. */
export const SCRUBBED = '[token hidden]';

/**
 * The text with the token taken out: as it is, percent-encoded, in base64, and any `Bearer …` credential whatever
 * it is. An empty token leaves the text as it is (apart from `Bearer …`).
 */
export function scrubToken(text: string, token: string): string {
  let out = text;
  if (token.length > 0) {
    const forms = new Set([token, encodeURIComponent(token), Buffer.from(token).toString('base64')]);
    for (const form of forms) out = out.split(form).join(SCRUBBED);
  }
  return out.replace(/\b(bearer\s+)(?!\[token hidden\])[^\s"',;}\]]+/gi, `$1${SCRUBBED}`);
}

const AUTH_KEYS = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key)$/i;

/**
 * A deep, plain copy of anything an SDK threw (an Error with `cause`, `data.headers`, a `Headers`, a `Response`),
 * with every authorization-like header dropped and every string scrubbed of the token. Cycles and depth are bounded;
 * functions are left out. Use it before reading any field of an SDK error into a message.
 */
export function scrubDeep(value: unknown, token: string): unknown {
  const seen = new WeakSet<object>();
  const walk = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string') return scrubToken(item, token);
    if (item === null || typeof item !== 'object') return typeof item === 'function' ? undefined : item;
    if (seen.has(item) || depth > 8) return '[…]';
    seen.add(item);
    if (item instanceof URL) return scrubToken(item.href, token);
    if (typeof Headers !== 'undefined' && item instanceof Headers) {
      return walk(Object.fromEntries(item.entries()), depth + 1);
    }
    if (Array.isArray(item)) return item.slice(0, 100).map((entry) => walk(entry, depth + 1));
    const out: Record<string, unknown> = {};
    // An Error's message, name, stack and cause are not enumerable: take them explicitly.
    const keys = new Set(Object.keys(item));
    // (An error from another realm, such as fetch's under a test runner's VM, is not `instanceof Error`.)
    if (item instanceof Error || Object.prototype.toString.call(item) === '[object Error]') {
      for (const key of ['name', 'message', 'stack', 'cause']) keys.add(key);
    }
    for (const key of keys) {
      if (AUTH_KEYS.test(key)) {
        out[key] = SCRUBBED;
        continue;
      }
      let entry: unknown;
      try {
        entry = (item as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      const copied = walk(entry, depth + 1);
      if (copied !== undefined) out[key] = copied;
    }
    return out;
  };
  return walk(value, 0);
}

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
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && isLoopbackIp(url.hostname)) return { ok: true, url };
  const shown = `${url.protocol}//${url.host}`;
  return {
    ok: false,
    message:
      url.protocol === 'http:'
        ? `${variable} (${shown}) is plain http on a host that is not a loopback IP: use https (the token travels with every call)`
        : `${variable} (${shown}) must be an https:// URL`
  };
}

export function isLoopbackIp(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === '::1') return true;
  const parts = host.split('.');
  return parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
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

/** `Retry-After` (seconds or an HTTP date) in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined): number | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
