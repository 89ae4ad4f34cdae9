/**
 * Reads a Netlify site's environment variables for one deploy context through the official `@netlify/api`:
 * `getSite` for the site's `account_id`, then `getEnvVars` (`GET /accounts/{account_id}/env?site_id=…&context_name=…`).
 *
 * What the SDK does that this module works around:
 * - It retries 429 up to five times by itself, sleeping until `X-RateLimit-Reset` (at least 1 s; 5 s without the
 *   header; `Retry-After` is ignored), and its sleep cannot be cancelled. Every call here runs under one time budget
 *   (3 × `timeoutMs`): the budget's AbortSignal goes to node-fetch, and the call is raced against it, so the read
 *   ends on time even while the SDK sleeps. (That abandoned sleep keeps a timer alive until it fires; the request
 *   it would then send is aborted before it leaves.)
 * - On a connection-level error it removes `Authorization` only from the top level of the error's `data`, leaving
 *   the token in `error.data.headers.Authorization`: every error is deep-scrubbed before a field of it is read.
 * - It does not validate answers: the fields read here are checked with zod.
 */
import { NetlifyAPI } from '@netlify/api';
import * as z from 'zod/mini';
import { isVendorPage } from '../core/vendor-links.js';
import { Scrubber } from '../core/scrub.js';
import { checkApiUrl, oneLine, type HostOutcome, type HostVariable } from './host-variable.js';

const NETLIFY_API_URL = 'https://api.netlify.com/api/v1';

export interface NetlifySettings {
  token: string;
  /** The site's id (or its name, which the API also takes). */
  site: string;
  /** `production`, `deploy-preview`, `branch-deploy` or `branch:<name>`. */
  context: string;
  /** Default `https://api.netlify.com/api/v1`; the caller passes `NETLIFY_API_URL` here. */
  apiUrl?: string;
  /** The whole read, the SDK's own 429 retries included, gets 3 × this. */
  timeoutMs: number;
  /** Whether the gate checks this name: only those values are kept. */
  wanted: (name: string) => boolean;
  /** The run's scrubber: every secret of the run is scrubbed from Netlify's and the SDK's texts. */
  scrubber?: Scrubber;
}

type Context =
  { kind: 'named'; name: 'production' | 'deploy-preview' | 'branch-deploy' } | { kind: 'branch'; branch: string };

const Site = z.looseObject({
  account_id: z.string(),
  name: z.optional(z.string()),
  admin_url: z.optional(z.string())
});

const EnvValue = z.looseObject({
  value: z.optional(z.string()),
  context: z.optional(z.string()),
  context_parameter: z.optional(z.string())
});
export type NetlifyEnvValue = z.infer<typeof EnvValue>;

const EnvVars = z.array(
  z.looseObject({
    key: z.string(),
    is_secret: z.optional(z.boolean()),
    values: z.optional(z.array(EnvValue))
  })
);

type Step<T> = { ok: true; value: T } | { ok: false; error: unknown; timedOut: boolean };

/**
 * Per-call options for `@netlify/api`, which calls node-fetch itself (it takes no fetch function, so src/net/ cannot
 * carry these calls): the budget's signal, and redirects not followed. node-fetch would follow up to 20 and keep the
 * token for another port of the same host; a 3xx answer from Netlify's API is an error to report instead.
 */
function callOptions(budget: AbortSignal): { signal: AbortSignal; redirect: 'manual' } {
  return { signal: budget, redirect: 'manual' };
}

