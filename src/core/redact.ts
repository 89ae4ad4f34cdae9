/**
 * Redacts a value for display as prefix + `…` + last 4.
 * The prefix is a known non-secret key prefix (`sk_live_`, `pk_test_`, `rk_live_`, `whsec_`, `test_`, `live_`),
 * and nothing at all for other values. Short values are fully masked: showing the last 4 characters
 * of an 8-character secret would reveal half of it.
 */
const KNOWN_PREFIXES = [
  'sk_live_',
  'sk_test_',
  'pk_live_',
  'pk_test_',
  'rk_live_',
  'rk_test_',
  'whsec_',
  'live_',
  'test_',
  'ak_'
];
const MIN_LENGTH_FOR_TAIL = 16;

export function redact(value: string): string {
  if (value === '') return '(empty)';
  const prefix = KNOWN_PREFIXES.find((p) => value.startsWith(p)) ?? '';
  const rest = value.slice(prefix.length);
  if (rest.length < MIN_LENGTH_FOR_TAIL) return `${prefix}…`;
  return `${prefix}…${rest.slice(-4)}`;
}

/** A key-shaped run anywhere in a text: publishable, secret, webhook, Platform API and 2021-era keys. */
export const KEY_SHAPED =
  /(sk|pk|rk)_(test|live)_[A-Za-z0-9+/=]{8,}|whsec_[A-Za-z0-9+/]{8,}|\bak_[A-Za-z0-9]{8,}|\b(test|live)_[A-Za-z0-9]{16,}/g;
/** Any other long unbroken token (another service's key, a signed value): shown as `…` + last 4 at most. */
const LONG_TOKEN = /[A-Za-z0-9+/=_-]{32,}/g;

/** Every key-shaped run in a free text redacted (prefix + … + last 4), and other long tokens too. */
export function redactKeysIn(text: string): string {
  return text.replace(KEY_SHAPED, (key) => redact(key)).replace(LONG_TOKEN, (token) => redact(token));
}
