import { z } from 'zod';
import { InputError } from '../core/errors.js';
import { RULE_IDS } from '../rules/index.js';

export const FRAMEWORK_CHOICES = ['auto', 'nextjs', 'vite', 'remix', 'astro', 'nuxt', 'expo', 'node'] as const;
export const FAIL_ON_CHOICES = ['error', 'warning', 'never'] as const;

const jsonInput = z.object({ label: z.string(), text: z.string() });

/** What both shells (action and CLI) hand the engine, validated at the boundary. */
export const gateOptionsSchema = z.object({
  cwd: z.string().min(1),
  paths: z.array(z.string().min(1)),
  framework: z.enum(FRAMEWORK_CHOICES).default('auto'),
  environment: z.string().trim().min(1, 'must not be empty').default('production'),
  productionEnvironments: z
    .array(z.string().trim().min(1))
    .min(1, 'must name at least one environment')
    .default(['production']),
  varsJson: jsonInput.optional(),
  secretsJson: jsonInput.optional(),
  processEnv: z.record(z.string(), z.string().optional()).optional(),
  ignore: z
    .array(z.string())
    .default([])
    .refine((ids) => ids.every((id) => RULE_IDS.includes(id)), {
      message: `names an unknown rule; known rules: ${RULE_IDS.join(', ')}`
    }),
  failOn: z.enum(FAIL_ON_CHOICES).default('error'),
  offline: z.boolean().default(false)
});

export type GateOptionsInput = z.input<typeof gateOptionsSchema>;
export type GateOptions = z.output<typeof gateOptionsSchema>;

/** Validates options; a problem becomes an InputError naming the option (never its value). */
export function parseGateOptions(input: GateOptionsInput): GateOptions {
  const result = gateOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'options';
  throw new InputError(`${OPTION_NAMES[String(issue?.path[0])] ?? where}: ${issue?.message ?? 'invalid'}`);
}

/** Option names as users know them (action input / CLI flag). */
const OPTION_NAMES: Record<string, string> = {
  framework: 'framework',
  environment: 'environment',
  productionEnvironments: 'production-environments',
  ignore: 'ignore',
  failOn: 'fail-on'
};

/** GitHub environment names are case-insensitive. */
export function isProductionEnvironment(options: Pick<GateOptions, 'environment' | 'productionEnvironments'>): boolean {
  const target = options.environment.toLowerCase();
  return options.productionEnvironments.some((name) => name.toLowerCase() === target);
}
