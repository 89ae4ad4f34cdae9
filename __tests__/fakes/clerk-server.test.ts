/**
 * Tests of the fake Clerk itself: its routes, its key checks, each kind of fault, the request record, and HTTPS with
 * the test CA (trusted through an undici Agent or NODE_EXTRA_CA_CERTS; the untrusted certificate refused).
 */
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { LookupAddress } from 'node:dns';
import { promisify } from 'node:util';
import { Agent, request, type Dispatcher } from 'undici';
import { publishableKey } from '../helpers/keys.js';
import type {
  ClerkErrors,
  Domains,
  Environment,
  Instance,
  PlatformConfig,
  PlatformDomainStatus
} from './clerk-responses.js';
import {
  KEYS,
  ROUTES,
  SCENARIOS,
  healthyProduction,
  startFakeClerk,
  withFaults,
  type FakeClerk,
  type FakeClerkOptions,
  type Route,
  type Scenario
} from './clerk-server.js';
import { DEFAULT_HOSTS, serverCertificate, testCa, untrustedCertificate, writeCaFile } from './test-ca.js';

const run = promisify(execFile);

const fakes: FakeClerk[] = [];
const agents: Dispatcher[] = [];
async function start(scenario: Scenario, options?: FakeClerkOptions): Promise<FakeClerk> {
  const fake = await startFakeClerk(scenario, options);
  fakes.push(fake);
  return fake;
}
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});
afterAll(async () => {
  await Promise.all(agents.map((a) => a.close()));
});

function agent(options: ConstructorParameters<typeof Agent>[0] = {}): Agent {
  const a = new Agent({ keepAliveTimeout: 100, ...options });
  agents.push(a);
  return a;
}
const plain = agent();

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  ms: number;
}

async function get(
  fake: FakeClerk,
  path: string,
  headers: Record<string, string> = {},
  options: { method?: 'GET' | 'POST'; dispatcher?: Dispatcher; headersTimeout?: number; base?: string } = {}
): Promise<Answer> {
  const started = performance.now();
  const res = await request(`${options.base ?? fake.url}${path}`, {
    method: options.method ?? 'GET',
    headers,
    dispatcher: options.dispatcher ?? plain,
    ...(options.headersTimeout === undefined ? {} : { headersTimeout: options.headersTimeout })
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text, ms: performance.now() - started };
}

const bapi = (s: Scenario) => ({ authorization: `Bearer ${s.secretKey}`, 'clerk-api-version': '2026-05-12' });
const platform = (s: Scenario) => ({ authorization: `Bearer ${s.platformKey ?? ''}` });

function route(name: Route['name']): Route {
  return ROUTES.find((r) => r.name === name)!;
}

async function callRoute(
  fake: FakeClerk,
  name: Route['name'],
  options: { dispatcher?: Dispatcher } = {}
): Promise<Answer> {
  const r = route(name);
  const headers = r.api === 'bapi' ? bapi(fake.scenario) : r.api === 'platform' ? platform(fake.scenario) : {};
  return get(fake, r.example(fake.scenario), headers, { method: r.method, ...options });
}

/** The error a rejected request carries, with its `cause` chain flattened to codes and messages. */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const parts: string[] = [];
    // Duck-typed: undici's errors come from another realm than the test's, so `instanceof Error` fails.
    let e = error as { code?: string; name?: string; message?: string; cause?: unknown } | undefined;
    while (typeof e === 'object' && e !== null && typeof e.message === 'string') {
      parts.push(`${e.code ?? e.name ?? 'Error'}: ${e.message}`);
      e = e.cause as typeof e;
    }
    return parts.join(' <- ');
  }
  throw new Error('expected the request to fail');
}

