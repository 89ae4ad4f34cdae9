import { parseArgs } from 'node:util';
import { InputError } from './core/errors.js';
import { splitList } from './engine/list-input.js';

export const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export const USAGE = `Usage: clerk-production-gate [options] [path ...]

Stops a production deploy that still carries Clerk development settings.
Each path is a dotenv file, a glob ('apps/*/.env*'), or a directory, read the
way its framework loads it for the target environment. Default: .

Options:
  --environment NAME              target environment (default: production)
  --production-environments LIST  names that count as production, comma-separated (default: production)
  --vars-json FILE                JSON object of variables, as \${{ toJSON(vars) }} gives it
  --secrets-json FILE             JSON object of secrets, as \${{ toJSON(secrets) }} gives it
  --scan-process-env              also scan this process's environment (minus GITHUB_*, RUNNER_*, INPUT_*, ACTIONS_*)
  --framework NAME                auto|nextjs|vite|remix|astro|nuxt|expo|node (default: auto)
  --ignore RULES                  rule ids to suppress, comma-separated, repeatable
  --fail-on LEVEL                 error|warning|never (default: error)
  --offline                       skip every network check (Clerk API, DNS, the deployed site)
  --api-timeout SECONDS           each call to Clerk or DNS (default: 10); retries stop at 3x this
  --on-api-error fail|warn        what a failed call means (default: fail); a refused key always fails
  --clerk-api-url URL             Clerk Backend/Platform API base (default: https://api.clerk.com)
  --dns-servers LIST              DNS servers, ip[:port], comma-separated (default: the system's)
  --dns-check                     with CLERK_PLATFORM_API_KEY, ask Clerk to check DNS again first
  --build-dir DIR                 client build output to scan, repeatable; auto (default: each detected
                                  framework's output, when built) or none
  --vercel-project ID             Vercel project id or name (default: .vercel/project.json); needs VERCEL_TOKEN
  --vercel-team ID                Vercel team id or slug (default: the orgId of .vercel/project.json)
  --netlify-site ID               Netlify site id (default: .netlify/state.json); needs NETLIFY_AUTH_TOKEN
  --git-branch NAME               the branch a preview deploys (default: GITHUB_HEAD_REF, or the branch of GITHUB_REF)
  --url URL                       the deployed site to read (https://; http:// only on loopback); a page
                                  behind Vercel Deployment Protection needs VERCEL_AUTOMATION_BYPASS_SECRET
  --format FORMAT                 text|json|markdown|sarif (default: text)
  --output FILE                   write the report to FILE instead of standard output
  --no-color                      plain text even on a terminal
  -h, --help                      show this help
  -v, --version                   show the version

Exit codes: 0 passed, 1 the gate failed, 2 usage or input error.`;

export interface CliArgs {
  help: boolean;
  version: boolean;
  paths: string[];
  environment?: string;
  productionEnvironments?: string[];
  varsJsonFile?: string;
  secretsJsonFile?: string;
  scanProcessEnv: boolean;
  framework?: string;
  ignore: string[];
  failOn?: string;
  offline: boolean;
  apiTimeoutMs?: number;
  onApiError?: string;
  clerkApiUrl?: string;
  dnsServers: string[];
  dnsCheck: boolean;
  buildDirs?: string[];
  url?: string;
  vercelProject?: string;
  vercelTeam?: string;
  netlifySite?: string;
  gitBranch?: string;
  format: Format;
  output?: string;
  color?: boolean;
}

/** Parses argv strictly: an unknown option or a missing value is a usage error (exit 2). */
export function parseCliArgs(argv: string[]): CliArgs {
  // A token on the command line would be in `ps`, shell history and CI logs: refused, without echoing it.
  for (const arg of argv) {
    const flag = /^--(vercel-token|netlify-token|vercel-protection-bypass)(=|$)/.exec(arg)?.[1];
    if (flag) throw new InputError(`--${flag}: not a flag; ${TOKEN_VARIABLES[flag]} is read from the environment only`);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        environment: { type: 'string' },
        'production-environments': { type: 'string' },
        'vars-json': { type: 'string' },
        'secrets-json': { type: 'string' },
        'scan-process-env': { type: 'boolean', default: false },
        framework: { type: 'string' },
        ignore: { type: 'string', multiple: true, default: [] },
        'fail-on': { type: 'string' },
        offline: { type: 'boolean', default: false },
        'api-timeout': { type: 'string' },
        'on-api-error': { type: 'string' },
        'clerk-api-url': { type: 'string' },
        'dns-servers': { type: 'string' },
        'dns-check': { type: 'boolean', default: false },
        'build-dir': { type: 'string', multiple: true },
        url: { type: 'string' },
        'vercel-project': { type: 'string' },
        'vercel-team': { type: 'string' },
        'netlify-site': { type: 'string' },
        'git-branch': { type: 'string' },
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false }
      }
    });
  } catch (error) {
    throw new InputError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const { values, positionals } = parsed;
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new InputError(`--format: expected one of ${FORMATS.join(', ')}`);
  return {
    help: values.help,
    version: values.version,
    paths: positionals.length > 0 ? positionals : ['.'],
    environment: values.environment,
    productionEnvironments:
      values['production-environments'] === undefined ? undefined : splitList(values['production-environments']),
    varsJsonFile: values['vars-json'],
    secretsJsonFile: values['secrets-json'],
    scanProcessEnv: values['scan-process-env'],
    framework: values.framework,
    ignore: values.ignore.flatMap((item) => splitList(item)),
    failOn: values['fail-on'],
    offline: values.offline,
    apiTimeoutMs: seconds('--api-timeout', values['api-timeout']),
    onApiError: values['on-api-error'],
    clerkApiUrl: values['clerk-api-url'],
    dnsServers: splitList(values['dns-servers']),
    dnsCheck: values['dns-check'],
    ...(values['build-dir'] !== undefined && { buildDirs: values['build-dir'] }),
    ...(values.url !== undefined && { url: values.url }),
    ...(values['vercel-project'] !== undefined && { vercelProject: values['vercel-project'] }),
    ...(values['vercel-team'] !== undefined && { vercelTeam: values['vercel-team'] }),
    ...(values['netlify-site'] !== undefined && { netlifySite: values['netlify-site'] }),
    ...(values['git-branch'] !== undefined && { gitBranch: values['git-branch'] }),
    format,
    output: values.output,
    color: values['no-color'] ? false : undefined
  };
}

const TOKEN_VARIABLES: Record<string, string> = {
  'vercel-token': 'VERCEL_TOKEN',
  'netlify-token': 'NETLIFY_AUTH_TOKEN',
  'vercel-protection-bypass': 'VERCEL_AUTOMATION_BYPASS_SECRET'
};

/** A number of seconds given as a flag, in milliseconds. */
function seconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InputError(`${flag}: expected a number of seconds`);
  return n * 1000;
}
