/**
 * Every option of the gate, declared once: its key, action input, CLI flag, zod type, action.yml default and
 * help. The CLI's parser and usage text (options/cli-options.ts), the action's input reader
 * (options/action-options.ts) and the engine's schema (engine/options.ts) are built from these tables;
 * __tests__/options/declarations.test.ts fails when action.yml disagrees.
 *
 * `kind` says how a raw value (an input's text, a flag's value) becomes the zod type's input:
 * - text: the string (an empty input is not given);
 * - list: comma- or newline-separated, a repeatable flag's values joined;
 * - boolean: `true`/`false` as an input, present or not as a flag;
 * - seconds: a number of seconds, in milliseconds;
 * - count: a positive whole number;
 * - json: JSON text as an input, a file to read as a flag (`{ label, text }`);
 * - secret: an input or the environment only, never a flag (it would show in `ps` and shell history).
 * `fromEnvironment` names the variables a shell reads for an option not given (see options/shell-environment.ts).
 */
import * as z from 'zod/mini';
import { RULE_IDS } from '../rules/index.js';
import { FRAMEWORKS } from '../sources/frameworks.js';
import { isDnsServer, isSafeApiUrl, isSafeSiteUrl } from './urls.js';

type OptionKind = 'text' | 'list' | 'boolean' | 'seconds' | 'count' | 'json' | 'secret';

export interface OptionSpec {
  kind: OptionKind;
  /** Builds the zod type of a given value: called only for an option given, so start-up builds none. */
  schema: () => z.ZodMiniType;
  /** The value of an option not given (a copy, for a list); without one, the option is left out. */
  fallback?: unknown;
  /** For an option that takes one of a few words: the words, each of which its type passes unchanged. */
  choices?: readonly string[];
  /** The action input (action.yml), when the action has it. */
  input?: string;
  /** The CLI flag without `--`, when the CLI has it; `positional` for the operands. */
  flag?: string;
  positional?: true;
  short?: string;
  /** A flag given more than once adds values (lists). */
  multiple?: true;
  /** The value's name in the usage text. */
  arg?: string;
  /** The input's default in action.yml, as written there. */
  default?: string;
  /** One line of help (the CLI's usage text; action.yml has the long description). */
  help: string;
  /** Environment variables read when the option is not given. */
  fromEnvironment?: string;
}

const oneOf = (choices: readonly string[]) => ({ error: `expected one of ${choices.join(', ')}` });
const nonEmpty = () => z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

const FRAMEWORK_CHOICES = ['auto', ...FRAMEWORKS] as const;
const FAIL_ON_CHOICES = ['error', 'warning', 'never'] as const;
const ON_API_ERROR_CHOICES = ['fail', 'warn'] as const;
const COMMENT_CHOICES = ['always', 'on-failure', 'never'] as const;
export const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
const jsonInput = () => z.object({ label: z.string(), text: z.string() });