describe('routes', () => {
  it('serve the Backend, Platform and Frontend APIs from one server on 127.0.0.1', async () => {
    const fake = await start(healthyProduction());
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.origin).toBe(fake.url);

    const inst = await get(fake, '/v1/instance', bapi(fake.scenario));
    expect(inst.status).toBe(200);
    expect(inst.headers['content-type']).toBe('application/json');
    expect((JSON.parse(inst.text) as Instance).environment_type).toBe('production');

    const doms = JSON.parse((await get(fake, '/v1/domains', bapi(fake.scenario))).text) as Domains;
    // The domain names the publishable key's host:port, as a real instance's domain names its key's host.
    expect(doms.data.map((d) => d.frontend_api_url)).toEqual([`https://${fake.frontendApiHost}`]);
    expect(doms.data[0]!.cname_targets!.map((t) => [t.host, t.value])).toEqual([
      ['clerk.example.test', 'frontend-api.clerk.services'],
      ['accounts.example.test', 'accounts.clerk.services'],
      ['clkmail.example.test', 'mail.k3x9q2m7p4ab.clerk.services'],
      ['clk._domainkey.example.test', 'dkim1.k3x9q2m7p4ab.clerk.services'],
      ['clk2._domainkey.example.test', 'dkim2.k3x9q2m7p4ab.clerk.services']
    ]);

    // The Frontend API answers on any Host, with no key.
    const env = await get(fake, '/v1/environment', { host: fake.frontendApiHost });
    expect(env.status).toBe(200);
    const environment = JSON.parse(env.text) as Environment;
    expect(environment.display_config.instance_environment_type).toBe('production');
    expect(environment.user_settings.social.oauth_google).toMatchObject({
      enabled: true,
      name: 'Google',
      strategy: 'oauth_google'
    });

    for (const name of ['platformDomain', 'platformDomainStatus', 'platformDnsCheck', 'platformConfig'] as const) {
      const answer = await callRoute(fake, name);
      expect([name, answer.status]).toEqual([name, 200]);
    }
    // POST for the DNS check only: GET of it is no route.
    const s = fake.scenario;
    expect((await get(fake, route('platformDnsCheck').example(s), platform(s))).status).toBe(404);
    expect((await get(fake, '/v1/users', bapi(s))).status).toBe(404);
  });

  it('records method, path, query, Host, headers and body of every request, and what it answered', async () => {
    const fake = await start(healthyProduction());
    await get(fake, '/v1/instance?x=1', bapi(fake.scenario));
    await get(fake, '/v1/environment', { host: fake.frontendApiHost });
    await get(
      fake,
      route('platformDnsCheck').example(fake.scenario),
      { ...platform(fake.scenario), 'content-type': 'application/json' },
      {
        method: 'POST'
      }
    );
    expect(fake.requests.map((r) => [r.route, r.method, r.path, r.outcome])).toEqual([
      ['instance', 'GET', '/v1/instance', 200],
      ['environment', 'GET', '/v1/environment', 200],
      [
        'platformDnsCheck',
        'POST',
        `/v1/platform/applications/${fake.scenario.applicationId}/domains/example.test/dns_check`,
        200
      ]
    ]);
    const [inst, env] = fake.requests;
    expect(inst!.url).toBe('/v1/instance?x=1');
    expect(inst!.headers.authorization).toBe(`Bearer ${KEYS.live}`);
    expect(inst!.headers['clerk-api-version']).toBe('2026-05-12');
    expect(env!.host).toBe(fake.frontendApiHost);
    expect(env!.headers.authorization).toBeUndefined();
    expect(env!.headers.origin).toBeUndefined();
    expect(fake.requestsTo('platformDnsCheck')).toHaveLength(1);
  });

  it('add the port to Frontend API URLs unless told not to', async () => {
    const fake = await start(healthyProduction(), { portInFrontendApiUrls: false });
    const doms = JSON.parse((await get(fake, '/v1/domains', bapi(fake.scenario))).text) as Domains;
    expect(doms.data[0]!.frontend_api_url).toBe('https://clerk.example.test');
    const pd = JSON.parse((await callRoute(fake, 'platformDomain')).text) as { frontend_api_url: string };
    expect(pd.frontend_api_url).toBe('https://clerk.example.test');
    const withPort = await start(healthyProduction());
    const pd2 = JSON.parse((await callRoute(withPort, 'platformDomain')).text) as { frontend_api_url: string };
    expect(pd2.frontend_api_url).toBe(`https://clerk.example.test:${withPort.port}`);
  });

  it('give a publishable key that encodes the Frontend API host with the port', async () => {
    const fake = await start(healthyProduction());
    expect(fake.frontendApiHost).toBe(`clerk.example.test:${fake.port}`);
    expect(fake.publishableKey).toBe(publishableKey(`clerk.example.test:${fake.port}`, 'live'));
    fake.setScenario(SCENARIOS.developmentInstance());
    expect(fake.publishableKey).toBe(publishableKey(`happy-hippo-12.clerk.accounts.dev:${fake.port}`, 'test'));
  });
});

