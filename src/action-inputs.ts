import * as core from '@actions/core';
import type { GateOptionsInput } from './engine/options.js';
import { splitList } from './engine/list-input.js';
import { InputError } from './core/errors.js';
import type { PublishSettings } from './github/publish.js';
import { readDeploymentStatus } from './github/deployment-status.js';
import { branchOf, hostTokensOf } from './hosts/host-env.js';

/** Reads the action's inputs (strings) into engine options; the engine's zod schema validates them. */
export function readActionInputs(env: Record<string, string | undefined>): GateOptionsInput {
  const workingDirectory = core.getInput('working-directory') || '.';
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const vars = core.getInput('vars-json');
  const secrets = core.getInput('secrets-json');
  // On deployment_status, the deploy that finished says where it is and which environment it is, unless the
  // inputs say otherwise.
  const deployment =
    env.GITHUB_EVENT_NAME === 'deployment_status' ? readDeploymentStatus(env.GITHUB_EVENT_PATH) : undefined;
  const environment = core.getInput('environment') || deployment?.environment || '';
  const productionEnvironments = splitList(core.getInput('production-environments'));
  if (!core.getInput('environment') && deployment?.environment && deployment.isProduction) {
    productionEnvironments.push(...(productionEnvironments.length > 0 ? [] : ['production']), deployment.environment);
  }
  const deploymentUrl = core.getInput('deployment-url').trim() || deployment?.url;
  const bypass = core.getInput('vercel-protection-bypass') || env.VERCEL_AUTOMATION_BYPASS_SECRET || '';
  if (bypass) core.setSecret(bypass);
  const buildDirs = splitList(core.getInput('build-dirs'));
  // The hosts: tokens from the inputs (from secrets) or the environment, masked before anything is printed.
  const fromEnv = hostTokensOf(env);
  const vercelToken = core.getInput('vercel-token') || fromEnv.vercelToken;
  const netlifyToken = core.getInput('netlify-token') || fromEnv.netlifyToken;
  for (const token of [vercelToken, netlifyToken]) if (token) core.setSecret(token);
  const hostInputs = {
    ...(vercelToken && { vercelToken }),
    ...(netlifyToken && { netlifyToken }),
    ...(fromEnv.vercelApiUrl && { vercelApiUrl: fromEnv.vercelApiUrl }),
    ...(fromEnv.netlifyApiUrl && { netlifyApiUrl: fromEnv.netlifyApiUrl }),
    ...((core.getInput('vercel-project') || fromEnv.vercelProject) && {
      vercelProject: core.getInput('vercel-project') || fromEnv.vercelProject
    }),
    ...((core.getInput('vercel-team') || fromEnv.vercelTeam) && {
      vercelTeam: core.getInput('vercel-team') || fromEnv.vercelTeam
    }),
    ...((core.getInput('netlify-site') || fromEnv.netlifySite) && {
      netlifySite: core.getInput('netlify-site') || fromEnv.netlifySite
    }),
    ...((core.getInput('git-branch') || branchOf(env)) && { gitBranch: core.getInput('git-branch') || branchOf(env) })
  };
  const framework = core.getInput('framework');
  const failOn = core.getInput('fail-on');
  return {
    cwd: resolveFrom(workspace, workingDirectory),
    paths: splitList(core.getInput('env-files') || '.'),
    ...(environment && { environment }),
    ...(productionEnvironments.length > 0 && { productionEnvironments }),
    ...(framework && { framework: framework as never }),
    ...(failOn && { failOn: failOn as never }),
    varsJson: vars.trim() ? { label: 'input vars-json', text: vars } : undefined,
    secretsJson: secrets.trim() ? { label: 'input secrets-json', text: secrets } : undefined,
    processEnv: booleanInput('scan-process-env') ? Object.entries(env) : undefined,
    ignore: splitList(core.getInput('ignore')),
    offline: booleanInput('offline'),
    ...secondsInput('api-timeout'),
    ...(core.getInput('on-api-error') && { onApiError: core.getInput('on-api-error') as never }),
    ...(core.getInput('clerk-api-url') && { clerkApiUrl: core.getInput('clerk-api-url') }),
    dnsServers: splitList(core.getInput('dns-servers')),
    dnsCheck: booleanInput('dns-check'),
    ...(buildDirs.length > 0 && { buildDirs }),
    ...(deploymentUrl && { deploymentUrl }),
    ...(bypass && { vercelProtectionBypass: bypass }),
    ...hostInputs
  };
}

/** A number of seconds, as milliseconds for the engine; empty is the default. */
function secondsInput(name: string): { apiTimeoutMs?: number } {
  const value = core.getInput(name).trim();
  if (value === '') return {};
  const seconds = Number(value);
  if (!Number.isFinite(seconds)) throw new InputError(`${name}: expected a number of seconds`);
  return { apiTimeoutMs: seconds * 1000 };
}

/** Like core.getBooleanInput, but the error names the input in our one-line style; empty is false. */
function booleanInput(name: string): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new InputError(`${name}: expected true or false`);
}

function resolveFrom(base: string, dir: string): string {
  return dir.startsWith('/') ? dir : `${base.replace(/\/$/, '')}/${dir}`;
}

/** The inputs of the pull-request reporting: token, when to comment, which pull request, the check run. */
export function readPublishInputs(): PublishSettings & { fromReport: string } {
  const comment = core.getInput('comment').trim() || 'always';
  if (!['always', 'on-failure', 'never'].includes(comment)) {
    throw new InputError('comment: expected one of always, on-failure, never');
  }
  const prText = core.getInput('pr-number').trim();
  const prNumber = prText === '' ? undefined : Number(prText);
  if (prNumber !== undefined && (!Number.isInteger(prNumber) || prNumber <= 0)) {
    throw new InputError('pr-number: expected a pull request number');
  }
  return {
    token: core.getInput('github-token'),
    comment: comment as PublishSettings['comment'],
    ...(prNumber !== undefined && { prNumber }),
    checkRun: booleanInput('check-run'),
    fromReport: core.getInput('from-report').trim()
  };
}