/** The options the engine takes (engine/options.ts builds its schema from these). */
export const ENGINE_OPTIONS = {
  paths: {
    kind: 'list',
    input: 'env-files',
    flag: 'path',
    positional: true,
    default: '.',
    schema: () => z.array(z.string().check(z.minLength(1, 'must not be empty'))),
    fallback: ['.'],
    help: 'dotenv files, globs or directories (default: .)'
  },
  environment: {
    kind: 'text',
    input: 'environment',
    flag: 'environment',
    arg: 'NAME',
    default: '',
    schema: nonEmpty,
    fallback: 'production',
    help: 'target environment (default: production)'
  },
  productionEnvironments: {
    kind: 'list',
    input: 'production-environments',
    flag: 'production-environments',
    arg: 'LIST',
    default: 'production',
    schema: () => z.array(nonEmpty()).check(z.minLength(1, 'must name at least one environment')),
    fallback: ['production'],
    help: 'names that count as production, comma-separated (default: production)'
  },
  varsJson: {
    kind: 'json',
    input: 'vars-json',
    flag: 'vars-json',
    arg: 'FILE',
    default: '',
    schema: jsonInput,
    help: 'JSON object of variables, as ${{ toJSON(vars) }} gives it'
  },
  secretsJson: {
    kind: 'json',
    input: 'secrets-json',
    flag: 'secrets-json',
    arg: 'FILE',
    default: '',
    schema: jsonInput,
    help: 'JSON object of secrets, as ${{ toJSON(secrets) }} gives it'
  },
  framework: {
    kind: 'text',
    input: 'framework',
    flag: 'framework',
    arg: 'NAME',
    default: 'auto',
    schema: () => z.enum(FRAMEWORK_CHOICES, oneOf(FRAMEWORK_CHOICES)),
    choices: FRAMEWORK_CHOICES,
    fallback: 'auto',
    help: `${FRAMEWORK_CHOICES.join('|')} (default: auto)`
  },
  ignore: {
    kind: 'list',
    input: 'ignore',
    flag: 'ignore',
    multiple: true,
    arg: 'RULES',
    default: '',
    schema: () =>
      z.array(z.string()).check(
        z.refine((ids) => ids.every((id) => RULE_IDS.includes(id)), {
          error: `names an unknown rule; known rules: ${RULE_IDS.join(', ')}`
        })
      ),
    fallback: [],
    help: 'rule ids to suppress, comma-separated, repeatable'
  },
  failOn: {
    kind: 'text',
    input: 'fail-on',
    flag: 'fail-on',
    arg: 'LEVEL',
    default: 'error',
    schema: () => z.enum(FAIL_ON_CHOICES, oneOf(FAIL_ON_CHOICES)),
    choices: FAIL_ON_CHOICES,
    fallback: 'error',
    help: `${FAIL_ON_CHOICES.join('|')} (default: error)`
  },
  offline: {
    kind: 'boolean',
    input: 'offline',
    flag: 'offline',
    default: 'false',
    schema: () => z.boolean(),
    fallback: false,
    help: 'skip every network check (Clerk API, DNS, the deployed site)'
  },
  apiTimeoutMs: {
    kind: 'seconds',
    input: 'api-timeout',
    flag: 'api-timeout',
    arg: 'SECONDS',
    default: '10',
    schema: () => z.number().check(z.positive('must be more than 0'), z.lte(600_000, 'must be 600 seconds at most')),
    fallback: 10_000,
    help: 'each call to Clerk or DNS (default: 10); retries stop at 3x this'
  },
  onApiError: {
    kind: 'text',
    input: 'on-api-error',
    flag: 'on-api-error',
    arg: 'fail|warn',
    default: 'fail',
    schema: () => z.enum(ON_API_ERROR_CHOICES, oneOf(ON_API_ERROR_CHOICES)),
    choices: ON_API_ERROR_CHOICES,
    fallback: 'fail',
    help: 'what a failed call means (default: fail); a refused key always fails'
  },
  clerkApiUrl: {
    kind: 'text',
    input: 'clerk-api-url',
    flag: 'clerk-api-url',
    arg: 'URL',
    default: 'https://api.clerk.com',
    schema: () =>
      z.string().check(
        z.refine(isSafeApiUrl, {
          error: 'must be an https:// URL (http:// only on a loopback address): the secret key is sent to it'
        })
      ),
    fallback: 'https://api.clerk.com',
    help: 'Clerk Backend/Platform API base (default: https://api.clerk.com)'
  },
  dnsServers: {
    kind: 'list',
    input: 'dns-servers',
    flag: 'dns-servers',
    arg: 'LIST',
    default: '',
    schema: () =>
      z.array(z.string().check(z.refine(isDnsServer, { error: 'expected ip or ip:port ([ipv6]:port) entries' }))),
    fallback: [],
    help: "DNS servers, ip[:port], comma-separated (default: the system's)"
  },
  dnsCheck: {
    kind: 'boolean',
    input: 'dns-check',
    flag: 'dns-check',
    default: 'false',
    schema: () => z.boolean(),
    fallback: false,
    help: 'with CLERK_PLATFORM_API_KEY, ask Clerk to check DNS again first'
  },
  buildDirs: {
    kind: 'list',
    input: 'build-dirs',
    flag: 'build-dir',
    multiple: true,
    arg: 'DIR',
    default: 'auto',
    schema: () => z.array(nonEmpty()),
    fallback: ['auto'],
    help: "client build output to scan, repeatable; auto (default: each detected framework's output) or none"
  },
  deploymentUrl: {
    kind: 'text',
    input: 'deployment-url',
    flag: 'url',
    arg: 'URL',
    default: '',
    schema: () =>
      z
        .string()
        .check(z.refine(isSafeSiteUrl, { error: 'must be an https:// URL (http:// only on a loopback address)' })),
    help: 'the deployed site to read (https://; http:// only on loopback)'
  },
  vercelProtectionBypass: {
    kind: 'secret',
    input: 'vercel-protection-bypass',
    default: '',
    fromEnvironment: 'VERCEL_AUTOMATION_BYPASS_SECRET',
    schema: () => z.string(),
    help: 'Vercel Deployment Protection bypass secret, sent to the deployment only'
  },
  vercelToken: {
    kind: 'secret',
    input: 'vercel-token',
    default: '',
    fromEnvironment: 'VERCEL_TOKEN',
    schema: () => z.string(),
    help: "a Vercel token, to read the project's variables"
  },
  vercelProject: {
    kind: 'text',
    input: 'vercel-project',
    flag: 'vercel-project',
    arg: 'ID',
    default: '',
    fromEnvironment: 'VERCEL_PROJECT_ID',
    schema: nonEmpty,
    help: 'Vercel project id or name (default: .vercel/project.json); needs VERCEL_TOKEN'
  },
  vercelTeam: {
    kind: 'text',
    input: 'vercel-team',
    flag: 'vercel-team',
    arg: 'ID',
    default: '',
    fromEnvironment: 'VERCEL_ORG_ID (a team_ id)',
    schema: nonEmpty,
    help: 'Vercel team id or slug (default: the orgId of .vercel/project.json)'
  },
  vercelApiUrl: {
    kind: 'text',
    fromEnvironment: 'VERCEL_API_URL',
    schema: () => z.string(),
    help: "Vercel's API base"
  },
  netlifyToken: {
    kind: 'secret',
    input: 'netlify-token',
    default: '',
    fromEnvironment: 'NETLIFY_AUTH_TOKEN',
    schema: () => z.string(),
    help: "a Netlify token, to read the site's variables"
  },
  netlifySite: {
    kind: 'text',
    input: 'netlify-site',
    flag: 'netlify-site',
    arg: 'ID',
    default: '',
    fromEnvironment: 'NETLIFY_SITE_ID',
    schema: nonEmpty,
    help: 'Netlify site id (default: .netlify/state.json); needs NETLIFY_AUTH_TOKEN'
  },
  netlifyApiUrl: {
    kind: 'text',
    fromEnvironment: 'NETLIFY_API_URL',
    schema: () => z.string(),
    help: "Netlify's API base"
  },
  gitBranch: {
    kind: 'text',
    input: 'git-branch',
    flag: 'git-branch',
    arg: 'NAME',
    default: '',
    fromEnvironment: 'GITHUB_HEAD_REF, or the branch of GITHUB_REF',
    schema: nonEmpty,
    help: 'the branch a preview deploys (default: GITHUB_HEAD_REF, or the branch of GITHUB_REF)'
  }
} as const satisfies Record<string, OptionSpec>;

