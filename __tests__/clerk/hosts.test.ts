/**
 * Examples, then a differential test: development/staging host detection against every host rule in `@clerk/shared`
 * 4.41 — isDevOrStagingUrl (DEV_OR_STAGING_SUFFIXES), isStaging, and buildPublishableKey's choice of
 * pk_test_ for a Frontend API host. Ours lower-cases and drops a trailing dot first; the oracle gets
 * the same normalised host. CLERK_ORACLE_SEED replays a failure.
 */
import { describe, expect, it } from '@jest/globals';
import { buildPublishableKey, createDevOrStagingUrlCache } from '@clerk/shared/keys';
import { isStaging } from '@clerk/shared/utils';
import * as oracleConstants from '@clerk/shared/constants';
import {
  CURRENT_DEV_INSTANCE_SUFFIXES,
  DEV_OR_STAGING_SUFFIXES,
  LEGACY_DEV_INSTANCE_SUFFIXES,
  STAGING_SUFFIXES,
  hostOf,
  isDevelopmentOrStagingHost
} from '../../src/clerk/hosts.js';
import { ORACLE_SEED, seededRandom } from '../helpers/random.js';

describe('hostOf', () => {
  it.each([
    ['https://clerk.example.com/path', 'clerk.example.com'],
    ['https://clerk.example.com', 'clerk.example.com'],
    ['HTTPS://Clerk.Example.COM./x?y#z', 'clerk.example.com'],
    ['http://user:pass@clerk.example.com:8443/x', 'clerk.example.com'],
    ['//clerk.example.com/npm', 'clerk.example.com'],
    ['postgres://u:p@LOCALHOST:5432/db', 'localhost'],
    ['clerk.example.com', 'clerk.example.com'],
    ['  clerk.example.com\n', 'clerk.example.com'],
    ['clerk.example.com/sign-in', 'clerk.example.com'],
    ['clerk.example.com:443', 'clerk.example.com'],
    ['localhost', 'localhost'],
    ['localhost:3000', 'localhost'],
    ['web:8080', 'web'],
    ['127.0.0.1', '127.0.0.1'],
    ['127.0.0.1:3000/x', '127.0.0.1'],
    ['http://127.1', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'],
    ['::1', '::1'],
    ['[::1]:3000', '::1'],
    ['http://[::1]:3000/', '::1'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['fe80::1%eth0', 'fe80::1%eth0'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['a_b.example.com', 'a_b.example.com']
  ])('%j → %j', (value, host) => {
    expect(hostOf(value)).toBe(host);
  });

  it.each([
    '',
    '   ',
    '/sign-in',
    '/',
    './x',
    '../x',
    '?redirect=1',
    '#top',
    'sign-in',
    'true',
    '1',
    '1.2.3',
    '3.0',
    'me@example.com',
    'mailto:me@example.com',
    'https://',
    'file:///etc/hosts',
    'clerk example.com',
    'https://exa mple.com',
    'a:b:c',
    '[not-ip]:80'
  ])('%j → null', (value) => {
    expect(hostOf(value)).toBeNull();
  });
});

describe('isDevelopmentOrStagingHost', () => {
  it.each([
    'happy-hippo-12.clerk.accounts.dev',
    'happy-hippo-12.accounts.dev',
    'clerk.happy.hippo-12.lcl.dev',
    'foo.clerk.accountsstage.dev',
    'HAPPY-HIPPO-12.CLERK.ACCOUNTS.DEV.',
    'myaccounts.dev' // Clerk's suffix has no leading dot
  ])('%j → true', (h) => {
    expect(isDevelopmentOrStagingHost(h)).toBe(true);
  });
  it.each([
    '',
    'clerk.example.com',
    'accounts.example.com',
    'clerk.lcl.dev.example.com',
    'example.dev',
    'https://x.accounts.dev/'
  ])('%j → false', (h) => {
    expect(isDevelopmentOrStagingHost(h)).toBe(false);
  });
});

const SEED = ORACLE_SEED;
const { int, chance, pick } = seededRandom(SEED);

const WORDS = ['happy', 'hippo', 'great', 'ape', 'clerk', 'accounts', 'dev', 'stg', 'lcl', 'prod', 'my'];
const SUFFIXES = [
  ...oracleConstants.DEV_OR_STAGING_SUFFIXES,
  ...oracleConstants.LEGACY_DEV_INSTANCE_SUFFIXES,
  ...oracleConstants.CURRENT_DEV_INSTANCE_SUFFIXES,
  '.clerkstage.dev',
  '.prod.lclclerk.com',
  '.clerk.accounts.dev',
  '.clerk.accountsstage.dev',
  '.clerk.accounts.lclclerk.com',
  '.clerk.accounts.example.com',
  // near misses
  '.lcl.dev.example.com',
  '.lcl.devx',
  'lcl.dev',
  '.accounts.dev.evil.com',
  '.clerk.com',
  '.clerk.dev',
  '.accounts.com',
  '.example.com',
  '.dev',
  '.clerkstage.com',
  '.stg.dev:443'
];
const HEADS: ReadonlyArray<() => string> = [
  () => 'clerk',
  () => `clerk.${pick(WORDS)}`,
  () => `clerk.${pick(WORDS)}.${pick(WORDS)}-${int(120)}`,
  () => `${pick(WORDS)}-${pick(WORDS)}-${int(120)}.clerk`,
  () => `${pick(WORDS)}-${pick(WORDS)}-${int(120)}`,
  () => `accounts.${pick(WORDS)}`,
  () => pick(WORDS),
  () => ''
];

const normalise = (host: string): string => {
  const lower = host.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
};
const { isDevOrStagingUrl } = createDevOrStagingUrlCache();
const oracle = (host: string): boolean =>
  isDevOrStagingUrl(host) || isStaging(host) || buildPublishableKey(host).startsWith('pk_test_');

describe('constants mirror @clerk/shared/constants', () => {
  it('has the same suffix lists, in the same order', () => {
    expect(DEV_OR_STAGING_SUFFIXES).toEqual(oracleConstants.DEV_OR_STAGING_SUFFIXES);
    expect(LEGACY_DEV_INSTANCE_SUFFIXES).toEqual(oracleConstants.LEGACY_DEV_INSTANCE_SUFFIXES);
    expect(CURRENT_DEV_INSTANCE_SUFFIXES).toEqual(oracleConstants.CURRENT_DEV_INSTANCE_SUFFIXES);
  });
  it('STAGING_SUFFIXES are exactly what isStaging recognises', () => {
    for (const suffix of STAGING_SUFFIXES) expect(isStaging(`x${suffix}`)).toBe(true);
    expect(isStaging('x.stg.dev')).toBe(false);
  });
});

describe('isDevelopmentOrStagingHost: differential against @clerk/shared', () => {
  const mismatches: { seed: number; input: string; ours: boolean; oracle: boolean }[] = [];
  const matchedSuffixes = new Set<string>();
  let yes = 0;
  let no = 0;
  const total = 3000;

  for (let i = 0; i < total; i++) {
    let host = HEADS[int(HEADS.length)]!() + pick(SUFFIXES);
    if (chance(0.15)) host = host.toUpperCase();
    if (chance(0.1)) host += '.';
    const expected = oracle(normalise(host));
    const ours = isDevelopmentOrStagingHost(host);
    if (ours !== expected) mismatches.push({ seed: SEED, input: JSON.stringify(host), ours, oracle: expected });
    if (host === normalise(host) && ours !== oracle(host)) {
      mismatches.push({ seed: SEED, input: `${JSON.stringify(host)} (unnormalised)`, ours, oracle: oracle(host) });
    }
    if (expected) yes++;
    else no++;
    for (const s of DEV_OR_STAGING_SUFFIXES) if (ours && normalise(host).endsWith(s)) matchedSuffixes.add(s);
  }

  it(`agrees on ${total} generated hosts (seed ${SEED})`, () => {
    expect(mismatches).toEqual([]);
  });

  it('saw development and production hosts, and every DEV_OR_STAGING suffix', () => {
    expect(yes).toBeGreaterThan(300);
    expect(no).toBeGreaterThan(300);
    expect([...matchedSuffixes].sort()).toEqual([...DEV_OR_STAGING_SUFFIXES].sort());
  });

  it('covers the rules that are not in DEV_OR_STAGING_SUFFIXES', () => {
    // isStaging only
    expect(isDevelopmentOrStagingHost('clerk.foo.clerkstage.dev')).toBe(true);
    // buildPublishableKey: legacy clerk. host under .lclclerk.com, except .prod.lclclerk.com
    expect(isDevelopmentOrStagingHost('clerk.foo.lclclerk.com')).toBe(true);
    expect(isDevelopmentOrStagingHost('clerk.foo.prod.lclclerk.com')).toBe(false);
    expect(isDevelopmentOrStagingHost('foo.lclclerk.com')).toBe(false);
    // buildPublishableKey: the dev Frontend API pattern, even under an unrelated domain
    expect(isDevelopmentOrStagingHost('happy-hippo-1.clerk.accounts.example.com')).toBe(true);
    expect(isDevelopmentOrStagingHost('happy-hippo-123.clerk.accounts.example.com')).toBe(false);
  });
});
