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
  const bestColumn = places.map(() => -1);
  const byLine = new Map<number, number[]>();
  places.forEach((p, i) => byLine.set(p.line, [...(byLine.get(p.line) ?? []), i]));
  const lastLine = Math.max(-1, ...places.map((p) => p.line));
  const pick = (i: number, generated: number, segment: Segment | null): void => {
    const column = (places[i] as Point).column;
    const best = bestColumn[i] as number;
    // Of segments at one column: the first on an exact match, the last below it (trace-mapping's binary search).
    if (generated > column || generated < best || (generated === best && best === column)) return;
    bestColumn[i] = generated;
    result[i] = segment;
  };
  // One pass, every value in locals: this loop runs once per character of the mappings.
  let line = 0;
  let wanted = byLine.get(0);
  const lastColumnOf = (on: number[] | undefined): number =>
    on ? Math.max(...on.map((w) => (places[w] as Point).column)) : -1;
  let lastColumn = lastColumnOf(wanted);
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
          // Segments come in column order (bundlers write them so): past the last place of the last line, done.
          if (line === lastLine && generated > lastColumn) return result;
          const segment = mapped ? { source, line: originalLine, column: originalColumn } : null;
          for (const w of wanted) pick(w, generated, segment);
        }
      }
      field = 0;
      if (c === SEMICOLON) {
        line++;
        generated = 0;
        wanted = byLine.get(line);
        lastColumn = lastColumnOf(wanted);
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
