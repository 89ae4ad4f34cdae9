/** core/scrub.ts: every form of every secret out of a text, and deep copies of SDK errors without credentials. */
import { describe, expect, it } from '@jest/globals';
import { redact } from '../../src/core/redact.js';
import { scrub, scrubDeep } from '../../src/core/scrub.js';
import { fakeSecret } from '../helpers/keys.js';

const SK = fakeSecret('sk_live_', 'Scrub', 1);
const TOKEN = 'vcp_0123456789abcdefghijKLMNOP';
const BYPASS = 'bypass+secret/with=chars0123';

describe('scrub', () => {
  it('removes raw, percent-encoded and base64 forms of every secret', () => {
    const text = [
      `raw ${SK}`,
      `url ${encodeURIComponent(BYPASS)}`,
      `b64 ${Buffer.from(TOKEN).toString('base64')}`,
      `b64url ${Buffer.from(BYPASS).toString('base64url')}`,
      // A Basic credential: the token inside a longer base64 text, at an offset.
      `basic-in-json {"auth":"${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}"}`,
      `${Buffer.from(`ab${SK}`).toString('base64')}`
    ].join('\n');
    const out = scrub(text, [SK, TOKEN, BYPASS]);
    for (const secret of [SK, TOKEN, BYPASS]) {
      expect(out).not.toContain(secret);
      expect(out).not.toContain(encodeURIComponent(secret));
      expect(out).not.toContain(Buffer.from(secret).toString('base64').slice(4, -4));
    }
    expect(out).toContain(`raw ${redact(SK)}`);
    expect(out).not.toContain(Buffer.from(`ab${SK}`).toString('base64').slice(8, -8));
  });

  it('hides any Bearer credential, keeps redacted forms and short values as they are', () => {
    expect(scrub('Authorization: Bearer abcdefgh12345678', [])).toBe('Authorization: Bearer [token hidden]');
    expect(scrub(`Bearer ${redact(SK)}`, [SK])).toBe(`Bearer ${redact(SK)}`);
    expect(scrub('short 1234567 stays', ['1234567'])).toBe('short 1234567 stays');
  });
});

describe('scrubDeep', () => {
  it('drops credential headers at any depth, scrubs every string, survives cycles', () => {
    const error = Object.assign(new Error(`failed with ${TOKEN}`), {
      data: { headers: { Authorization: 'Bearer zzz', 'x-vercel-protection-bypass': BYPASS, accept: 'json' } },
      url: new URL(`https://api.example.com/?t=${encodeURIComponent(TOKEN)}`)
    }) as Error & { self?: unknown };
    error.self = error;
    const copy = JSON.stringify(scrubDeep(error, [TOKEN, BYPASS]));
    expect(copy).not.toContain(TOKEN);
    expect(copy).not.toContain(BYPASS);
    expect(copy).not.toContain('zzz');
    expect(copy).toContain('"accept":"json"');
  });
});
