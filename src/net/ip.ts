/**
 * node:net's address checks, with node:net loaded on first use: a run that checks no address (most runs of the
 * CLI) does not pay for loading it at start-up (bench/README.md). A synchronous load, so the checks stay
 * synchronous; Node's own parser rather than a hand-written one.
 */
import { createRequire } from 'node:module';
import type * as Net from 'node:net';
import { once } from '../core/memo.js';

const net = once((): typeof Net => createRequire(import.meta.url)('node:net') as typeof Net);

/** 4 for an IPv4 literal, 6 for an IPv6 literal, 0 otherwise (net.isIP). */
export function isIP(input: string): number {
  return net().isIP(input);
}

export function isIPv4(input: string): boolean {
  return net().isIPv4(input);
}

export function isIPv6(input: string): boolean {
  return net().isIPv6(input);
}

/** An empty net.BlockList. */
export function newBlockList(): Net.BlockList {
  return new (net().BlockList)();
}