describe('keys', () => {
  it('the Backend API refuses a wrong secret key with clerk_key_invalid and a trace id, echoing no key', async () => {
    const fake = await start(healthyProduction());
    const answer = await get(fake, '/v1/instance', { authorization: `Bearer ${KEYS.wrongLive}` });
    expect(answer.status).toBe(401);
    const body = JSON.parse(answer.text) as ClerkErrors;
    expect(body.errors.map((e) => e.code)).toEqual(['clerk_key_invalid']);
    expect(body.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(fake.requests[0]!.traceId).toBe(body.clerk_trace_id);
    expect(answer.text).not.toContain(KEYS.wrongLive);
    expect(JSON.stringify(answer.headers)).not.toContain(KEYS.wrongLive);

    const missing = JSON.parse((await get(fake, '/v1/domains')).text) as ClerkErrors;
    expect(missing.errors[0]!.code).toBe('authorization_header_format_invalid');
    // A Platform key is no secret key.
    expect((await get(fake, '/v1/instance', { authorization: `Bearer ${KEYS.platform}` })).status).toBe(401);
  });

  it('the Platform API refuses a wrong key, a secret key, and every key when the scenario has no Platform access', async () => {
    const fake = await start(healthyProduction());
    const path = route('platformConfig').example(fake.scenario);
    for (const key of [KEYS.wrongPlatform, KEYS.live]) {
      const answer = await get(fake, path, { authorization: `Bearer ${key}` });
      expect(answer.status).toBe(401);
      expect((JSON.parse(answer.text) as ClerkErrors).errors[0]!.code).toBe('platform_api_unrecognized_credential');
      expect(answer.text).not.toContain(key);
    }
    fake.setScenario({ ...healthyProduction(), platformKey: null });
    expect((await get(fake, path, { authorization: `Bearer ${KEYS.platform}` })).status).toBe(401);
  });

  it('the Frontend API needs no key, but refuses Origin together with Authorization', async () => {
    const fake = await start(healthyProduction());
    expect((await get(fake, '/v1/environment', { origin: 'https://example.test' })).status).toBe(200);
    const both = await get(fake, '/v1/environment', { origin: 'https://example.test', authorization: 'Bearer x' });
    expect(both.status).toBe(400);
    expect((JSON.parse(both.text) as ClerkErrors).errors[0]!.code).toBe('origin_authorization_headers_conflict');
  });
});

describe('faults', () => {
  it('timeout: never answers (the client gives up), and close() still ends at once', async () => {
    const fake = await start(withFaults(healthyProduction(), { instance: { kind: 'timeout' } }));
    const error = await failure(get(fake, '/v1/instance', bapi(fake.scenario), { headersTimeout: 300 }));
    expect(error).toContain('UND_ERR_HEADERS_TIMEOUT');
    expect(fake.requests[0]!.outcome).toBe('timeout');
    // Other routes are unaffected.
    expect((await get(fake, '/v1/domains', bapi(fake.scenario))).status).toBe(200);
    // A request left hanging does not keep close() waiting.
    const hanging = get(fake, '/v1/instance', bapi(fake.scenario)).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await fake.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await hanging).toHaveProperty('message');
  });

  it('reset: destroys the connection without an answer', async () => {
    const fake = await start(withFaults(healthyProduction(), { domains: { kind: 'reset' } }));
    const error = await failure(get(fake, '/v1/domains', bapi(fake.scenario)));
    expect(error).toMatch(/ECONNRESET|UND_ERR_SOCKET|other side closed/);
    expect(fake.requests[0]!.outcome).toBe('reset');
  });

  it('429 with Retry-After the first N times, then the normal answer', async () => {
    const fake = await start(
      withFaults(healthyProduction(), { instance: { kind: 'status', status: 429, retryAfter: 1, times: 1 } })
    );
    const first = await get(fake, '/v1/instance', bapi(fake.scenario));
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('1');
    expect((JSON.parse(first.text) as ClerkErrors).errors[0]).toMatchObject({
      code: 'too_many_requests',
      message: 'Too many requests'
    });
    const second = await get(fake, '/v1/instance', bapi(fake.scenario));
    expect(second.status).toBe(200);
    expect(second.headers['retry-after']).toBeUndefined();
    // setScenario starts the count again.
    fake.setScenario(fake.scenario);
    expect((await get(fake, '/v1/instance', bapi(fake.scenario))).status).toBe(429);
  });

  it('500, 502, 503 for the first N requests; 502 is a gateway HTML page', async () => {
    const fake = await start(
      withFaults(healthyProduction(), {
        domains: { kind: 'status', status: 500, times: 2 },
        environment: { kind: 'status', status: 502, times: 1 },
        instance: { kind: 'status', status: 503, retryAfter: 5, times: 1 }
      })
    );
    const s = fake.scenario;
    expect([
      (await get(fake, '/v1/domains', bapi(s))).status,
      (await get(fake, '/v1/domains', bapi(s))).status
    ]).toEqual([500, 500]);
    expect((await get(fake, '/v1/domains', bapi(s))).status).toBe(200);
    const gateway = await get(fake, '/v1/environment');
    expect([gateway.status, gateway.headers['content-type']]).toEqual([502, 'text/html']);
    expect(gateway.text).toContain('502 Bad Gateway');
    const unavailable = await get(fake, '/v1/instance', bapi(s));
    expect([unavailable.status, unavailable.headers['retry-after']]).toEqual([503, '5']);
    expect((JSON.parse(unavailable.text) as ClerkErrors).errors[0]!.code).toBe('service_unavailable');
  });

  it('401 and 403 with ClerkErrors bodies, even with the right key', async () => {
    const fake = await start(
      withFaults(healthyProduction(), {
        platformConfig: { kind: 'status', status: 403 },
        instance: { kind: 'status', status: 401 }
      })
    );
    const forbidden = await callRoute(fake, 'platformConfig');
    expect(forbidden.status).toBe(403);
    expect((JSON.parse(forbidden.text) as ClerkErrors).errors[0]!.code).toBe('authorization_invalid');
    const unauthorized = await callRoute(fake, 'instance');
    expect(unauthorized.status).toBe(401);
    expect((JSON.parse(unauthorized.text) as ClerkErrors).errors[0]!.code).toBe('clerk_key_invalid');
    expect(unauthorized.text).not.toContain(KEYS.live);
  });

  it('malformed-json: 200, application/json, not JSON', async () => {
    const fake = await start(withFaults(healthyProduction(), { environment: { kind: 'malformed-json' } }));
    const answer = await get(fake, '/v1/environment');
    expect([answer.status, answer.headers['content-type']]).toEqual([200, 'application/json']);
    expect(() => JSON.parse(answer.text) as unknown).toThrow(SyntaxError);
  });

  it('wrong-schema: 200, valid JSON of the wrong shape', async () => {
    const fake = await start(withFaults(healthyProduction(), { instance: { kind: 'wrong-schema' } }));
    const body = JSON.parse((await get(fake, '/v1/instance', bapi(fake.scenario))).text) as Record<string, unknown>;
    expect(typeof body.id).not.toBe('string');
    expect(typeof body.environment_type).not.toBe('string');
  });

  it('delay per route, the latencyMs option on every route, and faults for all routes', async () => {
    const fake = await start(withFaults(healthyProduction(), { domains: { kind: 'delay', ms: 150 } }));
    expect((await get(fake, '/v1/domains', bapi(fake.scenario))).ms).toBeGreaterThanOrEqual(140);
    expect((await get(fake, '/v1/instance', bapi(fake.scenario))).ms).toBeLessThan(140);

    const slow = await start(healthyProduction(), { latencyMs: 120 });
    for (const name of ['instance', 'environment', 'platformConfig'] as const) {
      expect((await callRoute(slow, name)).ms).toBeGreaterThanOrEqual(110);
    }

    const all = await start(withFaults(healthyProduction(), { all: { kind: 'status', status: 503, times: 1 } }));
    expect((await callRoute(all, 'instance')).status).toBe(503);
    expect((await callRoute(all, 'platformDomainStatus')).status).toBe(503);
    expect((await callRoute(all, 'instance')).status).toBe(200);
  });

  it('several faults on one route apply in order: a delay, then a reset once, then the answer', async () => {
    const fake = await start(
      withFaults(healthyProduction(), {
        instance: [
          { kind: 'delay', ms: 60 },
          { kind: 'reset', times: 1 }
        ]
      })
    );
    await failure(get(fake, '/v1/instance', bapi(fake.scenario)));
    const ok = await get(fake, '/v1/instance', bapi(fake.scenario));
    expect(ok.status).toBe(200);
    expect(ok.ms).toBeGreaterThanOrEqual(55);
    expect(fake.requests.map((r) => r.outcome)).toEqual(['reset', 200]);
  });
});

