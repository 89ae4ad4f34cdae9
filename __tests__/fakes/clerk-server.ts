/**
 * A fake Clerk: one real HTTP (or HTTPS) server on 127.0.0.1 that answers the Backend API, Platform API and
 * Frontend API routes the gate calls, from a `Scenario`, with fault injection per route and a record of every
 * request. Bodies come from `clerk-responses.ts` and match Clerk's OpenAPI documents (see `clerk-contract.test.ts`).
 *
 *   const fake = await startFakeClerk(healthyProduction());
 *   // clerk-api-url = fake.url; secret key = fake.scenario.secretKey; publishable key = fake.publishableKey
 *   fake.setScenario(withFaults(healthyProduction(), { instance: { kind: 'status', status: 429, times: 1 } }));
 *   await fake.close();
 *
 * The Frontend API route (`GET /v1/environment`) answers whatever the Host header says, so a test can resolve the
 * publishable key's host (`fake.frontendApiHost`, which carries the port) to 127.0.0.1 and reach this same server.
 * The domains it serves name that same `host:port` in `frontend_api_url` (option `portInFrontendApiUrls`).
 */
import { once } from 'node:events';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { fakeSecret, publishableKey as encodePublishableKey } from '../helpers/keys.js';
import {
  APP_DOMAIN,
  APPLICATION_ID,
  DEV_DOMAIN,
  DEV_FRONTEND_API_HOST,
  DEVELOPMENT_INSTANCE_ID,
  OTHER_DOMAIN,
  PRODUCTION_INSTANCE_ID,
  clerkError,
  clerkErrors,
  dnsCheck,
  domain,
  domains,
  environment,
  fakeOAuthSecret,
  instance,
  platformConfig,
  platformDomain,
  platformDomainStatus,
  type CatalogueErrorName,
  type ClerkError,
  type DnsCheck,
  type Domains,
  type Environment,
  type Instance,
  type PlatformConfig,
  type PlatformDomain,
  type PlatformDomainStatus,
  type PlatformDomainStatusOptions
} from './clerk-responses.js';
import { serverLifetime } from './server-lifetime.js';

// ---------------------------------------------------------------------------------------------------------------
// Routes

export type Api = 'bapi' | 'fapi' | 'platform';
export type RouteName =
  | 'instance'
  | 'domains'
  | 'environment'
  | 'platformDomain'
  | 'platformDomainStatus'
  | 'platformDnsCheck'
  | 'platformConfig';

export interface Route {
  name: RouteName;
  method: 'GET' | 'POST';
  api: Api;
  /** Matches the request path (query string removed); groups are the path parameters, in order. */
  pattern: RegExp;
  /** The path in the API's OpenAPI document (the Backend and Platform documents' server URL ends in `/v1`). */
  specPath: string;
  /** An example request path, for tests that call every route. */
  example: (s: Scenario) => string;
}

export const ROUTES: readonly Route[] = [
  {
    name: 'instance',
    method: 'GET',
    api: 'bapi',
    pattern: /^\/v1\/instance$/,
    specPath: '/instance',
    example: () => '/v1/instance'
  },
  {
    name: 'domains',
    method: 'GET',
    api: 'bapi',
    pattern: /^\/v1\/domains$/,
    specPath: '/domains',
    example: () => '/v1/domains'
  },
  {
    name: 'environment',
    method: 'GET',
    api: 'fapi',
    pattern: /^\/v1\/environment$/,
    specPath: '/v1/environment',
    example: () => '/v1/environment'
  },
  {
    name: 'platformDomain',
    method: 'GET',
    api: 'platform',
    pattern: /^\/v1\/platform\/domains\/([^/]+)$/,
    specPath: '/platform/domains/{domainIDOrName}',
    example: (s) => `/v1/platform/domains/${s.domainName}`
  },
  {
    name: 'platformDomainStatus',
    method: 'GET',
    api: 'platform',
    pattern: /^\/v1\/platform\/applications\/([^/]+)\/domains\/([^/]+)\/status$/,
    specPath: '/platform/applications/{applicationID}/domains/{domainIDOrName}/status',
    example: (s) => `/v1/platform/applications/${s.applicationId}/domains/${s.domainName}/status`
  },
  {
    name: 'platformDnsCheck',
    method: 'POST',
    api: 'platform',
    pattern: /^\/v1\/platform\/applications\/([^/]+)\/domains\/([^/]+)\/dns_check$/,
    specPath: '/platform/applications/{applicationID}/domains/{domainIDOrName}/dns_check',
    example: (s) => `/v1/platform/applications/${s.applicationId}/domains/${s.domainName}/dns_check`
  },
  {
    name: 'platformConfig',
    method: 'GET',
    api: 'platform',
    pattern: /^\/v1\/platform\/applications\/([^/]+)\/instances\/([^/]+)\/config$/,
    specPath: '/platform/applications/{applicationID}/instances/{envOrInsID}/config',
    example: (s) => `/v1/platform/applications/${s.applicationId}/instances/production/config`
  }
];

