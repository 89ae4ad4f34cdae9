/**
 * parseOptions, the one reader under both shells: a raw value converted by its kind, checked by its zod type,
 * errors naming the option as the shell calls it (never the value), and the environment's value for an option not
 * given, named by its variable.
 */
import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/core/errors.js';
import { ENGINE_OPTIONS, type OptionSpec } from '../../src/options/declarations.js';
import { parseOptions, splitList } from '../../src/options/parse.js';

const asFlag = (spec: OptionSpec): string => `--${spec.flag ?? spec.input}`;
const asInput = (spec: OptionSpec): string => spec.input ?? '';

function parse(values: Record<string, string>, name = asInput, fallback: Record<string, string> = {}) {
  return parseOptions(ENGINE_OPTIONS, (spec) => (spec.input ? values[spec.input] : undefined), name, fallback);
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('parseOptions', () => {
  it('converts by kind: lists, booleans, seconds; an empty value is not given', () => {
    expect(
      parse({
        'production-environments': 'production,\nlive',
        offline: 'TRUE',
        'api-timeout': '2.5',
        environment: '',
        'env-files': 'apps/web, apps/admin'
      })
    ).toEqual({
      productionEnvironments: ['production', 'live'],
      offline: true,
      apiTimeoutMs: 2500,
      paths: ['apps/web', 'apps/admin']
    });
  });

  it('names the input for the action and the flag for the CLI, never the value', () => {
    expect(refusal(() => parse({ 'deployment-url': 'http://example.com/secret-path' }))).toBe(
      'deployment-url: must be an https:// URL (http:// only on a loopback address)'
    );
    expect(refusal(() => parse({ 'deployment-url': 'http://example.com/secret-path' }, asFlag))).toBe(
      '--url: must be an https:// URL (http:// only on a loopback address)'
    );
    expect(refusal(() => parse({ offline: 'yes' }, asFlag))).toBe('--offline: expected true or false');
    expect(refusal(() => parse({ 'api-timeout': 'ten' }))).toBe('api-timeout: expected a number of seconds');
    expect(refusal(() => parse({ 'fail-on': 'sometimes' }, asFlag))).toBe(
      '--fail-on: expected one of error, warning, never'
    );
  });

  it("takes the environment's value for an option not given; a blank variable is not set", () => {
    expect(parse({}, asInput, { vercelProject: 'prj_1', gitBranch: 'feature/x' })).toMatchObject({
      vercelProject: 'prj_1',
      gitBranch: 'feature/x'
    });
    expect(parse({ 'vercel-project': 'given' }, asInput, { vercelProject: 'prj_1' }).vercelProject).toBe('given');
    expect(parse({}, asInput, { vercelProject: '   ' }).vercelProject).toBeUndefined();
  });

  it('splitList: commas or newlines, blanks dropped', () => {
    expect(splitList(' a,\n b ,,\n')).toEqual(['a', 'b']);
    expect(splitList(undefined)).toEqual([]);
  });
});
