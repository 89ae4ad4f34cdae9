// zod/mini: the same validation as classic zod, in a smaller bundle that starts faster (see bench/README.md).
import * as z from 'zod/mini';
import { InputError } from '../core/errors.js';
import { ENGINE_OPTIONS, type OptionSpec } from '../options/declarations.js';

const nonEmpty = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

/** The zod types of a table of options, by key. */
function schemasOf<T extends Record<string, { schema: z.ZodMiniType }>>(table: T): { [K in keyof T]: T[K]['schema'] } {
  const shape = Object.fromEntries(Object.entries(table).map(([key, spec]) => [key, spec.schema]));
  // Built key by key from `table`: each key holds that key's schema.
  return shape as { [K in keyof T]: T[K]['schema'] };
}

/**
 * What both shells (action and CLI) hand the engine, validated at the boundary: the declared options
 * (options/declarations.ts), the directory they are relative to, and the runtime variables for scan-process-env.
 */
const gateOptionsSchema = z.object({
  cwd: nonEmpty,
  // Name/value pairs rather than a record: zod's record drops a `__proto__` key, a valid variable name.
  processEnv: z.optional(z.array(z.tuple([z.string(), z.optional(z.string())]))),
  ...schemasOf(ENGINE_OPTIONS)
});

export type GateOptionsInput = z.input<typeof gateOptionsSchema>;
export type GateOptions = z.output<typeof gateOptionsSchema>;

/** Validates options; a problem becomes an InputError naming the option's input (never its value). */
export function parseGateOptions(input: GateOptionsInput): GateOptions {
  const result = gateOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = String(issue?.path[0] ?? 'options');
  const declared: Partial<Record<string, OptionSpec>> = ENGINE_OPTIONS;
  throw new InputError(`${declared[key]?.input ?? key}: ${issue?.message ?? 'invalid'}`);
}

/** GitHub environment names are case-insensitive. */
export function isProductionEnvironment(options: Pick<GateOptions, 'environment' | 'productionEnvironments'>): boolean {
  const target = options.environment.toLowerCase();
  return options.productionEnvironments.some((name) => name.toLowerCase() === target);
}
