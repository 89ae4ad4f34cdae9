/**
 * Differential test: secret-key classification against `@clerk/shared` 4.41's
 * isDevelopmentFromSecretKey / isProductionFromSecretKey. Ours adds one rule (a non-empty letters-and-
 * digits remainder), so agreement means: same instance type whenever we classify, and we classify
 * exactly the values the oracle types whose remainder passes that rule. CLERK_ORACLE_SEED replays.
 */
import { describe, expect, it } from '@jest/globals';
import { isDevelopmentFromSecretKey, isProductionFromSecretKey } from '@clerk/shared/keys';
import { classifySecretKey, isWebhookSecret } from '../../src/clerk/secret-key.js';
import { ORACLE_SEED, seededRandom } from '../helpers/random.js';

const SEED = ORACLE_SEED;
const { pick, str } = seededRandom(SEED);

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const PREFIXES = [
  'sk_test_',
  'sk_live_',
  'test_',
  'live_',
  'SK_TEST_',
  'sk_Live_',
  'pk_test_',
  'pk_live_',
  'rk_live_',
  'sk_',
  'whsec_',
  'xsk_test_',
  ' sk_test_',
  ''
];
const TAILS: ReadonlyArray<() => string> = [
  () => str(ALNUM, 1, 60),
  () => `51${str(ALNUM, 90, 99)}`, // Stripe-like
  () => '',
  () => str(`${ALNUM}_-=+/ .\n`, 1, 40),
  () => `${str(ALNUM, 1, 20)}${pick([' ', '\n', '_', '-', '.', 'é'])}`
];

/** What the remainder after a recognised prefix must look like for us to call it a key. */
function remainderAfterPrefix(value: string): string | null {
  const match = /^(?:sk_)?(?:test|live)_/.exec(value);
  return match ? value.slice(match[0].length) : null;
}

describe('secret keys: differential against @clerk/shared/keys', () => {
  const mismatches: { seed: number; input: string; ours: unknown; dev: boolean; prod: boolean }[] = [];
  const seen = { development: 0, production: 0, unclassified: 0, legacy: 0, secret: 0 };
  const total = 2000;

  for (let i = 0; i < total; i++) {
    const input = pick(PREFIXES) + pick(TAILS)();
    const dev = isDevelopmentFromSecretKey(input);
    const prod = isProductionFromSecretKey(input);
    const ours = classifySecretKey(input);
    const remainder = remainderAfterPrefix(input);
    const shouldClassify = (dev || prod) && remainder !== null && /^[A-Za-z0-9]+$/.test(remainder);
    const agrees =
      ours === null
        ? !shouldClassify
        : shouldClassify &&
          (ours.instanceType === 'development') === dev &&
          (ours.instanceType === 'production') === prod &&
          (ours.kind === 'secret-key') === input.startsWith('sk_');
    if (!agrees) mismatches.push({ seed: SEED, input: JSON.stringify(input), ours, dev, prod });
    if (ours === null) seen.unclassified++;
    else {
      seen[ours.instanceType]++;
      seen[ours.kind === 'secret-key' ? 'secret' : 'legacy']++;
    }
  }

  it(`agrees on ${total} generated values (seed ${SEED})`, () => {
    expect(mismatches).toEqual([]);
  });

  it('produced development, production, legacy, secret and unclassified values', () => {
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(50);
  });
});

describe('classifySecretKey', () => {
  it.each([
    ['sk_test_abc123', { kind: 'secret-key', instanceType: 'development' }],
    ['sk_live_ABCdef987', { kind: 'secret-key', instanceType: 'production' }],
    ['test_0123abcd', { kind: 'legacy-api-key', instanceType: 'development' }],
    ['live_0123abcd', { kind: 'legacy-api-key', instanceType: 'production' }]
  ] as const)('%s', (value, expected) => {
    expect(classifySecretKey(value)).toEqual(expected);
  });

  it.each([
    '',
    'sk_test_',
    'live_',
    'sk_test_abc def',
    'sk_test_abc\n',
    ' sk_test_abc',
    'SK_TEST_abc',
    'sk_test_a-b',
    'pk_test_abc',
    'live_stream_url',
    'sk_prod_abc'
  ])('rejects %j', (value) => {
    expect(classifySecretKey(value)).toBeNull();
  });
});

describe('isWebhookSecret', () => {
  it('accepts whsec_ + base64', () => {
    expect(isWebhookSecret(`whsec_${Buffer.from('an obviously fake signing secret').toString('base64')}`)).toBe(true);
    expect(isWebhookSecret('whsec_ab+/cd==')).toBe(true);
  });
  it.each(['whsec_', 'whsec', 'WHSEC_abc', 'whsec_ab cd', 'whsec_ab=cd', 'sk_test_abc', 'whsec_abc==='])(
    'rejects %j',
    (value) => {
      expect(isWebhookSecret(value)).toBe(false);
    }
  );
});
