/**
 * Reads a Vercel project's environment variables for one deploy target through the official `@vercel/sdk`, which
 * validates every answer with its own zod schemas (an answer that drifted from Vercel's documented shape fails
 * here, loudly, instead of being misread).
 *
 *   1. A custom environment is resolved from its slug (`GET /v9/projects/{idOrName}/custom-environments`).
 *   2. The variables are listed (`GET /v10/projects/{idOrName}/env`), page after page (`until=<pagination.next>`),
 *      at most 100 pages and within the time budget; a list cut short is judged as far as it was read and marked
 *      `incomplete`.
 *   3. A `plain` variable's listed value is its value, as Vercel's CLI takes it. Only the `encrypted` variables the
 *      caller wants are read one by one (`GET /v1/projects/{idOrName}/env/{id}`), at most 8 at once: the list holds
 *      their ciphertext (vercel/sdk issue 118), and the gate must not pull more secrets than it checks.
 *      `type: "sensitive"` variables have no readable value and are not read at all.
 *
 * Every call carries `teamId` (an id `team_…`) or `slug` (a team slug) when a team is given. 429 is retried as
 * `Retry-After` says while it fits the time budget (3 × `timeoutMs`); the SDK's own retries stay off. Nothing this
 * module returns contains the token: every message is built from known fields and scrubbed at the end.
 */
import { VercelCore } from '@vercel/sdk/core.js';
import { HTTPClient } from '@vercel/sdk/lib/http.js';
import type { RequestOptions } from '@vercel/sdk/lib/sdks.js';
import { environmentGetProjectsByIdOrNameCustomEnvironments } from '@vercel/sdk/funcs/environmentGetProjectsByIdOrNameCustomEnvironments.js';
import { projectsFilterProjectEnvs } from '@vercel/sdk/funcs/projectsFilterProjectEnvs.js';
import { projectsGetProjectEnv } from '@vercel/sdk/funcs/projectsGetProjectEnv.js';
import type { FilterProjectEnvsResponseBody } from '@vercel/sdk/models/filterprojectenvsop.js';
import { ConnectionError, RequestAbortedError, RequestTimeoutError } from '@vercel/sdk/models/httpclienterrors.js';
import { ResponseValidationError } from '@vercel/sdk/models/responsevalidationerror.js';
import { SDKValidationError } from '@vercel/sdk/models/sdkvalidationerror.js';
import { VercelError } from '@vercel/sdk/models/vercelerror.js';
import { checkApiUrl, mapLimit, oneLine, type HostOutcome, type HostVariable } from './host-variable.js';
import { Scrubber } from '../core/scrub.js';
import { Deadline } from '../net/deadline.js';
import { netFetch } from '../net/fetch.js';
import { retryAfterMs } from '../net/retry.js';

/** The largest answer the SDK may read (a page of variables is far smaller). */
const SDK_MAX_BYTES = 16 * 1024 * 1024;

const VERCEL_API_URL = 'https://api.vercel.com';
/** At most this many per-variable reads in flight at once. */
const VERCEL_READ_CONCURRENCY = 8;
/** Attempts of one call when Vercel answers 429 (the first included). */
const MAX_ATTEMPTS = 4;
/** A list longer than this many pages is taken as a server that never says "last page". */
const MAX_PAGES = 100;

export type VercelTarget =
  { kind: 'production' } | { kind: 'preview'; gitBranch?: string } | { kind: 'environment'; name: string };

export interface VercelSettings {
  token: string;
  /** The project's id (`prj_…`) or name. */
  project: string;
  /** The team's id (`team_…`) or slug; absent for a personal account's project. */
  team?: string;
  target: VercelTarget;
  /** Default `https://api.vercel.com`; the caller passes `VERCEL_API_URL` here. */
  apiUrl?: string;
  /** Per HTTP request; the whole read, retries included, gets 3 × this. */
  timeoutMs: number;
  /** Whether the gate checks this name: only those values are read. */
  wanted: (name: string) => boolean;
  /** The run's scrubber: every secret of the run is scrubbed from Vercel's and the SDK's texts. */
  scrubber?: Scrubber;
}

/** The fields of a listed variable this module reads; each of the SDK's response variants has them. */
interface ListedEnv {
  key: string;
  /** `plain`: the value in clear; `encrypted`: ciphertext; `sensitive`: empty; also `secret` and `system`. */
  type: string;
  value: string;
  id?: string | undefined;
  target?: string[] | string | undefined;
  gitBranch?: string | undefined;
  customEnvironmentIds?: string[] | undefined;
}

