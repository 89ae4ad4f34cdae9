import { InputError } from '../core/errors.js';
import { parseOption, type OptionSpec, type OptionTable, type OptionValues } from './declarations.js';

/** Splits a list given as one string (action inputs, CLI flags): commas or newlines, blanks dropped. */
export function splitList(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A raw value as a shell has it: an input's text, a flag's value(s), a file read for a json option. */
export type RawValue = string | boolean | readonly string[] | { label: string; text: string } | undefined;

/**
 * Reads every option of `table`: `raw` gives a shell's value, `fallback` the environment's for an option not
 * given; each is converted by its kind and checked with its zod type. A problem is an InputError naming the option
 * as `name` gives it (`--url`, `deployment-url`), or the environment variable; never the value. An option given by
 * neither is left out, so the engine's default applies.
 */
export function parseOptions<T extends OptionTable>(
  table: T,
  raw: (spec: OptionSpec) => RawValue,
  name: (spec: OptionSpec) => string,
  fallback: Partial<Record<string, string>> = {}
): Partial<OptionValues<T>> {
  const values: Partial<Record<string, unknown>> = {};
  for (const [key, spec] of Object.entries(table)) {
    let given = convert(spec, raw(spec), name(spec));
    let label = name(spec);
    const fromEnvironment = fallback[key];
    if (given === undefined && fromEnvironment !== undefined && spec.fromEnvironment) {
      label = spec.fromEnvironment.split(' ')[0] ?? key;
      given = convert(spec, fromEnvironment, label);
    }
    if (given === undefined) continue;
    const result = parseOption(spec, given);
    if (!result.success) throw new InputError(`${label}: ${result.message}`);
    values[key] = result.data;
  }
  // Each value was checked by the schema its key's type is read from.
  return values as Partial<OptionValues<T>>;
}

/** A raw value as its kind's schema input; undefined when not given (an empty input, an absent flag). */
function convert(spec: OptionSpec, raw: RawValue, name: string): unknown {
  if (Array.isArray(raw)) return spec.positional ? (raw.length > 0 ? raw : undefined) : listOf(raw);
  if (raw === undefined || typeof raw === 'boolean' || typeof raw === 'object') return raw;
  const text = raw.trim();
  switch (spec.kind) {
    case 'list':
      return listOf([raw]);
    case 'boolean':
      if (text === '') return undefined;
      if (text.toLowerCase() === 'true' || text.toLowerCase() === 'false') return text.toLowerCase() === 'true';
      throw new InputError(`${name}: expected true or false`);
    case 'seconds':
      if (text === '') return undefined;
      if (!Number.isFinite(Number(text))) throw new InputError(`${name}: expected a number of seconds`);
      return Number(text) * 1000;
    case 'count':
      if (text === '') return undefined;
      if (!/^\d+$/.test(text)) throw new InputError(`${name}: expected a whole number`);
      return Number(text);
    case 'json':
      return text === '' ? undefined : { label: `input ${name}`, text: raw };
    case 'text':
    case 'secret':
      return text === '' ? undefined : raw;
  }
}

/** A list's values, each split on commas and newlines; undefined when empty (the default applies). */
function listOf(values: readonly string[]): string[] | undefined {
  const items = values.flatMap((value) => splitList(value));
  return items.length > 0 ? items : undefined;
}
