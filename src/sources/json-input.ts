import * as z from 'zod/mini';
import { once } from '../core/memo.js';
import { InputError } from '../core/errors.js';
import type { Variable } from '../core/variable.js';

/**
 * Checked as name/value pairs (after JSON.parse has made an object): zod's record drops a `__proto__` key,
 * which is a valid variable name, and the gate must not skip a variable without a word.
 */
const entriesSchema = once(() => z.array(z.tuple([z.string(), z.string()])));

/** The token GitHub adds to every `toJSON(secrets)`; it is not one of the user's secrets. */
const GITHUB_TOKEN_KEY = 'github_token';

/**
 * Variables from `${{ toJSON(vars) }}` / `${{ toJSON(secrets) }}`: a JSON object of name → string.
 * Error messages name the label, a position or a key, never a value or any of the input text.
 */
export async function parseJsonInput(text: string, kind: 'vars' | 'secrets', label: string): Promise<Variable[]> {
  if (text.trim() === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Loaded only here: a run without broken JSON does not load jsonc-parser (bench/README.md).
    const { errorPosition } = await import('./json-position.js');
    const { line, column } = errorPosition(text);
    throw new InputError(`${label}: invalid JSON at line ${line}, column ${column}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(`${label}: expected a JSON object of name → string`);
  }
  const entries = Object.entries(data);
  const result = entriesSchema().safeParse(entries);
  if (!result.success) {
    const index = Number(result.error.issues[0]?.path[0]);
    const key = entries[index]?.[0] ?? '?';
    throw new InputError(`${label}: the value of ${JSON.stringify(key)} is not a string`);
  }
  return result.data
    .filter(([name]) => !(kind === 'secrets' && name === GITHUB_TOKEN_KEY))
    .map(([name, value]) => ({ name, value, origin: { kind } }));
}
