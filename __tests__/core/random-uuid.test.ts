/** randomUUID (src/core/random-uuid.ts): a version-4 UUID from /dev/urandom, or from node:crypto without it. */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from '../../src/core/random-uuid.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomUUID', () => {
  it('gives a version-4 UUID, a new one each call', () => {
    const ids = new Set(Array.from({ length: 200 }, () => randomUUID()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(V4);
  });

  it('spreads its random bits over every hex digit', () => {
    const seen = new Set(Array.from({ length: 200 }, () => randomUUID().replaceAll('-', '')).flatMap((id) => [...id]));
    expect(seen.size).toBe(16);
  });

  it("takes each UUID's bytes from the source once, 16 UUIDs to a read, with the version and variant set", () => {
    const source = join(mkdtempSync(join(tmpdir(), 'uuid-')), 'bytes');
    writeFileSync(source, Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
    const ids = Array.from({ length: 17 }, () => randomUUID(source));
    expect(ids[0]).toBe('00010203-0405-4607-8809-0a0b0c0d0e0f');
    expect(ids[15]).toBe('f0f1f2f3-f4f5-46f7-b8f9-fafbfcfdfeff');
    expect(ids[16]).toBe(ids[0]);
  });

  it('falls back to node:crypto where the generator file cannot be opened or gives too few bytes', () => {
    for (const source of ['/nonexistent/urandom', '/dev/null']) {
      const ids = new Set([randomUUID(source), randomUUID(source)]);
      expect(ids.size).toBe(2);
      for (const id of ids) expect(id).toMatch(V4);
    }
  });
});
