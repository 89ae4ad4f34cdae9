import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { parseDotenv } from '../../src/sources/dotenv-file.js';
import {
  corpusFiles,
  type CorpusFile,
  describeWithShared,
  sharedOnlyCorpus,
  VENDORED_CORPUS
} from '../helpers/shared-data.js';

const vendored = corpusFiles(VENDORED_CORPUS);

/** Same name → value map as dotenv.parse, and every name at the position the parser reports. */
function agreesWithDotenv({ name, file }: CorpusFile): void {
  // Same decoding as dotenv.config (utf8, BOM kept).
  const text = readFileSync(file, 'utf8');
  const { variables, diagnostics } = parseDotenv(text, name);

  const effective = Object.fromEntries(variables.filter((v) => !v.shadowedBy).map((v) => [v.name, v.value]));
  expect(effective).toEqual({ ...dotenv.parse(text) });

  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (const v of variables) {
    expect(v.origin.kind).toBe('file');
    if (v.origin.kind !== 'file') continue;
    expect(v.origin.file).toBe(name);
    const line = lines[v.origin.line - 1] ?? '';
    expect(line.slice(v.origin.column - 1, v.origin.column - 1 + v.name.length)).toBe(v.name);
  }
  for (const d of diagnostics) {
    const line = lines[d.line - 1] ?? '';
    expect(line.trim()).not.toBe('');
    expect(d.message).not.toContain(line.trim());
  }
}

describe('parseDotenv on the vendored part of the real-world corpus', () => {
  it('finds every file that SOURCES.md lists, unmodified (SHA-256 as recorded)', () => {
    const sources = readFileSync(path.join(VENDORED_CORPUS, 'SOURCES.md'), 'utf8');
    const listed = [...sources.matchAll(/^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$/gm)].map((m) => [m[1], m[2]]);
    const actual = vendored.map((f) => [f.name, createHash('sha256').update(readFileSync(f.file)).digest('hex')]);
    expect(actual).toEqual(listed);
    expect(vendored.length).toBeGreaterThanOrEqual(40);
  });

  it.each(vendored)('$name: same name → value map as dotenv.parse, names at the reported positions', agreesWithDotenv);
});

describeWithShared('parseDotenv on the rest of the corpus, in ../shared', ['corpus', 'dotenv'], (dir) => {
  const rest = sharedOnlyCorpus(dir);

  it('finds the corpus', () => {
    expect(corpusFiles(dir).length).toBeGreaterThanOrEqual(60);
  });

  it('holds the vendored files, byte for byte', () => {
    const differing = vendored.filter((f) => !readFileSync(f.file).equals(readFileSync(path.join(dir, f.name))));
    expect(differing.map((f) => f.name)).toEqual([]);
    expect(rest.length + vendored.length).toBe(corpusFiles(dir).length);
  });

  it.each(rest)('$name: same name → value map as dotenv.parse, names at the reported positions', agreesWithDotenv);
});