describe('ready-made scenarios', () => {
  async function body<T>(fake: FakeClerk, name: Route['name']): Promise<T> {
    return JSON.parse((await callRoute(fake, name)).text) as T;
  }

  it('developmentInstance: a development instance behind a *.clerk.accounts.dev host, sk_test_ key', async () => {
    const fake = await start(SCENARIOS.developmentInstance());
    expect(fake.scenario.secretKey.startsWith('sk_test_')).toBe(true);
    expect((await body<Instance>(fake, 'instance')).environment_type).toBe('development');
    expect((await body<Domains>(fake, 'domains')).data[0]!.frontend_api_url).toBe(`https://${fake.frontendApiHost}`);
    expect(fake.frontendApiHost).toBe(`happy-hippo-12.clerk.accounts.dev:${fake.port}`);
    expect((await body<Environment>(fake, 'environment')).display_config.instance_environment_type).toBe('development');
    expect((await callRoute(fake, 'platformConfig')).status).toBe(404);
  });

  it('mismatchedInstance: the domain Clerk reports is not the publishable key’s', async () => {
    const fake = await start(SCENARIOS.mismatchedInstance());
    const reported = new URL((await body<Domains>(fake, 'domains')).data[0]!.frontend_api_url).host;
    expect(reported).toBe(`clerk.other-app.test:${fake.port}`);
    expect(fake.frontendApiHost.startsWith('clerk.example.test:')).toBe(true);
  });

  it('platformIncomplete: status incomplete, clkmail unverified with a failure hint', async () => {
    const fake = await start(SCENARIOS.platformIncomplete());
    const status = await body<PlatformDomainStatus>(fake, 'platformDomainStatus');
    expect(status.status).toBe('incomplete');
    expect(status.dns.status).toBe('in_progress');
    const unverified = Object.entries(status.dns.cnames).filter(([, c]) => !c.verified);
    expect(unverified.map(([name]) => name)).toEqual(['clkmail']);
    expect(unverified[0]![1].failure_hints!.length).toBeGreaterThan(0);
    expect(status.mail).toEqual({ status: 'not_started', required: true });
  });

  it('sharedOAuthProduction: Google enabled without credentials, Apple without team_id and key_id', async () => {
    const fake = await start(SCENARIOS.sharedOAuthProduction());
    const config = await body<PlatformConfig>(fake, 'platformConfig');
    expect(config.connection_oauth_google).toMatchObject({ enabled: true, client_id: '', client_secret: '' });
    expect(config.connection_oauth_apple).toMatchObject({ enabled: true, team_id: '', key_id: '' });
    expect((config.connection_oauth_apple as { client_id: string }).client_id).not.toBe('');
    const social = (await body<Environment>(fake, 'environment')).user_settings.social;
    expect([social.oauth_google?.enabled, social.oauth_apple?.enabled, social.oauth_github?.enabled]).toEqual([
      true,
      true,
      false
    ]);
  });

  it('devSharedOAuth: a development environment with Google and GitHub on, Apple off', async () => {
    const fake = await start(SCENARIOS.devSharedOAuth());
    const env = await body<Environment>(fake, 'environment');
    expect(env.display_config.instance_environment_type).toBe('development');
    const social = env.user_settings.social;
    expect([social.oauth_google?.enabled, social.oauth_github?.enabled, social.oauth_apple?.enabled]).toEqual([
      true,
      true,
      false
    ]);
    expect(social.oauth_github?.name).toBe('GitHub');
  });

  it('every scenario’s Frontend API host is one the default test certificate names', () => {
    for (const make of Object.values(SCENARIOS)) expect(DEFAULT_HOSTS).toContain(make().frontendApiHost);
  });
});

