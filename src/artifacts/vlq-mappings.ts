/**
 * Looks up places in a source map's `mappings` string without decoding the whole map. Libraries
 * (@jridgewell/trace-mapping, source-map) decode every segment into arrays first: about 12 times the map's size
 * in memory, and a 16 MB map then costs ~200 MB that lives until a major GC. Here the string is walked once, up
 * to the last line asked for, keeping only the running sums the format needs (a segment's source, line and column
 * are deltas from the previous segment's, across lines), so memory does not grow with the map.
 * Format: https://tc39.es/ecma426/#sec-mappings (Base64 VLQ, `;` between generated lines, `,` between segments).
 */

/** A place, 0-based line and column, as source maps count them (UTF-16 columns). */
export interface Point {
  line: number;
  column: number;
}

/** The original place a segment maps to: 0-based source index, line and column. */
export interface Segment {
  source: number;
  line: number;
  column: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;

const COMMA = 0x2c;
const SEMICOLON = 0x3b;

/**
 * For each place, the segment a lookup with the greatest lower bound finds, as trace-mapping's
 * `originalPositionFor` does by default: the segment of the same generated line with the largest column not after
 * the place's. Null when that segment maps to no source; undefined when there is no such segment or the mappings
 * are malformed before the place's line (an index map then looks in the section before, on the same line).
 */
export function mappingsAt(mappings: string, places: readonly Point[]): (Segment | null | undefined)[] {
  const result: (Segment | null | undefined)[] = places.map(() => undefined);
  const byLine = new Map<number, number[]>();
  places.forEach((p, i) => {
    const on = byLine.get(p.line);
    if (on) on.push(i);
    else byLine.set(p.line, [i]);
  });
  const columnOf = (i: number): number => (places[i] as Point).column;
  for (const on of byLine.values()) on.sort((a, b) => columnOf(a) - columnOf(b));
  const lastLine = places.reduce((last, p) => Math.max(last, p.line), -1);
  // The current line's places by column; those before `next` are settled. Segments come in column order
  // (bundlers write them so), so each place is settled once: by the first segment at its column (an exact match),
  // else by the last segment before the first one past it (trace-mapping's binary search finds the same).
  let wanted = byLine.get(0);
  let next = 0;
  let previous: Segment | null | undefined;
  const settle = (on: number[], generated: number, segment: Segment | null): void => {
    while (next < on.length && columnOf(on[next] as number) < generated) result[on[next++] as number] = previous;
    while (next < on.length && columnOf(on[next] as number) === generated) result[on[next++] as number] = segment;
    previous = segment;
  };
  // One pass, every value in locals: this loop runs once per character of the mappings.
  let line = 0;
  let generated = 0;
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  const deltas = [0, 0, 0, 0];
  let field = 0;
  let value = 0;
  let shift = 0;
  for (let i = 0; i <= mappings.length && line <= lastLine; i++) {
    const c = i < mappings.length ? mappings.charCodeAt(i) : SEMICOLON;
    if (c === COMMA || c === SEMICOLON) {
      if (shift !== 0) return result; // a value cut short
      if (field > 0) {
        generated += deltas[0] as number;
        const mapped = field >= 4;
        if (mapped) {
          source += deltas[1] as number;
          originalLine += deltas[2] as number;
          originalColumn += deltas[3] as number;
        }
        if (wanted) {
          settle(wanted, generated, mapped ? { source, line: originalLine, column: originalColumn } : null);
          if (line === lastLine && next === wanted.length) return result;
        }
      }
      field = 0;
      if (c === SEMICOLON) {
        if (wanted) settle(wanted, Infinity, null);
        line++;
        generated = 0;
        wanted = byLine.get(line);
        next = 0;
        previous = undefined;
      }
      continue;
    }
    const digit = c < 128 ? (DIGIT[c] as number) : -1;
    if (digit < 0 || shift > 25) return result;
    value |= (digit & 31) << shift;
    shift += 5;
    if ((digit & 32) === 0) {
      if (field < 4) deltas[field] = value & 1 ? -(value >>> 1) : value >>> 1;
      field++;
      value = 0;
      shift = 0;
    }
  }
  return result;
}
