/**
 * Forgiving base64 decoding, exactly as `atob` does it.
 *
 * Mirrors `isomorphicAtob` from `@clerk/shared` 4.41 (src/isomorphicAtob.ts). Clerk calls the global
 * `atob` whenever one exists (every Node >= 16, every browser, edge runtimes) and only falls back to
 * `Buffer.from(data, 'base64')` where there is none. `atob` implements the WHATWG "forgiving-base64
 * decode" (https://infra.spec.whatwg.org/#forgiving-base64-decode), which is stricter than Buffer:
 * Buffer silently skips invalid characters and misplaced `=`, `atob` rejects them. We implement the
 * algorithm here rather than call `atob` so the result does not depend on the runtime.
 *
 * The algorithm:
 *  1. remove ASCII whitespace (TAB, LF, FF, CR, SPACE) anywhere in the input;
 *  2. if the length is a multiple of 4, drop one or two trailing `=`;
 *  3. fail if the length is now 4n+1;
 *  4. fail on any character outside `A-Z a-z 0-9 + /` (including a leftover `=`);
 *  5. decode 6 bits per character, discarding leftover bits (non-zero leftover bits are accepted).
 *
 * The result is a "binary string": one UTF-16 code unit per decoded byte (0x00-0xFF), like `atob`.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map<string, number>([...ALPHABET].map((ch, i) => [ch, i]));
const ASCII_WHITESPACE = /[\t\n\f\r ]/g;

/** Decodes like `atob`; returns null where `atob` would throw. */
export function forgivingBase64Decode(data: string): string | null {
  let s = data.replace(ASCII_WHITESPACE, '');
  if (s.length % 4 === 0) {
    if (s.endsWith('==')) s = s.slice(0, -2);
    else if (s.endsWith('=')) s = s.slice(0, -1);
  }
  if (s.length % 4 === 1) return null;

  let out = '';
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const value = VALUES.get(s.charAt(i));
    if (value === undefined) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}