type Resolved =
  | { kind: 'production'; label: string }
  | { kind: 'preview'; label: string; gitBranch?: string }
  | { kind: 'custom'; label: string; id: string };

type Step<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Where a failure happened, for its message. */
type Where = { call: 'environments' | 'list' } | { call: 'variable'; name: string };

interface Context {
  settings: VercelSettings;
  scrubber: Scrubber;
  scope: { teamId?: string; slug?: string };
  /** Aborts every request once the time budget is spent. */
  budget: AbortSignal;
  deadline: number;
  base: { serverURL: string; bearerToken: string };
  http: HTTPClient;
}

export async function readVercel(settings: VercelSettings): Promise<HostOutcome> {
  const scrubber = Scrubber.of(settings.scrubber, [settings.token]);
  const fail = (message: string, status?: number): HostOutcome => ({
    ok: false,
    ...(status !== undefined && { status }),
    message: scrubber.scrub(message)
  });
  const api = checkApiUrl(settings.apiUrl ?? VERCEL_API_URL, 'VERCEL_API_URL');
  if (!api.ok) return fail(`Vercel: ${api.message}`);
  if (settings.token.trim() === '') return fail('Vercel: no token: set VERCEL_TOKEN (or the vercel-token input)');
  if (settings.project.trim() === '') {
    return fail('Vercel: no project: set vercel-project, or run `vercel link` so .vercel/project.json names it');
  }

  const budgetMs = settings.timeoutMs * 3;
  const team = settings.team?.trim() || undefined;
  const ctx: Context = {
    settings,
    scrubber,
    scope: team === undefined ? {} : team.startsWith('team_') ? { teamId: team } : { slug: team },
    budget: AbortSignal.timeout(budgetMs),
    deadline: Date.now() + budgetMs,
    base: { serverURL: api.url.href.replace(/\/+$/, ''), bearerToken: settings.token },
    // The gate's network policy for the SDK: timeouts within the budget, capped bodies, guarded redirects.
    http: new HTTPClient({
      fetcher: netFetch({ timeoutMs: settings.timeoutMs, deadline: Deadline.after(budgetMs), maxBytes: SDK_MAX_BYTES })
    })
  };
  const core = new VercelCore({ ...ctx.base, httpClient: ctx.http });

  // 1. The target.
  const resolved = await resolveTarget(ctx, core);
  if (!resolved.ok) return fail(...describe(ctx, resolved.error, { call: 'environments' }));
  const target = resolved.value;

  // 2. The list, page after page, within bounds.
  const list = await listVariables(ctx, target);
  if (!list.ok) return fail(...list.failure);
  const { listed, hidden, cut } = list;

  // 3. The variables of the target, and the values the caller wants.
  const chosen = chooseForTarget(listed, target);
  const read = await readEncrypted(ctx, core, chosen);
  if (!read.ok) return fail(...read.failure);
  const variables = chosen.map((env) => hostVariable(env, read.values, settings.wanted));
  return {
    ok: true,
    read: {
      host: 'vercel',
      project: settings.project,
      target: target.label,
      settingsUrl: settingsUrl(settings.project, team),
      variables,
      ...(hidden > 0 && { hidden }),
      ...(cut !== undefined && {
        incomplete: `the variable list was not read to its end (${cut}); the variables listed before were checked`
      })
    }
  };
}

/**
 * Every page of the list (`until=<pagination.next>`), at most `MAX_PAGES` and none asked for after the deadline;
 * `cut` says why the list stopped early. A page that fails fails the read.
 */
async function listVariables(
  ctx: Context,
  target: Resolved
): Promise<
  { ok: true; listed: ListedEnv[]; hidden: number; cut?: string } | { ok: false; failure: [string, number?] }
> {
  const listed: ListedEnv[] = [];
  let hidden = 0;
  let until: number | undefined;
  for (let page = 1; ; page++) {
    const step = await call(ctx, (options) =>
      projectsFilterProjectEnvs(
        pageClient(ctx, until),
        {
          idOrName: ctx.settings.project,
          ...(target.kind === 'custom' && { customEnvironmentId: target.id }),
          ...ctx.scope
        },
        options
      )
    );
    if (!step.ok) return { ok: false, failure: describe(ctx, step.error, { call: 'list' }) };
    const body = pageOf(step.value);
    listed.push(...body.envs);
    hidden = Math.max(hidden, body.hidden);
    if (body.next === undefined || body.next === until) return { ok: true, listed, hidden };
    if (page >= MAX_PAGES) return { ok: true, listed, hidden, cut: `more than ${MAX_PAGES} pages` };
    if (Date.now() >= ctx.deadline) {
      return { ok: true, listed, hidden, cut: `the time budget ran out after ${page} pages` };
    }
    until = body.next;
  }
}

