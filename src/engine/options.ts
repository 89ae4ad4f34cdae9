// zod/mini: the same validation as classic zod, in a smaller bundle that starts faster (see bench/README.md).
import * as z from 'zod/mini';
import { once } from '../core/memo.js';
import { InputError } from '../core/errors.js';
import {
  ENGINE_OPTIONS,
  parseOption,
  type OptionInputs,
  type OptionSpec,
  type OptionValues
} from '../options/declarations.js';

/**
 * The fields both shells add to the declared options, each with its zod type (built on first use) and `plain`: a
 * value its type passes unchanged, taken without building the type (as the shells give them), so a run builds no
 * zod type it does not need (bench/README.md).
 */
const SHELL_FIELDS = {
  cwd: {
    schema: once(() => z.string().check(z.trim(), z.minLength(1, 'must not be empty'))),
    plain: (value: unknown) => typeof value === 'string' && value !== '' && value.trim() === value
  },
  // Name/value pairs rather than a record: zod's record drops a `__proto__` key, a valid variable name.
  processEnv: {
    schema: once(() => z.optional(z.array(z.tuple([z.string(), z.optional(z.string())])))),
    plain: (value: unknown) => value === undefined || (Array.isArray(value) && value.every(isNameValuePair))
  }
};

function isNameValuePair(pair: unknown): boolean {
  return (
    Array.isArray(pair) &&
    pair.length === 2 &&
    typeof pair[0] === 'string' &&
    (pair[1] === undefined || typeof pair[1] === 'string')
  );
}

type EngineOptions = typeof ENGINE_OPTIONS;
type ShellFields = { [K in keyof typeof SHELL_FIELDS]: ReturnType<(typeof SHELL_FIELDS)[K]['schema']> };
/** The keys of `T` whose value may be undefined become optional, as zod's object type makes them. */
type WithOptionalKeys<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: T[K];
};

/**
 * What both shells (action and CLI) hand the engine: the declared options (options/declarations.ts), the directory
 * they are relative to, and the runtime variables for scan-process-env.
 */
export type GateOptionsInput = WithOptionalKeys<{ [K in keyof ShellFields]: z.input<ShellFields[K]> }> &
  OptionInputs<EngineOptions>;
export type GateOptions = WithOptionalKeys<
  { [K in keyof ShellFields]: z.output<ShellFields[K]> } & OptionValues<EngineOptions>
>;

/**
 * Validates options at the boundary, field by field in declaration order (the first problem wins): each option
 * given is checked with its zod type, built only then; an option not given takes its declared fallback. A problem
 * becomes an InputError naming the option's input (never its value).
 */
export function parseGateOptions(input: GateOptionsInput): GateOptions {
  if (typeof input !== 'object' || input === null) throw new InputError('options: expected object');
  const given: Partial<Record<string, unknown>> = input;
  const values: Record<string, unknown> = {};
  for (const [key, { schema, plain }] of Object.entries(SHELL_FIELDS)) {
    if (plain(given[key])) {
      if (given[key] !== undefined || key in given) values[key] = given[key];
      continue;
    }
    const result = schema().safeParse(given[key]);
    if (!result.success) throw new InputError(`${key}: ${result.error.issues[0]?.message ?? 'invalid'}`);
    if (result.data !== undefined || key in given) values[key] = result.data;
  }
  const declared: Record<string, OptionSpec> = ENGINE_OPTIONS;
  for (const [key, spec] of Object.entries(declared)) {
    const result = parseOption(spec, given[key]);
    if (!result.success) throw new InputError(`${spec.input ?? key}: ${result.message}`);
    if (result.data !== undefined || key in given) values[key] = result.data;
  }
  // Each value was checked by the zod type of its key, or is its key's declared fallback.
  return values as GateOptions;
}

/** GitHub environment names are case-insensitive. */
export function isProductionEnvironment(options: Pick<GateOptions, 'environment' | 'productionEnvironments'>): boolean {
  const target = options.environment.toLowerCase();
  return options.productionEnvironments.some((name) => name.toLowerCase() === target);
}
