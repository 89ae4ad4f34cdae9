import type { LookupFunction } from 'node:net';
import { Scrubber } from '../core/scrub.js';
import { NetClient } from '../net/client.js';
import type { Deadline } from '../net/deadline.js';
import { shownUrl } from '../net/redirect.js';

/** What fetching a page or chunk of the deployed site gave. */
export type Fetched =
  | { ok: true; url: URL; status: number; contentType: string; body: Buffer }
  | {
      ok: false;
      url: URL;
      kind: 'protected' | 'http' | 'network' | 'timeout' | 'too-large' | 'redirect';
      message: string;
      status?: number;
    };

export interface SiteClientOptions {
  timeoutMs: number;
  /** The deployed-site check's deadline: no fetch, retry pause or redirect hop goes past it. */
  deadline: Deadline;
  /** Vercel Deployment Protection bypass secret: sent only to the deployment's own origin, never printed. */
  bypass?: string;
  /** The deployment's origin: the only one that gets the bypass header. */
  origin: string;
  /** The `dns-servers` lookup, when set. */
  lookup?: LookupFunction;
  /** The run's scrubber (it learns the bypass secret here); one of its own when absent. */
  scrubber?: Scrubber;
}

/**
 * GET for the deployed site on the gate's network client (net/): redirects under its policy (the bypass secret
 * never leaves the deployment's origin, no hop to an internal address), the one retry policy, and a size cap read
 * as the body streams, all within the check's deadline. Never throws; messages name the URL without its query (which
 * may carry a token) and never the secret.
 */
export class SiteClient {
  private readonly net: NetClient;
  private readonly scrubber: Scrubber;

  constructor(private readonly options: SiteClientOptions) {
    this.net = new NetClient({ timeoutMs: options.timeoutMs, ...(options.lookup && { lookup: options.lookup }) });
    this.scrubber = Scrubber.of(options.scrubber, [options.bypass]);
  }

  async get(url: URL, maxBytes: number): Promise<Fetched> {
    const { bypass, origin, deadline } = this.options;
    const result = await this.net.request({
      method: 'GET',
      url,
      headers: { accept: 'text/html,application/javascript,*/*;q=0.8', 'user-agent': 'clerk-production-gate' },
      ...(bypass && url.origin === origin && { secretHeaders: { 'x-vercel-protection-bypass': bypass } }),
      maxBytes,
      deadline
    });
    if (!result.ok) {
      const kind = result.kind === 'tls' ? 'network' : result.kind;
      const reason = this.scrubber.scrub(result.reason);
      return fail(result.url, kind, reason, result.kind === 'too-large' ? result.status : undefined);
    }
    const { status } = result;
    if (status === 401) return fail(result.url, 'protected', 'HTTP 401 (the deployment is protected)', status);
    if (status < 200 || status >= 300) return fail(result.url, 'http', `HTTP ${status}`, status);
    const type = result.headers['content-type'];
    return {
      ok: true,
      url: result.url,
      status,
      contentType: (Array.isArray(type) ? type[0] : type) ?? '',
      body: result.body
    };
  }

  close(): Promise<void> {
    return this.net.close();
  }
}

/** The URL as messages show it: no user-info, query or fragment (any may carry a token). */
export const shown = shownUrl;

function fail(url: URL, kind: Exclude<Fetched, { ok: true }>['kind'], reason: string, status?: number): Fetched {
  return { ok: false, url, kind, message: `GET ${shown(url)}: ${reason}`, ...(status !== undefined && { status }) };
}