export async function readNetlify(settings: NetlifySettings): Promise<HostOutcome> {
  const { token, timeoutMs } = settings;
  const scrubber = Scrubber.of(settings.scrubber, [token]);
  const fail = (message: string, status?: number): HostOutcome => ({
    ok: false,
    ...(status !== undefined && { status }),
    message: scrubber.scrub(message)
  });
  const api = checkApiUrl(settings.apiUrl ?? NETLIFY_API_URL, 'NETLIFY_API_URL');
  if (!api.ok) return fail(`Netlify: ${api.message}`);
  if (token.trim() === '') return fail('Netlify: no token: set NETLIFY_AUTH_TOKEN (or the netlify-token input)');
  const site = settings.site.trim();
  if (site === '') {
    return fail('Netlify: no site: set netlify-site, or run `netlify link` so .netlify/state.json names it');
  }
  const context = parseContext(settings.context);
  if (context === undefined) {
    return fail(
      `Netlify: unknown deploy context "${oneLine(settings.context, 60)}" for site "${site}": use production, deploy-preview, branch-deploy or branch:<name>`
    );
  }

  const client = new NetlifyAPI(token, {
    scheme: api.url.protocol.slice(0, -1),
    host: api.url.host,
    // (An empty path makes the SDK fall back to its default, /api/v1.)
    pathPrefix: api.url.pathname.replace(/\/+$/, ''),
    userAgent: 'clerk-production-gate'
  });
  const budgetMs = timeoutMs * 3;
  const budget = AbortSignal.timeout(budgetMs);
  const subject = `site "${site}"`;

  const siteStep = await withinBudget(() => client.getSite({ site_id: site }, callOptions(budget)), budget);
  if (!siteStep.ok) return fail(...describe(siteStep, `reading ${subject}`, settings, api.url));
  const siteInfo = Site.safeParse(siteStep.value);
  if (!siteInfo.success) {
    return fail(`Netlify's answer for ${subject} has no account_id: Netlify's API may have changed; update the gate`);
  }

  const envStep = await withinBudget(
    () =>
      client.getEnvVars(
        {
          account_id: siteInfo.data.account_id,
          site_id: site,
          // Netlify's filter knows no `branch` context: for a branch, every value comes back and one is picked here.
          ...(context.kind === 'named' && { context_name: context.name })
        },
        callOptions(budget)
      ),
    budget
  );
  if (!envStep.ok)
    return fail(...describe(envStep, `reading the environment variables of ${subject}`, settings, api.url));
  const envVars = EnvVars.safeParse(envStep.value);
  if (!envVars.success) {
    const issue = envVars.error.issues[0];
    const where = issue?.path.length ? issue.path.map(String).join('.') : '(the body)';
    return fail(
      `Netlify's environment variables of ${subject} are not in the documented shape (${where}: ${issue?.message ?? 'invalid'}): Netlify's API may have changed; update the gate`
    );
  }

  const variables = forContext(envVars.data, context, settings.wanted);
  const settingsUrl = siteSettingsUrl(siteInfo.data);
  return {
    ok: true,
    read: {
      host: 'netlify',
      project: site,
      target: settings.context.trim(),
      ...(settingsUrl !== undefined && { settingsUrl }),
      variables
    }
  };
}

/** The variables a deploy in the context receives: values only for wanted names, a secret without one hidden. */
function forContext(envVars: z.infer<typeof EnvVars>, context: Context, wanted: (name: string) => boolean) {
  const variables: HostVariable[] = [];
  for (const envVar of envVars) {
    const picked = pickValue(envVar.values ?? [], context);
    if (picked === undefined) continue; // Not set for this context.
    const secret = envVar.is_secret === true;
    const hidden = secret && (picked.value === undefined || picked.value === '');
    if (wanted(envVar.key) && picked.value !== undefined && !hidden) {
      variables.push({ name: envVar.key, value: picked.value, sensitive: false });
    } else {
      variables.push({ name: envVar.key, sensitive: hidden });
    }
  }
  return variables;
}

export function parseContext(raw: string): Context | undefined {
  const text = raw.trim();
  if (text === 'production' || text === 'deploy-preview' || text === 'branch-deploy')
    return { kind: 'named', name: text };
  if (text.startsWith('branch:') && text.length > 'branch:'.length) return { kind: 'branch', branch: text.slice(7) };
  return undefined;
}

/**
 * The value a deploy in the context receives: the context's own, else `all`. For `branch:<name>`: the value for
 * that branch (`context: "branch"`, `context_parameter: <name>`), else the branch-deploy one, else `all`.
 */
export function pickValue(values: readonly NetlifyEnvValue[], context: Context): NetlifyEnvValue | undefined {
  const find = (test: (v: NetlifyEnvValue) => boolean) => values.find(test);
  if (context.kind === 'named') return find((v) => v.context === context.name) ?? find((v) => v.context === 'all');
  return (
    find((v) => v.context === 'branch' && v.context_parameter === context.branch) ??
    find((v) => v.context === 'branch-deploy') ??
    find((v) => v.context === 'all')
  );
}

