import { netModule } from '../core/builtins.js';

/**
 * IP address literals, as node:net judges them, without loading node:net for the values that cannot be one:
 * an IPv6 address always has a colon, a dotted-decimal IPv4 address has only digits and dots. Most values
 * are neither, and node:net brings Node's streams stack with it and compiles a large IPv6 pattern.
 */
export function isIPv4Address(text: string): boolean {
  return /^[0-9.]+$/.test(text) && netModule().isIPv4(text);
}

export function isIPv6Address(text: string): boolean {
  return text.includes(':') && netModule().isIPv6(text);
}