describe('HTTPS with the test CA', () => {
  /** An agent that trusts the test CA and resolves every host to 127.0.0.1, as the gate will through its fake DNS. */
  function trustingAgent(): Agent {
    return agent({
      connect: {
        ca: testCa().cert,
        lookup: (_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
          const address: LookupAddress = { address: '127.0.0.1', family: 4 };
          if (options.all === true) callback(null, [address]);
          else callback(null, address.address, address.family);
        }
      } as Agent.Options['connect']
    });
  }

  it('a client that trusts the CA reaches every API, the Frontend API by its host name (SNI, name check)', async () => {
    const fake = await start(healthyProduction(), { tls: serverCertificate() });
    expect(fake.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const dispatcher = trustingAgent();
    expect((await callRoute(fake, 'instance', { dispatcher })).status).toBe(200);
    expect((await callRoute(fake, 'platformDomainStatus', { dispatcher })).status).toBe(200);
    const env = await get(fake, '/v1/environment', {}, { dispatcher, base: `https://${fake.frontendApiHost}` });
    expect(env.status).toBe(200);
    expect(fake.requestsTo('environment')[0]!.host).toBe(fake.frontendApiHost);
  });

  it('a client that does not trust the CA refuses the server certificate', async () => {
    const fake = await start(healthyProduction(), { tls: serverCertificate() });
    const error = await failure(get(fake, '/v1/instance', bapi(fake.scenario), { dispatcher: agent() }));
    expect(error).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT/);
  });

  it('the untrusted self-signed certificate is refused even by a client that trusts the CA', async () => {
    const fake = await start(healthyProduction(), { tls: untrustedCertificate() });
    const error = await failure(get(fake, '/v1/instance', bapi(fake.scenario), { dispatcher: trustingAgent() }));
    expect(error).toMatch(/DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT/);
    expect(fake.requests).toEqual([]);
  });

  it('a certificate for other names is refused for the Frontend API host', async () => {
    const fake = await start(healthyProduction(), { tls: serverCertificate(['elsewhere.test']) });
    const error = await failure(
      get(fake, '/v1/environment', {}, { dispatcher: trustingAgent(), base: `https://${fake.frontendApiHost}` })
    );
    expect(error).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID/);
  });

  it('writeCaFile: NODE_EXTRA_CA_CERTS makes a child Node process trust the fake; cleanup removes the file', async () => {
    const fake = await start(healthyProduction(), { tls: serverCertificate() });
    const ca = writeCaFile();
    try {
      expect(readFileSync(ca.file, 'utf8')).toBe(testCa().cert);
      const script = `fetch(${JSON.stringify(`${fake.url}/v1/environment`)}).then((r) => console.log(r.status), (e) => { console.log(String(e.cause?.code ?? e)); process.exitCode = 1; })`;
      const env = { ...process.env, NODE_OPTIONS: '', NODE_EXTRA_CA_CERTS: ca.file };
      const { stdout } = await run(process.execPath, ['-e', script], { env });
      expect(stdout.trim()).toBe('200');
    } finally {
      ca.cleanup();
    }
    expect(existsSync(ca.file)).toBe(false);
  });
});