export const ROUTE_NAMES: readonly RouteName[] = ROUTES.map((r) => r.name);

// ---------------------------------------------------------------------------------------------------------------
// Faults

/** Error statuses a `status` fault can send: a `ClerkErrors` body, except 502 (a gateway's HTML page). */
export const FAULT_STATUSES = [401, 403, 404, 409, 429, 500, 502, 503, 504] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

/** `times`: the fault applies to the first N requests of its route, then the route answers normally. */
export type Fault =
  /** Wait `ms` before going on (with the next fault or the normal answer). */
  | { kind: 'delay'; ms: number; times?: number }
  /** Never answer (the connection stays open until the client gives up or the server closes). */
  | { kind: 'timeout'; times?: number }
  /** Destroy the connection (TCP reset where the socket allows it) without answering. */
  | { kind: 'reset'; times?: number }
  /**
   * Answer `status` with Clerk's error body for it (or `errors`). 429 carries `Retry-After: retryAfter` (default 1;
   * null for none); other statuses carry it only when `retryAfter` is given.
   */
  | { kind: 'status'; status: FaultStatus; times?: number; retryAfter?: number | null; errors?: ClerkError[] }
  /** 200 with `Content-Type: application/json` and a truncated JSON text. */
  | { kind: 'malformed-json'; times?: number }
  /** 200 with valid JSON of the wrong shape for the route (see `WRONG_SCHEMA_BODIES`). */
  | { kind: 'wrong-schema'; times?: number };

/** Faults per route; `all` applies to every route (before the route's own). */
export type Faults = Partial<Record<RouteName | 'all', Fault | Fault[]>>;

/** A body that is not JSON although its content type says so. */
export const MALFORMED_JSON = '{"object":"instance","id":"ins_2Fake","environment_type":"produc';

/** Valid JSON that the route's schema rejects (wrong types, missing fields, an array for an object). */
export const WRONG_SCHEMA_BODIES: Record<RouteName, unknown> = {
  instance: { object: 'instance', id: 42, environment_type: ['production'] },
  domains: [{ name: APP_DOMAIN, frontend_api_url: `https://clerk.${APP_DOMAIN}` }],
  environment: { display_config: { instance_environment_type: 'live' }, user_settings: { social: 'google' } },
  platformDomain: { object: 'domain', id: 'dmn_2Fake', name: 7 },
  platformDomainStatus: { status: 'done', dns: 'ok' },
  platformDnsCheck: { status: 'complete', last_run_at: 'yesterday' },
  platformConfig: { config_version: 1, connection_oauth_google: 'enabled' }
};

/** The catalogue error a `status` fault (or a refused request) sends for `status` on `api`. */
export function catalogueErrorFor(api: Api, status: Exclude<FaultStatus, 502>): CatalogueErrorName {
  switch (status) {
    case 401:
      return api === 'bapi'
        ? 'clerkKeyInvalid'
        : api === 'platform'
          ? 'platformCredentialUnrecognized'
          : 'authenticationInvalid';
    case 403:
      return 'authorizationInvalid';
    case 404:
      return 'resourceNotFound';
    case 409:
      return 'conflict';
    case 429:
      return 'tooManyRequests';
    case 500:
      return 'internalError';
    case 503:
      return 'serviceUnavailable';
    case 504:
      return 'gatewayTimeout';
  }
}

