import { describe, expect, it } from '@jest/globals';
import { secretValues } from '../../src/engine/secret-values.js';
import { secretKey } from '../helpers/keys.js';
import { variable } from '../helpers/variables.js';

describe('secretValues (log masking)', () => {
  it('registers a secret, and each line of a multi-line one', () => {
    const pem = ['-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', '-----END PRIVATE KEY-----'].join(
      '\n'
    );
    const values = secretValues([variable('CLERK_JWT_KEY', pem), variable('CLERK_SECRET_KEY', secretKey('live'))]);
    expect(values).toEqual(expect.arrayContaining([pem, ...pem.split('\n'), secretKey('live')]));
  });

  it('never registers a line shorter than 8 characters or a workflow-command word', () => {
    const hostile = [
      'a-long-enough-line-1',
      'abc',
      '',
      'error',
      'stop-commands',
      'ADD-MASK',
      '  warning  ',
      'endgroup'
    ];
    const values = secretValues([variable('CLERK_WEBHOOK_SECRET', hostile.join('\n'), { kind: 'secrets' })]);
    expect(values.sort()).toEqual([hostile.join('\n'), 'a-long-enough-line-1'].sort());
  });

  it('skips values that are not secrets', () => {
    expect(secretValues([variable('NEXT_PUBLIC_CLERK_SIGN_IN_URL', 'https://example.com/sign-in')])).toEqual([]);
  });
});

describe('secretValues: secret shapes in variables not named like secrets', () => {
  it('registers an sk_, rk_ or whsec_ value in any variable, so a leak in NUXT_PUBLIC_LEAKED is masked', () => {
    const sk = secretKey('live');
    const rk = `rk_live_51${'FakeStripeKey0'.repeat(6)}`;
    const whsec = 'whsec_' + 'c'.repeat(32);
    const values = secretValues([
      variable('NUXT_PUBLIC_LEAKED', sk),
      variable('VITE_PAYMENTS', rk),
      variable('PUBLIC_HOOK', whsec)
    ]);
    expect(values.sort()).toEqual([sk, rk, whsec].sort());
  });
});
