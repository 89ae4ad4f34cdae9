/**
 * mappingsAt walks a map's `mappings` only up to the lines asked for; it must find what @jridgewell/trace-mapping
 * (which decodes the whole map) finds, on the real Vite and Next.js maps of the bundle fixtures.
 */
import { describe, expect, it } from '@jest/globals';
import { encodedMappings, originalPositionFor, TraceMap, type SourceMapSegment } from '@jridgewell/trace-mapping';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mappingsAt, type Point } from '../../src/artifacts/vlq-mappings.js';
import { ORACLE_SEED, seededRandom } from '../helpers/random.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/bundles/', import.meta.url));
/** The fixtures' regular maps (index maps are in map-lookup.test.ts). */
const MAPS = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter(
  (f) => f.endsWith('.map') && !('sections' in (JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as object))
);

describe('mappingsAt', () => {
  it('finds the fixtures maps', () => {
    expect(MAPS.length).toBeGreaterThanOrEqual(2);
  });

  it.each(MAPS)('agrees with trace-mapping on %s, one place or several at once', (file) => {
    const map = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { mappings: string };
    const traced = new TraceMap(map as never);
    const lines = map.mappings.split(';');
    // Places spread over every line, on segment columns, between them and past the line's end.
    const places: Point[] = [];
    lines.forEach((line, l) => {
      const width = Math.max(1, line.length * 2);
      for (let k = 0; k < 7; k++) places.push({ line: l, column: Math.floor((width * k * 37) / 7 / 11) });
    });
    places.push({ line: lines.length + 3, column: 0 });
    const expected = places.map((p) => {
      const o = originalPositionFor(traced, { line: p.line + 1, column: p.column });
      return o.source === null ? undefined : { line: o.line - 1, column: o.column };
    });
    const strip = (s: { line: number; column: number } | null | undefined) =>
      s ? { line: s.line, column: s.column } : undefined;
    expect(mappingsAt(map.mappings, places).map(strip)).toEqual(expected);
    const single = places.filter((_, i) => i % 13 === 0);
    expect(single.map((p) => strip(mappingsAt(map.mappings, [p])[0]))).toEqual(
      single.map((p) => expected[places.indexOf(p)])
    );
  });

  it('agrees with trace-mapping on thousands of places on one line, repeated, on and between segments', () => {
    const r = seededRandom(ORACLE_SEED);
    for (let n = 0; n < 20; n++) {
      const lines: SourceMapSegment[][] = [[], []];
      for (let column = r.int(3), k = 0; k < 400; k++, column += r.int(4)) {
        // Some columns carry two segments (r.int(4) === 0): an exact match takes the first, a place past it the last.
        lines[1]?.push(r.chance(0.2) ? [column] : [column, 0, r.int(50), r.int(80)]);
      }
      const mappings = encodedMappings(new TraceMap({ version: 3, sources: ['a.js'], names: [], mappings: lines }));
      const traced = new TraceMap({ version: 3, sources: ['a.js'], names: [], mappings });
      const places: Point[] = Array.from({ length: 3000 }, () => ({
        line: r.chance(0.9) ? 1 : r.int(3),
        column: r.int(1300)
      }));
      const expected = places.map((p) => {
        const o = originalPositionFor(traced, { line: p.line + 1, column: p.column });
        return o.source === null ? undefined : { source: 0, line: o.line - 1, column: o.column };
      });
      expect(mappingsAt(mappings, places).map((s) => s ?? undefined)).toEqual(expected);
    }
  });

  it('gives nothing for malformed mappings, and null for a segment without a source', () => {
    expect(mappingsAt('!AAA', [{ line: 0, column: 9 }])).toEqual([undefined]);
    expect(mappingsAt('AAAA,E', [{ line: 0, column: 3 }])).toEqual([null]);
    expect(
      mappingsAt('EAAA', [
        { line: 0, column: 1 },
        { line: 1, column: 0 }
      ])
    ).toEqual([undefined, undefined]);
    expect(mappingsAt('AAAA,EAAE', [{ line: 0, column: 3 }])).toEqual([{ source: 0, line: 0, column: 2 }]);
  });
});
