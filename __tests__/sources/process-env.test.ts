import { describe, expect, it } from '@jest/globals';
import { readProcessEnv } from '../../src/sources/process-env.js';

describe('readProcessEnv', () => {
  it('drops runner variables and undefined values, keeps the rest verbatim', () => {
    const key = 'pk_test_' + Buffer.from('x.y$').toString('base64');
    const vars = readProcessEnv(
      Object.entries({
        GITHUB_TOKEN: 'ghs_x',
        GITHUB_SHA: 'abc',
        RUNNER_OS: 'Linux',
        INPUT_PATHS: '.',
        ACTIONS_RUNTIME_TOKEN: 't',
        UNSET: undefined,
        NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: key,
        EMPTY: '',
        MY_GITHUB_THING: 'kept'
      })
    );
    expect(vars).toEqual([
      { name: 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', value: key, origin: { kind: 'env' } },
      { name: 'EMPTY', value: '', origin: { kind: 'env' } },
      { name: 'MY_GITHUB_THING', value: 'kept', origin: { kind: 'env' } }
    ]);
  });

  it('keeps a variable named __proto__ (an object spread or a schema record would drop it)', () => {
    expect(readProcessEnv([['__proto__', 'x']])).toEqual([{ name: '__proto__', value: 'x', origin: { kind: 'env' } }]);
  });
});
