/**
 * Finds Clerk keys and development hosts in built client code, as bytes. Minified bundles are a few files with
 * very long lines, so the scan never splits lines or decodes text: it reads through one reused buffer and looks
 * only at the bytes around two anchors that every candidate contains:
 *  - `_` preceded by `test` or `live` (`pk_test_`, `sk_live_`, legacy `test_…`): one memchr pass;
 *  - `v` preceded by `.de` (every development or staging suffix but Clerk's internal `lclclerk.com` ends in `.dev`).
 * Single-byte searches are memchr; multi-byte `Buffer.indexOf` passes cost several times more (bench/README.md).
 * Positions (line, UTF-16 column, as source maps count them) are worked out only for a candidate.
 */
import { maskedExcerpt } from './excerpt.js';

/** What a candidate looks like: a key (`pk_…`, `sk_…`, legacy `test_…`) or a host ending in `.dev…`. */
type CandidateKind = 'key' | 'host';

/** What a candidate is, before its place is worked out. */
export interface CandidateText {
  kind: CandidateKind;
  /** The token, as ASCII text. */
  text: string;
  /** The byte before the token and the one after (0 at either end of the data), to tell string literals. */
  before: number;
  after: number;
}

export interface Candidate extends CandidateText {
  /** 1-based line and column (UTF-16 code units, as editors and source maps count). */
  line: number;
  column: number;
  /** Up to EXCERPT bytes of the same line on each side, decoded; the caller redacts it. */
  excerpt: string;
}

/** Where bytes come from: sequential reads, and reads at a position for a column far back on a long line. */
export interface ByteSource {
  /** Reads up to `length` bytes into `buffer` at `offset`; 0 at the end. */
  read(buffer: Buffer, offset: number, length: number): number;
  /** Reads up to `length` bytes at `position` of the data. */
  readAt(buffer: Buffer, offset: number, length: number, position: number): number;
}

/** Bytes read per window. */
const WINDOW = 1 << 20;
/** The longest token looked at: longer runs are not keys or hosts (a publishable key is ~60–120 bytes). */
const MAX_TOKEN = 512;
/** Context kept before a window's new bytes: a host's start and the excerpt. */
const BACK = 1024;
const EXCERPT = 48;

const UNDERSCORE = 0x5f;
const LOWER_V = 0x76;
const NEWLINE = 0x0a;

/** One scanner per run: its buffers are reused for every file. */
export class ByteScanner {
  private readonly buffer = Buffer.allocUnsafe(BACK + WINDOW + MAX_TOKEN);
  private readonly side = Buffer.allocUnsafe(64 * 1024);

  /**
   * Every candidate in `source`, in order; with `keep`, only those it keeps. Positions and excerpts are worked out
   * only for kept ones (a bundle carries dozens of Clerk's own constants, and a column on a long line costs).
   */
  scan(source: ByteSource, keep?: (candidate: CandidateText) => boolean): Candidate[] {
    const buf = this.buffer;
    const found: Candidate[] = [];
    const position = new Positions(source, this.side);
    // buf[0] is at `base` in the data; [0, start) was searched before (context only); [start, filled) is new.
    let base = 0;
    let start = 0;
    let filled = 0;
    for (;;) {
      let eof = false;
      while (filled < buf.length) {
        const n = source.read(buf, filled, buf.length - filled);
        if (n === 0) {
          eof = true;
          break;
        }
        filled += n;
      }
      // A candidate starting within MAX_TOKEN of the end waits for the next window, which will hold all of it.
      const limit = eof ? filled : filled - MAX_TOKEN;
      this.searchWindow(buf, start, limit, filled, eof, base, position, found, keep);
      if (eof) return found;
      position.advance(buf, base, base + limit);
      const keepFrom = Math.max(0, limit - BACK);
      buf.copyWithin(0, keepFrom, filled);
      base += keepFrom;
      start = limit - keepFrom;
      filled -= keepFrom;
    }
  }

