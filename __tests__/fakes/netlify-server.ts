/**
 * A fake Netlify API: one real HTTP server on 127.0.0.1 (port 0) that answers the two routes the gate's Netlify
 * client calls, from a `NetlifyScenario`, with faults per route and a record of every request and every answer
 * (each answer validates against the OpenAPI document shipped in `@netlify/open-api`, which `@netlify/api` uses;
 * see `netlify.test.ts`).
 *
 *   const fake = await startFakeNetlify(netlifyScenario());
 *   await readNetlify({ apiUrl: `${fake.url}/api/v1`, token: fake.scenario.token, site: SITE_ID, ... });
 *   await fake.close();
 *
 * Routes (under /api/v1):
 *   GET /sites/{site_id}              (`site`, operation getSite)
 *   GET /accounts/{account_id}/env    (`env`, operation getEnvVars; `site_id`, `context_name`)
 *
 * A bad token is a 401 on every route; a site outside the token's accounts is a 404 (Netlify hides it); reading the
 * variables of an account the token may not read (`envForbidden`) is a 403.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { fakeSecret, publishableKey } from '../helpers/keys.js';
import { serverLifetime } from './server-lifetime.js';

export type NetlifyRoute = 'site' | 'env';
export type NetlifyContext =
  'all' | 'dev' | 'dev-server' | 'branch-deploy' | 'deploy-preview' | 'production' | 'branch';

export interface FakeNetlifyValue {
  value: string;
  context: NetlifyContext;
  context_parameter?: string;
}

export interface FakeNetlifyVar {
  key: string;
  is_secret?: boolean;
  values: FakeNetlifyValue[];
}

export interface FakeNetlifySite {
  id: string;
  name: string;
  account_id: string;
  account_slug: string;
  envs: FakeNetlifyVar[];
  /** The site's `admin_url` (a string in Netlify's OpenAPI document); `https://app.netlify.com/sites/<name>` by default. */
  adminUrl?: string;
}

export interface NetlifyFault {
  status: number;
  /** How many answers the fault replaces; every one when absent. */
  times?: number;
  headers?: Record<string, string>;
  /** Netlify's `{ code, message }` when absent. */
  body?: unknown;
}

export interface NetlifyScenario {
  token: string;
  /** Accounts the token can see. */
  tokenAccounts: string[];
  /** Accounts whose variables the token may not read (a 403). */
  envForbidden?: string[];
  sites: FakeNetlifySite[];
  faults?: Partial<Record<NetlifyRoute, NetlifyFault>>;
  latencyMs?: Partial<Record<NetlifyRoute, number>>;
}

export interface NetlifyRequestRecord {
  route: NetlifyRoute | 'unknown';
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  status: number;
  /** The JSON body answered. */
  body: unknown;
}

