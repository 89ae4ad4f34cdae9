import type { LookupFunction } from 'node:net';
import type * as z from 'zod/mini';
import { NetClient } from '../net/client.js';
import type { Scrubber } from '../core/scrub.js';
import type { Deadline } from '../net/deadline.js';
import { ClerkErrors } from './clerk-schemas.js';
import { describeFailure, type ApiFailure } from './api-failure.js';

export type CallResult<T> =
  { ok: true; status: number; data: T; endpoint: string } | { ok: false; failure: ApiFailure };

export interface HttpClientOptions {
  /** Per call: connecting, the headers and the body each must come within it. */
  timeoutMs: number;
  /** The online check's deadline: no call, retry pause or hop goes past it. */
  deadline: Deadline;
  /** The run's scrubber: every secret it knows is scrubbed from anything the server or the network stack says. */
  scrubber: Scrubber;
  /** Resolves host names to connect to (the `dns-servers` setting); the system's resolver when absent. */
  lookup?: LookupFunction;
}

/** The largest response body read; Clerk's are far smaller. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface Call<T> {
  method: 'GET' | 'POST';
  url: URL;
  /** Sent only to `url`'s origin (they carry the key). */
  headers?: Record<string, string>;
  schema: z.ZodMiniType<T>;
  /** Statuses that are answers with no body to validate (a DNS check that ran recently: 409). */
  accept?: readonly number[];
}

/**
 * JSON over HTTP(S) to the Clerk APIs, on the gate's network client (net/: timeouts within the deadline, the one
 * retry policy, capped bodies), the body validated with zod. Never throws: every failure comes back as an
 * ApiFailure whose text names the endpoint and never quotes a key or a header.
 */
export class HttpClient {
  private readonly net: NetClient;

  constructor(private readonly options: HttpClientOptions) {
    this.net = new NetClient({ timeoutMs: options.timeoutMs, ...(options.lookup && { lookup: options.lookup }) });
  }

  async call<T>(call: Call<T>): Promise<CallResult<T>> {
    const endpoint = `${call.method} ${call.url.origin}${call.url.pathname}`;
    const fail = (failure: Omit<ApiFailure, 'endpoint' | 'message' | 'reason'>): CallResult<T> => ({
      ok: false,
      failure: describeFailure({ endpoint, ...failure }, this.options.scrubber)
    });
    // A call made straight from the answer of another has its connection back in the pool only after this turn:
    // without the wait, it would open a new connection (a TCP and a TLS round trip) instead of reusing that one.
    await new Promise((resolve) => setImmediate(resolve));
    const result = await this.net.request({
      method: call.method,
      url: call.url,
      headers: { accept: 'application/json', 'user-agent': 'clerk-production-gate' },
      ...(call.headers && { secretHeaders: call.headers }),
      maxBytes: MAX_BODY_BYTES,
      deadline: this.options.deadline
    });
    if (!result.ok) {
      const kind = result.kind === 'too-large' || result.kind === 'redirect' ? 'network' : result.kind;
      return fail({ kind, code: result.code, ...(result.status !== undefined && { status: result.status }) });
    }
    const { status } = result;
    if (call.accept?.includes(status)) return { ok: true, status, data: undefined as T, endpoint };
    const body = parseJson(result.body.toString('utf8'));
    if (status < 200 || status >= 300) {
      const errors = body === undefined ? undefined : ClerkErrors.safeParse(body);
      return fail({ kind: 'http', status, ...(errors?.success && { clerk: errors.data }) });
    }
    if (body === undefined) return fail({ kind: 'invalid-response', status, detail: 'the body is not JSON' });
    const parsed = call.schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length ? issue.path.map(String).join('.') : '(the body)';
      return fail({ kind: 'invalid-response', status, detail: `unexpected ${field}: ${issue?.message ?? 'invalid'}` });
    }
    return { ok: true, status, data: parsed.data, endpoint };
  }

  close(): Promise<void> {
    return this.net.close();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
