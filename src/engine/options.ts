// zod/mini: the same validation as classic zod, in a smaller bundle that starts faster (see bench/README.md).
import * as z from 'zod/mini';
import { isIP } from 'node:net';
import { InputError } from '../core/errors.js';
import { RULE_IDS } from '../rules/index.js';
import { FRAMEWORKS } from '../sources/frameworks.js';
import { isHttpsOrLoopback } from '../net/address.js';

export const FRAMEWORK_CHOICES = ['auto', ...FRAMEWORKS] as const;
export const FAIL_ON_CHOICES = ['error', 'warning', 'never'] as const;
export const ON_API_ERROR_CHOICES = ['fail', 'warn'] as const;
export const DEFAULT_CLERK_API_URL = 'https://api.clerk.com';

const oneOf = (choices: readonly string[]) => ({ error: `expected one of ${choices.join(', ')}` });
const nonEmpty = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const jsonInput = z.object({ label: z.string(), text: z.string() });

/** What both shells (action and CLI) hand the engine, validated at the boundary. */
export const gateOptionsSchema = z.object({
  cwd: nonEmpty,
  paths: z.array(z.string().check(z.minLength(1, 'must not be empty'))),
  framework: z._default(z.enum(FRAMEWORK_CHOICES, oneOf(FRAMEWORK_CHOICES)), 'auto'),
  environment: z._default(nonEmpty, 'production'),
  productionEnvironments: z._default(z.array(nonEmpty).check(z.minLength(1, 'must name at least one environment')), [
    'production'
  ]),
  varsJson: z.optional(jsonInput),
  secretsJson: z.optional(jsonInput),
  // Name/value pairs rather than a record: zod's record drops a `__proto__` key, a valid variable name.
  processEnv: z.optional(z.array(z.tuple([z.string(), z.optional(z.string())]))),
  ignore: z._default(
    z.array(z.string()).check(
      z.refine((ids) => ids.every((id) => RULE_IDS.includes(id)), {
        error: `names an unknown rule; known rules: ${RULE_IDS.join(', ')}`
      })
    ),
    []
  ),
  failOn: z._default(z.enum(FAIL_ON_CHOICES, oneOf(FAIL_ON_CHOICES)), 'error'),
  offline: z._default(z.boolean(), false),
  /** Per call to Clerk or DNS, in milliseconds. */
  apiTimeoutMs: z._default(
    z.number().check(z.positive('must be more than 0'), z.lte(600_000, 'must be 600 seconds at most')),
    10_000
  ),
  onApiError: z._default(z.enum(ON_API_ERROR_CHOICES, oneOf(ON_API_ERROR_CHOICES)), 'fail'),
  clerkApiUrl: z._default(
    z.string().check(
      z.refine(isSafeApiUrl, {
        error: 'must be an https:// URL (http:// only on a loopback address): the secret key is sent to it'
      })
    ),
    DEFAULT_CLERK_API_URL
  ),
  dnsServers: z._default(
    z.array(z.string().check(z.refine(isDnsServer, { error: 'expected ip or ip:port ([ipv6]:port) entries' }))),
    []
  ),
  dnsCheck: z._default(z.boolean(), false),
  /** Client build output to scan: directories, `auto` (by framework, when built) or `none`. */
  buildDirs: z._default(z.array(nonEmpty), ['auto']),
  /** The deployed site to read; https, or http on loopback (tests). */
  deploymentUrl: z.optional(
    z.string().check(z.refine(isSafeSiteUrl, { error: 'must be an https:// URL (http:// only on a loopback address)' }))
  ),
  /** Vercel Deployment Protection bypass secret, sent as `x-vercel-protection-bypass`. Never printed. */
  vercelProtectionBypass: z.optional(z.string()),
  /** The hosts as sources of variables (hosts/): tokens are secrets, never printed. */
  vercelToken: z.optional(z.string()),
  vercelProject: z.optional(nonEmpty),
  vercelTeam: z.optional(nonEmpty),
  vercelApiUrl: z.optional(z.string()),
  netlifyToken: z.optional(z.string()),
  netlifySite: z.optional(nonEmpty),
  netlifyApiUrl: z.optional(z.string()),
  /** The branch a preview deploys (the pull request's head branch). */
  gitBranch: z.optional(nonEmpty)
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
  failOn: 'fail-on',
  apiTimeoutMs: 'api-timeout',
  onApiError: 'on-api-error',
  clerkApiUrl: 'clerk-api-url',
  dnsServers: 'dns-servers',
  buildDirs: 'build-dirs',
  vercelProject: 'vercel-project',
  vercelTeam: 'vercel-team',
  netlifySite: 'netlify-site',
  gitBranch: 'git-branch',
  deploymentUrl: 'deployment-url'
};

/** https, or http to a loopback address (tests, a local proxy): never a key in clear text over a network. */
function isSafeApiUrl(text: string): boolean {
  const url = parseUrl(text);
  return url !== null && !url.username && !url.password && isHttpsOrLoopback(url);
}

/** The deployed site: https, or http on loopback; the bypass secret may travel with it, so the same rule. */
function isSafeSiteUrl(text: string): boolean {
  const url = parseUrl(text);
  return url !== null && isHttpsOrLoopback(url);
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** `1.1.1.1`, `127.0.0.1:5353`, `::1`, `[::1]:5353`. */
function isDnsServer(text: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) return isIP(bracketed[1] ?? '') === 6 && validPort(bracketed[2]);
  if (isIP(text) !== 0) return true;
  const [host = '', port] = text.split(':');
  return isIP(host) === 4 && text.split(':').length === 2 && validPort(port);
}

function validPort(port: string | undefined): boolean {
  return port === undefined || (/^\d{1,5}$/.test(port) && Number(port) > 0 && Number(port) < 65536);
}

/** GitHub environment names are case-insensitive. */
export function isProductionEnvironment(options: Pick<GateOptions, 'environment' | 'productionEnvironments'>): boolean {
  const target = options.environment.toLowerCase();
  return options.productionEnvironments.some((name) => name.toLowerCase() === target);
}
