/**
 * HttpClient in-process against the fake Clerk over plain HTTP (and HTTPS for TLS errors): retries and
 * Retry-After within the run's deadline, the attempt cap, the per-attempt timeout, failures in words, and keys
 * scrubbed from whatever the server says.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import * as z from 'zod/mini';
import { redact } from '../../src/core/redact.js';
import { Scrubber } from '../../src/core/scrub.js';
import { Deadline } from '../../src/net/deadline.js';
import { Instance } from '../../src/online/clerk-schemas.js';
import { HttpClient, type CallResult } from '../../src/online/http-client.js';
import {
  healthyProduction,
  KEYS,
  startFakeClerk,
  withFaults,
  type Faults,
  type FakeClerk
} from '../fakes/clerk-server.js';
import { serverCertificate, untrustedCertificate } from '../fakes/test-ca.js';
import { fakeSecret } from '../helpers/keys.js';

let fake: FakeClerk;
const clients: HttpClient[] = [];

beforeAll(async () => {
  fake = await startFakeClerk(healthyProduction());
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await fake.close();
});

/** A client whose retries stop `budgetMs` from now. */
function client(options: { timeoutMs?: number; budgetMs?: number; secrets?: string[] } = {}): HttpClient {
  const created = new HttpClient({
    timeoutMs: options.timeoutMs ?? 2000,
    deadline: Deadline.after(options.budgetMs ?? 6000),
    scrubber: new Scrubber(options.secrets ?? [KEYS.live])
  });
  clients.push(created);
  return created;
}

/** GET /v1/instance on `origin` with `key`, timed. */
async function getInstance(
  c: HttpClient,
  key: string = KEYS.live,
  origin: string = fake.url
): Promise<{ result: CallResult<z.infer<typeof Instance>>; ms: number }> {
  const started = performance.now();
  const result = await c.call({
    method: 'GET',
    url: new URL('/v1/instance', origin),
    headers: { authorization: `Bearer ${key}` },
    schema: Instance
  });
  return { result, ms: performance.now() - started };
}

/** The fake with these faults, and its request record cleared. */
function faults(f: Faults): void {
  fake.setScenario(withFaults(healthyProduction(), f));
  fake.requests.length = 0;
}

function failureOf<T>(result: CallResult<T>) {
  if (result.ok) throw new Error('expected a failure');
  return result.failure;
}

