/**
 * Clerk publishable keys: `pk_test_` / `pk_live_` + base64 (padding optional) of `<frontend API host>$`.
 *
 * Mirrors `isPublishableKey` / `parsePublishableKey` from `@clerk/shared` 4.41 (src/keys.ts) line for
 * line, so the gate accepts and rejects exactly what Clerk's SDKs do. It is a copy rather than an
 * import because `@clerk/shared` is only a devDependency (used as the test oracle) and the runtime
 * bundle should not carry it. `__tests__/clerk/publishable-key.test.ts` checks the two agree.
 *
 * Things Clerk accepts that one might not expect (all mirrored):
 *  - whitespace (space, TAB, LF, FF, CR) anywhere after the prefix, e.g. a trailing newline;
 *  - padded and unpadded base64, and non-zero leftover bits in the last character;
 *  - any decoded bytes before the `$` (spaces, `/`, `https://`, bytes >= 0x80 as Latin-1), as long as
 *    there is a dot and exactly one `$`, at the end: `pk_live_LiQ` (".$") is a valid key;
 *  - the instance type comes from the prefix only: `pk_live_` with a `.lcl.dev` host is "production".
 */
import { forgivingBase64Decode } from './base64.js';

const PUBLISHABLE_KEY_LIVE_PREFIX = 'pk_live_';
const PUBLISHABLE_KEY_TEST_PREFIX = 'pk_test_';

export type InstanceType = 'production' | 'development';

export interface ParsedPublishableKey {
  instanceType: InstanceType;
  frontendApi: string;
}

/** Clerk's `isValidDecodedPublishableKey`: ends with `$`, no other `$`, and contains a dot. */
function isValidDecoded(decoded: string): boolean {
  if (!decoded.endsWith('$')) return false;
  const withoutTrailing = decoded.slice(0, -1);
  if (withoutTrailing.includes('$')) return false;
  return withoutTrailing.includes('.');
}

function hasPublishablePrefix(value: string): boolean {
  return value.startsWith(PUBLISHABLE_KEY_LIVE_PREFIX) || value.startsWith(PUBLISHABLE_KEY_TEST_PREFIX);
}

/** The base64 part, or null when the value does not split into exactly `pk`, `live|test`, `<encoded>`. */
function encodedPart(value: string): string | null {
  const parts = value.split('_');
  if (parts.length !== 3) return null;
  return parts[2] || null;
}

export function isPublishableKey(value: string): boolean {
  if (!hasPublishablePrefix(value)) return false;
  const encoded = encodedPart(value);
  if (encoded === null) return false;
  const decoded = forgivingBase64Decode(encoded);
  return decoded !== null && isValidDecoded(decoded);
}

export function parsePublishableKey(value: string): ParsedPublishableKey | null {
  if (!value || !isPublishableKey(value)) return null;
  const instanceType: InstanceType = value.startsWith(PUBLISHABLE_KEY_LIVE_PREFIX) ? 'production' : 'development';
  // isPublishableKey guarantees both are non-null here.
  const decoded = forgivingBase64Decode(encodedPart(value) ?? '') ?? '';
  return { instanceType, frontendApi: decoded.slice(0, -1) };
}

/**
 * Why a value found in a publishable-key variable is not a valid key, as a clause (`it is empty`), or null when
 * it is one (null exactly when `isPublishableKey` is true). The reason never contains the value.
 */
export function publishableKeyProblem(value: string): string | null {
  if (value.trim() === '') return 'it is empty';
  if (!hasPublishablePrefix(value)) {
    if (hasPublishablePrefix(value.trimStart())) return 'it has whitespace before pk_test_ or pk_live_';
    return 'it does not start with pk_test_ or pk_live_';
  }
  const parts = value.split('_');
  if (parts.length !== 3) return 'it contains an underscore after the pk_test_ or pk_live_ prefix';
  if (!parts[2] || /^[\t\n\f\r ]*$/.test(parts[2])) return 'it has nothing after the pk_test_ or pk_live_ prefix';
  const decoded = forgivingBase64Decode(parts[2]);
  if (decoded === null) return 'the part after the prefix is not valid base64';
  if (!decoded.endsWith('$') || decoded.slice(0, -1).includes('$')) {
    return 'the host it encodes does not end with a single $';
  }
  if (!decoded.includes('.')) return 'the host it encodes has no dot';
  return null;
}
