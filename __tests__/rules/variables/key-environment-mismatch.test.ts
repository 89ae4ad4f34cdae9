import { describe, expect, it } from '@jest/globals';
import { keyEnvironmentMismatch } from '../../../src/rules/variables/key-environment-mismatch.js';
import { DEV_HOST, PROD_HOST, publishableKey, secretKey } from '../../helpers/keys.js';
import { context, variable } from '../../helpers/variables.js';
import { messageOf } from '../../helpers/messages.js';

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
