/**
 * A random (version 4) UUID, from the kernel's generator through /dev/urandom where there is one (the Linux and
 * macOS runners), else from node:crypto. Loading node:crypto (and Web Crypto) costs about 8 ms of every action
 * run's start-up, reading 16 bytes a fraction of a millisecond (bench/README.md). The tokens that keep echoed text
 * from ending a `::stop-commands::` block or an output's heredoc must be unguessable, so never Math.random.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';

const UUID_BYTES = 16;
/** Bytes read at a time: one read for the run's few tokens, as node:crypto keeps a cache of 128 UUIDs' worth. */
const POOL_BYTES = UUID_BYTES * 16;

let pool: { source: string; bytes: Buffer; used: number } | undefined;

export function randomUUID(source = '/dev/urandom'): string {
  const bytes = takeBytes(source);
  if (!bytes) return (createRequire(import.meta.url)('node:crypto') as typeof Crypto).randomUUID();
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** 16 bytes from `source` not given out before, or undefined when it cannot be opened or gives too few. */
function takeBytes(source: string): Buffer | undefined {
  if (pool?.source !== source || pool.used === POOL_BYTES) {
    const bytes = kernelBytes(source);
    pool = bytes && { source, bytes, used: 0 };
    if (!pool) return undefined;
  }
  pool.used += UUID_BYTES;
  return pool.bytes.subarray(pool.used - UUID_BYTES, pool.used);
}

/** POOL_BYTES read from `source`, or undefined when it cannot be opened or gives fewer. */
function kernelBytes(source: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(source, 'r');
  } catch {
    return undefined;
  }
  try {
    const bytes = Buffer.alloc(POOL_BYTES);
    return readSync(fd, bytes, 0, POOL_BYTES, null) === POOL_BYTES ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
