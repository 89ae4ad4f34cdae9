/** The address rules of net/address.ts: what is internal, and the loopback rule for anything carrying a key. */
import { describe, expect, it } from '@jest/globals';
import { isHttpsOrLoopback, isInternalAddress, isLoopbackAddress } from '../../src/net/address.js';

describe('isInternalAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.1.2',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '[::1]',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '[::ffff:127.0.0.1]',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe'
  ])('%s is internal', (host) => {
    expect(isInternalAddress(host)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '172.32.0.1',
    '172.15.255.255',
    '192.169.0.1',
    '2606:4700::1',
    '::ffff:8.8.8.8',
    'example.com',
    'localhost'
  ])('%s is not (a name is judged when it resolves)', (host) => {
    expect(isInternalAddress(host)).toBe(false);
  });
});

describe('the loopback rule', () => {
  it('https anywhere; http only to a loopback IP', () => {
    expect(isHttpsOrLoopback(new URL('https://api.clerk.com'))).toBe(true);
    expect(isHttpsOrLoopback(new URL('http://127.0.0.1:8080'))).toBe(true);
    expect(isHttpsOrLoopback(new URL('http://[::1]:8080'))).toBe(true);
    expect(isHttpsOrLoopback(new URL('http://localhost:8080'))).toBe(false);
    expect(isHttpsOrLoopback(new URL('http://10.0.0.1'))).toBe(false);
    expect(isHttpsOrLoopback(new URL('ftp://127.0.0.1'))).toBe(false);
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
  });
});
