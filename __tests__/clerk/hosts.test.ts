import { describe, expect, it } from '@jest/globals';
import { hostOf, isDevelopmentOrStagingHost } from '../../src/clerk/hosts.js';

describe('hostOf', () => {
  it.each([
    ['https://clerk.example.com/path', 'clerk.example.com'],
    ['https://clerk.example.com', 'clerk.example.com'],
    ['HTTPS://Clerk.Example.COM./x?y#z', 'clerk.example.com'],
    ['http://user:pass@clerk.example.com:8443/x', 'clerk.example.com'],
    ['//clerk.example.com/npm', 'clerk.example.com'],
    ['postgres://u:p@LOCALHOST:5432/db', 'localhost'],
    ['clerk.example.com', 'clerk.example.com'],
    ['  clerk.example.com\n', 'clerk.example.com'],
    ['clerk.example.com/sign-in', 'clerk.example.com'],
    ['clerk.example.com:443', 'clerk.example.com'],
    ['localhost', 'localhost'],
    ['localhost:3000', 'localhost'],
    ['web:8080', 'web'],
    ['127.0.0.1', '127.0.0.1'],
    ['127.0.0.1:3000/x', '127.0.0.1'],
    ['http://127.1', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'],
    ['::1', '::1'],
    ['[::1]:3000', '::1'],
    ['http://[::1]:3000/', '::1'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['fe80::1%eth0', 'fe80::1%eth0'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['a_b.example.com', 'a_b.example.com']
  ])('%j → %j', (value, host) => {
    expect(hostOf(value)).toBe(host);
  });

  it.each([
    '',
    '   ',
    '/sign-in',
    '/',
    './x',
    '../x',
    '?redirect=1',
    '#top',
    'sign-in',
    'true',
    '1',
    '1.2.3',
    '3.0',
    'me@example.com',
    'mailto:me@example.com',
    'https://',
    'file:///etc/hosts',
    'clerk example.com',
    'https://exa mple.com',
    'a:b:c',
    '[not-ip]:80'
  ])('%j → null', (value) => {
    expect(hostOf(value)).toBeNull();
  });
});

describe('isDevelopmentOrStagingHost', () => {
  it.each([
    'happy-hippo-12.clerk.accounts.dev',
    'happy-hippo-12.accounts.dev',
    'clerk.happy.hippo-12.lcl.dev',
    'foo.clerk.accountsstage.dev',
    'HAPPY-HIPPO-12.CLERK.ACCOUNTS.DEV.',
    'myaccounts.dev' // Clerk's suffix has no leading dot
  ])('%j → true', (h) => {
    expect(isDevelopmentOrStagingHost(h)).toBe(true);
  });
  it.each([
    '',
    'clerk.example.com',
    'accounts.example.com',
    'clerk.lcl.dev.example.com',
    'example.dev',
    'https://x.accounts.dev/'
  ])('%j → false', (h) => {
    expect(isDevelopmentOrStagingHost(h)).toBe(false);
  });
});