/**
 * The values of the wanted `encrypted` variables, read one by one (the list holds their ciphertext), at most
 * `VERCEL_READ_CONCURRENCY` at once. A read Vercel does not answer decrypted leaves the variable unreadable.
 */
async function readEncrypted(
  ctx: Context,
  core: VercelCore,
  chosen: readonly ListedEnv[]
): Promise<{ ok: true; values: Map<string, string | undefined> } | { ok: false; failure: [string, number?] }> {
  const toRead = chosen.filter(
    (env) => env.type === 'encrypted' && env.id !== undefined && ctx.settings.wanted(env.key)
  );
  const reads = await mapLimit(
    toRead,
    VERCEL_READ_CONCURRENCY,
    (env) =>
      call(ctx, (options) =>
        projectsGetProjectEnv(core, { idOrName: ctx.settings.project, id: env.id as string, ...ctx.scope }, options)
      ),
    (step) => !step.ok
  );
  const values = new Map<string, string | undefined>();
  for (const [index, step] of reads.entries()) {
    const env = toRead[index] as ListedEnv;
    if (step === undefined) continue;
    if (!step.ok) return { ok: false, failure: describe(ctx, step.error, { call: 'variable', name: env.key }) };
    const body = step.value as { value?: unknown; decrypted?: unknown; type?: unknown };
    const readable = typeof body.value === 'string' && body.decrypted === true && body.type === 'encrypted';
    values.set(env.key, readable ? (body.value as string) : undefined);
  }
  return { ok: true, values };
}

/**
 * What the gate knows of one variable of the target. `plain`: its listed value is its value (as Vercel's CLI takes
 * it). `encrypted`: the value read one by one, or unreadable when Vercel would not decrypt it. `sensitive` and the
 * legacy `secret` (a reference to a removed Secret): present, not readable. `system` (filled in by Vercel at deploy
 * time) and variables the gate does not check: present only.
 */
function hostVariable(
  env: ListedEnv,
  decrypted: ReadonlyMap<string, string | undefined>,
  wanted: (name: string) => boolean
): HostVariable {
  const name = env.key;
  if (env.type === 'sensitive' || env.type === 'secret') return { name, sensitive: true };
  if (!wanted(name) || env.type === 'system') return { name, sensitive: false };
  if (env.type === 'plain') return { name, value: env.value, sensitive: false };
  const value = decrypted.get(name);
  return value === undefined ? { name, sensitive: true } : { name, value, sensitive: false };
}

/**
 * An SDK client for one page of the list. `@vercel/sdk` has no parameter for `until` (the list endpoint's
 * pagination cursor, `pagination.next` of the previous page), so a `beforeRequest` hook on this page's copy of the
 * HTTP client adds it to the query string.
 */
function pageClient(ctx: Context, until: number | undefined): VercelCore {
  if (until === undefined) return new VercelCore({ ...ctx.base, httpClient: ctx.http });
  const http = ctx.http.clone().addHook('beforeRequest', (request) => {
    const url = new URL(request.url);
    url.searchParams.set('until', String(until));
    return new Request(url, { method: request.method, headers: request.headers, signal: request.signal });
  });
  return new VercelCore({ ...ctx.base, httpClient: http });
}

async function resolveTarget(ctx: Context, core: VercelCore): Promise<Step<Resolved>> {
  const target = ctx.settings.target;
  if (target.kind === 'production') return { ok: true, value: { kind: 'production', label: 'production' } };
  if (target.kind === 'preview') {
    const branch = target.gitBranch?.trim() || undefined;
    return {
      ok: true,
      value: { kind: 'preview', label: 'preview', ...(branch !== undefined && { gitBranch: branch }) }
    };
  }
  const name = target.name.trim().toLowerCase();
  // Vercel reserves these slugs for its standard environments.
  if (name === 'production') return { ok: true, value: { kind: 'production', label: 'production' } };
  if (name === 'preview' || name === '') return { ok: true, value: { kind: 'preview', label: 'preview' } };
  const step = await call(ctx, (options) =>
    environmentGetProjectsByIdOrNameCustomEnvironments(core, { idOrName: ctx.settings.project, ...ctx.scope }, options)
  );
  if (!step.ok) return step;
  const match = step.value.environments.find((env) => env.slug.toLowerCase() === name);
  // No custom environment by that name: the deploy is a preview.
  if (match === undefined) return { ok: true, value: { kind: 'preview', label: 'preview' } };
  return { ok: true, value: { kind: 'custom', label: match.slug, id: match.id } };
}

