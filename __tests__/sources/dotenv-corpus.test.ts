import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { parseDotenv } from '../../src/sources/dotenv-file.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus/dotenv');
const files = readdirSync(CORPUS)
  .filter((f) => f !== 'SOURCES.tsv')
  .sort();

describe('parseDotenv on the real-world corpus', () => {
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  it.each(files)('%s: same name → value map as dotenv.parse, names at the reported positions', (name) => {
    // Same decoding as dotenv.config (utf8, BOM kept).
    const text = readFileSync(path.join(CORPUS, name), 'utf8');
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
  });
});
