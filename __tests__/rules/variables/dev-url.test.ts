import { describe, expect, it } from '@jest/globals';
import { devUrl } from '../../../src/rules/variables/dev-url.js';
import { context, variable } from '../../helpers/variables.js';

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
