/**
 * Forgiving base64 decoding, exactly as `atob` does it.
 *
 * Mirrors `isomorphicAtob` from `@clerk/shared` 4.41 (src/isomorphicAtob.ts). Clerk calls the global
 * `atob` whenever one exists (every Node >= 16, every browser, edge runtimes) and only falls back to
 * `Buffer.from(data, 'base64')` where there is none. `atob` implements the WHATWG "forgiving-base64
 * decode" (https://infra.spec.whatwg.org/#forgiving-base64-decode), which is stricter than Buffer:
 * Buffer silently skips invalid characters and misplaced `=`, `atob` rejects them. Node's `atob` (16+)
 * implements that algorithm, so we call it, as Clerk does; the oracle tests compare the two on every run.
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

const BASE64_CHARACTERS = /^[A-Za-z0-9+/=\t\n\f\r ]*$/;

/** Decodes like `atob` (it is `atob`); returns null where `atob` throws. */
export function forgivingBase64Decode(data: string): string | null {
  // atob would throw for any other character; saying so without an exception is much cheaper.
  if (!BASE64_CHARACTERS.test(data)) return null;
  try {
    return atob(data);
  } catch {
    return null;
  }
}
