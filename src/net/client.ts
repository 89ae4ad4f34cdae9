import type { IncomingHttpHeaders } from 'node:http';
import type { LookupFunction } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import { isInternalAddress } from './address.js';
import type { Deadline } from './deadline.js';
import { errorCode, networkKind, networkWords } from './errors.js';
import { guardedLookup } from './lookup.js';
import { MAX_REDIRECTS, REDIRECT_STATUSES, redirectTarget, shownUrl } from './redirect.js';
import { retryPause, sleep, type AttemptOutcome } from './retry.js';

interface NetClientOptions {
  /** Per call: connecting, the headers and the body each must come within it (and within the deadline). */
  timeoutMs: number;
  /** Resolves host names to connect to (the `dns-servers` setting); the system's resolver when absent. */
  lookup?: LookupFunction;
}

interface NetCall {
  method: 'GET' | 'POST';
  url: URL;
  /** Sent on every hop: must hold no secret. */
  headers?: Record<string, string>;
  /** Sent only to the first URL's origin (a key, a bypass secret): never across a redirect to another origin. */
  secretHeaders?: Record<string, string>;
  /** The largest body read; reading stops there. */
  maxBytes: number;
  deadline: Deadline;
}

interface NetResponse {
  ok: true;
  url: URL;
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface NetFailure {
  ok: false;
  url: URL;
  kind: 'network' | 'tls' | 'timeout' | 'too-large' | 'redirect';
  /** `ECONNREFUSED`, `TIMEOUT`, `BODY_TOO_LARGE`, `ERR_REDIRECT_REFUSED`… */
  code: string;
  /** Why, in words, without the URL. */
  reason: string;
  status?: number;
}

type NetResult = NetResponse | NetFailure;

type Attempt = NetResult | { ok: 'redirect'; location: string; status: number };

/**
 * The one network client of the gate, on undici: every call has a timeout bounded by the check's deadline, a body
 * read as it streams and stopped at its cap, the retry policy of retry.ts, and redirects (GET only) followed by hand
 * under the policy of redirect.ts. Hops to another host than the first URL's connect through a lookup that refuses
 * internal addresses, unless the first URL was an internal address itself. Never throws.
 */
export class NetClient {
  private readonly open: Dispatcher;
  private readonly guarded: Dispatcher;

  constructor(private readonly options: NetClientOptions) {
    this.open = netAgent(options.timeoutMs, options.lookup);
    this.guarded = netAgent(options.timeoutMs, guardedLookup(options.lookup));
  }

  async request(call: NetCall): Promise<NetResult> {
    const first = call.url;
    const firstInternal = isInternalAddress(first.hostname);
    let url = first;
    for (let hop = 0; ; hop++) {
      const dispatcher = firstInternal || url.host === first.host ? this.open : this.guarded;
      const headers = url.origin === first.origin ? { ...call.headers, ...call.secretHeaders } : { ...call.headers };
      const result = await this.withRetries(call, url, headers, dispatcher);
      if (result.ok !== 'redirect') return result;
      if (hop >= MAX_REDIRECTS)
        return failure(url, 'redirect', 'ERR_TOO_MANY_REDIRECTS', `more than ${MAX_REDIRECTS} redirects`);
      const next = redirectTarget(url, result.location, firstInternal);
      if (!next.ok) return failure(url, 'redirect', 'ERR_REDIRECT_REFUSED', next.reason);
      url = next.url;
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.open.close(), this.guarded.close()]);
  }

  private async withRetries(
    call: NetCall,
    url: URL,
    headers: Record<string, string>,
    dispatcher: Dispatcher
  ): Promise<Attempt> {
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(call, url, headers, dispatcher);
      const outcome: AttemptOutcome | undefined =
        result.ok === true
          ? { status: result.status, retryAfter: result.headers['retry-after'] }
          : result.ok === false && result.kind !== 'too-large' && result.kind !== 'redirect'
            ? { code: result.code }
            : undefined;
      const pause = outcome && retryPause(outcome, attempt, call.deadline);
      if (pause === undefined) return result;
      await sleep(pause);
    }
  }

  private async attempt(
    call: NetCall,
    url: URL,
    headers: Record<string, string>,
    dispatcher: Dispatcher
  ): Promise<Attempt> {
    if (call.deadline.expired()) return this.timedOut(url, call.deadline);
    const signal = call.deadline.signal(this.options.timeoutMs);
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, { method: call.method, headers, dispatcher, signal });
    } catch (error) {
      return this.networkFailure(url, error, call.deadline);
    }
    const status = response.statusCode;
    const location = response.headers.location;
    if (call.method === 'GET' && REDIRECT_STATUSES.has(status) && typeof location === 'string') {
      discard(response.body);
      return { ok: 'redirect', location, status };
    }
    try {
      const body = await readCapped(response.body, call.maxBytes);
      if (body === undefined) {
        const size =
          call.maxBytes >= 1024 * 1024 ? `${Math.round(call.maxBytes / 1024 / 1024)} MB` : `${call.maxBytes} bytes`;
        return { ...failure(url, 'too-large', 'BODY_TOO_LARGE', `larger than ${size}`), status };
      }
      return { ok: true, url, status, headers: response.headers, body };
    } catch (error) {
      return { ...this.networkFailure(url, error, call.deadline), status };
    }
  }

  private networkFailure(url: URL, error: unknown, deadline: Deadline): NetFailure {
    const code = errorCode(error);
    const kind = networkKind(code);
    if (kind === 'timeout') return this.timedOut(url, deadline);
    if (code === 'ERR_INTERNAL_ADDRESS') {
      return failure(url, 'redirect', code, `a redirect to ${shownUrl(url)} was refused: ${networkWords(code)}`);
    }
    return failure(url, kind, code, networkWords(code));
  }

  private timedOut(url: URL, deadline: Deadline): NetFailure {
    const reason = deadline.expired()
      ? `the time budget of ${deadline.budgetMs / 1000} s ran out`
      : `timed out after ${this.options.timeoutMs / 1000} s`;
    return failure(url, 'timeout', 'TIMEOUT', reason);
  }
}

/** An undici Agent whose connect, headers and body each time out after `timeoutMs`, resolving through `lookup`. */
export function netAgent(timeoutMs: number, lookup: LookupFunction | undefined): Dispatcher {
  // Passed on to net.connect / tls.connect, which take a `lookup` (undici's types leave it out).
  const connect = { timeout: timeoutMs, ...(lookup && { lookup }) };
  return new Agent({
    connect: connect as Agent.Options['connect'],
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs
  });
}

function failure(url: URL, kind: NetFailure['kind'], code: string, reason: string): NetFailure {
  return { ok: false, url, kind, code, reason };
}

/** The body, or undefined once it passes `maxBytes` (the rest is not read). */
async function readCapped(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      discard(body);
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Drops a body not wanted: destroying undici's body emits an error no one else listens to, which would crash. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}
