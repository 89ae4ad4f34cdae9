import * as z from 'zod/mini';

/**
 * The public contract of the JSON report (`version: 1`). Objects are strict: a key that is not
 * listed here is a contract change. Findings carry `suppressed`, `shadowed_by`,
 * `expanded_from`, `original_location` and `excerpt` only when set.
 */
const severity = z.enum(['error', 'warning', 'notice']);

const jsonLocationSchema = z.union([
  z.strictObject({ file: z.string(), line: z.int(), column: z.int() }),
  /** A page or chunk of the deployed site. */
  z.strictObject({ url: z.string(), line: z.int(), column: z.int() }),
  z.strictObject({ source: z.enum(['vars', 'secrets', 'env', 'clerk-api', 'dns']) }),
  /** A host's project variables: `{"source": "vercel", "project": …, "target": …}`. */
  z.strictObject({ source: z.enum(['vercel', 'netlify']), project: z.string(), target: z.string() })
]);

const jsonSuppressionSchema = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('ignore-option') }),
  z.strictObject({ by: z.literal('inline-comment'), file: z.string(), line: z.int() })
]);

const jsonFindingSchema = z.strictObject({
  rule: z.string(),
  severity,
  variable: z.string(),
  value: z.string(),
  location: jsonLocationSchema,
  message: z.string(),
  fix: z.string(),
  suppressed: z.optional(jsonSuppressionSchema),
  shadowed_by: z.optional(jsonLocationSchema),
  /** The variables a `${NAME}` expansion put into the value, with where each is defined. */
  expanded_from: z.optional(z.array(z.strictObject({ variable: z.string(), location: jsonLocationSchema }))),
  /** For a finding in built code: the position in the original source, from the source map. */
  original_location: z.optional(z.strictObject({ file: z.string(), line: z.int(), column: z.int() })),
  /** For a finding in built or fetched code: the text around it, secrets redacted. */
  excerpt: z.optional(z.string())
});

const jsonSourceSchema = z.union([
  z.strictObject({
    kind: z.literal('file'),
    file: z.string(),
    variables: z.int(),
    framework: z.optional(z.string())
  }),
  z.strictObject({ kind: z.enum(['vars', 'secrets', 'env']), variables: z.int() }),
  z.strictObject({
    kind: z.enum(['vercel', 'netlify']),
    project: z.string(),
    target: z.string(),
    variables: z.int()
  })
]);

/** A file found but not judged (a template, another mode's file, an exclusion), and why. */
const jsonSkippedSchema = z.strictObject({ file: z.string(), reason: z.string() });

const jsonCheckSchema = z.strictObject({
  id: z.string(),
  status: z.enum(['pass', 'fail', 'skipped', 'error', 'incomplete']),
  detail: z.string()
});

export const jsonReportSchema = z.strictObject({
  version: z.literal(1),
  environment: z.string(),
  /** Whether the environment counts as production (added after version 1 first shipped: optional to read). */
  production: z.optional(z.boolean()),
  passed: z.boolean(),
  summary: z.strictObject({ errors: z.int(), warnings: z.int(), notices: z.int() }),
  sources: z.array(jsonSourceSchema),
  skipped: z.array(jsonSkippedSchema),
  findings: z.array(jsonFindingSchema),
  checks: z.array(jsonCheckSchema)
});

export type JsonReport = z.infer<typeof jsonReportSchema>;
export type JsonFinding = z.infer<typeof jsonFindingSchema>;
export type JsonLocation = z.infer<typeof jsonLocationSchema>;
