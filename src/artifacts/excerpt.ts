/**
 * The text of an excerpt of built code around a token, with every other string literal's content replaced by `…`:
 * the context shows the code's shape (`DATABASE_URL:"…",publishableKey:"pk_test_…"`), never a neighbouring value.
 *
 * The excerpt is a window of a minified line, so where a literal starts may lie outside it. The token's own
 * literal is taken to run from the nearest quote before the token to the same quote after it; outward from there
 * the code is read quote by quote (each quote opens or closes a literal; an escaped quote counts too, so a JSON
 * text inside a string literal has its values masked as well). A literal cut by the window's edge is masked up to
 * the edge, and when the token's own literal has no quote inside the window on a side, that whole side is masked.
 * Tabs show as spaces; every other control character is left for the reporters to escape.
 */

const QUOTE = new Set([0x22, 0x27, 0x60]);
const HIDDEN = '…';

/** Bytes [a, b) of `buf` around the token at [s, e), as text, other literals masked. */
export function maskedExcerpt(buf: Uint8Array, a: number, b: number, s: number, e: number): string {
  const text = (from: number, to: number): string =>
    Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString('utf8');
  let open = s - 1;
  while (open >= a && !QUOTE.has(buf[open] as number)) open--;
  let close = -1;
  if (open >= a) {
    close = e;
    while (close < b && buf[close] !== buf[open]) close++;
  }
  const left = open < a ? (a < s ? HIDDEN : '') : maskLeft(buf, a, open, text) + text(open, s);
  const right =
    open < a || close >= b ? (e < b ? HIDDEN : '') : text(e, close + 1) + maskRight(buf, close + 1, b, text);
  // A tab shows as a space: reporters would escape it (`\x09`), and it is only indentation.
  return (left + text(s, e) + right).replaceAll('\t', ' ');
}

/** Code in [a, end), read backwards from `end` (which is outside any literal). */
function maskLeft(buf: Uint8Array, a: number, end: number, text: (from: number, to: number) => string): string {
  const parts: string[] = [];
  let i = end;
  let at = end;
  while (i > a) {
    const c = buf[i - 1] as number;
    if (!QUOTE.has(c)) {
      i--;
      continue;
    }
    // A quote at i-1 closes a literal that opened at the same quote further left.
    let j = i - 2;
    while (j >= a && buf[j] !== c) j--;
    parts.unshift(text(i - 1, at));
    if (j < a) {
      parts.unshift(HIDDEN);
      return parts.join('');
    }
    parts.unshift(text(j, j + 1) + (j + 1 < i - 1 ? HIDDEN : ''));
    at = j;
    i = j;
  }
  parts.unshift(text(a, at));
  return parts.join('');
}

/** Code in [start, b), read forwards from `start` (which is outside any literal). */
function maskRight(buf: Uint8Array, start: number, b: number, text: (from: number, to: number) => string): string {
  const parts: string[] = [];
  let i = start;
  let at = start;
  while (i < b) {
    const c = buf[i] as number;
    if (!QUOTE.has(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < b && buf[j] !== c) j++;
    parts.push(text(at, i + 1));
    if (j >= b) {
      parts.push(HIDDEN);
      return parts.join('');
    }
    parts.push((j > i + 1 ? HIDDEN : '') + text(j, j + 1));
    at = j + 1;
    i = j + 1;
  }
  parts.push(text(at, b));
  return parts.join('');
}
