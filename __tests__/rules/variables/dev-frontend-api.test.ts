import { describe, expect, it } from '@jest/globals';
import { devFrontendApi } from '../../../src/rules/variables/dev-frontend-api.js';
import { DEV_HOST, PROD_HOST, publishableKey } from '../../helpers/keys.js';
import { context, variable } from '../../helpers/variables.js';
import { messageOf } from '../../helpers/messages.js';

describe('dev-frontend-api', () => {
  it.each([
    ['CLERK_FRONTEND_API', 'clerk.happy.hippo-12.lcl.dev'],
    ['NEXT_PUBLIC_CLERK_FRONTEND_API', 'clerk.happy.hippo-12.lcl.dev'],
    ['CLERK_FRONTEND_API_URL', `https://${DEV_HOST}`],
    ['NEXT_PUBLIC_CLERK_PROXY_URL', `https://${DEV_HOST}/__clerk`],
    ['CLERK_JWT_ISSUER_DOMAIN', `https://${DEV_HOST}`],
    ['CLERK_JWKS_URL', `https://${DEV_HOST}/.well-known/jwks.json`],
    ['NEXT_PUBLIC_CLERK_SIGN_IN_URL', 'https://happy-hippo-12.accounts.dev/sign-in']
  ])('fires on %s = %s', (name, value) => {
    const hits = devFrontendApi.check(context([variable(name, value)]));
    expect(hits).toHaveLength(1);
    expect(messageOf(devFrontendApi, hits[0])).toMatch(/development or staging/);
  });
  it('fires on a pk_live_ key that encodes a development host', () => {
    const hits = devFrontendApi.check(
      context([variable('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', publishableKey(DEV_HOST, 'live'))])
    );
    expect(hits).toHaveLength(1);
    expect(messageOf(devFrontendApi, hits[0])).toContain('pk_live_');
  });
  it('passes production hosts, relative paths and non-Clerk variables', () => {
    const hits = devFrontendApi.check(
      context([
        variable('CLERK_FRONTEND_API_URL', `https://${PROD_HOST}`),
        variable('NEXT_PUBLIC_CLERK_SIGN_IN_URL', '/sign-in'),
        variable('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', publishableKey(PROD_HOST, 'live')),
        variable('DOCS_URL', `https://${DEV_HOST}`)
      ])
    );
    expect(hits).toEqual([]);
  });
  it('leaves a pk_test_ key to dev-publishable-key', () => {
    const hits = devFrontendApi.check(
      context([variable('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', publishableKey(DEV_HOST))])
    );
    expect(hits).toEqual([]);
  });
});
