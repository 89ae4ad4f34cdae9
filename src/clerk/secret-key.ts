/**
 * Clerk secret keys (`sk_test_…` / `sk_live_…`) and 2021-era API keys (`test_…` / `live_…`, the old
 * `CLERK_API_KEY`). Only the prefix carries meaning: the rest is opaque.
 *
 * The instance type mirrors `isDevelopmentFromSecretKey` / `isProductionFromSecretKey` from
 * `@clerk/shared` 4.41 (src/keys.ts): `test_`/`sk_test_` → development, `live_`/`sk_live_` →
 * production. Copied, not imported, because `@clerk/shared` is a devDependency only (the test oracle).
 * Unlike Clerk's prefix checks we also require a non-empty remainder of letters and digits, so that
 * `live_stream` in some unrelated variable is not called a key — but note that Stripe keys use the
 * same `sk_test_`/`sk_live_` prefixes and alphabet, so a value alone never proves it is Clerk's.
 * Values are not trimmed: pass the value as the application would read it.
 */
import type { InstanceType } from './publishable-key.js';

type SecretKeyKind = 'secret-key' | 'legacy-api-key';

export interface SecretKeyClass {
  kind: SecretKeyKind;
  instanceType: InstanceType;
}

const SECRET_KEY = /^(sk_)?(test|live)_[A-Za-z0-9]+$/;
const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/]+={0,2}$/;
const RESTRICTED_KEY = /^rk_(test|live)_[A-Za-z0-9]+$/;

export function classifySecretKey(value: string): SecretKeyClass | null {
  const match = SECRET_KEY.exec(value);
  if (!match) return null;
  return {
    kind: match[1] ? 'secret-key' : 'legacy-api-key',
    instanceType: match[2] === 'live' ? 'production' : 'development'
  };
}

/** A Svix-style webhook signing secret: `whsec_` + base64. */
export function isWebhookSecret(value: string): boolean {
  return WEBHOOK_SECRET.test(value);
}

/**
 * A Stripe restricted API key (`rk_test_…` / `rk_live_…`). Not Clerk's, but a secret wherever it is found, like
 * Stripe's `sk_` keys, which `classifySecretKey` cannot tell from Clerk's.
 */
export function isRestrictedKey(value: string): boolean {
  return RESTRICTED_KEY.test(value);
}
