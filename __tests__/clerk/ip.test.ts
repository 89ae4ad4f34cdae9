import { describe, expect, it } from '@jest/globals';
import { isIPv4, isIPv6 } from 'node:net';
import { isIPv4Address, isIPv6Address } from '../../src/clerk/ip.js';

describe('IP address literals', () => {
  // Their cheap guards (digits and dots; a colon) must never turn away what node:net accepts.
  const samples = [
    '127.0.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '256.1.1.1',
    '1.2.3',
    '01.2.3.4',
    '1.2.3.4.',
    ' 1.2.3.4',
    '::1',
    '::',
    'fe80::1%eth0',
    '::ffff:127.0.0.1',
    '2001:db8::1',
    '[::1]',
    'localhost:3000',
    'a:b',
    'clerk.example.com',
    '',
    '1e3',
    '١.٢.٣.٤'
  ];
  it.each(samples)('%j agrees with node:net', (text) => {
    expect(isIPv4Address(text)).toBe(isIPv4(text));
    expect(isIPv6Address(text)).toBe(isIPv6(text));
  });
});
