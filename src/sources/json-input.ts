import * as z from 'zod/mini';
import { once } from '../core/memo.js';
import { InputError } from '../core/errors.js';
import type { Variable } from '../core/variable.js';
import { parse as parseLenient, type ParseError } from 'jsonc-parser';

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
export function parseJsonInput(text: string, kind: 'vars' | 'secrets', label: string): Variable[] {
  if (text.trim() === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
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

/**
 * Where JSON.parse failed, as line and column of the token where the text stops being JSON. V8's messages quote the
 * input (which may hold secrets) and some ("Unexpected token …") carry no position, so jsonc-parser, strict about
 * comments and trailing commas, finds it.
 */
function errorPosition(text: string): { line: number; column: number } {
  const errors: ParseError[] = [];
  parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return lineColumn(text, errors[0]?.offset ?? 0);
}

/** 1-based line and column of `offset`; `\r\n`, `\r` and `\n` each end a line. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length + 1, column: offset - lastBreak };
}
