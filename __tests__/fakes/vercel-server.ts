/**
 * A fake Vercel REST API: one real HTTP server on 127.0.0.1 (port 0) that answers the three routes the gate's
 * Vercel client calls, from a `VercelScenario`, in the shapes Vercel documents (the bodies go through
 * `@vercel/sdk`'s own zod schemas in every test, which is the drift check), with faults per route and a record of
 * every request.
 *
 *   const fake = await startFakeVercel(vercelScenario());
 *   await readVercel({ apiUrl: fake.url, token: fake.scenario.token, project: 'my-app', team: 'team_acme', ... });
 *   fake.requests            // method, path, query, authorization of each call
 *   fake.maxVariableReadsInFlight
 *   await fake.close();
 *
 * Routes:
 *   GET /v9/projects/{idOrName}/custom-environments   (`environments`)
 *   GET /v10/projects/{idOrName}/env                   (`list`; `until`, `customEnvironmentId`, `gitBranch`)
 *   GET /v1/projects/{idOrName}/env/{id}               (`variable`: the decrypted value of an encrypted one)
 *
 * Scope, as Vercel does it: a bad token is refused on every route (401 by default; Vercel's own answer to an
 * invalid token is a 403 with `invalidToken: true`, `badTokenStatus: 403` serves that); a `teamId`/`slug` the token
 * has no access to is a 403; a project looked up outside its team (or absent) is a 404.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { fakeSecret, publishableKey } from '../helpers/keys.js';
import { serverLifetime } from './server-lifetime.js';

export type VercelRoute = 'environments' | 'list' | 'variable';
export type VercelEnvType = 'encrypted' | 'plain' | 'sensitive' | 'secret' | 'system';
export type VercelTargetName = 'production' | 'preview' | 'development';

export interface FakeVercelEnv {
  id: string;
  key: string;
  /** The decrypted value (the per-variable route's answer). */
  value: string;
  type: VercelEnvType;
  target: VercelTargetName[];
  gitBranch?: string;
  customEnvironmentIds?: string[];
}

export interface FakeCustomEnvironment {
  id: string;
  slug: string;
}

export interface FakeVercelProject {
  id: string;
  name: string;
  /** The team that owns the project; absent for a personal account's project. */
  team?: { id: string; slug: string };
  envs: FakeVercelEnv[];
  customEnvironments?: FakeCustomEnvironment[];
}

export interface VercelFault {
  status: number;
  /** How many answers the fault replaces; every one when absent. */
  times?: number;
  headers?: Record<string, string>;
  /** The JSON body; Vercel's `{ error: { code, message } }` when absent. */
  body?: unknown;
}

export interface VercelScenario {
  token: string;
  /** Teams (ids) the token may act on. */
  tokenTeams: { id: string; slug: string }[];
  projects: FakeVercelProject[];
  /** Variables per page of the list; every variable on one page when absent. */
  pageSize?: number;
  /**
   * A broken or hostile server: every page of the list names a `pagination.next` (older than anything on it), so a
   * client that follows it without a bound never stops.
   */
  endlessPages?: boolean;
  /** Answer the list in its `hiddenProductionEnvCount` shape, with this count. */
  hiddenProductionEnvCount?: number;
  badTokenStatus?: 401 | 403;
  faults?: Partial<Record<VercelRoute, VercelFault>>;
  /** Delay before each answer of a route (the per-variable route, to make reads overlap). */
  latencyMs?: Partial<Record<VercelRoute, number>>;
  /** Put the request's Authorization header into error messages, as a careless proxy might. */
  echoAuthorizationInErrors?: boolean;
}

export interface VercelRequestRecord {
  route: VercelRoute | 'unknown';
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  /** The status answered. */
  status: number;
}

