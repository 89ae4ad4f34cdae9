import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Variable } from '../../src/core/variable.js';
import { mayConcernClerk } from '../../src/rules/clerk-variables.js';
import { RULES } from '../../src/rules/index.js';
import { parseDotenv } from '../../src/sources/dotenv-file.js';
import { DEV_HOST, PROD_HOST, publishableKey, secretKey } from '../helpers/keys.js';
import { corpusFiles, type CorpusFile, describeWithShared, VENDORED_CORPUS } from '../helpers/shared-data.js';
import { context, variable } from '../helpers/variables.js';

/** Every given corpus file, plus variables built to sit at the edges of the filter. */
function scopes(files: CorpusFile[]): Variable[][] {
  const fromCorpus = files.map((f) => parseDotenv(readFileSync(f.file, 'utf8'), f.name).variables);
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

const ENVIRONMENTS: [string, boolean][] = [
  ['production', true],
  ['staging', false]
];

/** Checks that every rule reports the same with and without the pre-filter; returns how many hits it compared. */
function compareFiltered(files: CorpusFile[], environment: string, isProduction: boolean): number {
  let compared = 0;
  for (const variables of scopes(files)) {
    const filtered = variables.filter((v) => mayConcernClerk(v.name, v.value));
    for (const rule of RULES) {
      const options = { environment, isProduction, frameworks: new Set(['nextjs']), hasRuntimeSources: true };
      const all = rule.check(context(variables, options)).map((h) => [h.variable.name, h.messageId, h.data]);
      const some = rule.check(context(filtered, options)).map((h) => [h.variable.name, h.messageId, h.data]);
      expect([rule.meta.id, some]).toEqual([rule.meta.id, all]);
      compared += all.length;
    }
  }
  return compared;
}

describe('mayConcernClerk, the engine pre-filter', () => {
  it.each(ENVIRONMENTS)('drops nothing any rule reports on the vendored corpus (%s)', (environment, isProduction) => {
    // The comparison is only meaningful if the rules fire on this input (the 42 vendored files: 69 and 43 hits).
    expect(compareFiltered(corpusFiles(VENDORED_CORPUS), environment, isProduction)).toBeGreaterThan(30);
  });
});

describeWithShared('mayConcernClerk on the whole corpus, in ../shared', ['corpus', 'dotenv'], (dir) => {
  it.each(ENVIRONMENTS)('drops nothing any rule reports (%s)', (environment, isProduction) => {
    // The comparison is only meaningful if the rules fire on this input.
    expect(compareFiltered(corpusFiles(dir), environment, isProduction)).toBeGreaterThan(50);
  });
});