/** What a load balancer in front of an API sends for 502: HTML, not JSON. */
export const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

// ---------------------------------------------------------------------------------------------------------------
// Scenarios

export interface Scenario {
  name: string;
  description: string;
  /** The secret key the Backend API accepts (`Authorization: Bearer <key>`); anything else gets 401. */
  secretKey: string;
  /** The Platform API key accepted; null: the workspace has no Platform API access (every Platform request 401). */
  platformKey: string | null;
  /** The Frontend API host the publishable key names (without port); the fake adds its port. */
  frontendApiHost: string;
  /** The application's primary domain (the Platform API routes' `domainIDOrName`). */
  domainName: string;
  applicationId: string;
  instance: Instance;
  domains: Domains;
  environment: Environment;
  platform: {
    domains: PlatformDomain[];
    /** Domain status by domain name. */
    statuses: Record<string, PlatformDomainStatus>;
    /** DNS check answer by domain name; `'conflict'`: 409, a check ran recently. */
    dnsChecks: Record<string, DnsCheck | 'conflict'>;
    /** Instance config by `envOrInsID` (`production`, `development`, or an instance id). */
    configs: Record<string, PlatformConfig>;
  };
  faults?: Faults;
}

/** The secret keys and Platform key the scenarios accept, made at run time (nothing key-shaped is committed). */
export const KEYS = {
  live: fakeSecret('sk_live_', 'ClerkLive', 1),
  test: fakeSecret('sk_test_', 'ClerkTest', 1),
  platform: fakeSecret('ak_', 'ClerkPlatform', 1),
  /** Shaped right, accepted by no scenario. */
  wrongLive: fakeSecret('sk_live_', 'WrongLive', 2),
  wrongPlatform: fakeSecret('ak_', 'WrongPlatform', 2)
} as const;

const GOOGLE_CLIENT_ID = '123456789012-fakeclientid0000000000000000.apps.googleusercontent.com';

interface ProductionParts {
  name: string;
  description: string;
  /** The domain the Backend and Platform APIs report (default example.test). */
  reportedDomain?: string;
  social?: Parameters<typeof environment>[0]['social'];
  config?: Parameters<typeof platformConfig>[0];
  /** Options of the domain status and DNS check. Default: complete. */
  status?: Omit<PlatformDomainStatusOptions, 'domain'>;
}

function productionScenario(parts: ProductionParts): Scenario {
  const name = parts.reportedDomain ?? APP_DOMAIN;
  const pDomain = platformDomain({ name, instanceEnvironment: 'production' });
  const statusOptions: PlatformDomainStatusOptions = { status: 'complete', ...parts.status, domain: name };
  const status = platformDomainStatus(statusOptions);
  const config = platformConfig(
    parts.config ?? {
      connection_oauth_google: { enabled: true, client_id: GOOGLE_CLIENT_ID, client_secret: fakeOAuthSecret('google') },
      connection_oauth_github: {
        enabled: true,
        client_id: 'Iv1.fakegithubclient0',
        client_secret: fakeOAuthSecret('github')
      }
    }
  );
  return {
    name: parts.name,
    description: parts.description,
    secretKey: KEYS.live,
    platformKey: KEYS.platform,
    frontendApiHost: `clerk.${APP_DOMAIN}`,
    domainName: name,
    applicationId: APPLICATION_ID,
    instance: instance({ environment_type: 'production' }),
    domains: domains([domain({ name })]),
    environment: environment({
      instance_environment_type: 'production',
      social: parts.social ?? { google: true, github: true }
    }),
    platform: {
      domains: [pDomain],
      statuses: { [name]: status },
      dnsChecks: { [name]: dnsCheck({ ...statusOptions, domain_id: pDomain.id }) },
      configs: { production: config, [PRODUCTION_INSTANCE_ID]: config }
    }
  };
}

