import { describe, expect, it } from '@jest/globals';
import { devFrontendApi } from '../../src/rules/variables/dev-frontend-api.js';
import { devUrl } from '../../src/rules/variables/dev-url.js';
import { devOnlySetting } from '../../src/rules/variables/dev-only-setting.js';
import { DEV_HOST, PROD_HOST, publishableKey } from '../helpers/keys.js';
import { context, variable } from '../helpers/variables.js';
import { messageOf } from '../helpers/messages.js';

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

describe('dev-url', () => {
  it.each([
    ['NEXT_PUBLIC_CLERK_SIGN_IN_URL', 'http://localhost:3000/sign-in'],
    ['NEXT_PUBLIC_CLERK_AFTER_SIGN_IN_URL', 'http://127.0.0.1:3000/'],
    ['NEXT_PUBLIC_CLERK_SIGN_UP_FALLBACK_REDIRECT_URL', 'http://192.168.1.20/dashboard'],
    ['CLERK_PROXY_URL', 'http://my-mac.local/__clerk'],
    ['NEXT_PUBLIC_CLERK_DOMAIN', 'localhost'],
    ['CLERK_API_URL', 'http://10.0.0.5:8080']
  ])('fires on %s = %s', (name, value) => {
    expect(devUrl.check(context([variable(name, value)]))).toHaveLength(1);
  });
  it('passes paths, public URLs and non-Clerk variables', () => {
    const hits = devUrl.check(
      context([
        variable('NEXT_PUBLIC_CLERK_SIGN_IN_URL', '/sign-in'),
        variable('NEXT_PUBLIC_CLERK_AFTER_SIGN_IN_URL', 'https://app.example.com/'),
        variable('DATABASE_URL', 'postgres://localhost:5432/db')
      ])
    );
    expect(hits).toEqual([]);
  });
  it('is silent outside production', () => {
    const ctx = context([variable('NEXT_PUBLIC_CLERK_SIGN_IN_URL', 'http://localhost:3000/sign-in')], {
      isProduction: false,
      environment: 'preview'
    });
    expect(devUrl.check(ctx)).toEqual([]);
  });
});

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