/** One SDK call with a per-request timeout inside the overall budget, 429 retried as `Retry-After` says. */
async function call<T>(
  ctx: Context,
  run: (options: RequestOptions) => PromiseLike<{ ok: true; value: T } | { ok: false; error: unknown }>
): Promise<Step<T>> {
  for (let attempt = 1; ; attempt++) {
    const signal = AbortSignal.any([ctx.budget, AbortSignal.timeout(ctx.settings.timeoutMs)]);
    let result: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      result = await run({ signal });
    } catch (error) {
      return { ok: false, error };
    }
    if (result.ok) return result;
    const error = result.error;
    if (error instanceof VercelError && error.statusCode === 429 && attempt < MAX_ATTEMPTS) {
      const wait = retryAfterMs(error.headers.get('retry-after')) ?? 1000;
      if (Date.now() + wait < ctx.deadline) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
    }
    return result;
  }
}

function pageOf(body: FilterProjectEnvsResponseBody): { envs: ListedEnv[]; next?: number; hidden: number } {
  if (!('envs' in body)) return { envs: [body], hidden: 0 };
  const next = 'pagination' in body ? (body.pagination.next ?? undefined) : undefined;
  const hidden = 'hiddenProductionEnvCount' in body ? body.hiddenProductionEnvCount : 0;
  return { envs: body.envs, ...(next !== undefined && { next }), hidden };
}

/**
 * The variables a deploy of the target receives, one per name: production and custom environments take those
 * assigned to them; a preview takes the preview variables without a branch, and a branch's own variable wins over
 * the general one of the same name. (The list is filtered here, not with the API's `gitBranch` parameter, so the
 * answer does not depend on whether Vercel's filter keeps the general preview variables.)
 */
export function chooseForTarget<E extends Pick<ListedEnv, 'key' | 'target' | 'gitBranch' | 'customEnvironmentIds'>>(
  envs: readonly E[],
  target: Resolved
): E[] {
  const chosen = new Map<string, { env: E; rank: number }>();
  for (const env of envs) {
    const targets = env.target === undefined ? [] : Array.isArray(env.target) ? env.target : [env.target];
    let rank = -1;
    if (target.kind === 'production') rank = targets.includes('production') ? 0 : -1;
    else if (target.kind === 'custom') rank = env.customEnvironmentIds?.includes(target.id) ? 0 : -1;
    else if (targets.includes('preview')) {
      if (env.gitBranch === undefined || env.gitBranch === '') rank = 0;
      else rank = env.gitBranch === target.gitBranch ? 1 : -1;
    }
    if (rank < 0) continue;
    const held = chosen.get(env.key);
    if (held === undefined || rank > held.rank) chosen.set(env.key, { env, rank });
  }
  return [...chosen.values()].map((entry) => entry.env);
}

/** The Environment Variables page: exact when the team slug and project name are known, else Vercel's chooser. */
export function settingsUrl(project: string, team: string | undefined): string {
  if (team !== undefined && !team.startsWith('team_') && !project.startsWith('prj_')) {
    return `https://vercel.com/${encodeURIComponent(team)}/${encodeURIComponent(project)}/settings/environment-variables`;
  }
  return 'https://vercel.com/d?to=%2F%5Bteam%5D%2F%5Bproject%5D%2Fsettings%2Fenvironment-variables&title=Environment+Variables';
}

