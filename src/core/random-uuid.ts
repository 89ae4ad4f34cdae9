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

export function randomUUID(source = '/dev/urandom'): string {
  const bytes = kernelBytes(source);
  if (!bytes) return (createRequire(import.meta.url)('node:crypto') as typeof Crypto).randomUUID();
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** 16 bytes read from `source`, or undefined when it cannot be opened or gives fewer. */
function kernelBytes(source: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(source, 'r');
  } catch {
    return undefined;
  }
  try {
    const bytes = Buffer.alloc(UUID_BYTES);
    return readSync(fd, bytes, 0, UUID_BYTES, null) === UUID_BYTES ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
