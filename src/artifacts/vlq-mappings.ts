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
interface Segment {
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
  const state = { at: 0, source: 0, line: 0, column: 0 };
  for (let line = 0; line <= lastLine && state.at < mappings.length; line++) {
    const wanted = byLine.get(line);
    const lastColumn = wanted ? Math.max(...wanted.map((i) => (places[i] as Point).column)) : -1;
    let generated = 0;
    while (state.at < mappings.length) {
      const c = mappings.charCodeAt(state.at);
      if (c === SEMICOLON) break;
      if (c === COMMA) {
        state.at++;
        continue;
      }
      const delta = readVlq(mappings, state);
      if (delta === undefined) return result;
      generated += delta;
      const mapped = readSegmentTail(mappings, state);
      if (mapped === undefined) return result;
      if (wanted) {
        // Segments come in column order (bundlers write them so): past the last place of the last line, done.
        if (line === lastLine && generated > lastColumn) return result;
        const segment = mapped ? { source: state.source, line: state.line, column: state.column } : undefined;
        for (const i of wanted) pick(i, generated, segment);
      }
    }
    // Past the line, or nothing wanted on it: only the running sums matter, and the next `;` ends the line.
    state.at++;
  }
  return result;

  function pick(i: number, generated: number, segment: Segment | undefined): void {
    const column = (places[i] as Point).column;
    const best = bestColumn[i] as number;
    // Of segments at one column: the first on an exact match, the last below it (trace-mapping's binary search).
    if (generated > column || generated < best || (generated === best && best === column)) return;
    bestColumn[i] = generated;
    result[i] = segment;
  }
}

function isSeparator(c: number): boolean {
  return c === COMMA || c === SEMICOLON;
}

/**
 * The rest of a segment after its generated column: adds its source, line and column deltas to the running sums
 * (and skips a name index). Whether it maps to a source; undefined when malformed.
 */
function readSegmentTail(text: string, state: { at: number; source: number; line: number; column: number }) {
  if (state.at >= text.length || isSeparator(text.charCodeAt(state.at))) return false;
  const source = readVlq(text, state);
  const line = readVlq(text, state);
  const column = readVlq(text, state);
  if (source === undefined || line === undefined || column === undefined) return undefined;
  state.source += source;
  state.line += line;
  state.column += column;
  if (state.at < text.length && !isSeparator(text.charCodeAt(state.at)) && readVlq(text, state) === undefined) {
    return undefined;
  }
  return true;
}

/** One Base64 VLQ value at `state.at`, which moves past it; undefined when malformed. */
function readVlq(text: string, state: { at: number }): number | undefined {
  let value = 0;
  let shift = 0;
  for (;;) {
    const c = text.charCodeAt(state.at++);
    const digit = c < 128 ? (DIGIT[c] as number) : -1;
    if (digit < 0 || shift > 30) return undefined;
    value += (digit & 31) * 2 ** shift;
    shift += 5;
    if ((digit & 32) === 0) break;
  }
  const magnitude = Math.floor(value / 2);
  return value % 2 === 1 ? -magnitude : magnitude;
}