function developmentScenario(name: string, description: string, social: ProductionParts['social']): Scenario {
  const pDomain = platformDomain({ name: DEV_DOMAIN, instanceEnvironment: 'development' });
  const statusOptions: PlatformDomainStatusOptions = { status: 'complete', domain: DEV_DOMAIN, names: [] };
  const status = platformDomainStatus(statusOptions);
  const connections: Record<string, { enabled: boolean; client_id: string; client_secret: string }> = {};
  for (const [provider, enabled] of Object.entries(social ?? {})) {
    // Development instances use Clerk's shared OAuth credentials: no client id or secret of their own.
    connections[`connection_oauth_${provider}`] = { enabled: enabled !== false, client_id: '', client_secret: '' };
  }
  const config = platformConfig(connections, { config_version: 'v1_0b7d4e19' });
  return {
    name,
    description,
    secretKey: KEYS.test,
    platformKey: KEYS.platform,
    frontendApiHost: DEV_FRONTEND_API_HOST,
    domainName: DEV_DOMAIN,
    applicationId: APPLICATION_ID,
    instance: instance({ environment_type: 'development' }),
    domains: domains([domain({ name: DEV_DOMAIN })]),
    environment: environment({ instance_environment_type: 'development', social }),
    platform: {
      domains: [pDomain],
      statuses: { [DEV_DOMAIN]: status },
      dnsChecks: { [DEV_DOMAIN]: dnsCheck({ ...statusOptions, domain_id: pDomain.id, last_run_at: null }) },
      // The application has no production instance: `production` is not found.
      configs: { development: config, [DEVELOPMENT_INSTANCE_ID]: config }
    }
  };
}

/** Production instance, domain verified, Google and GitHub with the application's own OAuth credentials. */
export function healthyProduction(): Scenario {
  return productionScenario({
    name: 'healthyProduction',
    description: 'production instance; DNS, SSL and mail complete; Google and GitHub with custom credentials'
  });
}

/** The keys belong to a development instance (`environment_type: development`, a `*.clerk.accounts.dev` host). */
export function developmentInstance(): Scenario {
  return developmentScenario('developmentInstance', 'development instance (sk_test_, *.clerk.accounts.dev)', {
    google: true
  });
}

/** Production instance whose domain (`clerk.other-app.test`) is not the publishable key's (`clerk.example.test`). */
export function mismatchedInstance(): Scenario {
  return productionScenario({
    name: 'mismatchedInstance',
    description: `the secret key's instance serves clerk.${OTHER_DOMAIN}; the publishable key names clerk.${APP_DOMAIN}`,
    reportedDomain: OTHER_DOMAIN
  });
}

/** Production instance whose domain is not verified yet: `clkmail` has no CNAME (with a failure hint). */
export function platformIncomplete(): Scenario {
  return productionScenario({
    name: 'platformIncomplete',
    description: 'domain status incomplete: the clkmail CNAME is missing',
    status: { status: 'incomplete', cnames: { clkmail: { verified: false } } }
  });
}

/**
 * Production instance with Google enabled on Clerk's shared development credentials (no client id or secret) and
 * Apple enabled with a Services ID and private key but without its Team ID and Key ID.
 */
export function sharedOAuthProduction(): Scenario {
  return productionScenario({
    name: 'sharedOAuthProduction',
    description: 'production: Google without credentials; Apple without team_id/key_id; GitHub disabled',
    social: { google: true, apple: true, github: false },
    config: {
      connection_oauth_google: { enabled: true, client_id: '', client_secret: '' },
      connection_oauth_apple: {
        enabled: true,
        client_id: 'test.example.signin',
        client_secret: fakeOAuthSecret('apple'),
        key_id: '',
        team_id: '',
        bundle_id: ''
      },
      connection_oauth_github: { enabled: false, client_id: '', client_secret: '' }
    }
  });
}

/** A development instance's Frontend API environment with Google and GitHub enabled and Apple disabled. */
export function devSharedOAuth(): Scenario {
  return developmentScenario(
    'devSharedOAuth',
    'development instance: Google and GitHub on shared credentials, Apple off',
    {
      google: true,
      github: true,
      apple: false
    }
  );
}

