import type { CheckResult } from '../core/check.js';
import { InputError } from '../core/errors.js';
import type { Scrubber } from '../core/scrub.js';
import type { Origin } from '../core/variable.js';
import { formatMessage, type PlaceHit } from '../rules/rule.js';
import type { HostSource } from '../sources/runtime.js';
import { hostApiError, hostVariableUnreadable } from '../rules/hosts.js';
import { LinkFileError, readNetlifyLink, readVercelLink } from './link-files.js';
import type { VercelTarget } from './vercel.js';

/** What the engine knows of the hosts without loading their SDKs: which to read, for which target. */
export interface HostOptions {
  vercelToken?: string;
  vercelProject?: string;
  vercelTeam?: string;
  vercelApiUrl?: string;
  netlifyToken?: string;
  netlifySite?: string;
  netlifyApiUrl?: string;
  gitBranch?: string;
  environment: string;
  offline: boolean;
  apiTimeoutMs: number;
  onApiError: 'fail' | 'warn';
}

export interface HostPlan {
  vercel?: { token: string; project: string; team?: string; apiUrl?: string; target: VercelTarget; targetName: string };
  netlify?: { token: string; site: string; apiUrl?: string; context: string };
  timeoutMs: number;
  onApiError: 'fail' | 'warn';
  /** The run's scrubber, for every text the hosts' APIs and SDKs give. */
  scrubber?: Scrubber;
}

export interface HostResult {
  sources: HostSource[];
  hits: PlaceHit[];
  checks: CheckResult[];
}

/** The SDK half (hosts/read-hosts.ts), which the shell hands the engine as it does the online checks. */
export type HostReader = (plan: HostPlan) => Promise<HostResult>;

/**
 * The hosts' variables for this deploy, when a token is there: project and team from the options, else from the
 * link files the hosts' CLIs write (`.vercel/project.json`, `.netlify/state.json`). A linked project without a
 * token is a notice saying how to enable it; no token and no link: the host is not used. Offline: skipped.
 */
export async function readHostSources(
  options: HostOptions,
  cwd: string,
  isProduction: boolean,
  reader: HostReader | undefined,
  scrubber?: Scrubber
): Promise<HostResult> {
  const notes: PlaceHit[] = [];
  const [vercelLink, netlifyLink] = await Promise.all([
    link(() => readVercelLink(cwd)),
    link(() => readNetlifyLink(cwd))
  ]);
  const plan: HostPlan = {
    timeoutMs: options.apiTimeoutMs,
    onApiError: options.onApiError,
    ...(scrubber !== undefined && { scrubber })
  };

  const vercelProject = options.vercelProject ?? vercelLink?.projectId;
  if (options.vercelToken && vercelProject) {
    const target = vercelTarget(options.environment, isProduction, options.gitBranch);
    const team = options.vercelTeam ?? vercelLink?.teamId;
    plan.vercel = {
      token: options.vercelToken,
      project: vercelProject,
      ...(team !== undefined && { team }),
      ...(options.vercelApiUrl && { apiUrl: options.vercelApiUrl }),
      target,
      targetName: target.kind === 'environment' ? target.name : target.kind
    };
  } else if (options.vercelToken) {
    notes.push(note('noProject', 'vercel', { token: 'VERCEL_TOKEN', host: 'Vercel', input: 'vercel-project' }));
  } else if (vercelProject) {
    const file = vercelLink ? '.vercel/project.json' : 'vercel-project';
    notes.push(note('notLinked', 'vercel', { file, host: 'Vercel', token: 'VERCEL_TOKEN' }));
  }

  const netlifySite = options.netlifySite ?? netlifyLink?.siteId;
  if (options.netlifyToken && netlifySite) {
    plan.netlify = {
      token: options.netlifyToken,
      site: netlifySite,
      ...(options.netlifyApiUrl && { apiUrl: options.netlifyApiUrl }),
      context: netlifyContext(options.environment, isProduction, options.gitBranch)
    };
  } else if (options.netlifyToken) {
    notes.push(note('noProject', 'netlify', { token: 'NETLIFY_AUTH_TOKEN', host: 'Netlify', input: 'netlify-site' }));
  } else if (netlifySite) {
    const file = netlifyLink ? '.netlify/state.json' : 'netlify-site';
    notes.push(note('notLinked', 'netlify', { file, host: 'Netlify', token: 'NETLIFY_AUTH_TOKEN' }));
  }

  const none = !plan.vercel && !plan.netlify;
  if (none || options.offline || !reader) {
    const reason =
      options.offline && !none ? 'offline mode' : 'no Vercel or Netlify token (VERCEL_TOKEN, NETLIFY_AUTH_TOKEN)';
    if (!none && !options.offline && !reader) throw new Error('the host readers were not loaded');
    return { sources: [], hits: notes, checks: hostChecks(reason, notes) };
  }
  const result = await reader(plan);
  return { ...result, hits: [...notes, ...result.hits] };
}

/** Vercel's target for the environment: production, preview (on the pull request's branch) or a custom one. */
function vercelTarget(environment: string, isProduction: boolean, gitBranch?: string): VercelTarget {
  if (isProduction) return { kind: 'production' };
  if (environment.toLowerCase() === 'preview') return { kind: 'preview', ...(gitBranch && { gitBranch }) };
  return { kind: 'environment', name: environment };
}

/** Netlify's deploy context for the environment. */
function netlifyContext(environment: string, isProduction: boolean, gitBranch?: string): string {
  if (isProduction) return 'production';
  const name = environment.toLowerCase();
  if (name === 'preview' || name === 'deploy-preview') return 'deploy-preview';
  return gitBranch ? `branch:${gitBranch}` : 'branch-deploy';
}

async function link<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof LinkFileError) throw new InputError(error.message);
    throw error;
  }
}

function note(
  messageId: 'notLinked' | 'noProject',
  host: 'vercel' | 'netlify',
  data: Record<string, string>
): PlaceHit {
  const origin: Origin = { kind: 'host', host, project: '(not read)', target: '(none)' };
  return {
    meta: hostVariableUnreadable,
    messageId,
    data,
    fixId: `${messageId}Fix`,
    subject: messageId === 'notLinked' ? (data.token ?? '') : (data.input ?? ''),
    value: '(not set)',
    origin
  };
}

/** The checklist when no host was read. */
function hostChecks(reason: string, notes: readonly PlaceHit[]): CheckResult[] {
  return [
    { id: hostApiError.id, title: hostApiError.title, status: 'skipped', detail: reason },
    {
      id: hostVariableUnreadable.id,
      title: hostVariableUnreadable.title,
      status: 'skipped',
      detail: notes.length > 0 ? notes.map((n) => formatMessage(n.meta, n.messageId, n.data)).join(' ') : reason
    }
  ];
}