/** The failure as `[message, status]`: one line naming Vercel, the project and what to fix. */
function describe(ctx: Context, error: unknown, where: Where): [string, number?] {
  const { project, team, timeoutMs } = ctx.settings;
  const subject = `project "${project}"${team ? ` (team ${team})` : ''}`;
  const doing =
    where.call === 'variable'
      ? `reading variable ${where.name} of ${subject}`
      : where.call === 'environments'
        ? `listing the custom environments of ${subject}`
        : `listing the variables of ${subject}`;
  const clean = ctx.scrubber.scrubDeep(error) as { message?: unknown; cause?: unknown; body?: unknown };

  if (error instanceof ResponseValidationError || error instanceof SDKValidationError) {
    return [
      `Vercel's answer ${doing} did not match what @vercel/sdk expects (${validationIssue(error, ctx.scrubber)}): Vercel's API may have changed; update the gate`
    ];
  }
  if (error instanceof VercelError) {
    return describeStatus(ctx, error, where, doing, typeof clean.body === 'string' ? clean.body : '');
  }
  if (error instanceof RequestTimeoutError || error instanceof RequestAbortedError) {
    const spent = Date.now() >= ctx.deadline;
    return [
      spent
        ? `Vercel did not answer within the time budget (${timeoutMs * 3} ms) ${doing}: run the gate again, or raise its timeout`
        : `Vercel did not answer within ${timeoutMs} ms ${doing}: run the gate again, or raise its timeout`
    ];
  }
  // A connection failure: the SDK says ConnectionError, or UnexpectedClientError when fetch's TypeError comes from
  // another realm (under a test runner's VM); the network code under it tells either way.
  const code = networkCode(clean.cause);
  if (error instanceof ConnectionError || code !== undefined) {
    return [
      `could not reach Vercel's API at ${new URL(ctx.base.serverURL).origin}${code ? ` (${code})` : ''} ${doing}: check the network or VERCEL_API_URL`
    ];
  }
  const text = typeof clean.message === 'string' ? oneLine(clean.message, 160) : 'unknown error';
  return [`Vercel: unexpected error ${doing}: ${text}`];
}

/** An HTTP error status as `[message, status]`. */
function describeStatus(
  ctx: Context,
  error: VercelError,
  where: Where,
  doing: string,
  errorBody: string
): [string, number?] {
  const { project, team, timeoutMs } = ctx.settings;
  const subject = `project "${project}"${team ? ` (team ${team})` : ''}`;
  const status = error.statusCode;
  const body = parseErrorBody(errorBody);
  const said = body.message ? ` Vercel said: "${oneLine(body.message, 160)}".` : '';
  if (status === 401 || (status === 403 && body.invalidToken)) {
    return [
      `Vercel refused the token (${status}) ${doing}: set VERCEL_TOKEN (or the vercel-token input) to a valid token (Account Settings → Tokens) whose scope includes the project's team.${said}`,
      status
    ];
  }
  if (status === 403) {
    const fix = team
      ? `give the token access to team ${team} (a token created with that team in its scope, by a member who can see the project), or check that vercel-team names the project's team`
      : `the project may belong to a team: set vercel-team to the team's id or slug (\`vercel link\` writes it to .vercel/project.json as orgId) and use a token whose scope includes that team`;
    return [`Vercel denied access (403) ${doing}: ${fix}.${said}`, status];
  }
  if (status === 404) {
    if (where.call === 'variable') {
      return [
        `Vercel found no variable ${where.name} (404) of ${subject}: it may have been removed while the gate read it; run the gate again.${said}`,
        status
      ];
    }
    const place = team
      ? `in team ${team}`
      : `in the token's personal account (set vercel-team if it belongs to a team)`;
    return [
      `Vercel found no project "${project}" ${place} (404): check vercel-project (the project's id prj_… or its name) and vercel-team.${said}`,
      status
    ];
  }
  if (status === 429) {
    const retryAfter = error.headers.get('retry-after');
    const hint = retryAfter ? ` (Retry-After: ${oneLine(retryAfter, 40)})` : '';
    return [
      `Vercel rate-limited the token (429)${hint} ${doing}, and retrying did not fit the time budget of ${timeoutMs * 3} ms: run the gate again later.${said}`,
      status
    ];
  }
  if (status >= 500) {
    return [
      `Vercel's API failed (${status}) ${doing}: run the gate again later; if it persists, see https://www.vercel-status.com.${said}`,
      status
    ];
  }
  return [`Vercel answered ${status} ${doing}.${said}`, status];
}

function parseErrorBody(text: string): { message?: string; invalidToken?: boolean } {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown; invalidToken?: unknown } };
    const message = typeof parsed.error?.message === 'string' ? parsed.error.message : undefined;
    return { ...(message !== undefined && { message }), invalidToken: parsed.error?.invalidToken === true };
  } catch {
    return {};
  }
}

function validationIssue(error: ResponseValidationError | SDKValidationError, scrubber: Scrubber): string {
  const cause = error.cause as { issues?: { path?: unknown[]; message?: string }[] } | undefined;
  const issue = cause?.issues?.[0];
  if (!issue) return 'unreadable answer';
  const path = issue.path?.length ? issue.path.map(String).join('.') : '(the body)';
  return scrubber.scrub(oneLine(`${path}: ${issue.message ?? 'invalid'}`, 160));
}

/** The network error code (`ECONNREFUSED`) under fetch's `TypeError: fetch failed`. */
function networkCode(cause: unknown): string | undefined {
  let current = cause;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