  private searchWindow(
    buf: Buffer,
    from: number,
    limit: number,
    filled: number,
    eof: boolean,
    base: number,
    position: Positions,
    found: Candidate[],
    keep: ((candidate: CandidateText) => boolean) | undefined
  ): void {
    // Two sorted lists of anchors, merged so candidates come in order.
    const keys: number[] = [];
    for (let p = buf.indexOf(UNDERSCORE, from); p !== -1 && p < limit; p = buf.indexOf(UNDERSCORE, p + 1)) {
      if (isTestOrLive(buf, p)) keys.push(p);
    }
    const hosts: number[] = [];
    for (let p = buf.indexOf(LOWER_V, from); p !== -1 && p < limit; p = buf.indexOf(LOWER_V, p + 1)) {
      if (p >= 3 && buf[p - 1] === 0x65 && buf[p - 2] === 0x64 && buf[p - 3] === 0x2e) hosts.push(p);
    }
    const end = eof ? filled : Math.min(filled, limit + MAX_TOKEN);
    let i = 0;
    let j = 0;
    let lastEnd = -1;
    while (i < keys.length || j < hosts.length) {
      const takeKey = j >= hosts.length || (i < keys.length && (keys[i] as number) < (hosts[j] as number));
      const anchor = takeKey ? (keys[i++] as number) : (hosts[j++] as number);
      const span = takeKey ? keySpan(buf, anchor, end) : hostSpan(buf, anchor, end);
      // A host inside a key's text (or the second anchor of one token) is the same candidate.
      if (!span || span[0] < lastEnd) continue;
      lastEnd = span[1];
      const [s, e] = span;
      const text: CandidateText = {
        kind: takeKey ? 'key' : 'host',
        text: buf.toString('latin1', s, e),
        before: s > 0 ? (buf[s - 1] as number) : 0,
        after: e < filled ? (buf[e] as number) : 0
      };
      if (keep && !keep(text)) continue;
      const { line, column } = position.at(buf, base, s);
      found.push({ ...text, line, column, excerpt: excerpt(buf, s, e, filled) });
    }
  }
}

/** `test_` or `live_` ending at the `_` at `p`. */
function isTestOrLive(buf: Buffer, p: number): boolean {
  if (p < 4) return false;
  const a = buf[p - 4];
  const b = buf[p - 3];
  const c = buf[p - 2];
  const d = buf[p - 1];
  return (
    (a === 0x74 && b === 0x65 && c === 0x73 && d === 0x74) || (a === 0x6c && b === 0x69 && c === 0x76 && d === 0x65)
  );
}

const isAlnum = (c: number | undefined): boolean =>
  c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
const isBase64 = (c: number | undefined): boolean => isAlnum(c) || c === 0x2b || c === 0x2f || c === 0x3d;
const isTokenByte = (c: number | undefined): boolean => isBase64(c) || c === UNDERSCORE || c === 0x2d || c === 0x24;
const isHostChar = (c: number | undefined): boolean => isAlnum(c) || c === 0x2e || c === 0x2d;

/**
 * The key around the `_` of `test_`/`live_` at `p`: `pk_`/`sk_` before it when there, then the body (base64 for a
 * publishable key, letters and digits otherwise). Null when glued to a word (`latest_`, `xsk_test_`).
 */
function keySpan(buf: Buffer, p: number, end: number): [number, number] | null {
  let s = p - 4;
  const prefixed =
    s >= 3 && buf[s - 1] === UNDERSCORE && buf[s - 2] === 0x6b && (buf[s - 3] === 0x70 || buf[s - 3] === 0x73);
  if (prefixed) s -= 3;
  if (s > 0 && (isAlnum(buf[s - 1]) || buf[s - 1] === UNDERSCORE || buf[s - 1] === 0x24)) return null;
  const body = prefixed && buf[s] === 0x70 ? isBase64 : isAlnum;
  let e = p + 1;
  while (e < end && e - s < MAX_TOKEN && body(buf[e])) e++;
  return [s, e];
}

/** The host around the `v` of `.dev` at `p`: letters, digits, dots and dashes on both sides. */
function hostSpan(buf: Buffer, p: number, end: number): [number, number] | null {
  let s = p - 3;
  while (s > 0 && p - s < MAX_TOKEN && isHostChar(buf[s - 1])) s--;
  let e = p + 1;
  while (e < end && e - s < MAX_TOKEN && isHostChar(buf[e])) e++;
  return [s, e];
}

