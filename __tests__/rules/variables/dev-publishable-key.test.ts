import { describe, expect, it } from '@jest/globals';
import { devPublishableKey } from '../../../src/rules/variables/dev-publishable-key.js';
import { DEV_HOST, PROD_HOST, publishableKey, stripeShapedKey } from '../../helpers/keys.js';
import { context, variable } from '../../helpers/variables.js';
import { messageOf } from '../../helpers/messages.js';

describe('dev-publishable-key', () => {
  it.each([
    'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
    'VITE_CLERK_PUBLISHABLE_KEY',
    'PUBLIC_CLERK_PUBLISHABLE_KEY',
    'EXPO_PUBLIC_CLERK_PUBLISHABLE_KEY',
    'NUXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
    'REACT_APP_CLERK_PUBLISHABLE_KEY',
    'GATSBY_CLERK_PUBLISHABLE_KEY',
    'PLASMO_PUBLIC_CLERK_PUBLISHABLE_KEY',
    'CLERK_PUBLISHABLE_KEY'
  ])('fires on pk_test_ in %s', (name) => {
    const hits = devPublishableKey.check(context([variable(name, publishableKey(DEV_HOST))]));
    expect(hits).toHaveLength(1);
    expect(messageOf(devPublishableKey, hits[0])).toContain(DEV_HOST);
  });
  it('fires on a valid Clerk pk_test_ key in an unconventional variable, by its format', () => {
    expect(devPublishableKey.check(context([variable('AUTH_KEY', publishableKey(DEV_HOST))]))).toHaveLength(1);
  });
  it('ignores a Stripe publishable key, which shares the pk_test_ prefix', () => {
    const stripe = stripeShapedKey('pk_test_');
    expect(devPublishableKey.check(context([variable('NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY', stripe)]))).toEqual([]);
  });
  it('passes a live key', () => {
    const live = variable('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', publishableKey(PROD_HOST, 'live'));
    expect(devPublishableKey.check(context([live]))).toEqual([]);
  });
});