/** The options of the shells: where the scan starts and what it reads, how the report is published or printed. */
export const SHELL_OPTIONS = {
  workingDirectory: {
    kind: 'text',
    input: 'working-directory',
    default: '.',
    schema: nonEmpty,
    fallback: '.',
    help: 'directory the env-files paths are relative to'
  },
  scanProcessEnv: {
    kind: 'boolean',
    input: 'scan-process-env',
    flag: 'scan-process-env',
    default: 'false',
    schema: () => z.boolean(),
    fallback: false,
    help: "also scan this process's environment (minus GITHUB_*, RUNNER_*, INPUT_*, ACTIONS_*)"
  },
  githubToken: {
    kind: 'secret',
    input: 'github-token',
    default: '${{ github.token }}',
    schema: () => z.string(),
    fallback: '',
    help: 'token for the pull-request comment and the check run'
  },
  comment: {
    kind: 'text',
    input: 'comment',
    default: 'always',
    schema: () => z.enum(COMMENT_CHOICES, oneOf(COMMENT_CHOICES)),
    choices: COMMENT_CHOICES,
    fallback: 'always',
    help: 'when to write the sticky pull-request comment'
  },
  prNumber: {
    kind: 'count',
    input: 'pr-number',
    default: '',
    schema: () =>
      z.number().check(z.int('expected a pull request number'), z.positive('expected a pull request number')),
    help: 'the pull request to comment on'
  },
  checkRun: {
    kind: 'boolean',
    input: 'check-run',
    default: 'false',
    schema: () => z.boolean(),
    fallback: false,
    help: 'also create a check run per environment'
  },
  fromReport: {
    kind: 'text',
    input: 'from-report',
    default: '',
    schema: () => z.string(),
    help: 'post from this JSON report instead of scanning'
  },
  format: {
    kind: 'text',
    flag: 'format',
    arg: 'FORMAT',
    schema: () => z.enum(FORMATS, oneOf(FORMATS)),
    choices: FORMATS,
    fallback: 'text',
    help: `${FORMATS.join('|')} (default: text)`
  },
  output: {
    kind: 'text',
    flag: 'output',
    arg: 'FILE',
    schema: () => z.string(),
    help: 'write the report to FILE instead of standard output'
  },
  noColor: {
    kind: 'boolean',
    flag: 'no-color',
    schema: () => z.boolean(),
    fallback: false,
    help: 'plain text even on a terminal'
  },
  help: {
    kind: 'boolean',
    flag: 'help',
    short: 'h',
    schema: () => z.boolean(),
    fallback: false,
    help: 'show this help'
  },
  version: {
    kind: 'boolean',
    flag: 'version',
    short: 'v',
    schema: () => z.boolean(),
    fallback: false,
    help: 'show the version'
  }
} as const satisfies Record<string, OptionSpec>;

