import type { Variable } from '../core/variable.js';
import { classifySecretKey, isWebhookSecret } from '../clerk/secret-key.js';

/** Names whose values are treated as secrets whatever they hold. */
const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE|CREDENTIAL|API_KEY|_KEY$)/i;
const PUBLIC_KEY_NAME = /PUBLISHABLE_KEY$/i;
/** Shorter values are placeholders (`true`, `xxx`); masking them would garble every log line. */
const MIN_SECRET_LENGTH = 8;

/**
 * Values to register with the runner's log masking (`core.setSecret`): everything from secrets,
 * every secret-looking value, and each line of a multi-line secret (the runner masks line by line).
 */
export function secretValues(variables: readonly Variable[]): string[] {
  const values = new Set<string>();
  for (const { name, value, origin } of variables) {
    const secret =
      origin.kind === 'secrets' ||
      classifySecretKey(value) !== null ||
      isWebhookSecret(value) ||
      (SECRET_NAME.test(name) && !PUBLIC_KEY_NAME.test(name));
    if (!secret) continue;
    for (const part of [value, ...value.split(/\r?\n/)]) {
      if (part.trim().length >= MIN_SECRET_LENGTH) values.add(part);
    }
  }
  return [...values];
}
