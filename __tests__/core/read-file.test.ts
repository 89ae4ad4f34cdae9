import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegularFile, UnreadableFile } from '../../src/core/read-file.js';

async function dir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'read-file-'));
}

function failure(fn: () => unknown): UnreadableFile {
  try {
    fn();
  } catch (error) {
    if (error instanceof UnreadableFile) return error;
    throw error;
  }
  throw new Error('expected UnreadableFile');
}

describe('readRegularFile', () => {
  it('reads a regular file whole, or its first bytes and says it is over the cap', async () => {
    const d = await dir();
    await writeFile(join(d, 'a'), 'x'.repeat(100));
    expect(readRegularFile(join(d, 'a'), 100)).toEqual({ bytes: Buffer.from('x'.repeat(100)), overCap: false });
    const over = readRegularFile(join(d, 'a'), 99);
    expect(over.overCap).toBe(true);
    expect(over.bytes.length).toBe(99);
    expect(readRegularFile(join(d, 'a'), 0)).toEqual({ bytes: Buffer.alloc(0), overCap: true });
  });

  it('reads a regular file through a symbolic link', async () => {
    const d = await dir();
    await writeFile(join(d, 'a'), 'hello');
    await symlink('a', join(d, 'link'));
    expect(readRegularFile(join(d, 'link'), 10).bytes.toString()).toBe('hello');
  });

  it('refuses a FIFO at once, without waiting for a writer', async () => {
    const d = await dir();
    execFileSync('mkfifo', [join(d, 'pipe')]);
    const error = failure(() => readRegularFile(join(d, 'pipe'), 10));
    expect(error.reason).toBe('a FIFO (named pipe), not a regular file');
    expect(error.missing).toBe(false);
  });

  it('refuses a device file, named or through a symbolic link', async () => {
    const d = await dir();
    await symlink('/dev/zero', join(d, 'zero'));
    for (const path of ['/dev/zero', join(d, 'zero')]) {
      expect(failure(() => readRegularFile(path, 10)).reason).toBe('a device file, not a regular file');
    }
  });

  it('says what is missing, and a directory', async () => {
    const d = await dir();
    const missing = failure(() => readRegularFile(join(d, 'nope'), 10));
    expect([missing.code, missing.missing, missing.reason]).toEqual(['ENOENT', true, 'no such file or directory']);
    expect(failure(() => readRegularFile(d, 10)).reason).toBe('is a directory');
  });
});

describe('readRegularFile on a socket', () => {
  it('refuses it with what it is, not an errno', async () => {
    const { createServer } = await import('node:net');
    const d = await dir();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(d, 'sock'), resolve));
    try {
      const error = failure(() => readRegularFile(join(d, 'sock'), 10));
      expect([error.reason, error.code]).toEqual(['a socket, not a regular file', undefined]);
    } finally {
      server.close();
    }
  });
});
