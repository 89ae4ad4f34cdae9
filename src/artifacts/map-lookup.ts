/**
 * Original positions of places in a parsed source map: a regular map (`mappings`) or an index map (`sections`,
 * as Turbopack writes them: https://tc39.es/ecma426/#sec-index-source-map). Nothing is decoded whole: a regular
 * map's `mappings` is walked up to the last line asked for (vlq-mappings.ts), and of an index map only the sections
 * that hold a place are walked, so memory stays that of the parsed JSON. @jridgewell/trace-mapping's `AnyMap`
 * would decode every section of the map into arrays first (the cost vlq-mappings.ts avoids); the answers here are
 * the ones it gives (tested against it).
 */
import * as z from 'zod/mini';
import { once } from '../core/memo.js';
import { mappingsAt, type Point } from './vlq-mappings.js';

/** Where a place comes from: the source as the map names it (with its `sourceRoot`), 0-based line and column. */
export interface Traced {
  source: string;
  line: number;
  column: number;
}

/** Null: the place maps to no source; undefined: the map has nothing for it. */
type Result = Traced | null | undefined;

const position = () => z.int().check(z.gte(0));

/** The part of a regular source map (version 3) the lookup needs; anything else in it is ignored. */
const regularMap = once(() =>
  z.looseObject({
    version: z.literal(3),
    mappings: z.string(),
    sources: z.array(z.nullable(z.string())),
    sourceRoot: z.optional(z.nullable(z.string()))
  })
);

/** An index map: each section's map is checked only when a place falls in it. */
const indexMap = once(() =>
  z.looseObject({
    version: z.literal(3),
    sections: z.array(
      z.looseObject({
        offset: z.object({ line: position(), column: position() }),
        map: z.optional(z.unknown()),
        url: z.optional(z.string())
      })
    )
  })
);

type Section = z.infer<ReturnType<typeof indexMap>>['sections'][number];

/**
 * For each place (0-based line and UTF-16 column of the generated file), where it comes from, or undefined. `notes`
 * says why part of the map could not be used (not a source map, a section given by URL, …), for the report.
 */
export function traceMap(json: unknown, places: readonly Point[]): { traced: (Traced | undefined)[]; notes: string[] } {
  const notes = new Set<string>();
  const traced = trace(json, places, true, notes, 'not a version 3 source map');
  return { traced: traced.map((t) => t ?? undefined), notes: [...notes] };
}

/**
 * A section's map must be a regular map (ECMA-426): an index map inside one is refused (trace-mapping reads one,
 * but shifts every line of it by the outer section's column).
 */
function trace(json: unknown, places: readonly Point[], top: boolean, notes: Set<string>, broken: string): Result[] {
  const regular = regularMap().safeParse(json);
  if (regular.success) {
    const { mappings, sources, sourceRoot } = regular.data;
    const root = sourceRoot ? sourceRoot.replace(/\/?$/, '/') : '';
    return mappingsAt(mappings, places).map((segment) => {
      if (!segment) return segment;
      const source = sources[segment.source];
      return typeof source === 'string'
        ? { source: `${root}${source}`, line: segment.line, column: segment.column }
        : null;
    });
  }
  const index = indexMap().safeParse(json);
  if (!index.success || !top) {
    notes.add(broken);
    return places.map(() => undefined);
  }
  const { sections } = index.data;
  if (!sections.every((s, i) => i === 0 || !before(s.offset, (sections[i - 1] as Section).offset))) {
    notes.add('its index map sections are not in order');
    return places.map(() => undefined);
  }
  return traceSections(sections, places, notes);
}

/**
 * A place belongs to the last section starting at or before it. When that section has no segment at or before the
 * place on its line and started on that line, the section before it is asked, up to where the next one starts: an
 * index map is one map whose lines are its sections' lines laid end to end, and a lookup finds the nearest segment
 * to the left on the same line, whichever section wrote it.
 */
function traceSections(sections: readonly Section[], places: readonly Point[], notes: Set<string>): Result[] {
  const inSection = (k: number, points: readonly Point[]): Result[] => {
    const section = sections[k] as Section;
    if (section.map === undefined) {
      notes.add('its index map gives a section by URL (not read)');
      return points.map(() => undefined);
    }
    const { line, column } = section.offset;
    const local = points.map((p) => ({ line: p.line - line, column: p.line === line ? p.column - column : p.column }));
    return trace(section.map, local, false, notes, 'a section of its index map is not a regular version 3 source map');
  };
  const result: Result[] = places.map(() => undefined);
  // Each round walks every section asked once, with all its places; a place with nothing there moves left.
  let pending = places.map((p, i) => ({ i, p }));
  while (pending.length > 0) {
    const bySection = new Map<number, { i: number; p: Point }[]>();
    for (const q of pending) {
      const k = sectionOf(sections, q.p);
      if (k < 0) continue;
      const asked = bySection.get(k);
      if (asked) asked.push(q);
      else bySection.set(k, [q]);
    }
    pending = [];
    for (const [k, asked] of bySection) {
      const traced = inSection(
        k,
        asked.map((q) => q.p)
      );
      const { line, column } = (sections[k] as Section).offset;
      asked.forEach((q, n) => {
        const t = traced[n];
        if (t !== undefined || line !== q.p.line || column === 0) result[q.i] = t;
        else pending.push({ i: q.i, p: { line, column: column - 1 } });
      });
    }
  }
  return result;
}

function before(a: Point, b: Point): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/** The index of the last section starting at or before `p` (sections are in order), or -1. */
function sectionOf(sections: readonly Section[], p: Point): number {
  let low = 0;
  let high = sections.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(p, (sections[mid] as Section).offset)) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}
