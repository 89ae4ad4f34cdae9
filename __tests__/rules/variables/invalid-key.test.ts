import { describe, expect, it } from '@jest/globals';
import { invalidKey } from '../../../src/rules/variables/invalid-key.js';
import { secretInPublicVariable } from '../../../src/rules/variables/secret-in-public-variable.js';
import { PROD_HOST, publishableKey, secretKey } from '../../helpers/keys.js';
import { context, variable } from '../../helpers/variables.js';
import { messageOf } from '../../helpers/messages.js';

describe('invalid-key', () => {
  it.each([
    ['NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', 'your_publishable_key_here'],
    ['NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', 'pk_live_!!!notbase64'],
    ['NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', `pk_live_${Buffer.from('nodot$').toString('base64')}`],
    ['NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', `pk_live_${Buffer.from(PROD_HOST).toString('base64')}`],
    ['CLERK_SECRET_KEY', 'sk_...'],
    ['CLERK_SECRET_KEY', publishableKey(PROD_HOST, 'live')]
  ])('fires on %s = %j', (name, value) => {
    expect(invalidKey.check(context([variable(name, value)]))).toHaveLength(1);
  });
  it.each([
    ['NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', ''],
    ['CLERK_SECRET_KEY', ''],
    ['CLERK_SECRET_KEY', '  ']
  ])('treats %s = %j as not set, in every environment (missing-key judges it)', (name, value) => {
    for (const isProduction of [true, false]) {
      expect(invalidKey.check(context([variable(name, value)], { isProduction }))).toEqual([]);
    }
  });
  it('words each problem as a sentence', () => {
    const hits = invalidKey.check(
      context([variable('VITE_CLERK_PUBLISHABLE_KEY', `pk_live_${Buffer.from('nodot$').toString('base64')}`)])
    );
    expect(messageOf(invalidKey, hits[0])).toBe(
      'VITE_CLERK_PUBLISHABLE_KEY is not a valid publishable key: the host it encodes has no dot.'
    );
  });
  it('passes valid keys', () => {
    const hits = invalidKey.check(
      context([
        variable('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', publishableKey(PROD_HOST, 'live')),
        variable('CLERK_SECRET_KEY', secretKey('live')),
        variable('CLERK_API_KEY', 'live_' + 'b'.repeat(30))
      ])
    );
    expect(hits).toEqual([]);
  });
  it('never includes the value in its message', () => {
    const placeholder = 'sk_placeholder_do_not_print';
    const hits = invalidKey.check(context([variable('CLERK_SECRET_KEY', placeholder)]));
    expect(messageOf(invalidKey, hits[0])).not.toContain(placeholder);
  });
});

describe('invalid-key leaves a secret in a public key variable to secret-in-public-variable', () => {
  it.each([secretKey('live'), 'whsec_' + 'c'.repeat(32), `rk_live_51${'FakeStripeKey0'.repeat(6)}`])(
    'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY holding %s is one finding, not two',
    (value) => {
      const variables = [variable('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', value)];
      expect(invalidKey.check(context(variables))).toEqual([]);
      expect(secretInPublicVariable.check(context(variables))).toHaveLength(1);
    }
  );
});
