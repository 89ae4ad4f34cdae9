import { describe, expect, it } from '@jest/globals';
import { secretInPublicVariable } from '../../../src/rules/variables/secret-in-public-variable.js';
import { secretKey } from '../../helpers/keys.js';
import { context, variable } from '../../helpers/variables.js';

describe('secret-in-public-variable', () => {
  it('fires on secret keys and webhook secrets in public Clerk variables', () => {
    const hits = secretInPublicVariable.check(
      context([
        variable('NEXT_PUBLIC_CLERK_SECRET_KEY', secretKey('live')),
        variable('VITE_CLERK_WEBHOOK_SECRET', 'whsec_' + 'c'.repeat(32)),
        variable('CLERK_SECRET_KEY', secretKey('live'))
      ])
    );
    expect(hits.map((h) => h.variable.name)).toEqual(['NEXT_PUBLIC_CLERK_SECRET_KEY', 'VITE_CLERK_WEBHOOK_SECRET']);
  });
});
