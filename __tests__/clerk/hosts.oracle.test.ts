/**
 * Differential test: development/staging host detection against every host rule in `@clerk/shared`
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
  isDevelopmentOrStagingHost
} from '../../src/clerk/hosts.js';
import { ORACLE_SEED, seededRandom } from '../helpers/random.js';

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
