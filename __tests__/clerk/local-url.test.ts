import { describe, expect, it } from '@jest/globals';
import { localUrlReason } from '../../src/clerk/local-url.js';

describe('localUrlReason', () => {
  it.each([
    ['http://localhost:3000/sign-in', 'points at localhost'],
    ['localhost', 'points at localhost'],
    ['LOCALHOST:3000', 'points at localhost'],
    ['https://app.localhost', 'points at localhost'],
    ['http://127.0.0.1:3000', 'points at a loopback address (localhost)'],
    ['127.8.9.10', 'points at a loopback address (localhost)'],
    ['http://127.1/', 'points at a loopback address (localhost)'],
    ['http://[::1]:3000', 'points at a loopback address (localhost)'],
    ['::1', 'points at a loopback address (localhost)'],
    ['http://[::ffff:127.0.0.1]/', 'points at a loopback address (localhost)'],
    ['http://0.0.0.0:3000', 'points at the unspecified address (0.0.0.0 or ::)'],
    ['http://0/', 'points at the unspecified address (0.0.0.0 or ::)'],
    ['http://[::]:80', 'points at the unspecified address (0.0.0.0 or ::)'],
    ['http://10.1.2.3', 'points at a private network address'],
    ['172.16.0.1', 'points at a private network address'],
    ['172.31.255.255:8080', 'points at a private network address'],
    ['https://192.168.1.20/x', 'points at a private network address'],
    ['http://[fd12:3456::1]/', 'points at a private network address'],
    ['fc00::1', 'points at a private network address'],
    ['http://[::ffff:10.0.0.1]/', 'points at a private network address'],
    ['http://169.254.169.254/latest', 'points at a link-local address'],
    ['http://[fe80::1]/', 'points at a link-local address'],
    ['fe80::1%eth0', 'points at a link-local address'],
    ['http://my-mac.local:3000', 'points at a .local (mDNS) host'],
    ['http://host.docker.internal:3000', 'points at a .internal (private network) host'],
    ['https://router.home.arpa', 'points at a .home.arpa (home network) host'],
    ['https://myapp.test/sign-in', 'points at a .test host (reserved, never public)']
  ])('%j → %s', (value, reason) => {
    expect(localUrlReason(value)).toBe(reason);
  });

  it.each([
    '/sign-in',
    '/',
    '',
    'sign-in',
    'https://clerk.example.com',
    'https://accounts.example.com/sign-in',
    'https://example.com',
    'http://api:8080', // single-label service names are not flagged
    'http://172.15.0.1',
    'http://172.32.0.1',
    'http://11.0.0.1',
    'http://192.169.0.1',
    'http://169.255.0.1',
    'http://[fec0::1]/',
    'http://[2001:db8::1]/',
    'http://8.8.8.8',
    'https://localhost.example.com',
    'https://local.example.com',
    'https://mytest.com',
    'https://example.testing'
  ])('%j → null', (value) => {
    expect(localUrlReason(value)).toBeNull();
  });
});