export type OptionTable = Record<string, OptionSpec>;

type Output<S extends OptionSpec> = z.output<ReturnType<S['schema']>>;

/** The values a table of options gives, each as its zod type outputs it; undefined when it has no fallback. */
export type OptionValues<T extends OptionTable> = {
  [K in keyof T]: T[K] extends { fallback: unknown } ? Output<T[K]> : Output<T[K]> | undefined;
};

/** The values a table of options gives as input: any may be left out. */
export type OptionInputs<T extends OptionTable> = { [K in keyof T]?: z.input<ReturnType<T[K]['schema']>> | undefined };

/**
 * Whether `value` passes the option's type unchanged without building it, as a fallback (the action passes
 * action.yml's defaults as given inputs), a boolean of a boolean option or one of its `choices` do
 * (__tests__/options/declarations.test.ts). A run whose options are all such builds no zod type: zod's code is
 * not even compiled at start-up (bench/README.md).
 */
function needsNoCheck(spec: OptionSpec, value: unknown): boolean {
  if (spec.kind === 'boolean' && typeof value === 'boolean') return true;
  if (typeof value === 'string' && spec.choices?.includes(value)) return true;
  const fallback = spec.fallback;
  if (!Array.isArray(fallback) || !Array.isArray(value)) return fallback !== undefined && value === fallback;
  return value.length === fallback.length && value.every((item, index) => item === fallback[index]);
}

/**
 * Checks one option's value with its zod type; `undefined` (not given) takes the fallback. The same result as
 * the option's type wrapped in zod's `_default(type, fallback)` or `optional(type)`.
 */
export function parseOption(
  spec: OptionSpec,
  value: unknown
): { success: true; data: unknown } | { success: false; message: string } {
  if (value === undefined) {
    return { success: true, data: Array.isArray(spec.fallback) ? [...spec.fallback] : spec.fallback };
  }
  if (needsNoCheck(spec, value)) return { success: true, data: value };
  const result = spec.schema().safeParse(value);
  return result.success
    ? { success: true, data: result.data }
    : { success: false, message: result.error.issues[0]?.message ?? 'invalid' };
}
