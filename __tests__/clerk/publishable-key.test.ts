/**
 * Examples, then a differential test: our copy of Clerk's publishable-key parsing against `@clerk/shared` 4.41 itself.
 * Inputs come from a seeded PRNG; set CLERK_ORACLE_SEED to replay a failure (the seed and every
 * disagreeing input are printed in the assertion).
 */
import { describe, expect, it } from '@jest/globals';
import {
  isDevelopmentFromPublishableKey as oracleIsDevelopment,
  isProductionFromPublishableKey as oracleIsProduction,
  isPublishableKey as oracleIsPublishableKey,
  parsePublishableKey as oracleParsePublishableKey
} from '@clerk/shared/keys';
import { isomorphicAtob } from '@clerk/shared/isomorphicAtob';
import { forgivingBase64Decode } from '../../src/clerk/base64.js';
import { isPublishableKey, parsePublishableKey, publishableKeyProblem } from '../../src/clerk/publishable-key.js';
import { stripeShapedKey } from '../helpers/keys.js';
import { ORACLE_SEED, seededRandom } from '../helpers/random.js';

const enc = (s: string): string => Buffer.from(s, 'latin1').toString('base64');
const DEV_HOST = 'happy-hippo-12.clerk.accounts.dev';
const DEV_KEY = `pk_test_${enc(`${DEV_HOST}$`)}`;

describe('parsePublishableKey', () => {
  it('reads the instance type from the prefix and the host from the payload', () => {
    expect(parsePublishableKey(DEV_KEY)).toEqual({ instanceType: 'development', frontendApi: DEV_HOST });
    expect(parsePublishableKey(`pk_live_${enc('clerk.example.com$')}`)).toEqual({
      instanceType: 'production',
      frontendApi: 'clerk.example.com'
    });
  });
  it('trusts the prefix over the host, as Clerk does', () => {
    expect(parsePublishableKey(`pk_live_${enc(`${DEV_HOST}$`)}`)?.instanceType).toBe('production');
  });
  it('accepts what Clerk accepts: unpadded, inner and trailing whitespace, odd hosts', () => {
    expect(isPublishableKey(DEV_KEY.replace(/=+$/, ''))).toBe(true);
    expect(isPublishableKey(`${DEV_KEY}\n`)).toBe(true);
    expect(isPublishableKey(`${DEV_KEY.slice(0, 12)} \t${DEV_KEY.slice(12)}`)).toBe(true);
    expect(parsePublishableKey(`pk_live_${enc('.$')}`)).toEqual({ instanceType: 'production', frontendApi: '.' });
    expect(parsePublishableKey(`pk_live_${enc('https://x.y/$')}`)?.frontendApi).toBe('https://x.y/');
  });
  it('rejects leading whitespace and uppercase prefixes', () => {
    expect(isPublishableKey(` ${DEV_KEY}`)).toBe(false);
    expect(isPublishableKey(`PK_TEST_${DEV_KEY.slice(8)}`)).toBe(false);
  });
});

describe('publishableKeyProblem', () => {
  it('is null for valid keys', () => {
    expect(publishableKeyProblem(DEV_KEY)).toBeNull();
    expect(publishableKeyProblem(`${DEV_KEY}\n`)).toBeNull();
  });
  it.each([
    ['', 'it is empty'],
    ['   ', 'it is empty'],
    ['sk_test_abc', 'it does not start with pk_test_ or pk_live_'],
    [`test_${enc(`${DEV_HOST}$`)}`, 'it does not start with pk_test_ or pk_live_'],
    [`PK_TEST_${enc(`${DEV_HOST}$`)}`, 'it does not start with pk_test_ or pk_live_'],
    [` ${DEV_KEY}`, 'it has whitespace before pk_test_ or pk_live_'],
    ['pk_test_', 'it has nothing after the pk_test_ or pk_live_ prefix'],
    ['pk_test_ \n', 'it has nothing after the pk_test_ or pk_live_ prefix'],
    [`${DEV_KEY}_x`, 'it contains an underscore after the pk_test_ or pk_live_ prefix'],
    [stripeShapedKey('pk_live_'), 'the host it encodes does not end with a single $'],
    [`pk_test_${enc(DEV_HOST)}`, 'the host it encodes does not end with a single $'],
    [`pk_test_${enc(`${DEV_HOST}$$`)}`, 'the host it encodes does not end with a single $'],
    [`pk_test_${enc(`clerk$${DEV_HOST}$`)}`, 'the host it encodes does not end with a single $'],
    [`pk_test_${enc('localhost$')}`, 'the host it encodes has no dot'],
    [`pk_test_${enc('$')}`, 'the host it encodes has no dot'],
    [`pk_test_${enc(`${DEV_HOST}$`).replace(/=+$/, '===')}`, 'the part after the prefix is not valid base64'],
    [`pk_test_${enc(`${DEV_HOST}$`)}-`, 'the part after the prefix is not valid base64'],
    ['pk_test_a', 'the part after the prefix is not valid base64']
  ])('%j → %s', (value, reason) => {
    expect(publishableKeyProblem(value)).toBe(reason);
  });
  it('never echoes the value', () => {
    const secretish = `pk_live_${'Q'.repeat(40)}`;
    expect(publishableKeyProblem(secretish)).not.toContain('QQQQ');
  });
});

