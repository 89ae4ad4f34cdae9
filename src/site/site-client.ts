import { Agent, request, type Dispatcher } from 'undici';
import { networkWords, scrub } from '../online/api-failure.js';
import { errorCode, retryAfterMs } from '../online/http-client.js';
import { isHttpsOrLoopback } from '../engine/options.js';

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
  /** When retries stop: a point in time shared by every fetch of the run. */
  deadline: number;
  /** Vercel Deployment Protection bypass secret: sent only to the deployment's own origin, never printed. */
  bypass?: string;
  /** The deployment's origin: the only one that gets the bypass header. */
  origin: string;
}

const MAX_REDIRECTS = 5;
const MAX_ATTEMPTS = 3;
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/**
 * GET over HTTP(S) with undici for the deployed site: redirects followed by hand (at most 5, each to https or
 * loopback http, so the bypass secret never leaves the deployment's origin), a timeout per attempt, bounded retries
 * on 429/502/503/504 honouring `Retry-After` within the run's deadline, and a size cap read as the body streams.
 * Never throws; messages name the URL without its query (which may carry a token) and never the secret.
 */
export class SiteClient {
  private readonly dispatcher: Dispatcher;

  constructor(private readonly options: SiteClientOptions) {
    this.dispatcher = new Agent({
      connect: { timeout: options.timeoutMs },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs
    });
  }

  async get(start: URL, maxBytes: number): Promise<Fetched> {
    let url = start;
    for (let hop = 0; ; hop++) {
      const result = await this.withRetries(url, maxBytes);
      if (!('location' in result)) return result;
      if (hop >= MAX_REDIRECTS) return fail(url, 'redirect', `more than ${MAX_REDIRECTS} redirects`);
      let next: URL;
      try {
        next = new URL(result.location, url);
      } catch {
        return fail(url, 'redirect', 'a redirect to an invalid URL');
      }
      if (!isHttpsOrLoopback(next)) {
        return fail(url, 'redirect', `a redirect to ${shown(next)}, which is not https`);
      }
      url = next;
    }
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }

  private async withRetries(url: URL, maxBytes: number): Promise<Fetched | { location: string }> {
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(url, maxBytes);
      if (!('retryAfterMs' in result)) return result;
      const { retryAfterMs, ...failure } = result;
      if (attempt >= MAX_ATTEMPTS || Date.now() + retryAfterMs >= this.options.deadline) return failure;
      await new Promise((resolve) => setTimeout(resolve, retryAfterMs));
    }
  }

  private async attempt(
    url: URL,
    maxBytes: number
  ): Promise<Fetched | { location: string } | (Fetched & { retryAfterMs: number })> {
    const headers: Record<string, string> = {
      accept: 'text/html,application/javascript,*/*;q=0.8',
      'user-agent': 'clerk-production-gate'
    };
    if (this.options.bypass && url.origin === this.options.origin) {
      headers['x-vercel-protection-bypass'] = this.options.bypass;
    }
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        method: 'GET',
        headers,
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(this.options.timeoutMs)
      });
    } catch (error) {
      return this.networkFailure(url, error);
    }
    const status = response.statusCode;
    if (status >= 300 && status < 400 && typeof response.headers.location === 'string') {
      discard(response.body);
      return { location: response.headers.location };
    }
    if (status < 200 || status >= 300) {
      discard(response.body);
      if (status === 401) return fail(url, 'protected', 'HTTP 401 (the deployment is protected)', status);
      const failure = fail(url, 'http', `HTTP ${status}`, status);
      return RETRY_STATUSES.has(status)
        ? { ...failure, retryAfterMs: retryAfterMs(response.headers['retry-after']) }
        : failure;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          discard(response.body);
          return fail(url, 'too-large', `larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, status);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      return this.networkFailure(url, error);
    }
    const type = response.headers['content-type'];
    return {
      ok: true,
      url,
      status,
      contentType: (Array.isArray(type) ? type[0] : type) ?? '',
      body: Buffer.concat(chunks)
    };
  }

  private networkFailure(url: URL, error: unknown): Fetched {
    const code = errorCode(error);
    const timeout = code === 'TIMEOUT' || code.endsWith('_TIMEOUT') || code === 'ETIMEDOUT';
    const words = timeout ? `timed out after ${this.options.timeoutMs / 1000} s` : networkWords(code);
    return fail(url, timeout ? 'timeout' : 'network', scrub(words, this.options.bypass ? [this.options.bypass] : []));
  }
}

/** Drops a body not wanted: destroying undici's body emits an error no one else listens to, which would crash. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** The URL as messages show it: no user-info, query or fragment (any may carry a token). */
export function shown(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

function fail(url: URL, kind: Exclude<Fetched, { ok: true }>['kind'], reason: string, status?: number): Fetched {
  return { ok: false, url, kind, message: `GET ${shown(url)}: ${reason}`, ...(status !== undefined && { status }) };
}
