import type { LookupFunction } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import type * as z from 'zod/mini';
import { ClerkErrors } from './clerk-schemas.js';
import { describeFailure, TLS_CODES, type ApiFailure } from './api-failure.js';

export type CallResult<T> =
  { ok: true; status: number; data: T; endpoint: string } | { ok: false; failure: ApiFailure };

export interface HttpClientOptions {
  /** Per attempt: connecting, the headers and the body each must come within it. */
  timeoutMs: number;
  /** When retries must stop: a point in time (ms since the epoch) shared by every call of one run. */
  deadline: number;
  /** Values never to show (keys): scrubbed from anything the server or the network stack says. */
  secrets: readonly string[];
  /** Resolves host names to connect to (the `dns-servers` setting); the system's resolver when absent. */
  lookup?: LookupFunction;
}

/** Statuses worth trying again: rate limits and server errors that are often passing. */
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
const MAX_ATTEMPTS = 4;
/** The largest response body read; Clerk's are far smaller. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface Call<T> {
  method: 'GET' | 'POST';
  url: URL;
  headers?: Record<string, string>;
  schema: z.ZodMiniType<T>;
  /** Statuses that are answers with no body to validate (a DNS check that ran recently: 409). */
  accept?: readonly number[];
}

/**
 * JSON over HTTP(S) with undici: a timeout on every attempt, bounded retries on 429 and 5xx that honour
 * `Retry-After` within the run's deadline, the body validated with zod. Never throws: every failure comes back
 * as an ApiFailure whose text names the endpoint and never quotes a key or a header.
 */
export class HttpClient {
  private readonly dispatcher: Dispatcher;

  constructor(private readonly options: HttpClientOptions) {
    // Passed on to net.connect / tls.connect, which take a `lookup` (undici's types leave it out).
    const connect = { timeout: options.timeoutMs, ...(options.lookup && { lookup: options.lookup }) };
    this.dispatcher = new Agent({
      connect: connect as Agent.Options['connect'],
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs
    });
  }

  async call<T>(call: Call<T>): Promise<CallResult<T>> {
    const endpoint = `${call.method} ${call.url.origin}${call.url.pathname}`;
    // A call made straight from the answer of another has its connection back in the pool only after this turn:
    // without the wait, it would open a new connection (a TCP and a TLS round trip) instead of reusing that one.
    await new Promise((resolve) => setImmediate(resolve));
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(call, endpoint);
      if (result.ok || result.retryAfterMs === undefined || attempt >= MAX_ATTEMPTS) return strip(result);
      const wait = result.retryAfterMs;
      if (Date.now() + wait >= this.options.deadline) return strip(result);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }

  private async attempt<T>(call: Call<T>, endpoint: string): Promise<CallResult<T> & { retryAfterMs?: number }> {
    const fail = (failure: Omit<ApiFailure, 'endpoint' | 'message' | 'reason'>, retryAfterMs?: number) => ({
      ok: false as const,
      failure: describeFailure({ endpoint, ...failure }, this.options.secrets),
      ...(retryAfterMs !== undefined && { retryAfterMs })
    });
    let response: Dispatcher.ResponseData;
    try {
      response = await request(call.url, {
        method: call.method,
        headers: { accept: 'application/json', 'user-agent': 'clerk-production-gate', ...call.headers },
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(this.options.timeoutMs)
      });
    } catch (error) {
      const code = errorCode(error);
      return fail(
        { kind: networkKind(code), code },
        code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' ? 250 : undefined
      );
    }
    let text: string;
    try {
      text = await readBody(response.body);
    } catch (error) {
      return fail({ kind: networkKind(errorCode(error)), code: errorCode(error), status: response.statusCode });
    }
    const status = response.statusCode;
    if (call.accept?.includes(status)) return { ok: true, status, data: undefined as T, endpoint };
    if (status < 200 || status >= 300) {
      const body = parseJson(text);
      const errors = body === undefined ? undefined : ClerkErrors.safeParse(body);
      const clerk = errors?.success ? errors.data : undefined;
      const retry = RETRY_STATUSES.has(status) ? retryAfterMs(response.headers['retry-after']) : undefined;
      return fail({ kind: 'http', status, clerk }, retry);
    }
    const body = parseJson(text);
    if (body === undefined) return fail({ kind: 'invalid-response', status, detail: 'the body is not JSON' });
    const parsed = call.schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length ? issue.path.map(String).join('.') : '(the body)';
      return fail({ kind: 'invalid-response', status, detail: `unexpected ${field}: ${issue?.message ?? 'invalid'}` });
    }
    return { ok: true, status, data: parsed.data, endpoint };
  }
}

function strip<T>(result: CallResult<T> & { retryAfterMs?: number }): CallResult<T> {
  if (result.ok) return result;
  return { ok: false, failure: result.failure };
}

async function readBody(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      body.destroy();
      throw Object.assign(new Error('body too large'), { code: 'BODY_TOO_LARGE' });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `Retry-After` in seconds or as an HTTP date; 0.5 s, then the caller's cap, when absent. */
export function retryAfterMs(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return 500;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? 500 : Math.max(0, date - Date.now());
}

/** The error code of a network failure, looking through undici's and Node's wrappers. */
export function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { code, name } = current as { code?: unknown; name?: unknown };
    if (typeof code === 'string') return code;
    if (name === 'TimeoutError' || name === 'AbortError') return 'TIMEOUT';
    current = (current as { cause?: unknown }).cause;
  }
  return 'UNKNOWN';
}

function networkKind(code: string): ApiFailure['kind'] {
  if (TLS_CODES.test(code)) return 'tls';
  if (code === 'TIMEOUT' || code.endsWith('_TIMEOUT') || code === 'ETIMEDOUT') return 'timeout';
  return 'network';
}