export interface FakeVercel {
  url: string;
  scenario: VercelScenario;
  requests: VercelRequestRecord[];
  /** The largest number of per-variable reads that were in flight at once. */
  readonly maxVariableReadsInFlight: number;
  setScenario(scenario: VercelScenario): void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Scenario data

export const DEV_FRONTEND_API = 'happy-hippo-42.clerk.accounts.dev';
/** `pk_test_` + base64('happy-hippo-42.clerk.accounts.dev$'). */
export const DEV_PUBLISHABLE_KEY = publishableKey(DEV_FRONTEND_API, 'test');
/** A canary development secret key: letters and digits, obviously fake. */
export const CANARY_SECRET_KEY = fakeSecret('sk_test_', 'VercelCanary', 1);
/** A canary for a secret the gate does not check: it must never be read. */
export const CANARY_UNWANTED = fakeSecret('whsec_', 'VercelUnwanted', 2);
/** The value of the sensitive variable, which Vercel never returns. */
export const CANARY_SENSITIVE = fakeSecret('sk_live_', 'VercelSensitive', 3);
export const CANARY_TOKEN = fakeSecret('vcp_', 'VercelToken', 4);
export const PREVIEW_BRANCH = 'feature/login';
export const PREVIEW_BRANCH_SECRET = fakeSecret('sk_test_', 'VercelBranch', 5);
export const STAGING_SECRET = fakeSecret('sk_test_', 'VercelStaging', 6);

export const TEAM = { id: 'team_acme0000000000000000001', slug: 'acme' };
export const OTHER_TEAM = { id: 'team_other000000000000000002', slug: 'other' };
export const PROJECT_ID = 'prj_gate0000000000000000000001';
export const PROJECT_NAME = 'shop-web';
export const STAGING_ENV_ID = 'env_staging00000000000000001';

function env(id: number, key: string, value: string, type: VercelEnvType, extra: Partial<FakeVercelEnv> = {}) {
  return {
    id: `env${String(id).padStart(16, '0')}`,
    key,
    value,
    type,
    target: ['production'],
    ...extra
  } as FakeVercelEnv;
}

/**
 * The team project `shop-web` with: production carrying development keys (a development publishable key and an
 * `sk_test_` canary), a sensitive production variable, an unrelated secret, a preview variable with a branch
 * override, and a custom environment `staging` with its own key.
 */
export function vercelScenario(overrides: Partial<VercelScenario> = {}): VercelScenario {
  const envs: FakeVercelEnv[] = [
    env(1, 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', DEV_PUBLISHABLE_KEY, 'plain', { target: ['production', 'preview'] }),
    env(2, 'CLERK_SECRET_KEY', CANARY_SECRET_KEY, 'encrypted', { target: ['production', 'preview', 'development'] }),
    env(3, 'CLERK_WEBHOOK_SIGNING_SECRET', CANARY_SENSITIVE, 'sensitive'),
    env(4, 'STRIPE_WEBHOOK_SECRET', CANARY_UNWANTED, 'encrypted', { target: ['production', 'preview'] }),
    env(5, 'CLERK_SECRET_KEY', PREVIEW_BRANCH_SECRET, 'encrypted', { target: ['preview'], gitBranch: PREVIEW_BRANCH }),
    env(6, 'NEXT_PUBLIC_CLERK_SIGN_IN_URL', '/sign-in', 'plain', { target: ['preview'], gitBranch: 'other-branch' }),
    env(7, 'CLERK_SECRET_KEY', STAGING_SECRET, 'encrypted', { target: [], customEnvironmentIds: [STAGING_ENV_ID] }),
    env(8, 'DEV_ONLY', 'x', 'plain', { target: ['development'] })
  ];
  return {
    token: CANARY_TOKEN,
    tokenTeams: [TEAM],
    projects: [
      {
        id: PROJECT_ID,
        name: PROJECT_NAME,
        team: TEAM,
        envs,
        customEnvironments: [{ id: STAGING_ENV_ID, slug: 'staging' }]
      }
    ],
    ...overrides
  };
}

/** A project with `count` production variables named CLERK_VAR_<n> (values `value-<n>`). */
export function manyVariables(count: number): FakeVercelEnv[] {
  return Array.from({ length: count }, (_, i) =>
    env(100 + i, `CLERK_VAR_${i}`, `value-${i}`, 'encrypted', { target: ['production'] })
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Response shapes (as Vercel documents them and @vercel/sdk parses them)

const CREATED = 1_750_000_000_000;

function createdAt(project: FakeVercelProject, e: FakeVercelEnv): number {
  return CREATED - project.envs.indexOf(e) * 1000;
}

/** A listed variable: encrypted and sensitive values are not in the list (ciphertext, or nothing). */
function listedEnv(project: FakeVercelProject, e: FakeVercelEnv) {
  const value =
    e.type === 'plain' ? e.value : e.type === 'sensitive' ? '' : Buffer.from(`cipher:${e.id}`).toString('base64');
  return {
    type: e.type,
    value,
    target: e.target,
    configurationId: null,
    comment: '',
    id: e.id,
    key: e.key,
    createdAt: createdAt(project, e),
    updatedAt: createdAt(project, e),
    createdBy: 'user_0000000000000000000001',
    updatedBy: null,
    ...(e.gitBranch !== undefined && { gitBranch: e.gitBranch }),
    customEnvironmentIds: e.customEnvironmentIds ?? [],
    decrypted: false,
    securityIssues: []
  };
}

/**
 * `GET /v1/projects/{idOrName}/env/{id}`: an encrypted variable decrypted (`decrypted: true`); a plain one as it is
 * stored, in clear but `decrypted: false` (there was nothing to decrypt); a sensitive one without a value.
 */
function decryptedEnv(project: FakeVercelProject, e: FakeVercelEnv) {
  const { value: _value, ...listed } = listedEnv(project, e);
  void _value;
  const base = { ...listed } as Record<string, unknown>;
  delete base.securityIssues;
  if (e.type === 'sensitive') return { ...base, decrypted: false };
  return { ...base, value: e.value, decrypted: e.type === 'encrypted' };
}

function customEnvironment(c: FakeCustomEnvironment) {
  return {
    id: c.id,
    slug: c.slug,
    type: 'preview',
    description: `The ${c.slug} environment`,
    branchMatcher: { type: 'equals', pattern: c.slug },
    domains: [],
    currentDeploymentAliases: [],
    createdAt: CREATED,
    updatedAt: CREATED
  };
}

function vercelError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, ...extra } };
}

// ---------------------------------------------------------------------------------------------------------------
// Server

const ROUTES: { route: VercelRoute; pattern: RegExp }[] = [
  { route: 'environments', pattern: /^\/v9\/projects\/([^/]+)\/custom-environments$/ },
  { route: 'list', pattern: /^\/v10\/projects\/([^/]+)\/env$/ },
  { route: 'variable', pattern: /^\/v1\/projects\/([^/]+)\/env\/([^/]+)$/ }
];

export async function startFakeVercel(initial: VercelScenario): Promise<FakeVercel> {
  let scenario = initial;
  const faultHits = new Map<VercelRoute, number>();
  const requests: VercelRequestRecord[] = [];
  const lifetime = serverLifetime();
  let inFlight = 0;
  let maxInFlight = 0;

  const send = (res: ServerResponse, record: VercelRequestRecord, status: number, body: unknown, headers = {}) => {
    record.status = status;
    if (lifetime.closed || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const matched = ROUTES.map((r) => ({ ...r, groups: r.pattern.exec(url.pathname) })).find((r) => r.groups);
    const record: VercelRequestRecord = {
      route: matched?.route ?? 'unknown',
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      status: 0
    };
    requests.push(record);
    const s = scenario;
    const authorization = req.headers.authorization ?? '';
    const echo = s.echoAuthorizationInErrors ? ` (request authorization: ${authorization})` : '';
    if (!matched?.groups || req.method !== 'GET') {
      return send(res, record, 404, vercelError('not_found', 'The requested path was not found'));
    }
    const route = matched.route;
    const latency = s.latencyMs?.[route];
    if (route === 'variable') {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
    }
    try {
      if (latency) await lifetime.sleep(latency);
      if (authorization !== `Bearer ${s.token}`) {
        const status = s.badTokenStatus ?? 401;
        return send(
          res,
          record,
          status,
          vercelError('forbidden', `Not authorized${echo}`, status === 403 ? { invalidToken: true } : {})
        );
      }
      const fault = s.faults?.[route];
      if (fault) {
        const hits = faultHits.get(route) ?? 0;
        if (fault.times === undefined || hits < fault.times) {
          faultHits.set(route, hits + 1);
          const body = fault.body ?? vercelError('fault', `Injected ${fault.status}${echo}`);
          return send(res, record, fault.status, body, fault.headers);
        }
      }
      const teamId = url.searchParams.get('teamId');
      const slug = url.searchParams.get('slug');
      let scope: { id: string; slug: string } | undefined;
      if (teamId !== null || slug !== null) {
        scope = s.tokenTeams.find((t) => t.id === teamId || t.slug === slug);
        if (scope === undefined) {
          const named = teamId ?? slug;
          return send(
            res,
            record,
            403,
            vercelError(
              'forbidden',
              `Not authorized: Trying to access resource under scope "${named}". You must re-authenticate to this scope or use a token with access to this scope.${echo}`
            )
          );
        }
      }
      const idOrName = decodeURIComponent(matched.groups[1] ?? '');
      const project = s.projects.find((p) => (p.id === idOrName || p.name === idOrName) && p.team?.id === scope?.id);
      if (project === undefined) return send(res, record, 404, vercelError('not_found', `Project not found${echo}`));

      if (route === 'environments') {
        const environments = (project.customEnvironments ?? []).map(customEnvironment);
        return send(res, record, 200, { accountLimit: { total: 12 }, environments });
      }
      if (route === 'variable') {
        const id = decodeURIComponent(matched.groups[2] ?? '');
        const found = project.envs.find((e) => e.id === id);
        if (found === undefined)
          return send(res, record, 404, vercelError('not_found', 'Environment Variable not found'));
        return send(res, record, 200, decryptedEnv(project, found));
      }
      // The list.
      let envs = project.envs;
      const customEnvironmentId = url.searchParams.get('customEnvironmentId');
      if (customEnvironmentId !== null)
        envs = envs.filter((e) => e.customEnvironmentIds?.includes(customEnvironmentId));
      const gitBranch = url.searchParams.get('gitBranch');
      if (gitBranch !== null) {
        envs = envs.filter(
          (e) => e.target.includes('preview') && (e.gitBranch === undefined || e.gitBranch === gitBranch)
        );
      }
      const until = url.searchParams.get('until');
      if (until !== null) envs = envs.filter((e) => createdAt(project, e) < Number(until));
      const page = s.pageSize === undefined ? envs : envs.slice(0, s.pageSize);
      const more = page.length < envs.length;
      const listed = page.map((e) => listedEnv(project, e));
      if (s.hiddenProductionEnvCount !== undefined) {
        return send(res, record, 200, { envs: listed, hiddenProductionEnvCount: s.hiddenProductionEnvCount });
      }
      const last = page.at(-1);
      const oldest = last ? createdAt(project, last) : until === null ? CREATED : Number(until);
      return send(res, record, 200, {
        envs: listed,
        pagination: {
          count: listed.length,
          next: s.endlessPages ? oldest - 1 : more && last ? createdAt(project, last) : null,
          prev: until === null ? null : Number(until)
        }
      });
    } finally {
      if (route === 'variable') inFlight--;
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !lifetime.closed) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(vercelError('internal', String(error))));
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get scenario() {
      return scenario;
    },
    requests,
    get maxVariableReadsInFlight() {
      return maxInFlight;
    },
    setScenario(next) {
      scenario = next;
      faultHits.clear();
    },
    close: () => lifetime.close(server)
  };
}
