import { describe, expect, it } from '@jest/globals';
import { devOnlySetting } from '../../../src/rules/variables/dev-only-setting.js';
import { context, variable } from '../../helpers/variables.js';

describe('dev-only-setting', () => {
  it('warns about development-only settings that are on', () => {
    const hits = devOnlySetting.check(
      context([
        variable('NEXT_PUBLIC_UNSAFE_DISABLE_DEVELOPMENT_MODE_CONSOLE_WARNING', 'true'),
        variable('CLERK_TESTING_TOKEN', 'abcdefghijkl'),
        variable('CLERK_TELEMETRY_DEBUG', '0')
      ])
    );
    expect(hits.map((h) => h.variable.name)).toEqual([
      'NEXT_PUBLIC_UNSAFE_DISABLE_DEVELOPMENT_MODE_CONSOLE_WARNING',
      'CLERK_TESTING_TOKEN'
    ]);
  });
});
