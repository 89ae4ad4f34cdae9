import { describe, expect, it } from '@jest/globals';
import { liveKeyOutsideProduction } from '../../../src/rules/variables/live-key-outside-production.js';
import { PROD_HOST, publishableKey, secretKey } from '../../helpers/keys.js';
import { context, variable } from '../../helpers/variables.js';
import { messageOf } from '../../helpers/messages.js';

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
