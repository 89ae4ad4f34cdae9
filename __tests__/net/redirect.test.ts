/** The redirect policy (net/redirect.ts) and the retry policy (net/retry.ts), without a network. */
import { describe, expect, it } from '@jest/globals';
import { Deadline } from '../../src/net/deadline.js';
import { redirectTarget } from '../../src/net/redirect.js';
import { MAX_ATTEMPTS, retryAfterMs, retryPause } from '../../src/net/retry.js';

describe('redirectTarget', () => {
  const from = new URL('https://app.example.com/page?token=x');
  it('follows same-scheme and upgrade hops, relative ones resolved', () => {
    expect(redirectTarget(from, '/next', false)).toEqual({ ok: true, url: new URL('https://app.example.com/next') });
    expect(redirectTarget(new URL('http://127.0.0.1:3000/'), 'https://127.0.0.1:3001/', true).ok).toBe(true);
  });

  it('refuses a downgrade to http, and internal addresses unless the first URL was internal', () => {
    expect(redirectTarget(from, 'http://app.example.com/', false)).toEqual({
      ok: false,
      reason: 'a redirect to http://app.example.com/, which is not https'
    });
    expect(redirectTarget(from, 'https://169.254.169.254/latest?x=1', false)).toEqual({
      ok: false,
      reason: 'a redirect to https://169.254.169.254/latest was refused: a loopback, private or link-local address'
    });
    expect(redirectTarget(from, 'http://127.0.0.1:22/', false).ok).toBe(false);
    expect(redirectTarget(new URL('https://127.0.0.1:3000/'), 'https://127.0.0.1:3001/', true).ok).toBe(true);
    expect(redirectTarget(from, 'http://[', false)).toEqual({ ok: false, reason: 'a redirect to an invalid URL' });
  });
});

describe('the retry policy', () => {
  const deadline = Deadline.after(10_000);
  it('retries 429 and 5xx gateways, honouring Retry-After in seconds and as a date', () => {
    expect(retryPause({ status: 503, retryAfter: '2' }, 1, deadline)).toBe(2000);
    expect(retryPause({ status: 429, retryAfter: '0' }, 1, deadline)).toBe(0);
    expect(retryPause({ status: 500 }, 1, deadline)).toBe(500);
    expect(retryPause({ code: 'ECONNRESET' }, 1, deadline)).toBe(250);
    const date = retryAfterMs(new Date(Date.now() + 3000).toUTCString()) ?? 0;
    expect(date).toBeGreaterThan(1000);
    expect(date).toBeLessThanOrEqual(3000);
  });

  it('stops at the attempt cap, past the deadline, and on what a retry cannot fix', () => {
    expect(retryPause({ status: 503 }, MAX_ATTEMPTS, deadline)).toBeUndefined();
    expect(retryPause({ status: 503, retryAfter: '60' }, 1, deadline)).toBeUndefined();
    expect(retryPause({ status: 404 }, 1, deadline)).toBeUndefined();
    expect(retryPause({ code: 'TIMEOUT' }, 1, deadline)).toBeUndefined();
    expect(retryPause({ code: 'ECONNREFUSED' }, 1, deadline)).toBeUndefined();
  });

  it('a child deadline never ends after its parent', () => {
    const parent = Deadline.after(1000);
    expect(parent.child(60_000).at).toBe(parent.at);
    expect(parent.child(10).at).toBeLessThan(parent.at);
  });
});