export interface FakeNetlify {
  /** The server's origin; the API is under `${url}/api/v1`. */
  url: string;
  apiUrl: string;
  scenario: NetlifyScenario;
  requests: NetlifyRequestRecord[];
  setScenario(scenario: NetlifyScenario): void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Scenario data

export const ACCOUNT_ID = '5f0a1b2c3d4e5f6a7b8c9d00';
export const SITE_ID = '9b1e7f64-3c1a-4f0e-9d7b-2a5c8e4f1d30';
export const SITE_NAME = 'shop-web';
export const DEV_PUBLISHABLE_KEY = publishableKey('happy-hippo-42.clerk.accounts.dev', 'test');
export const LIVE_PUBLISHABLE_KEY = publishableKey('clerk.shop.example.com', 'live');
export const CANARY_TOKEN = fakeSecret('nfp_', 'NetlifyToken', 11);
export const CANARY_SECRET_KEY = fakeSecret('sk_test_', 'NetlifyCanary', 12);
export const CANARY_SECRET_HIDDEN = fakeSecret('sk_live_', 'NetlifySecret', 13);
export const CANARY_UNWANTED = fakeSecret('whsec_', 'NetlifyUnwanted', 14);
export const CANARY_BRANCH_KEY = fakeSecret('sk_test_', 'NetlifyBranch', 15);
export const PREVIEW_KEY = fakeSecret('sk_test_', 'NetlifyPreview', 16);
export const BRANCH = 'feature/login';

/**
 * Site `shop-web`: production carries development keys; a secret variable (`is_secret`) whose production value is
 * never returned; a variable the gate does not check; a value per deploy context and one for a named branch.
 */
export function netlifyScenario(overrides: Partial<NetlifyScenario> = {}): NetlifyScenario {
  return {
    token: CANARY_TOKEN,
    tokenAccounts: [ACCOUNT_ID],
    sites: [
      {
        id: SITE_ID,
        name: SITE_NAME,
        account_id: ACCOUNT_ID,
        account_slug: 'acme',
        envs: [
          { key: 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', values: [{ value: DEV_PUBLISHABLE_KEY, context: 'all' }] },
          {
            key: 'CLERK_SECRET_KEY',
            values: [
              { value: CANARY_SECRET_KEY, context: 'production' },
              { value: PREVIEW_KEY, context: 'deploy-preview' },
              { value: CANARY_BRANCH_KEY, context: 'branch', context_parameter: BRANCH }
            ]
          },
          {
            key: 'CLERK_WEBHOOK_SIGNING_SECRET',
            is_secret: true,
            values: [
              { value: CANARY_SECRET_HIDDEN, context: 'production' },
              { value: 'whsec_local_dev_value', context: 'dev' }
            ]
          },
          { key: 'STRIPE_WEBHOOK_SECRET', values: [{ value: CANARY_UNWANTED, context: 'all' }] },
          { key: 'PREVIEW_ONLY', values: [{ value: 'p', context: 'deploy-preview' }] },
          { key: 'BRANCH_DEPLOY_ONLY', values: [{ value: 'b', context: 'branch-deploy' }] }
        ]
      }
    ],
    ...overrides
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Response shapes (Netlify's OpenAPI document, @netlify/open-api)

const CREATED = '2025-06-15T09:30:00.000Z';

function siteBody(site: FakeNetlifySite) {
  return {
    id: site.id,
    name: site.name,
    state: 'current',
    plan: 'nf_team_dev',
    url: `https://${site.name}.example.com`,
    ssl_url: `https://${site.name}.example.com`,
    admin_url: site.adminUrl ?? `https://app.netlify.com/sites/${site.name}`,
    account_id: site.account_id,
    account_name: 'Acme',
    account_slug: site.account_slug,
    created_at: CREATED,
    updated_at: CREATED,
    ssl: true,
    force_ssl: true,
    managed_dns: false,
    build_settings: {
      repo_url: 'https://github.com/acme/shop-web',
      repo_branch: 'main',
      cmd: 'npm run build',
      dir: '.next'
    }
  };
}

/** A secret value is returned only for the local development contexts, as Netlify does. */
function envBody(v: FakeNetlifyVar, values: FakeNetlifyValue[]) {
  return {
    key: v.key,
    scopes: ['builds', 'functions', 'runtime', 'post-processing'],
    values: values.map((value, index) => ({
      id: `${v.key.toLowerCase()}-${index}`,
      context: value.context,
      ...(value.context_parameter !== undefined && { context_parameter: value.context_parameter }),
      ...((!v.is_secret || value.context === 'dev' || value.context === 'dev-server') && { value: value.value })
    })),
    is_secret: v.is_secret ?? false,
    updated_at: CREATED,
    updated_by: { id: '5f0a1b2c3d4e5f6a7b8c9d01', full_name: 'Ada Admin', email: 'ada@example.com' }
  };
}

function netlifyError(code: number, message: string) {
  return { code, message };
}

// ---------------------------------------------------------------------------------------------------------------
// Server

const ROUTES: { route: NetlifyRoute; pattern: RegExp }[] = [
  { route: 'site', pattern: /^\/api\/v1\/sites\/([^/]+)$/ },
  { route: 'env', pattern: /^\/api\/v1\/accounts\/([^/]+)\/env$/ }
];

export async function startFakeNetlify(initial: NetlifyScenario): Promise<FakeNetlify> {
  let scenario = initial;
  const faultHits = new Map<NetlifyRoute, number>();
  const requests: NetlifyRequestRecord[] = [];
  const lifetime = serverLifetime();

  const send = (
    res: ServerResponse,
    record: NetlifyRequestRecord,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
  ) => {
    record.status = status;
    record.body = body;
    if (lifetime.closed || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const matched = ROUTES.map((r) => ({ ...r, groups: r.pattern.exec(url.pathname) })).find((r) => r.groups);
    const record: NetlifyRequestRecord = {
      route: matched?.route ?? 'unknown',
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      status: 0,
      body: undefined
    };
    requests.push(record);
    const s = scenario;
    if (!matched?.groups || req.method !== 'GET') return send(res, record, 404, netlifyError(404, 'Not Found'));
    const route = matched.route;
    const latency = s.latencyMs?.[route];
    if (latency) await lifetime.sleep(latency);
    if (req.headers.authorization !== `Bearer ${s.token}`) {
      return send(res, record, 401, netlifyError(401, 'Access Denied: Invalid token'));
    }
    const fault = s.faults?.[route];
    if (fault) {
      const hits = faultHits.get(route) ?? 0;
      if (fault.times === undefined || hits < fault.times) {
        faultHits.set(route, hits + 1);
        return send(
          res,
          record,
          fault.status,
          fault.body ?? netlifyError(fault.status, `Injected ${fault.status}`),
          fault.headers
        );
      }
    }
    const param = decodeURIComponent(matched.groups[1] ?? '');
    if (route === 'site') {
      const site = s.sites.find((x) => (x.id === param || x.name === param) && s.tokenAccounts.includes(x.account_id));
      if (site === undefined) return send(res, record, 404, netlifyError(404, 'Not Found'));
      return send(res, record, 200, siteBody(site));
    }
    if (!s.tokenAccounts.includes(param)) return send(res, record, 404, netlifyError(404, 'Not Found'));
    if (s.envForbidden?.includes(param)) {
      return send(res, record, 403, netlifyError(403, "You don't have permission to access this resource"));
    }
    const siteId = url.searchParams.get('site_id');
    const site = s.sites.find((x) => x.account_id === param && (x.id === siteId || x.name === siteId));
    if (site === undefined) return send(res, record, 404, netlifyError(404, 'Not Found'));
    const contextName = url.searchParams.get('context_name');
    const body = site.envs
      .map((v) => ({
        v,
        values:
          contextName === null ? v.values : v.values.filter((x) => x.context === contextName || x.context === 'all')
      }))
      .filter(({ values }) => values.length > 0)
      .map(({ v, values }) => envBody(v, values));
    return send(res, record, 200, body);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !lifetime.closed) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(netlifyError(500, String(error))));
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    apiUrl: `${origin}/api/v1`,
    get scenario() {
      return scenario;
    },
    requests,
    setScenario(next) {
      scenario = next;
      faultHits.clear();
    },
    close: () => lifetime.close(server)
  };
}
