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
 * the place's. Undefined when there is none, when that segment maps to no source, or when the mappings are
 * malformed before the place's line.
 */
export function mappingsAt(mappings: string, places: readonly Point[]): (Segment | undefined)[] {
  const result: (Segment | undefined)[] = places.map(() => undefined);
  const bestColumn = places.map(() => -1);
  const byLine = new Map<number, number[]>();
  places.forEach((p, i) => byLine.set(p.line, [...(byLine.get(p.line) ?? []), i]));
  const lastLine = Math.max(-1, ...places.map((p) => p.line));
  const cursor = { text: mappings, at: 0 };
  let line = 0;
  let generated = 0;
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  while (cursor.at < mappings.length && line <= lastLine) {
    const c = mappings.charCodeAt(cursor.at);
    if (c === SEMICOLON || c === COMMA) {
      cursor.at++;
      if (c === SEMICOLON) {
        line++;
        generated = 0;
      }
      continue;
    }
    const fields = [0, 0, 0, 0, 0];
    let count = 0;
    while (cursor.at < mappings.length && !isSeparator(mappings.charCodeAt(cursor.at))) {
      const value = readVlq(cursor);
      if (value === undefined) return result;
      if (count < 5) fields[count] = value;
      count++;
    }
    generated += fields[0] as number;
    const mapped = count >= 4;
    if (mapped) {
      source += fields[1] as number;
      originalLine += fields[2] as number;
      originalColumn += fields[3] as number;
    }
    for (const i of byLine.get(line) ?? []) {
      const place = places[i] as Point;
      const best = bestColumn[i] as number;
      // Of segments at one column: the first on an exact match, the last below it (trace-mapping's binary search).
      if (generated > place.column || generated < best || (generated === best && best === place.column)) continue;
      bestColumn[i] = generated;
      result[i] = mapped ? { source, line: originalLine, column: originalColumn } : undefined;
    }
  }
  return result;
}

function isSeparator(c: number): boolean {
  return c === COMMA || c === SEMICOLON;
}

/** One Base64 VLQ value at the cursor, which moves past it; undefined when malformed. */
function readVlq(cursor: { text: string; at: number }): number | undefined {
  let value = 0;
  let shift = 0;
  for (;;) {
    const c = cursor.text.charCodeAt(cursor.at++);
    const digit = c < 128 ? (DIGIT[c] as number) : -1;
    if (digit < 0 || shift > 30) return undefined;
    value += (digit & 31) * 2 ** shift;
    shift += 5;
    if ((digit & 32) === 0) break;
  }
  const magnitude = Math.floor(value / 2);
  return value % 2 === 1 ? -magnitude : magnitude;
}