const SEED = ORACLE_SEED;
const PER_CATEGORY = 150;
const { int, chance, pick, str } = seededRandom(SEED);
function insertAt(s: string, insert: string, index = int(s.length + 1)): string {
  return s.slice(0, index) + insert + s.slice(index);
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = LOWER + LOWER.toUpperCase() + '0123456789';
const B64 = ALNUM + '+/';
const WORDS = ['happy', 'hippo', 'great', 'ape', 'clean', 'mole', 'sure', 'ant', 'vital', 'elk', 'free', 'crow'];
const TLDS = ['com', 'dev', 'io', 'app', 'co.uk', 'example'];
const DEV_SUFFIXES = ['.lcl.dev', '.stg.dev', '.lclstage.dev', '.stgstage.dev', '.accounts.dev', '.accountsstage.dev'];

/** Latin-1 "binary string" → base64, like btoa (which throws above U+00FF). */
const b64 = (binary: string): string => Buffer.from(binary, 'latin1').toString('base64');
const unpad = (s: string): string => s.replace(/=+$/, '');
const prefix = (): string => (chance(0.5) ? 'pk_test_' : 'pk_live_');

function devHost(): string {
  return pick([
    () => `${pick(WORDS)}-${pick(WORDS)}-${1 + int(99)}.clerk.accounts.dev`,
    () => `${pick(WORDS)}-${pick(WORDS)}-${1 + int(99)}.clerk.accountsstage.dev`,
    () => `clerk.${pick(WORDS)}.${pick(WORDS)}-${1 + int(99)}${pick(DEV_SUFFIXES)}`,
    () => `${pick(WORDS)}-${pick(WORDS)}-${1 + int(99)}${pick(DEV_SUFFIXES)}`
  ])();
}

function prodHost(): string {
  return pick([
    () => `clerk.${pick(WORDS)}${pick(WORDS)}.${pick(TLDS)}`,
    () => `clerk.${str(LOWER + '0123456789-', 1, 20)}.${pick(TLDS)}`,
    () => `accounts.${pick(WORDS)}.${pick(TLDS)}`
  ])();
}

/** Hosts with and without a dot, sometimes with characters that make base64 emit `+` and `/`. */
function anyHost(): string {
  return pick([
    devHost,
    prodHost,
    () => str(LOWER, 1, 12), // no dot
    () => `${str(LOWER, 0, 5)}.${str(LOWER, 0, 5)}`,
    () => `${str('?>~ÿþ/ .', 1, 10)}.${str('?>~', 0, 4)}`, // bytes that encode to `+` and `/`
    () => `https://${prodHost()}/`
  ])();
}

const validKey = (host = anyHost(), padded = chance(0.5)): string => {
  const enc = b64(`${host}$`);
  return prefix() + (padded ? enc : unpad(enc));
};

/** Returns a key whose last base64 character differs only in leftover (discarded) bits, or the key. */
function flipLeftoverBits(key: string): string {
  const body = unpad(key.slice(8));
  const leftover = (body.length * 6) % 8; // bits in the last character that carry no data
  if (leftover === 0) return key.slice(0, 8) + body.slice(0, -1) + pick([...B64]);
  const last = B64.indexOf(body.charAt(body.length - 1));
  const changed = (last & ~((1 << leftover) - 1)) | int(1 << leftover);
  return key.slice(0, 8) + body.slice(0, -1) + B64.charAt(changed);
}

function randomUnicode(min: number, max: number): string {
  let out = '';
  const n = min + int(max - min + 1);
  for (let i = 0; i < n; i++) {
    const kind = int(4);
    if (kind === 0) out += String.fromCharCode(int(0x80));
    else if (kind === 1) out += String.fromCharCode(0x80 + int(0x780));
    else if (kind === 2) out += String.fromCodePoint(0x10000 + int(0x100000 - 0x10000));
    else out += String.fromCharCode(0xd800 + int(0x800)); // lone surrogates
  }
  return out;
}

type Outcome = 'accepted' | 'rejected';
interface Category {
  name: string;
  /** Outcomes the oracle must produce at least once, so agreement is not vacuous. */
  expects: readonly Outcome[];
  make: () => string;
}

const WHITESPACE = [' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2028', '\u3000', '\r\n'];

const CATEGORIES: readonly Category[] = [
  { name: 'padded base64', expects: ['accepted', 'rejected'], make: () => validKey(anyHost(), true) },
  { name: 'unpadded base64', expects: ['accepted', 'rejected'], make: () => validKey(anyHost(), false) },
  {
    name: 'whitespace inside and around',
    expects: ['accepted', 'rejected'],
    make: () => {
      let key = validKey(chance(0.8) ? devHost() : anyHost());
      for (let i = 1 + int(3); i > 0; i--) key = insertAt(key, pick(WHITESPACE));
      return key;
    }
  },
  {
    name: 'padding variants',
    expects: ['accepted', 'rejected'],
    make: () => {
      const key = validKey(devHost(), false);
      const pad = pick(['', '=', '==', '===', '= =', '=\n=', ' =', '=a', '==\t']);
      return chance(0.2) ? insertAt(key, '=', 8 + int(key.length - 7)) : key + pad;
    }
  },
  {
    name: 'invalid base64 characters',
    expects: ['rejected'],
    make: () => insertAt(validKey(), pick([...'-_.!@#%*~$,:;"\'\\`\0\u00e9\u00ff\u0100', '\ud83d\ude00']), 8 + int(20))
  },
  {
    name: 'base64url alphabet (- and _ instead of + and /)',
    expects: ['accepted', 'rejected'],
    make: () =>
      validKey(`${str('?>~ÿ', 0, 6)}${prodHost()}`)
        .replace(/\+/g, '-')
        .replace(/(?<=^pk_[a-z]{4}_.*)\//g, '_')
  },
  {
    name: 'leftover bits in the last character',
    expects: ['accepted', 'rejected'],
    make: () => flipLeftoverBits(validKey(chance(0.8) ? devHost() : anyHost(), false))
  },
  { name: 'missing $', expects: ['rejected'], make: () => prefix() + unpad(b64(anyHost())) },
  { name: 'doubled $$', expects: ['rejected'], make: () => prefix() + unpad(b64(`${anyHost()}$$`)) },
  {
    name: '$ in the middle',
    expects: ['rejected'],
    make: () => prefix() + b64(`${insertAt(devHost(), '$', int(10))}$`)
  },
  {
    name: 'host with no dot or empty host',
    expects: ['rejected'],
    make: () => prefix() + b64(`${chance(0.3) ? '' : str(LOWER + '-0123456789:/', 1, 16)}$`)
  },
  {
    name: 'dot placement edge cases',
    expects: ['accepted'],
    make: () => prefix() + unpad(b64(`${pick(['.', '..', `.${str(LOWER, 1, 5)}`, `${str(LOWER, 1, 5)}.`, ' . '])}$`))
  },
  {
    name: 'legacy forms and structure',
    expects: ['accepted', 'rejected'],
    make: () =>
      pick([
        () => `test_${unpad(b64(`${devHost()}$`))}`,
        () => `live_${unpad(b64(`${prodHost()}$`))}`,
        () => devHost(),
        () => `clerk.${pick(WORDS)}.${pick(WORDS)}-${int(99)}.lcl.dev`,
        () => pick(['', 'pk_test_', 'pk_live_', 'pk_test', 'pk_', 'pk_test__', 'pk__test_']),
        () => `${validKey()}_`,
        () => `pk_test_${unpad(b64(`${devHost()}$`))}_${str(ALNUM, 1, 5)}`,
        () => `pk_test__${unpad(b64(`${devHost()}$`))}`,
        () => `pk_test_pk_live_${unpad(b64(`${devHost()}$`))}`,
        () => validKey(devHost()),
        () => `pk_test_${unpad(b64(`${devHost()}$`))}${pick(['\n', ' ', '\r\n'])}`
      ])()
  },
  {
    name: 'Stripe keys sharing the prefixes',
    expects: ['rejected'],
    make: () =>
      pick(['pk_test_', 'pk_live_', 'sk_test_', 'sk_live_', 'rk_live_']) +
      pick(['51', '51H', '4e', '']) +
      str(ALNUM, 24, 99)
  },
  {
    name: 'uppercase prefixes',
    expects: ['accepted', 'rejected'],
    make: () => {
      const key = validKey(devHost());
      const head = [...key.slice(0, 8)].map((c) => (chance(0.3) ? c.toUpperCase() : c)).join('');
      return head + key.slice(8);
    }
  },
  {
    name: 'pk_live_ with development hosts',
    expects: ['accepted'],
    make: () => `pk_live_${(chance(0.5) ? unpad : (s: string) => s)(b64(`${devHost()}$`))}`
  },
  {
    name: 'random unicode',
    expects: ['accepted', 'rejected'],
    make: () =>
      pick([
        () => randomUnicode(0, 30),
        () => prefix() + randomUnicode(1, 30),
        () => insertAt(validKey(devHost()), randomUnicode(1, 3), 8 + int(20)),
        // Latin-1 bytes >= 0x80 in the decoded host: valid keys with odd frontendApi values.
        () => prefix() + b64(`${String.fromCharCode(...Array.from({ length: 1 + int(8) }, () => 0x80 + int(0x80)))}.x$`)
      ])()
  },
  {
    name: 'random base64 noise',
    expects: ['rejected'],
    make: () => prefix() + str(B64, 1, 60) + pick(['', '=', '=='])
  }
];

interface Mismatch {
  seed: number;
  category: string;
  input: string;
  what: string;
  ours: unknown;
  oracle: unknown;
}

function oracleParse(value: string): unknown {
  const parsed = oracleParsePublishableKey(value);
  return parsed === null ? null : { instanceType: parsed.instanceType, frontendApi: parsed.frontendApi };
}

describe('publishable keys: differential against @clerk/shared/keys', () => {
  it('runs where the oracle decodes with atob, as every supported runtime does', () => {
    expect(typeof globalThis.atob).toBe('function');
  });

  const mismatches: Mismatch[] = [];
  const outcomes = new Map<string, Set<Outcome>>();
  let total = 0;

  for (const category of CATEGORIES) {
    const seen = new Set<Outcome>();
    outcomes.set(category.name, seen);
    for (let i = 0; i < PER_CATEGORY; i++) {
      const input = category.make();
      total++;
      const report = (what: string, ours: unknown, oracle: unknown): void => {
        mismatches.push({ seed: SEED, category: category.name, input: JSON.stringify(input), what, ours, oracle });
      };
      const expected = oracleIsPublishableKey(input);
      seen.add(expected ? 'accepted' : 'rejected');
      const ours = isPublishableKey(input);
      if (ours !== expected) report('isPublishableKey', ours, expected);

      const ourParse = parsePublishableKey(input);
      const theirParse = oracleParse(input);
      if (JSON.stringify(ourParse) !== JSON.stringify(theirParse)) report('parsePublishableKey', ourParse, theirParse);

      const problem = publishableKeyProblem(input);
      if ((problem === null) !== expected) report('publishableKeyProblem is null', problem, expected);
      if (problem !== null && input.length > 12 && problem.includes(input))
        report('reason leaks the value', problem, '');

      if (ourParse !== null) {
        const oracleType = oracleIsDevelopment(input)
          ? 'development'
          : oracleIsProduction(input)
            ? 'production'
            : 'none';
        if (ourParse.instanceType !== oracleType)
          report('instanceType vs is*FromPublishableKey', ourParse.instanceType, oracleType);
      }
    }
  }

  it(`agrees on every one of ${CATEGORIES.length * PER_CATEGORY} generated inputs (seed ${SEED})`, () => {
    expect(total).toBeGreaterThanOrEqual(1000);
    expect(mismatches).toEqual([]);
  });

  it.each(CATEGORIES.map((c) => [c.name, c.expects] as const))(
    `category "%s" produced the outcomes it exists for (seed ${SEED})`,
    (name, expects) => {
      expect([...(outcomes.get(name) ?? [])].sort()).toEqual(expect.arrayContaining([...expects]));
    }
  );

  it(`forgivingBase64Decode matches isomorphicAtob on raw strings (seed ${SEED})`, () => {
    const decodeMismatches: { seed: number; input: string; ours: string | null; oracle: string | null }[] = [];
    const alphabet = `${B64}=====    \t\n\r\f\v\u00a0-_.$\u00e9\u00ff\u0100`;
    let thrown = 0;
    for (let i = 0; i < 3000; i++) {
      const input = chance(0.1) ? randomUnicode(0, 10) : str(chance(0.7) ? B64 + '= \n' : alphabet, 0, 40);
      let oracle: string | null;
      try {
        oracle = isomorphicAtob(input);
      } catch {
        oracle = null;
        thrown++;
      }
      const ours = forgivingBase64Decode(input);
      if (ours !== oracle) decodeMismatches.push({ seed: SEED, input: JSON.stringify(input), ours, oracle });
    }
    expect(decodeMismatches).toEqual([]);
    expect(thrown).toBeGreaterThan(100);
    expect(thrown).toBeLessThan(2900);
  });
});
