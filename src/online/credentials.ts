import { parsePublishableKey, type ParsedPublishableKey } from '../clerk/publishable-key.js';
import { classifySecretKey } from '../clerk/secret-key.js';
import type { Variable } from '../core/variable.js';
import { isPublishableKeyVariable, isSecretKeyVariable } from '../rules/clerk-variables.js';

/** The keys one app runs with, as the online checks need them. Values are secrets: never printed. */
export interface Credentials {
  secretKey?: { name: string; value: string };
  publishableKey?: { name: string; value: string; parsed: ParsedPublishableKey };
  platformKey?: { name: string; value: string };
}

const PLATFORM_KEY_NAME = /(^|_)CLERK_PLATFORM_API_KEY$/;

/**
 * The keys among the variables that reach one app (unshadowed: the value the app runs with). A secret key is an
 * `sk_…` key in `CLERK_SECRET_KEY` (or another secret-key name); a legacy `live_`/`test_` API key counts too.
 */
export function credentialsOf(effective: readonly Variable[]): Credentials {
  const credentials: Credentials = {};
  for (const { name, value, shadowedBy } of effective) {
    if (shadowedBy) continue;
    if (!credentials.secretKey && isSecretKeyVariable(name) && classifySecretKey(value)) {
      credentials.secretKey = { name, value };
    } else if (!credentials.publishableKey && isPublishableKeyVariable(name)) {
      const parsed = parsePublishableKey(value);
      if (parsed) credentials.publishableKey = { name, value, parsed };
    } else if (!credentials.platformKey && PLATFORM_KEY_NAME.test(name) && value.startsWith('ak_')) {
      credentials.platformKey = { name, value };
    }
  }
  return credentials;
}

/** Tells credential sets apart (in memory only: the text holds the keys). */
export function credentialsKey(c: Credentials): string {
  return JSON.stringify([c.secretKey?.value ?? '', c.publishableKey?.value ?? '', c.platformKey?.value ?? '']);
}
