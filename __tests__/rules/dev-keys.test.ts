import { describe, expect, it } from '@jest/globals';
import { devPublishableKey } from '../../src/rules/variables/dev-publishable-key.js';
import { devSecretKey } from '../../src/rules/variables/dev-secret-key.js';
import { liveKeyOutsideProduction } from '../../src/rules/variables/live-key-outside-production.js';
import { DEV_HOST, PROD_HOST, publishableKey, secretKey, stripeShapedKey } from '../helpers/keys.js';
import { context, variable } from '../helpers/variables.js';
import { messageOf } from '../helpers/messages.js';

describe('dev-secret-key', () => {
  it('fires on sk_test_ in CLERK_SECRET_KEY in production', () => {
    const hits = devSecretKey.check(context([variable('CLERK_SECRET_KEY', secretKey('test'))]));
    expect(hits.map((h) => h.variable.name)).toEqual(['CLERK_SECRET_KEY']);
    expect(messageOf(devSecretKey, hits[0])).toContain('development secret key');
  });
  it('fires on a legacy test_ API key in CLERK_API_KEY', () => {
    const hits = devSecretKey.check(context([variable('CLERK_API_KEY', 'test_' + 'a'.repeat(30))]));
    expect(hits).toHaveLength(1);
    expect(messageOf(devSecretKey, hits[0])).toContain('legacy');
  });
  it('ignores Stripe and other non-Clerk variables holding sk_test_', () => {
    const hits = devSecretKey.check(
      context([variable('STRIPE_SECRET_KEY', secretKey('test')), variable('SECRET', secretKey('test'))])
    );
    expect(hits).toEqual([]);
  });
  it('passes a live key and stays silent outside production', () => {
    expect(devSecretKey.check(context([variable('CLERK_SECRET_KEY', secretKey('live'))]))).toEqual([]);
    const staging = context([variable('CLERK_SECRET_KEY', secretKey('test'))], {
      environment: 'staging',
      isProduction: false
    });
    expect(devSecretKey.check(staging)).toEqual([]);
  });
});

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

describe('live-key-outside-production', () => {
  const staging = { environment: 'staging', isProduction: false };
  it('warns about live keys in a non-production environment', () => {
    const hits = liveKeyOutsideProduction.check(
      context(
        [
          variable('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', publishableKey(PROD_HOST, 'live')),
          variable('CLERK_SECRET_KEY', secretKey('live')),
          variable('STRIPE_SECRET_KEY', secretKey('live'))
        ],
        staging
      )
    );
    expect(hits.map((h) => h.variable.name)).toEqual(['NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', 'CLERK_SECRET_KEY']);
    expect(messageOf(liveKeyOutsideProduction, hits[0])).toContain('staging');
  });
  it('says nothing in production or about test keys', () => {
    expect(liveKeyOutsideProduction.check(context([variable('CLERK_SECRET_KEY', secretKey('live'))]))).toEqual([]);
    expect(liveKeyOutsideProduction.check(context([variable('CLERK_SECRET_KEY', secretKey('test'))], staging))).toEqual(
      []
    );
  });
});
