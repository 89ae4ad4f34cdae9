import { describe, expect, it } from '@jest/globals';
import { invalidKey } from '../../src/rules/variables/invalid-key.js';
import { keyEnvironmentMismatch } from '../../src/rules/variables/key-environment-mismatch.js';
import { missingKey } from '../../src/rules/variables/missing-key.js';
import { secretInPublicVariable } from '../../src/rules/variables/secret-in-public-variable.js';
import { DEV_HOST, PROD_HOST, publishableKey, secretKey } from '../helpers/keys.js';
import { context, variable } from '../helpers/variables.js';
import { messageOf } from '../helpers/messages.js';

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

describe('key-environment-mismatch', () => {
  it('fires when the secret key and publishable key come from different instances', () => {
    const hits = keyEnvironmentMismatch.check(
      context([
        variable('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', publishableKey(DEV_HOST)),
        variable('CLERK_SECRET_KEY', secretKey('live'))
      ])
    );
    expect(hits).toHaveLength(1);
    expect(messageOf(keyEnvironmentMismatch, hits[0])).toBe(
      'CLERK_SECRET_KEY is a production key but NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY is a development key.'
    );
  });
  it('passes a matching pair', () => {
    const hits = keyEnvironmentMismatch.check(
      context([
        variable('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', publishableKey(PROD_HOST, 'live')),
        variable('CLERK_SECRET_KEY', secretKey('live'))
      ])
    );
    expect(hits).toEqual([]);
  });
  it('reports a clash with a runtime key on the key of this scope, and leaves runtime-only clashes to the runtime scope', () => {
    const filePk = variable('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', publishableKey(DEV_HOST));
    const runtimeSk = variable('CLERK_SECRET_KEY', secretKey('live'), { kind: 'secrets' });
    const runtimePk = variable('CLERK_PUBLISHABLE_KEY', publishableKey(DEV_HOST), { kind: 'vars' });
    const withFile = keyEnvironmentMismatch.check(context([filePk], { effective: [filePk, runtimeSk, runtimePk] }));
    expect(withFile.map((h) => h.variable)).toEqual([filePk]);
    const fileWithoutKeys = variable('NEXT_PUBLIC_CLERK_SIGN_IN_URL', '/sign-in');
    const noOwnKeys = keyEnvironmentMismatch.check(
      context([fileWithoutKeys], { effective: [fileWithoutKeys, runtimeSk, runtimePk] })
    );
    expect(noOwnKeys).toEqual([]);
  });
  it('ignores shadowed definitions', () => {
    const shadowed = variable('CLERK_SECRET_KEY', secretKey('test'), undefined, { shadowedBy: { kind: 'secrets' } });
    const hits = keyEnvironmentMismatch.check(
      context([
        variable('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', publishableKey(PROD_HOST, 'live')),
        shadowed,
        variable('CLERK_SECRET_KEY', secretKey('live'), { kind: 'secrets' })
      ])
    );
    expect(hits).toEqual([]);
  });
});

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
