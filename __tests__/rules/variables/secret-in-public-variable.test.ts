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

describe('secret-in-public-variable: any browser-exposed variable, whatever its name', () => {
  const stripeSecret = `sk_live_51${'FakeStripeKey0'.repeat(6)}`;
  const restricted = `rk_live_51${'FakeStripeKey0'.repeat(6)}`;

  it.each([
    ['NUXT_PUBLIC_LEAKED', secretKey('live'), 'secretKey'],
    ['NEXT_PUBLIC_STRIPE_SECRET', stripeSecret, 'secretKey'],
    ['VITE_PAYMENTS', `rk_test_${'FakeStripeKey0'.repeat(4)}`, 'restrictedKey'],
    ['PUBLIC_X', restricted, 'restrictedKey'],
    ['EXPO_PUBLIC_HOOK', 'whsec_' + 'c'.repeat(32), 'webhookSecret'],
    ['GATSBY_TOKEN', secretKey('test'), 'secretKey'],
    ['REACT_APP_KEY', secretKey('live'), 'secretKey'],
    ['VUE_APP_KEY', secretKey('live'), 'secretKey']
  ])('%s holding a secret is a leak', (name, value, messageId) => {
    const [hit] = secretInPublicVariable.check(context([variable(name, value)]));
    expect(hit).toMatchObject({ messageId, fixId: 'fixAnyService', data: { name } });
  });

  it('a Clerk-named variable keeps the Clerk fix; a non-public one, a publishable key or a plain word is no hit', () => {
    const [clerk] = secretInPublicVariable.check(
      context([variable('NUXT_PUBLIC_CLERK_SECRET_KEY', secretKey('live'))])
    );
    expect(clerk?.fixId).toBeUndefined();
    expect(
      secretInPublicVariable.check(
        context([
          variable('STRIPE_SECRET_KEY', stripeSecret),
          variable('NUXT_STRIPE_RESTRICTED_KEY', restricted),
          variable('NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY', `pk_live_51${'FakeStripeKey0'.repeat(6)}`),
          // A legacy `live_…` API key is too plain a shape to judge outside a Clerk API key variable.
          variable('VITE_STREAM', 'live_stream0123456789'),
          variable('VITE_MODE', 'sk_live_'),
          variable('VITE_CLERK_SECRET_KEY', '')
        ])
      )
    ).toEqual([]);
  });
});