/**
 * The token with up to EXCERPT bytes of its line on each side, as text (invalid UTF-8 as U+FFFD), other string
 * literals masked (see excerpt.ts).
 */
function excerpt(buf: Buffer, s: number, e: number, filled: number): string {
  let a = s;
  while (a > 0 && s - a < EXCERPT && buf[a - 1] !== NEWLINE && buf[a - 1] !== 0x0d) a--;
  let b = e;
  while (b < filled && b - e < EXCERPT && buf[b] !== NEWLINE && buf[b] !== 0x0d) b++;
  // Never start or end inside a word (part of another key would be shown without its prefix, so unredacted),
  // nor inside a UTF-8 sequence.
  if (a > 0 && isTokenByte(buf[a - 1])) while (a < s && isTokenByte(buf[a])) a++;
  if (b < filled && isTokenByte(buf[b])) while (b > e && isTokenByte(buf[b - 1])) b--;
  while (a < s && ((buf[a] as number) & 0xc0) === 0x80) a++;
  while (b > e && b < filled && ((buf[b] as number) & 0xc0) === 0x80) b--;
  return maskedExcerpt(buf, a, b, s, e);
}

/**
 * Line and column of byte offsets, counted lazily: newlines up to the searched end of each window, and a column
 * only when a candidate needs one (from the line's start, re-reading bytes before the window if the line began
 * there: a minified line can be megabytes long).
 */
class Positions {
  private line = 1;
  /** Offset in the data of the current line's first byte. */
  private lineStart = 0;
  /** Offset up to which newlines have been counted. */
  private counted = 0;
  /** The last column worked out, to count on from it on the same line. */
  private memo = { offset: 0, column: 1 };

  constructor(
    private readonly source: ByteSource,
    private readonly side: Buffer
  ) {}

  /** Counts newlines up to `offset` (in the data), which must be in the window. */
  advance(buf: Buffer, base: number, offset: number): void {
    let p = buf.indexOf(NEWLINE, this.counted - base);
    while (p !== -1 && p + base < offset) {
      this.line++;
      this.lineStart = p + base + 1;
      p = buf.indexOf(NEWLINE, p + 1);
    }
    this.counted = Math.max(this.counted, offset);
  }

  at(buf: Buffer, base: number, index: number): { line: number; column: number } {
    const offset = base + index;
    this.advance(buf, base, offset);
    const from =
      this.memo.offset >= this.lineStart && this.memo.offset <= offset
        ? this.memo
        : { offset: this.lineStart, column: 1 };
    let units = 0;
    if (from.offset >= base) units = utf16Units(buf, from.offset - base, index);
    else {
      units = this.unitsBefore(from.offset, base) + utf16Units(buf, 0, index);
    }
    this.memo = { offset, column: from.column + units };
    return { line: this.line, column: this.memo.column };
  }

  /** UTF-16 units in the data's bytes [from, to), re-read through the side buffer. */
  private unitsBefore(from: number, to: number): number {
    let units = 0;
    for (let at = from; at < to;) {
      const n = this.source.readAt(this.side, 0, Math.min(this.side.length, to - at), at);
      if (n === 0) break;
      units += utf16Units(this.side, 0, n);
      at += n;
    }
    return units;
  }
}

/** UTF-16 code units that bytes [from, to) of UTF-8 decode to: every byte but continuations, and two for 4-byte sequences. */
function utf16Units(buf: Buffer, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const c = buf[i] as number;
    if (c < 0x80) units++;
    else if (c >= 0xf0) units += 2;
    else if (c >= 0xc0) units++;
  }
  return units;
}

/** A ByteSource over bytes already in memory (a fetched page or chunk). */
export function bufferSource(data: Uint8Array): ByteSource {
  let at = 0;
  const copy = (target: Buffer, offset: number, length: number, position: number): number => {
    const n = Math.max(0, Math.min(length, data.length - position));
    target.set(data.subarray(position, position + n), offset);
    return n;
  };
  return {
    read(target, offset, length) {
      const n = copy(target, offset, length, at);
      at += n;
      return n;
    },
    readAt: copy
  };
}
