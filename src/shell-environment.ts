/**
 * The process environment, read once by a shell (main.ts, cli.ts) into typed values: the runner's GitHub context
 * (the action only), the options' environment defaults (the hosts' tokens and projects under the names their own CLIs read, the
 * bypass secret, the branch), and how to print. Nothing below the shells reads the environment; the runtime
 * variables for scan-process-env are handed on as name/value pairs.
 */
import type { GitHubContext } from './github/event.js';
import type { ENGINE_OPTIONS } from './options/declarations.js';

type Defaults = Partial<Record<keyof typeof ENGINE_OPTIONS, string>>;

export interface ShellEnvironment {
  /** `GITHUB_ACTIONS=true`: standard output and error are read by the runner for workflow commands. */
  inActions: boolean;
  /** Option key → value from the environment, for options not given (see `fromEnvironment` in the declarations). */
  defaults: Defaults;
  /** NO_COLOR / FORCE_COLOR. */
  color: 'never' | 'always' | 'auto';
  /** Every variable, for scan-process-env (the runtime source filters the runner's own). */
  variables: [string, string | undefined][];
}

type Env = Readonly<Record<string, string | undefined>>;

export function readShellEnvironment(env: Env): ShellEnvironment {
  return {
    inActions: env.GITHUB_ACTIONS === 'true',
    defaults: optionDefaults(env),
    color: env.NO_COLOR ? 'never' : env.FORCE_COLOR && env.FORCE_COLOR !== '0' ? 'always' : 'auto',
    variables: Object.entries(env)
  };
}

/** The runner's context of the run, for the action (the CLI has no use for it). */
export function readGitHubContext(env: Env): GitHubContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const set = (value: string | undefined): string | undefined => (value ? value : undefined);
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPath: set(env.GITHUB_EVENT_PATH),
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, ''),
    apiUrl: set(env.GITHUB_API_URL),
    graphqlUrl: set(env.GITHUB_GRAPHQL_URL),
    runId: set(env.GITHUB_RUN_ID),
    workspace: set(env.GITHUB_WORKSPACE),
    runnerTemp: set(env.RUNNER_TEMP),
    stepSummary: set(env.GITHUB_STEP_SUMMARY)
  };
}

/** The values the declarations' `fromEnvironment` name, by option key; empty variables are not set. */
function optionDefaults(env: Env): Defaults {
  const pairs: [keyof Defaults, string | undefined][] = [
    ['vercelProtectionBypass', env.VERCEL_AUTOMATION_BYPASS_SECRET],
    ['vercelToken', env.VERCEL_TOKEN],
    ['vercelApiUrl', env.VERCEL_API_URL],
    ['vercelProject', env.VERCEL_PROJECT_ID],
    // VERCEL_ORG_ID is a team only when it is a team id; a personal account's id is no team.
    ['vercelTeam', env.VERCEL_ORG_ID?.startsWith('team_') ? env.VERCEL_ORG_ID : undefined],
    ['netlifyToken', env.NETLIFY_AUTH_TOKEN],
    ['netlifyApiUrl', env.NETLIFY_API_URL],
    ['netlifySite', env.NETLIFY_SITE_ID],
    ['gitBranch', branchOf(env)]
  ];
  return Object.fromEntries(pairs.filter((pair): pair is [keyof Defaults, string] => Boolean(pair[1])));
}

/** The branch a preview deploys: the pull request's head branch, else the pushed branch. */
function branchOf(env: Env): string | undefined {
  if (env.GITHUB_HEAD_REF) return env.GITHUB_HEAD_REF;
  const ref = env.GITHUB_REF ?? '';
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