/**
 * The site's Environment variables page: from `admin_url` only when that is https on `app.netlify.com` (it is API
 * data, shown as a link), else from the site's name, else none.
 */
function siteSettingsUrl(site: { name?: string | undefined; admin_url?: string | undefined }): string | undefined {
  const admin = site.admin_url === undefined ? undefined : `${site.admin_url.replace(/\/+$/, '')}/configuration/env`;
  if (admin !== undefined && isVendorPage(admin)) return admin;
  if (site.name) return `https://app.netlify.com/sites/${encodeURIComponent(site.name)}/configuration/env`;
  return undefined;
}

/**
 * Runs an SDK call and settles when it does or when the budget is spent, whichever comes first. The call gets the
 * budget's signal too, so node-fetch stops a request in flight; the SDK's retry sleep it cannot stop.
 */
function withinBudget<T>(run: () => Promise<T>, budget: AbortSignal): Promise<Step<T>> {
  if (budget.aborted) return Promise.resolve({ ok: false, error: budget.reason, timedOut: true });
  return new Promise((resolve) => {
    const onAbort = () => resolve({ ok: false, error: budget.reason, timedOut: true });
    budget.addEventListener('abort', onAbort, { once: true });
    let call: Promise<T>;
    try {
      call = run();
    } catch (error) {
      call = Promise.reject(error);
    }
    call.then(
      (value) => {
        budget.removeEventListener('abort', onAbort);
        resolve({ ok: true, value });
      },
      (error: unknown) => {
        budget.removeEventListener('abort', onAbort);
        resolve({ ok: false, error, timedOut: budget.aborted });
      }
    );
  });
}

/** The failure as `[message, status]`: one line naming Netlify, the site and what to fix. */
function describe(
  step: { error: unknown; timedOut: boolean },
  doing: string,
  settings: NetlifySettings,
  apiUrl: URL
): [string, number?] {
  const { site, timeoutMs, token } = settings;
  const scrubber = Scrubber.of(settings.scrubber, [token]);
  if (step.timedOut) {
    return [
      `Netlify did not answer within the time budget (${timeoutMs * 3} ms) ${doing} (@netlify/api retries 429 by itself, so a rate limit ends here too): run the gate again later, or raise its timeout`
    ];
  }
  // Deep-scrubbed first: a connection error keeps the token in data.headers.Authorization.
  const clean = scrubber.scrubDeep(step.error) as {
    status?: unknown;
    json?: { message?: unknown };
    data?: unknown;
    message?: unknown;
    code?: unknown;
  };
  if (typeof clean.status === 'number') {
    const status = clean.status;
    const text =
      typeof clean.json?.message === 'string' ? clean.json.message : typeof clean.data === 'string' ? clean.data : '';
    const said = text.trim() ? ` Netlify said: "${oneLine(text, 160)}".` : '';
    if (status === 401) {
      return [
        `Netlify refused the token (401) ${doing}: set NETLIFY_AUTH_TOKEN (or the netlify-token input) to a valid personal access token (User settings → Applications → Personal access tokens).${said}`,
        status
      ];
    }
    if (status === 403) {
      return [
        `Netlify denied access (403) ${doing}: the token's user must be a member of the team that owns site "${site}", with a role that may read its environment variables.${said}`,
        status
      ];
    }
    if (status === 404) {
      return [
        `Netlify found no site "${site}" (404) ${doing}: check netlify-site (the site id from Site configuration → Site details, or .netlify/state.json) and that the token's user can see the site.${said}`,
        status
      ];
    }
    if (status === 429) {
      return [`Netlify rate-limited the token (429) ${doing}: run the gate again later.${said}`, status];
    }
    if (status >= 500) {
      return [
        `Netlify's API failed (${status}) ${doing}: run the gate again later; if it persists, see https://www.netlifystatus.com.${said}`,
        status
      ];
    }
    return [`Netlify answered ${status} ${doing}.${said}`, status];
  }
  if (typeof clean.code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(clean.code)) {
    return [
      `could not reach Netlify's API at ${apiUrl.origin} (${clean.code}) ${doing}: check the network or NETLIFY_API_URL`
    ];
  }
  const message = typeof clean.message === 'string' ? oneLine(clean.message, 160) : 'unknown error';
  return [`Netlify: unexpected error ${doing}: ${message}`];
}
