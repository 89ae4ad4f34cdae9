import { describe, expect, it } from '@jest/globals';
import { missingKey } from '../../../src/rules/variables/missing-key.js';
import { PROD_HOST, publishableKey, secretKey } from '../../helpers/keys.js';
import { context, variable } from '../../helpers/variables.js';

describe('missing-key', () => {
  it('reports a missing secret key for a server-side app', () => {
    const hits = missingKey.check(
      context([variable('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', publishableKey(PROD_HOST, 'live'))], {
        frameworks: new Set(['nextjs']),
        hasRuntimeSources: true
      })
    );
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject: 'CLERK_SECRET_KEY', absent: true, severity: 'error' });
  });
  it('does not require a secret key for a browser-only Vite app', () => {
    const hits = missingKey.check(
      context([variable('VITE_CLERK_PUBLISHABLE_KEY', publishableKey(PROD_HOST, 'live'))], {
        frameworks: new Set(['vite'])
      })
    );
    expect(hits).toEqual([]);
  });
  it('reports a missing publishable key, as a warning when only dotenv files were read', () => {
    const hits = missingKey.check(context([variable('CLERK_SECRET_KEY', secretKey('live'))]));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject: 'CLERK_PUBLISHABLE_KEY', severity: 'warning' });
  });
  it('says nothing when Clerk is not in use', () => {
    expect(missingKey.check(context([variable('DATABASE_URL', 'postgres://db')]))).toEqual([]);
  });
  it('treats an empty key as a missing one: a warning without runtime sources, an error with them', () => {
    const vars = [
      variable('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', publishableKey(PROD_HOST, 'live')),
      variable('CLERK_SECRET_KEY', '')
    ];
    const options = { frameworks: new Set(['nextjs']) };
    expect(missingKey.check(context(vars, options))).toEqual([
      expect.objectContaining({ subject: 'CLERK_SECRET_KEY', severity: 'warning', absent: true })
    ]);
    expect(missingKey.check(context(vars, { ...options, hasRuntimeSources: true }))).toEqual([
      expect.objectContaining({ subject: 'CLERK_SECRET_KEY', severity: 'error' })
    ]);
  });
  it('says nothing about a committed file of empty placeholders', () => {
    const placeholders = [variable('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', ''), variable('CLERK_SECRET_KEY', '')];
    expect(missingKey.check(context(placeholders, { frameworks: new Set(['nextjs']) }))).toEqual([]);
  });
});