/** Every ready-made scenario, by name (each call builds a fresh copy a test may change). */
export const SCENARIOS = {
  healthyProduction,
  developmentInstance,
  mismatchedInstance,
  platformIncomplete,
  sharedOAuthProduction,
  devSharedOAuth
} as const satisfies Record<string, () => Scenario>;
export type ScenarioName = keyof typeof SCENARIOS;

/** `scenario` with `faults` added (a route's faults replace any it had). */
export function withFaults(scenario: Scenario, faults: Faults): Scenario {
  return { ...scenario, faults: { ...scenario.faults, ...faults } };
}

// ---------------------------------------------------------------------------------------------------------------
// The server

export interface RecordedRequest {
  /** The route matched, or null for a path the fake does not serve (answered 404). */
  route: RouteName | null;
  method: string;
  /** The path without its query string. */
  path: string;
  /** The request target as sent (path and query). */
  url: string;
  /** The Host header (the Frontend API host when the gate calls it). */
  host: string | undefined;
  /** All request headers, lower-case names. Authorization is kept: the recorder is test-side. */
  headers: IncomingHttpHeaders;
  body: string;
  /** The status sent, `timeout` (never answered), `reset` (connection destroyed), or null while pending. */
  outcome: number | 'timeout' | 'reset' | null;
  /** The `clerk_trace_id` of the error body sent, if any. */
  traceId?: string;
}

export interface FakeClerkOptions {
  /** Serve HTTPS with this key and certificate (see `test-ca.ts`). */
  tls?: { key: string; cert: string };
  /** Delay every response by this many milliseconds (benchmarks). */
  latencyMs?: number;
  /**
   * Add the fake's port to every `frontend_api_url` served (Backend and Platform API domains), so that they name the
   * same `host:port` as the fake's publishable key, as a real instance's domain names its key's host. Default true;
   * false serves the scenario's URLs as they are.
   */
  portInFrontendApiUrls?: boolean;
}

