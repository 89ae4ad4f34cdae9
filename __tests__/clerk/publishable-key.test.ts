import { describe, expect, it } from '@jest/globals';
import { isPublishableKey, parsePublishableKey, publishableKeyProblem } from '../../src/clerk/publishable-key.js';
import { stripeShapedKey } from '../helpers/keys.js';

const enc = (s: string): string => Buffer.from(s, 'latin1').toString('base64');
const DEV_HOST = 'happy-hippo-12.clerk.accounts.dev';
const DEV_KEY = `pk_test_${enc(`${DEV_HOST}$`)}`;

describe('parsePublishableKey', () => {
  it('reads the instance type from the prefix and the host from the payload', () => {
    expect(parsePublishableKey(DEV_KEY)).toEqual({ instanceType: 'development', frontendApi: DEV_HOST });
    expect(parsePublishableKey(`pk_live_${enc('clerk.example.com$')}`)).toEqual({
      instanceType: 'production',
      frontendApi: 'clerk.example.com'
    });
  });
  it('trusts the prefix over the host, as Clerk does', () => {
    expect(parsePublishableKey(`pk_live_${enc(`${DEV_HOST}$`)}`)?.instanceType).toBe('production');
  });
  it('accepts what Clerk accepts: unpadded, inner and trailing whitespace, odd hosts', () => {
    expect(isPublishableKey(DEV_KEY.replace(/=+$/, ''))).toBe(true);
    expect(isPublishableKey(`${DEV_KEY}\n`)).toBe(true);
    expect(isPublishableKey(`${DEV_KEY.slice(0, 12)} \t${DEV_KEY.slice(12)}`)).toBe(true);
    expect(parsePublishableKey(`pk_live_${enc('.$')}`)).toEqual({ instanceType: 'production', frontendApi: '.' });
    expect(parsePublishableKey(`pk_live_${enc('https://x.y/$')}`)?.frontendApi).toBe('https://x.y/');
  });
  it('rejects leading whitespace and uppercase prefixes', () => {
    expect(isPublishableKey(` ${DEV_KEY}`)).toBe(false);
    expect(isPublishableKey(`PK_TEST_${DEV_KEY.slice(8)}`)).toBe(false);
  });
});

describe('publishableKeyProblem', () => {
  it('is null for valid keys', () => {
    expect(publishableKeyProblem(DEV_KEY)).toBeNull();
    expect(publishableKeyProblem(`${DEV_KEY}\n`)).toBeNull();
  });
  it.each([
    ['', 'it is empty'],
    ['   ', 'it is empty'],
    ['sk_test_abc', 'it does not start with pk_test_ or pk_live_'],
    [`test_${enc(`${DEV_HOST}$`)}`, 'it does not start with pk_test_ or pk_live_'],
    [`PK_TEST_${enc(`${DEV_HOST}$`)}`, 'it does not start with pk_test_ or pk_live_'],
    [` ${DEV_KEY}`, 'it has whitespace before pk_test_ or pk_live_'],
    ['pk_test_', 'it has nothing after the pk_test_ or pk_live_ prefix'],
    ['pk_test_ \n', 'it has nothing after the pk_test_ or pk_live_ prefix'],
    [`${DEV_KEY}_x`, 'it contains an underscore after the pk_test_ or pk_live_ prefix'],
    [stripeShapedKey('pk_live_'), 'the host it encodes does not end with a single $'],
    [`pk_test_${enc(DEV_HOST)}`, 'the host it encodes does not end with a single $'],
    [`pk_test_${enc(`${DEV_HOST}$$`)}`, 'the host it encodes does not end with a single $'],
    [`pk_test_${enc(`clerk$${DEV_HOST}$`)}`, 'the host it encodes does not end with a single $'],
    [`pk_test_${enc('localhost$')}`, 'the host it encodes has no dot'],
    [`pk_test_${enc('$')}`, 'the host it encodes has no dot'],
    [`pk_test_${enc(`${DEV_HOST}$`).replace(/=+$/, '===')}`, 'the part after the prefix is not valid base64'],
    [`pk_test_${enc(`${DEV_HOST}$`)}-`, 'the part after the prefix is not valid base64'],
    ['pk_test_a', 'the part after the prefix is not valid base64']
  ])('%j → %s', (value, reason) => {
    expect(publishableKeyProblem(value)).toBe(reason);
  });
  it('never echoes the value', () => {
    const secretish = `pk_live_${'Q'.repeat(40)}`;
    expect(publishableKeyProblem(secretish)).not.toContain('QQQQ');
  });
});
