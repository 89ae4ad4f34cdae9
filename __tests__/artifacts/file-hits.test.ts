/**
 * Each thing found in a file is listed once; of its places, the one its source map leads to the app's own code
 * is reported, else the first. Every place still counts for judging and masking.
 */
import { describe, expect, it } from '@jest/globals';
import { encodedMappings, TraceMap, type SourceMapSegment } from '@jridgewell/trace-mapping';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bufferSource, ByteScanner } from '../../src/artifacts/byte-scanner.js';
import { classifyCandidate } from '../../src/artifacts/classify-candidate.js';
import { fileHits, thingsIn } from '../../src/artifacts/file-hits.js';
import { fakeSecret } from '../helpers/keys.js';

const DEV_PK = `pk_test_${Buffer.from('happy-hippo-42.clerk.accounts.dev$').toString('base64')}`;

function candidatesOf(text: string) {
  return new ByteScanner().scan(bufferSource(Buffer.from(text)), (c) => classifyCandidate(c) !== null);
}

const scanState = () => ({
  secrets: new Set<string>(),
  omitted: { 'publishable-key': 0, 'secret-key': 0, 'dev-host': 0 },
  listed: { 'publishable-key': 0, 'secret-key': 0, 'dev-host': 0 }
});

describe('thingsIn', () => {
  it('keeps each thing once with its places (up to 32), masks every secret and counts what is past the cap', () => {
    const secrets = [fakeSecret('sk_live_', 'Hits', 1), fakeSecret('sk_live_', 'Hits', 2)];
    const text = `${Array.from({ length: 40 }, () => `a="${DEV_PK}";`).join('')}b="${secrets[0]}";c="${secrets[1]}";`;
    const state = scanState();
    const things = thingsIn(candidatesOf(text), () => true, state, state.listed, 2);
    expect(things.map((t) => [t.artifact.kind, t.candidates.length])).toEqual([
      ['publishable-key', 32],
      ['secret-key', 1],
      ['secret-key', 1]
    ]);
    const capped = scanState();
    capped.listed['secret-key'] = 1;
    expect(thingsIn(candidatesOf(text), () => true, capped, capped.listed, 2).map((t) => t.artifact.kind)).toEqual([
      'publishable-key',
      'secret-key'
    ]);
    expect(capped.omitted['secret-key']).toBe(1);
    expect([...capped.secrets]).toEqual(secrets);
  });

  it('keeps only what `wanted` keeps', () => {
    const state = scanState();
    expect(thingsIn(candidatesOf(`a="${DEV_PK}"`), () => false, state, state.listed, 500)).toEqual([]);
  });
});

describe('fileHits', () => {
  /** A built file holding the key at each of `sources`' places (one line each), and its map. */
  async function built(sources: (string | null)[]) {
    const cwd = await mkdtemp(join(tmpdir(), 'file-hits-'));
    const dist = join(cwd, 'dist');
    await mkdir(dist);
    const text = sources.map(() => `k="${DEV_PK}";`).join('\n');
    const names = sources.filter((s) => s !== null);
    const lines: SourceMapSegment[][] = sources.map((s, i) =>
      s === null ? [[3]] : [[3, names.indexOf(s), i * 10, 2]]
    );
    const mappings = encodedMappings(new TraceMap({ version: 3, sources: names, names: [], mappings: lines }));
    await writeFile(join(dist, 'a.js'), text);
    await writeFile(join(dist, 'a.js.map'), JSON.stringify({ version: 3, sources: names, names: [], mappings }));
    const state = scanState();
    const things = thingsIn(candidatesOf(text), () => true, state, state.listed, 500);
    const skipped: { file: string; reason: string }[] = [];
    return fileHits(join(dist, 'a.js'), dist, cwd, things, (abs) => relative(cwd, abs), skipped);
  }

  it.each([
    [[null, '../src/main.tsx'], 2, 'src/main.tsx'],
    [['../node_modules/@clerk/shared/dist/env.mjs', '../src/main.tsx'], 2, 'src/main.tsx'],
    [
      ['webpack://app/./node_modules/gatsby-plugin-clerk/src/constants.ts', 'webpack://app/./src/pages/index.js'],
      2,
      'src/pages/index.js'
    ],
    [['turbopack:///[turbopack]/browser/runtime.ts', 'turbopack:///[project]/app/leak.jsx'], 2, 'app/leak.jsx'],
    [['\0vite/preload-helper.js', '../src/main.tsx'], 2, 'src/main.tsx'],
    [['webpack://app/../src/constants.ts', 'webpack://app/./src/pages/index.js'], 2, 'src/pages/index.js'],
    [
      ['webpack://app/webpack/runtime/define property getters', 'webpack://app/./src/pages/index.js'],
      2,
      'src/pages/index.js'
    ],
    [['../src/a.tsx', '../src/b.tsx'], 1, 'src/a.tsx'],
    [['../node_modules/x/a.js', '../node_modules/y/b.js'], 1, 'node_modules/x/a.js'],
    [[null, null], 1, undefined]
  ])('places mapped to %j: line %d reported, from %s', async (sources, line, file) => {
    const hits = await built(sources);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.line).toBe(line);
    expect(hits[0]?.original?.file).toBe(file);
  });
});
