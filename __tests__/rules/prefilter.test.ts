import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Variable } from '../../src/core/variable.js';
import { mayConcernClerk } from '../../src/rules/clerk-variables.js';
import { RULES } from '../../src/rules/index.js';
import { parseDotenv } from '../../src/sources/dotenv-file.js';
import { DEV_HOST, PROD_HOST, publishableKey, secretKey } from '../helpers/keys.js';
import { context, variable } from '../helpers/variables.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus/dotenv');

/** Every corpus file, plus variables built to sit at the edges of the filter. */
function scopes(): Variable[][] {
  const files = readdirSync(CORPUS).filter((f) => !f.startsWith('SOURCES'));
  const fromCorpus = files.map((f) => parseDotenv(readFileSync(path.join(CORPUS, f), 'utf8'), f).variables);
  const edges = [
    variable('AUTH_KEY', publishableKey(DEV_HOST)),
    variable('SOME_KEY', publishableKey(DEV_HOST, 'live')),
    variable('NEXT_PUBLIC_UNSAFE_DISABLE_DEVELOPMENT_MODE_CONSOLE_WARNING', 'true'),
    variable('clerk_secret_key', secretKey('test')),
    variable('STRIPE_SECRET_KEY', secretKey('live')),
    variable('WEBHOOK_SECRET', 'whsec_' + 'a'.repeat(32)),
    variable('CLERK_PUBLISHABLE_KEY', 'placeholder'),
    variable('NEXT_PUBLIC_CLERK_SIGN_IN_URL', 'http://localhost:3000'),
    variable('CLERK_SECRET_KEY', secretKey('live')),
    variable('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', publishableKey(PROD_HOST, 'live'))
  ];
  return [...fromCorpus, edges];
}

describe('mayConcernClerk, the engine pre-filter', () => {
  it.each([
    ['production', true],
    ['staging', false]
  ])('drops nothing any rule reports (%s)', (environment, isProduction) => {
    let compared = 0;
    for (const variables of scopes()) {
      const filtered = variables.filter((v) => mayConcernClerk(v.name, v.value));
      for (const rule of RULES) {
        const options = { environment, isProduction, frameworks: new Set(['nextjs']), hasRuntimeSources: true };
        const all = rule.check(context(variables, options)).map((h) => [h.variable.name, h.message]);
        const some = rule.check(context(filtered, options)).map((h) => [h.variable.name, h.message]);
        expect([rule.meta.id, some]).toEqual([rule.meta.id, all]);
        compared += all.length;
      }
    }
    // The comparison is only meaningful if the rules fire on this input.
    expect(compared).toBeGreaterThan(50);
  });
});
