import type { Variable } from '../core/variable.js';
import { classifySecretKey, isRestrictedKey, isWebhookSecret } from '../clerk/secret-key.js';

/** Names whose values are treated as secrets whatever they hold. */
const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE|CREDENTIAL|API_KEY|_KEY$)/i;
const PUBLIC_KEY_NAME = /PUBLISHABLE_KEY$/i;
/** Shorter values are placeholders (`true`, `xxx`); masking them would garble every log line. */
const MIN_SECRET_LENGTH = 8;
/**
 * Workflow-command names (actions/runner's registered commands). A "secret" line equal to one of them would make
 * the runner mask that word everywhere in the log, commands included: a hostile value must not get to choose.
 */
const COMMAND_WORDS = new Set([
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
  'stop-commands',
  'pause-logging'
]);

/** Whether a variable's value is a secret: from secrets, shaped like a key, or named like one. */
export function isSecretVariable({ name, value, origin }: Variable): boolean {
  return (
    origin.kind === 'secrets' ||
    classifySecretKey(value) !== null ||
    isWebhookSecret(value) ||
    isRestrictedKey(value) ||
    (SECRET_NAME.test(name) && !PUBLIC_KEY_NAME.test(name))
  );
}

/**
 * Values to register with the runner's log masking (`core.setSecret`): every secret value, and each line of a
 * multi-line one (the runner masks line by line). A line shorter than 8 characters or equal to a workflow-command
 * word is not registered.
 */
export function secretValues(variables: readonly Variable[]): string[] {
  const values = new Set<string>();
  for (const variable of variables) {
    if (!isSecretVariable(variable)) continue;
    const { value } = variable;
    for (const part of [value, ...value.split(/\r?\n/)]) {
      const word = part.trim();
      if (word.length >= MIN_SECRET_LENGTH && !COMMAND_WORDS.has(word.toLowerCase())) values.add(part);
    }
  }
  return [...values];
}
