import { describe, expect, it } from '@jest/globals';
import { redact } from '../../src/core/redact.js';
import { displayValue } from '../../src/engine/display-value.js';
import { DEV_HOST, publishableKey, secretKey } from '../helpers/keys.js';
import { variable } from '../helpers/variables.js';

const shown = (name: string, value: string, origin?: Parameters<typeof variable>[2]): string =>
  displayValue(variable(name, value, origin));

describe('displayValue', () => {
  it.each([
    ['NEXT_PUBLIC_CLERK_SIGN_IN_URL', 'http://localhost:3000/sign-in'],
    ['NEXT_PUBLIC_CLERK_SIGN_IN_URL', '/sign-in'],
    ['CLERK_FRONTEND_API', DEV_HOST],
    ['NEXT_PUBLIC_CLERK_DOMAIN', 'localhost:3001'],
    ['CLERK_PROXY_URL', 'https://[::1]:8443/__clerk'],
    ['CLERK_JWKS_URL', `https://${DEV_HOST}/.well-known/jwks.json`]
  ])('shows the URL or host in %s in full: %s', (name, value) => {
    expect(shown(name, value)).toBe(value);
  });

  it.each([
    ['https://user:pass@clerk.example.com/x', 'https://…@clerk.example.com/x'],
    ['http://localhost:3000/cb?token=abc&x=1', 'http://localhost:3000/cb?…'],
    ['http://localhost:3000/cb#access_token=abc', 'http://localhost:3000/cb#…'],
    ['http://localhost:3000/cb?code=1#frag', 'http://localhost:3000/cb?…#…'],
    ['postgres://admin:hunter2@localhost:5432/db', 'postgres://…@localhost:5432/db'],
    ['//admin:hunter2@localhost:5432', '//…@localhost:5432'],
    ['/sign-in?redirect=secret', '/sign-in?…']
  ])('hides user-info, query string and fragment: %s → %s', (value, expected) => {
    expect(shown('CLERK_PROXY_URL', value)).toBe(expected);
  });

  it('redacts keys, secrets and values from secrets, even when they look like URLs', () => {
    expect(shown('CLERK_SECRET_KEY', secretKey('test'))).toBe(`sk_test_…${secretKey('test').slice(-4)}`);
    expect(shown('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', publishableKey(DEV_HOST))).toMatch(/^pk_test_….{4}$/);
    const url = 'https://proxy.example.com/__clerk';
    expect(shown('CLERK_PROXY_URL', url, { kind: 'secrets' })).toBe(redact(url));
    expect(shown('CLERK_API_TOKEN_URL', url)).toBe(redact(url));
    expect(redact(url)).toBe('…lerk');
  });

  it('redacts a URL that carries a key or a long token in its path', () => {
    const withKey = `https://proxy.example.com/${secretKey('live')}`;
    expect(shown('CLERK_PROXY_URL', withKey)).not.toContain(secretKey('live').slice(8, 20));
    const withToken = 'https://hooks.example.com/services/T0000/B0000/abcdefghijklmnopqrstuvwx';
    expect(shown('CLERK_PROXY_URL', withToken)).not.toContain('abcdefghijklmnop');
    expect(shown('CLERK_FRONTEND_API', `clerk.example.com${secretKey('live')}`)).not.toContain('A1b2C3d4');
  });

  it('redacts values that are neither URLs nor hosts', () => {
    expect(shown('CLERK_TELEMETRY_DEBUG', 'true')).toBe('…');
    expect(shown('CLERK_FRONTEND_API', 'not a host at all')).toBe(redact('not a host at all'));
    // User-info without a scheme is not read as a host: the whole value is redacted.
    expect(shown('CLERK_PROXY_URL', 'admin:hunter2@localhost:5432')).toBe('…5432');
  });

  it('cuts very long URLs', () => {
    const long = `https://clerk.example.com/${'a/'.repeat(200)}`;
    const text = shown('CLERK_PROXY_URL', long);
    expect(text).toHaveLength(201);
    expect(text.endsWith('…')).toBe(true);
  });
});
