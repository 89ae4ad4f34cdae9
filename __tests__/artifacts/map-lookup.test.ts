/**
 * traceMap reads regular and index maps (`sections`, as Turbopack writes them) without decoding them whole; it
 * must find what @jridgewell/trace-mapping's AnyMap (which flattens and decodes every section) finds, on seeded
 * random index maps whose sections start on the same line (a minified chunk) or on lines of their own.
 */
import { describe, expect, it } from '@jest/globals';
import {
  AnyMap,
  encodedMappings,
  originalPositionFor,
  TraceMap,
  type DecodedSourceMap,
  type SourceMapSegment
} from '@jridgewell/trace-mapping';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { traceMap } from '../../src/artifacts/map-lookup.js';
import type { Point } from '../../src/artifacts/vlq-mappings.js';
import { ORACLE_SEED, seededRandom } from '../helpers/random.js';

type Random = ReturnType<typeof seededRandom>;

const FIXTURES = fileURLToPath(new URL('../fixtures/bundles/', import.meta.url));
/** The real builds' index maps (Next.js with Turbopack). */
const INDEX_MAPS = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter(
  (f) => f.endsWith('.map') && 'sections' in (JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as object)
);

/** A regular map of a few lines, segments in column order, some mapping to no source. */
function randomMap(r: Random, name: string) {
  const sources = [`${name}/a.js`, `${name}/b.js`];
  const mappings: SourceMapSegment[][] = [];
  for (let line = 0, lines = 1 + r.int(4); line < lines; line++) {
    const segments: SourceMapSegment[] = [];
    for (let column = r.int(4); segments.length < r.int(6); column += 1 + r.int(5)) {
      segments.push(r.chance(0.2) ? [column] : [column, r.int(2), r.int(30), r.int(40)]);
    }
    mappings.push(segments);
  }
  const decoded: DecodedSourceMap = { version: 3, sources, names: [], mappings };
  return { version: 3 as const, sources, names: [], mappings: encodedMappings(new TraceMap(decoded)) };
}

/** An index map: sections in order, often several on one line, sometimes an empty one. */
function randomIndexMap(r: Random, sectionCount: number) {
  const sections = [];
  let line = r.int(2);
  let column = r.int(10);
  for (let i = 0; i < sectionCount; i++) {
    sections.push({ offset: { line, column }, map: randomMap(r, `s${i}`) });
    if (r.chance(0.5)) column += r.chance(0.1) ? 0 : 1 + r.int(20);
    else {
      line += 1 + r.int(3);
      column = r.int(3) === 0 ? 0 : r.int(15);
    }
  }
  return { version: 3 as const, sections };
}

/** Every column of every line the map covers, and some past it. */
function everyPlace(lines: number, columns: number): Point[] {
  const places: Point[] = [];
  for (let line = 0; line < lines; line++)
    for (let column = 0; column < columns; column++) places.push({ line, column });
  return places;
}

function expected(map: Parameters<typeof AnyMap>[0], places: readonly Point[]) {
  const traced = AnyMap(map);
  return places.map((p) => {
    const o = originalPositionFor(traced, { line: p.line + 1, column: p.column });
    return o.source === null ? undefined : { source: o.source, line: o.line - 1, column: o.column };
  });
}

describe('traceMap', () => {
  it('finds the real index maps', () => {
    expect(INDEX_MAPS.length).toBeGreaterThanOrEqual(1);
  });

  it.each(INDEX_MAPS)('agrees with AnyMap on %s, every column of its first 40 lines', (file) => {
    const map = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Parameters<typeof AnyMap>[0];
    const places = everyPlace(40, 120);
    const { traced, notes } = traceMap(map, places);
    expect(notes).toEqual([]);
    expect(traced).toEqual(expected(map, places));
    expect(traced.filter((t) => t !== undefined).length).toBeGreaterThan(0);
  });

  it('agrees with AnyMap on 200 random index maps, places asked at once', () => {
    const r = seededRandom(ORACLE_SEED);
    for (let n = 0; n < 200; n++) {
      const map = randomIndexMap(r, 1 + r.int(8));
      const places = everyPlace(20, 110);
      const { traced, notes } = traceMap(map, places);
      expect(notes).toEqual([]);
      expect(traced).toEqual(expected(map, places));
    }
  });

  it('reads a regular map as before, with its sourceRoot', () => {
    const map = { version: 3, sources: ['leak.jsx'], sourceRoot: 'app', names: [], mappings: 'AAAA,IAAI;AACA' };
    expect(
      traceMap(map, [
        { line: 0, column: 5 },
        { line: 1, column: 0 },
        { line: 2, column: 0 }
      ])
    ).toEqual({
      traced: [
        { source: 'app/leak.jsx', line: 0, column: 4 },
        { source: 'app/leak.jsx', line: 1, column: 4 },
        undefined
      ],
      notes: []
    });
  });

  it('says why when a section is given by URL, sections are out of order, or it is not a source map', () => {
    const section = { version: 3, sources: ['a.js'], names: [], mappings: 'AAAA' };
    const byUrl = {
      version: 3,
      sections: [
        { offset: { line: 0, column: 0 }, map: section },
        { offset: { line: 1, column: 0 }, url: 'part.js.map' }
      ]
    };
    expect(
      traceMap(byUrl, [
        { line: 0, column: 2 },
        { line: 1, column: 2 }
      ])
    ).toEqual({
      traced: [{ source: 'a.js', line: 0, column: 0 }, undefined],
      notes: ['its index map gives a section by URL (not read)']
    });
    const unordered = { version: 3, sections: [...byUrl.sections].reverse() };
    expect(traceMap(unordered, [{ line: 0, column: 0 }]).notes).toEqual(['its index map sections are not in order']);
    expect(traceMap({ version: 3, sources: [] }, [{ line: 0, column: 0 }]).notes).toEqual([
      'not a version 3 source map'
    ]);
    // A section's map is a regular map (ECMA-426): neither a broken one nor an index map is read.
    for (const map of [{ version: 2 }, byUrl]) {
      const bad = { version: 3, sections: [{ offset: { line: 0, column: 0 }, map }] };
      expect(traceMap(bad, [{ line: 0, column: 0 }])).toEqual({
        traced: [undefined],
        notes: ['a section of its index map is not a regular version 3 source map']
      });
    }
  });
});
