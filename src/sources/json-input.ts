import * as z from 'zod/mini';
import { InputError } from '../core/errors.js';
import type { Variable } from '../core/variable.js';
import { jsonErrorOffset, lineColumn } from './json-position.js';

const Schema = z.record(z.string(), z.string());

/** The token GitHub adds to every `toJSON(secrets)`; it is not one of the user's secrets. */
const GITHUB_TOKEN_KEY = 'github_token';

/**
 * Variables from `${{ toJSON(vars) }}` / `${{ toJSON(secrets) }}`: a JSON object of name → string.
 * Error messages name the label, a position or a key, never a value or any of the input text.
 */
export function parseJsonInput(text: string, kind: 'vars' | 'secrets', label: string): Variable[] {
  if (text.trim() === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const { line, column } = lineColumn(text, jsonErrorOffset(text));
    throw new InputError(`${label}: invalid JSON at line ${line}, column ${column}`);
  }
  const result = Schema.safeParse(data);
  if (!result.success) {
    const key = result.error.issues.find((i) => i.path.length > 0)?.path[0];
    throw new InputError(
      key === undefined
        ? `${label}: expected a JSON object of name → string`
        : `${label}: the value of ${JSON.stringify(String(key))} is not a string`
    );
  }
  return Object.entries(result.data)
    .filter(([name]) => !(kind === 'secrets' && name === GITHUB_TOKEN_KEY))
    .map(([name, value]) => ({ name, value, origin: { kind } }));
}