// The fake is shared: these tests change its scenario, so they run one at a time.
describe('retries', () => {
  it('answers at once when nothing goes wrong, with the data the schema parsed', async () => {
    faults({});
    const { result } = await getInstance(client());
    expect(result).toEqual({
      ok: true,
      status: 200,
      data: expect.objectContaining({ object: 'instance', environment_type: 'production' }),
      endpoint: `GET ${fake.url}/v1/instance`
    });
    expect(fake.requestsTo('instance')).toHaveLength(1);
  });

  it('honours Retry-After within the deadline: waits, then retries and gets the answer', async () => {
    faults({ instance: { kind: 'status', status: 429, retryAfter: 1, times: 1 } });
    const { result, ms } = await getInstance(client({ budgetMs: 5000 }));
    expect(result.ok).toBe(true);
    expect(fake.requestsTo('instance').map((r) => r.outcome)).toEqual([429, 200]);
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(3000);
  });

  it('does not wait past the deadline: a Retry-After beyond the budget stops retrying at once', async () => {
    faults({ instance: { kind: 'status', status: 429, retryAfter: 30, times: 1 } });
    const { result, ms } = await getInstance(client({ budgetMs: 3000 }));
    expect(failureOf(result)).toMatchObject({ kind: 'http', status: 429 });
    expect(failureOf(result).message).toMatch(/: HTTP 429, too_many_requests: rate limited by Clerk \(Clerk trace id /);
    expect(fake.requestsTo('instance')).toHaveLength(1);
    expect(ms).toBeLessThan(1000);
  });

  it('a 5xx without Retry-After is retried after a short pause', async () => {
    faults({ instance: { kind: 'status', status: 502, times: 1 } });
    const { result, ms } = await getInstance(client());
    expect(result.ok).toBe(true);
    expect(fake.requestsTo('instance').map((r) => r.outcome)).toEqual([502, 200]);
    expect(ms).toBeLessThan(2000);
  });

  it('stops after three attempts (the one retry policy, net/retry.ts), with the last failure and its trace id', async () => {
    faults({ instance: { kind: 'status', status: 503, retryAfter: 0.01 } });
    const { result } = await getInstance(client());
    const requests = fake.requestsTo('instance');
    expect(requests).toHaveLength(3);
    expect(failureOf(result).message).toBe(
      `GET ${fake.url}/v1/instance: HTTP 503, service_unavailable: Service unavailable (Clerk trace id ${requests[2]?.traceId})`
    );
  });

  it('does not retry what a retry cannot fix (401, 404, a bad body)', async () => {
    for (const fault of [
      { kind: 'status', status: 401 },
      { kind: 'status', status: 404 },
      { kind: 'wrong-schema' }
    ] as const) {
      faults({ instance: fault });
      const { result } = await getInstance(client());
      expect(result.ok).toBe(false);
      expect(fake.requestsTo('instance')).toHaveLength(1);
    }
  });

  it('a reset connection is retried', async () => {
    faults({ instance: { kind: 'reset', times: 2 } });
    const { result } = await getInstance(client());
    expect(result.ok).toBe(true);
    expect(fake.requestsTo('instance').map((r) => r.outcome)).toEqual(['reset', 'reset', 200]);
  });

  // BUG (src/online/http-client.ts, HttpClient.call): `if (... || !result.retryAfterMs || ...) return` treats a
  // wait of 0 ms as "not retryable", so `Retry-After: 0` ("retry now") on a 429 or 503 is never retried.
  // Expected: a second attempt at once, and the answer; actual: the 503 failure after one request.
  it('Retry-After: 0 means retry at once, not never', async () => {
    faults({ instance: { kind: 'status', status: 503, retryAfter: 0, times: 1 } });
    const { result } = await getInstance(client());
    expect(fake.requestsTo('instance').map((r) => r.outcome)).toEqual([503, 200]);
    expect(result.ok).toBe(true);
  });
});

describe('timeouts', () => {
  it('each attempt has its timeout: a server that never answers fails in about that time', async () => {
    faults({ instance: { kind: 'timeout' } });
    const { result, ms } = await getInstance(client({ timeoutMs: 300 }));
    expect(failureOf(result)).toMatchObject({ kind: 'timeout' });
    expect(failureOf(result).message).toMatch(new RegExp(`^GET ${fake.url}/v1/instance: timed out`));
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(1500);
    expect(fake.requestsTo('instance')).toHaveLength(1);
  });

  it('a slow answer (800 ms) is a timeout for a 300 ms attempt, and an answer for a 2 s one', async () => {
    faults({ instance: { kind: 'delay', ms: 800 } });
    expect(failureOf((await getInstance(client({ timeoutMs: 300 }))).result).kind).toBe('timeout');
    expect((await getInstance(client({ timeoutMs: 2000 }))).result.ok).toBe(true);
  });
});

describe('failures in words', () => {
  it('a refused connection', async () => {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { result } = await getInstance(client(), KEYS.live, `http://127.0.0.1:${port}`);
    expect(failureOf(result)).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    expect(failureOf(result).message).toBe(`GET http://127.0.0.1:${port}/v1/instance: connection refused`);
  });

  it('a connection reset every time', async () => {
    faults({ instance: { kind: 'reset' } });
    const { result } = await getInstance(client());
    expect(failureOf(result).message).toMatch(new RegExp(`^GET ${fake.url}/v1/instance: connection (reset|closed)$`));
  });

  it('a 502 from a gateway (HTML): the status, no trace id', async () => {
    faults({ instance: { kind: 'status', status: 502 } });
    const { result } = await getInstance(client({ budgetMs: 500 }));
    expect(failureOf(result).message).toBe(`GET ${fake.url}/v1/instance: HTTP 502`);
  });

  it('malformed JSON, and a body of the wrong schema (naming the field)', async () => {
    faults({ instance: { kind: 'malformed-json' } });
    expect(failureOf((await getInstance(client())).result).message).toBe(
      `GET ${fake.url}/v1/instance: unexpected response (HTTP 200): the body is not JSON`
    );
    faults({ instance: { kind: 'wrong-schema' } });
    expect(failureOf((await getInstance(client())).result).message).toMatch(
      new RegExp(`^GET ${fake.url}/v1/instance: unexpected response \\(HTTP 200\\): unexpected id: `)
    );
  });

  it('a 409 the call accepts is an answer without data', async () => {
    faults({ instance: { kind: 'status', status: 409 } });
    const result = await client().call({
      method: 'GET',
      url: new URL('/v1/instance', fake.url),
      headers: { authorization: `Bearer ${KEYS.live}` },
      schema: Instance,
      accept: [409]
    });
    expect(result).toEqual({ ok: true, status: 409, data: undefined, endpoint: `GET ${fake.url}/v1/instance` });
  });

  it('TLS: a self-signed certificate, and one from an authority the client does not trust', async () => {
    for (const [tls, words] of [
      [untrustedCertificate(), 'its TLS certificate is self-signed'],
      [serverCertificate(), 'its TLS certificate is not signed by a trusted authority']
    ] as const) {
      const https = await startFakeClerk(healthyProduction(), { tls });
      try {
        const { result } = await getInstance(client(), KEYS.live, https.url);
        expect(failureOf(result)).toMatchObject({ kind: 'tls' });
        expect(failureOf(result).message).toBe(`GET ${https.url}/v1/instance: TLS verification failed: ${words}`);
        expect(https.requests).toEqual([]);
      } finally {
        await https.close();
      }
    }
  });
});

describe('secrets', () => {
  const canary = fakeSecret('sk_live_', 'HttpCanary', 3);

  it('a Clerk error message that quotes the key (and the Authorization header) is scrubbed', async () => {
    faults({
      instance: {
        kind: 'status',
        status: 401,
        errors: [
          {
            code: 'key_revoked',
            message: 'revoked',
            long_message: `The key ${canary} was revoked (Authorization: Bearer ${canary}).`
          }
        ]
      }
    });
    const { result } = await getInstance(client({ secrets: [canary] }), canary);
    const failure = failureOf(result);
    expect(failure.message).toBe(
      `GET ${fake.url}/v1/instance: HTTP 401, key_revoked: The key ${redact(canary)} was revoked (Authorization: Bearer ${redact(canary)}). (Clerk trace id ${fake.requestsTo('instance')[0]?.traceId})`
    );
    // What is shown (message, reason) holds no part of the key. (The raw body stays in `failure.clerk`, in memory.)
    expect(`${failure.message} ${failure.reason}`).not.toContain(canary.slice('sk_live_'.length));
  });

  it('a short message keeps Clerk’s words; a long one is cut to 300 characters', async () => {
    faults({
      instance: {
        kind: 'status',
        status: 401,
        errors: [{ code: 'key_revoked', message: 'revoked', long_message: 'x'.repeat(1000) }]
      }
    });
    const { result } = await getInstance(client());
    expect(failureOf(result).reason).toMatch(/^HTTP 401, key_revoked: x{300} \(Clerk trace id [0-9a-f]+\)$/);
  });

  // BUG (src/online/api-failure.ts, describeFailure/reasonOf): the server's text is cut to 300 characters
  // (`words.slice(0, MAX_SERVER_TEXT)`) BEFORE the secrets are scrubbed (`scrub(...)` runs on the cut text), so a
  // key that straddles the cut is no longer whole, is not scrubbed, and its first characters are shown. With the
  // key starting 300 - (length - 1) characters in, the message shows the whole key but its last character.
  // Expected: no part of the key beyond its public prefix (scrub before cutting); actual: the key without its
  // last character.
  it('a key cut in two by the 300-character limit is not shown in part', async () => {
    const lead = 'x'.repeat(300 - (canary.length - 1));
    faults({
      instance: {
        kind: 'status',
        status: 401,
        errors: [{ code: 'key_revoked', message: 'revoked', long_message: `${lead}${canary} was revoked` }]
      }
    });
    const { result } = await getInstance(client({ secrets: [canary] }), canary);
    expect(failureOf(result).message).not.toContain(canary.slice('sk_live_'.length, 16));
  });
});
