/**
 * The online options as the engine validates them (`parseGateOptions`, shared by the action and the CLI):
 * `clerk-api-url` (https, or http only to loopback: the secret key is sent there), `dns-servers` (ip or ip:port)
 * and `api-timeout`. A refusal names the option as users know it, never the value.
 */
import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/core/errors.js';
import { parseGateOptions, type GateOptionsInput } from '../../src/engine/options.js';

const BASE: GateOptionsInput = { cwd: '/tmp', paths: ['.'] };

function refusal(input: Partial<GateOptionsInput>): string {
  try {
    parseGateOptions({ ...BASE, ...input });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('defaults', () => {
  it('online, 10 s a call, failures fail, the Clerk API, the system resolver, no DNS check', () => {
    expect(parseGateOptions(BASE)).toMatchObject({
      offline: false,
      apiTimeoutMs: 10_000,
      onApiError: 'fail',
      clerkApiUrl: 'https://api.clerk.com',
      dnsServers: [],
      dnsCheck: false
    });
  });
});

describe('clerk-api-url', () => {
  it.each([
    'https://api.clerk.com',
    'https://clerk-proxy.internal.example:8443/clerk',
    'https://10.0.0.5',
    'http://127.0.0.1:8080',
    'http://127.12.0.1',
    'http://[::1]:3000'
  ])('accepts %s', (url) => {
    expect(parseGateOptions({ ...BASE, clerkApiUrl: url }).clerkApiUrl).toBe(url);
  });

  it.each([
    ['http to a public host', 'http://example.com'],
    ['http to a private address', 'http://10.0.0.5'],
    ['http to 0.0.0.0', 'http://0.0.0.0:8080'],
    ['credentials in the URL', 'https://user:secret-password@api.clerk.com'],
    ['another scheme', 'ftp://api.clerk.com'],
    ['not a URL', 'api.clerk.com'],
    ['empty', '']
  ])('refuses %s, naming the option and not the value', (_, url) => {
    const message = refusal({ clerkApiUrl: url });
    expect(message).toBe(
      'clerk-api-url: must be an https:// URL (http:// only on a loopback address): the secret key is sent to it'
    );
    if (url !== '') expect(message).not.toContain(url);
  });
});

describe('dns-servers', () => {
  it.each([
    [['1.1.1.1']],
    [['127.0.0.1:5353']],
    [['::1']],
    [['[::1]:5353']],
    [['[2001:db8::53]']],
    [['8.8.8.8', '1.1.1.1:53']]
  ])('accepts %j', (servers) => {
    expect(parseGateOptions({ ...BASE, dnsServers: servers }).dnsServers).toEqual(servers);
  });

  it.each([
    ['a host name', 'dns.google'],
    ['port 0', '1.1.1.1:0'],
    ['a port above 65535', '1.1.1.1:65536'],
    ['two ports', '1.1.1.1:53:53'],
    ['a bracketed IPv6 address with a bad port', '[::1]:99999'],
    ['not an address', '2001:db8::zz'],
    ['a bracketed IPv4 address', '[1.1.1.1]:53'],
    ['an empty entry', '']
  ])('refuses %s', (_, server) => {
    expect(refusal({ dnsServers: ['1.1.1.1', server] })).toBe(
      'dns-servers: expected ip or ip:port ([ipv6]:port) entries'
    );
  });
});

describe('api-timeout', () => {
  it.each([1, 250, 600_000])('accepts %d ms', (ms) => {
    expect(parseGateOptions({ ...BASE, apiTimeoutMs: ms }).apiTimeoutMs).toBe(ms);
  });

  it.each([
    [0, 'api-timeout: must be more than 0'],
    [-1000, 'api-timeout: must be more than 0'],
    [600_001, 'api-timeout: must be 600 seconds at most']
  ])('refuses %d ms', (ms, message) => {
    expect(refusal({ apiTimeoutMs: ms })).toBe(message);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %d, naming the option', (ms) => {
    expect(refusal({ apiTimeoutMs: ms })).toMatch(/^api-timeout: /);
  });
});

describe('on-api-error', () => {
  it('accepts fail and warn, refuses anything else', () => {
    expect(parseGateOptions({ ...BASE, onApiError: 'warn' }).onApiError).toBe('warn');
    expect(refusal({ onApiError: 'ignore' as never })).toBe('on-api-error: expected one of fail, warn');
  });
});

describe('the fields the shells add', () => {
  it('takes a plain working directory and name/value pairs as given', () => {
    const env: [string, string | undefined][] = [
      ['A', '1'],
      ['B', undefined]
    ];
    const options = parseGateOptions({ ...BASE, processEnv: env });
    expect(options.cwd).toBe('/tmp');
    expect(options.processEnv).toEqual(env);
    expect(parseGateOptions(BASE).processEnv).toBeUndefined();
  });

  it('checks anything else with the field type: trimmed, refused with its message', () => {
    expect(parseGateOptions({ ...BASE, cwd: ' /tmp ' }).cwd).toBe('/tmp');
    expect(parseGateOptions({ ...BASE, processEnv: [['A']] }).processEnv).toEqual([['A']]);
    expect(refusal({ cwd: '  ' })).toBe('cwd: must not be empty');
    const numbers: unknown = [['A', 1]];
    expect(refusal({ processEnv: numbers as GateOptionsInput['processEnv'] })).toMatch(/^processEnv: /);
  });
});