export interface FakeClerk {
  /** The base URL to use as `clerk-api-url`: `http(s)://127.0.0.1:<port>` (the routes add `/v1/...`). */
  url: string;
  /** Same as `url`: scheme, address and port. */
  origin: string;
  port: number;
  /** The Frontend API host with the fake's port, as the publishable key encodes it: `clerk.example.test:<port>`. */
  frontendApiHost: string;
  /** A publishable key (`pk_live_` for a production instance, else `pk_test_`) for `frontendApiHost`. */
  publishableKey: string;
  /** The scenario in force. */
  readonly scenario: Scenario;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** The requests of one route. */
  requestsTo(route: RouteName): RecordedRequest[];
  /** Switch scenario (fault counters start again; the request record is kept). */
  setScenario(scenario: Scenario): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

function traceId(): string {
  return randomBytes(16).toString('hex');
}

function errorReply(name: CatalogueErrorName, values: Record<string, string> = {}): Reply {
  const entry = clerkError(name, values);
  return { status: statusOf(name), body: clerkErrors([entry], traceId()) };
}

function statusOf(name: CatalogueErrorName): number {
  return (
    {
      clerkKeyInvalid: 401,
      authorizationHeaderFormatInvalid: 401,
      platformCredentialUnrecognized: 401,
      authenticationInvalid: 401,
      authorizationInvalid: 403,
      originAuthorizationConflict: 400,
      resourceNotFound: 404,
      domainNotFound: 404,
      applicationNotFound: 404,
      instanceNotFound: 404,
      conflict: 409,
      tooManyRequests: 429,
      internalError: 500,
      serviceUnavailable: 503,
      gatewayTimeout: 504
    } satisfies Record<CatalogueErrorName, number>
  )[name];
}

/** The bearer token of `headers`, or null when the Authorization header is missing or not `Bearer <token>`. */
function bearer(headers: IncomingHttpHeaders): string | null {
  const match = /^Bearer ([^\s]+)$/.exec(headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** Refusal for a request whose credentials `api` does not accept, or null when they are accepted. */
function authorize(s: Scenario, api: Api, headers: IncomingHttpHeaders): Reply | null {
  if (api === 'fapi') {
    // No key is needed; Clerk refuses a request that sets both Origin and Authorization.
    return headers.origin !== undefined && headers.authorization !== undefined
      ? errorReply('originAuthorizationConflict')
      : null;
  }
  const token = bearer(headers);
  if (token === null) return errorReply('authorizationHeaderFormatInvalid');
  if (api === 'bapi') return token === s.secretKey ? null : errorReply('clerkKeyInvalid');
  return s.platformKey !== null && token === s.platformKey ? null : errorReply('platformCredentialUnrecognized');
}

function findPlatformDomain(s: Scenario, idOrName: string): PlatformDomain | undefined {
  return s.platform.domains.find((d) => d.id === idOrName || d.name === idOrName);
}

/** `url` with `port` added when it has none: `https://clerk.example.test` → `https://clerk.example.test:<port>`. */
export function withPort(url: string, port: number | null): string {
  if (port === null) return url;
  try {
    const parsed = new URL(url);
    if (parsed.port !== '') return url;
    const rest = `${parsed.pathname === '/' ? '' : parsed.pathname}${parsed.search}`;
    return `${parsed.protocol}//${parsed.hostname}:${port}${rest}`;
  } catch {
    return url;
  }
}

/** The normal answer of `route` (credentials already accepted); `port`: the port to add to Frontend API URLs. */
function answer(s: Scenario, route: Route, params: string[], port: number | null): Reply {
  const [first = '', second = ''] = params;
  switch (route.name) {
    case 'instance':
      return { status: 200, body: s.instance };
    case 'domains': {
      const data = s.domains.data.map((d) => ({ ...d, frontend_api_url: withPort(d.frontend_api_url, port) }));
      return { status: 200, body: { ...s.domains, data } };
    }
    case 'environment':
      return { status: 200, body: s.environment };
    case 'platformDomain': {
      const found = findPlatformDomain(s, first);
      return found === undefined
        ? errorReply('domainNotFound', { id: first })
        : { status: 200, body: { ...found, frontend_api_url: withPort(found.frontend_api_url, port) } };
    }
    case 'platformDomainStatus':
    case 'platformDnsCheck': {
      if (first !== s.applicationId) return errorReply('applicationNotFound');
      const found = findPlatformDomain(s, second);
      const table = route.name === 'platformDomainStatus' ? s.platform.statuses : s.platform.dnsChecks;
      const value = found === undefined ? undefined : table[found.name];
      if (value === undefined) return errorReply('domainNotFound', { id: second });
      return value === 'conflict' ? errorReply('conflict') : { status: 200, body: value };
    }
    case 'platformConfig': {
      if (first !== s.applicationId) return errorReply('applicationNotFound');
      const config = s.platform.configs[second];
      return config === undefined
        ? errorReply('instanceNotFound', { instanceID: second })
        : { status: 200, body: config };
    }
  }
}

function faultList(s: Scenario, route: RouteName | null): { key: string; fault: Fault }[] {
  const list = (name: RouteName | 'all'): { key: string; fault: Fault }[] => {
    const value = s.faults?.[name];
    const faults = value === undefined ? [] : Array.isArray(value) ? value : [value];
    return faults.map((fault, i) => ({ key: `${route ?? '-'}:${name}#${i}`, fault }));
  };
  return route === null ? list('all') : [...list('all'), ...list(route)];
}

export async function startFakeClerk(initial: Scenario, options: FakeClerkOptions = {}): Promise<FakeClerk> {
  let scenario = initial;
  let counters = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const lifetime = serverLifetime();

  const { sleep } = lifetime;

  /** True when `fault` still applies (and counts this use of it). */
  const applies = (key: string, fault: Fault): boolean => {
    const used = counters.get(key) ?? 0;
    if (fault.times !== undefined && used >= fault.times) return false;
    counters.set(key, used + 1);
    return true;
  };

  const send = (res: ServerResponse, record: RecordedRequest, reply: Reply): void => {
    if (lifetime.closed || res.destroyed || res.writableEnded) return;
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type': typeof reply.body === 'string' ? 'text/plain' : 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      ...reply.headers
    });
    res.end(text);
    record.outcome = reply.status;
    const body = reply.body as { clerk_trace_id?: unknown } | null;
    if (typeof body === 'object' && body !== null && typeof body.clerk_trace_id === 'string') {
      record.traceId = body.clerk_trace_id;
    }
  };

  const statusReply = (api: Api, fault: Extract<Fault, { kind: 'status' }>): Reply => {
    const retryAfter = fault.retryAfter === undefined ? (fault.status === 429 ? 1 : null) : fault.retryAfter;
    const headers: Record<string, string> = retryAfter === null ? {} : { 'retry-after': String(retryAfter) };
    if (fault.status === 502) {
      return { status: 502, body: BAD_GATEWAY_HTML, headers: { ...headers, 'content-type': 'text/html' } };
    }
    const errors = fault.errors ?? [clerkError(catalogueErrorFor(api, fault.status))];
    return { status: fault.status, body: clerkErrors(errors, traceId()), headers };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: string): Promise<void> => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    let route: Route | undefined;
    let params: string[] = [];
    for (const candidate of ROUTES) {
      const match = candidate.pattern.exec(path);
      if (match !== null && candidate.method === method) {
        route = candidate;
        params = match.slice(1).map((p) => decodeURIComponent(p));
        break;
      }
    }
    const record: RecordedRequest = {
      route: route?.name ?? null,
      method,
      path,
      url,
      host: req.headers.host,
      headers: req.headers,
      body,
      outcome: null
    };
    requests.push(record);
    const s = scenario;
    if (options.latencyMs !== undefined && options.latencyMs > 0) await sleep(options.latencyMs);
    for (const { key, fault } of faultList(s, record.route)) {
      if (!applies(key, fault)) continue;
      switch (fault.kind) {
        case 'delay':
          await sleep(fault.ms);
          continue;
        case 'timeout':
          record.outcome = 'timeout';
          return;
        case 'reset': {
          record.outcome = 'reset';
          const socket = req.socket as Socket & { resetAndDestroy?: () => void };
          try {
            socket.resetAndDestroy?.();
          } catch {
            // TLS sockets cannot send a TCP reset through their wrapper: a plain destroy closes them.
          }
          if (!socket.destroyed) socket.destroy();
          return;
        }
        case 'status':
          send(res, record, statusReply(route?.api ?? 'bapi', fault));
          return;
        case 'malformed-json':
          send(res, record, { status: 200, body: MALFORMED_JSON, headers: { 'content-type': 'application/json' } });
          return;
        case 'wrong-schema':
          send(res, record, { status: 200, body: route === undefined ? {} : WRONG_SCHEMA_BODIES[route.name] });
          return;
      }
    }
    if (route === undefined) {
      send(res, record, errorReply('resourceNotFound'));
      return;
    }
    send(
      res,
      record,
      authorize(s, route.api, req.headers) ??
        answer(s, route, params, options.portInFrontendApiUrls === false ? null : port)
    );
  };

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`fake Clerk failed: ${String(error)}`);
        }
      });
    });
  };

  const server = options.tls === undefined ? http.createServer(listener) : https.createServer(options.tls, listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const origin = `${options.tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`;

  const fake: FakeClerk = {
    url: origin,
    origin,
    port,
    get frontendApiHost() {
      return `${scenario.frontendApiHost}:${port}`;
    },
    get publishableKey() {
      return encodePublishableKey(
        `${scenario.frontendApiHost}:${port}`,
        scenario.instance.environment_type === 'production' ? 'live' : 'test'
      );
    },
    get scenario() {
      return scenario;
    },
    requests,
    requestsTo: (route) => requests.filter((r) => r.route === route),
    setScenario(next) {
      scenario = next;
      counters = new Map();
    },
    close: () => lifetime.close(server)
  };
  return fake;
}
