import { describe, expect, it } from '@jest/globals';
import { devSecretKey } from '../../../src/rules/variables/dev-secret-key.js';
import { secretKey } from '../../helpers/keys.js';
import { context, variable } from '../../helpers/variables.js';
import { messageOf } from '../../helpers/messages.js';

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
