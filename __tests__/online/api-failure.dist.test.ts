/**
 * Fault injection through the shipped CLI bundle: every endpoint the online checks call (Backend API instance and
 * domains, the Frontend API environment, the Platform API domain, status, DNS check and config) meets every kind
 * of failure, and so does DNS. Each case: a verdict (exit 0 or 1, never 2), one clear line naming the endpoint with
 * Clerk's trace id when the fake sent one, no stack trace, no "internal error", no key. Every case has its own
 * world, so they run concurrently.
 */
import { describe, expect, it } from '@jest/globals';
import {
  devSharedOAuth,
  healthyProduction,
  KEYS,
  startFakeClerk,
  withFaults,
  type Fault,
  type RouteName
} from '../fakes/clerk-server.js';
import { APPLICATION_ID } from '../fakes/clerk-responses.js';
import type { Zone } from '../fakes/dns-server.js';
import { untrustedCertificate } from '../fakes/test-ca.js';
import { publishableKey } from '../helpers/keys.js';
import {
  checkOf,
  findingsOf,
  instanceVariables,
  leaks,
  runOnlineCli,
  type OnlineCliRun,
  type OnlineWorld,
  inWorld,
  notPassing
} from '../helpers/online-world.js';
import { crashLines } from '../helpers/run-dist-action.js';

const TIMEOUT = 60_000;
const SECRETS = [KEYS.live, KEYS.platform];
const FIX_API = 'a refused key must be replaced';

function expectCleanRun(run: OnlineCliRun): void {
  expect([0, 1]).toContain(run.code);
  expect(crashLines(run)).toEqual([]);
  expect(leaks({ stdout: run.stdout, stderr: run.stderr }, SECRETS)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------------------
// The endpoints

interface Endpoint {
  route: RouteName;
  /** Flags the call needs (the DNS check is made only with --dns-check). */
  args: string[];
  /** What the message names: `GET https://127.0.0.1:PORT/v1/instance`, or the Frontend API host. */
  name(world: OnlineWorld): string;
  /** The online checks that are not `pass` when the call fails. */
  failed: Record<string, string>;
  /** The field a wrong-schema body is reported by. */
  field: string;
  /** The Frontend API: its failure is `frontend-api-unreachable` (an error whatever on-api-error says). */
  frontend?: true;
}

const platformApp = (world: OnlineWorld): string => `${world.clerk.url}/v1/platform/applications/${APPLICATION_ID}`;
const domainId = (world: OnlineWorld): string => world.clerk.scenario.platform.domains[0]?.id ?? '(none)';

const ENDPOINTS: Endpoint[] = [
  {
    route: 'instance',
    args: [],
    name: (w) => `GET ${w.clerk.url}/v1/instance`,
    failed: { 'instance-not-production': 'error', 'clerk-api-error': 'fail' },
    field: 'id'
  },
  {
    route: 'domains',
    args: [],
    name: (w) => `GET ${w.clerk.url}/v1/domains`,
    failed: {
      'key-instance-mismatch': 'error',
      'dns-record-missing': 'error',
      'dns-record-wrong-target': 'error',
      'dns-record-proxied': 'error',
      'caa-blocks-certificates': 'skipped',
      'clerk-api-error': 'fail'
    },
    // The body is an array where an object belongs: no field to name.
    field: '(the body)'
  },
  {
    route: 'environment',
    args: [],
    name: (w) => w.clerk.frontendApiHost,
    failed: { 'frontend-api-unreachable': 'fail' },
    field: 'display_config.instance_environment_type',
    frontend: true
  },
  {
    route: 'platformDomain',
    args: [],
    name: (w) => `GET ${w.clerk.url}/v1/platform/domains/example.test`,
    failed: { 'shared-oauth-credentials': 'error', 'dns-not-verified': 'error', 'clerk-api-error': 'fail' },
    field: 'name'
  },
  {
    route: 'platformDomainStatus',
    args: [],
    name: (w) => `GET ${platformApp(w)}/domains/${domainId(w)}/status`,
    failed: { 'dns-not-verified': 'error', 'clerk-api-error': 'fail' },
    field: 'status'
  },
  {
    route: 'platformDnsCheck',
    args: ['--dns-check'],
    name: (w) => `POST ${platformApp(w)}/domains/${domainId(w)}/dns_check`,
    failed: { 'dns-not-verified': 'error', 'clerk-api-error': 'fail' },
    field: 'dns'
  },
  {
    route: 'platformConfig',
    args: [],
    name: (w) => `GET ${platformApp(w)}/instances/production/config`,
    failed: { 'shared-oauth-credentials': 'error', 'clerk-api-error': 'fail' },
    field: '(see the failing test below)'
  }
];

/** Clerk's error code and words for a refused key, per API. */
function refusal(route: RouteName, status: 401 | 403): string {
  if (status === 403) return 'HTTP 403, authorization_invalid: You are not authorized to perform this request';
  if (route === 'environment') return 'HTTP 401, authentication_invalid: the key was not accepted';
  if (route.startsWith('platform')) {
    return 'HTTP 401, platform_api_unrecognized_credential: The credential format is not recognized for the Platform API.';
  }
  return 'HTTP 401, clerk_key_invalid: the secret key is invalid or revoked';
}

// ---------------------------------------------------------------------------------------------------------------
// The faults

interface FaultKind {
  kind: string;
  faults: Fault | Fault[];
  args?: string[];
  /** How many requests the route gets (retries included). */
  requests: number;
  /** `pass`: the retries hid the fault. Otherwise the reason the message gives (after `<endpoint>: `). */
  outcome: 'pass' | { reason: (e: Endpoint) => RegExp; severity: 'error' | 'warning' };
  /** At least this long (a Retry-After that was honoured). */
  atLeastMs?: number;
}

const exact = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
const TRACE = / \(Clerk trace id [0-9a-f]{32}\)$/;

const KINDS: FaultKind[] = [
  {
    kind: 'timeout (--api-timeout 1)',
    faults: { kind: 'timeout' },
    args: ['--api-timeout', '1'],
    requests: 1,
    outcome: { reason: () => /^timed out/, severity: 'error' }
  },
  {
    kind: 'connection reset, every time',
    faults: { kind: 'reset' },
    requests: 3,
    outcome: { reason: () => /^connection (reset|closed)$/, severity: 'error' }
  },
  { kind: 'connection reset once, then an answer', faults: { kind: 'reset', times: 1 }, requests: 2, outcome: 'pass' },
  {
    kind: '429 with Retry-After: 1, then an answer',
    faults: { kind: 'status', status: 429, retryAfter: 1, times: 1 },
    requests: 2,
    outcome: 'pass',
    atLeastMs: 1000
  },
  {
    kind: '500, then 503, then an answer',
    faults: [
      { kind: 'status', status: 500, times: 1 },
      { kind: 'status', status: 503, times: 1 }
    ],
    requests: 3,
    outcome: 'pass'
  },
  {
    kind: '503 every time',
    faults: { kind: 'status', status: 503 },
    requests: 3,
    outcome: { reason: () => /^HTTP 503, service_unavailable: Service unavailable \(Clerk trace id/, severity: 'error' }
  },
  {
    kind: 'malformed JSON',
    faults: { kind: 'malformed-json' },
    requests: 1,
    outcome: { reason: () => exact('unexpected response (HTTP 200): the body is not JSON'), severity: 'error' }
  },
  {
    kind: 'a body of the wrong schema',
    faults: { kind: 'wrong-schema' },
    requests: 1,
    outcome: { reason: (e) => exact(`unexpected response (HTTP 200): unexpected ${e.field}: `), severity: 'error' }
  },
  {
    kind: '401, with --on-api-error warn',
    faults: { kind: 'status', status: 401 },
    args: ['--on-api-error', 'warn'],
    requests: 1,
    outcome: { reason: (e) => exact(refusal(e.route, 401)), severity: 'error' }
  },
  {
    kind: '403, with --on-api-error warn',
    faults: { kind: 'status', status: 403 },
    args: ['--on-api-error', 'warn'],
    requests: 1,
    outcome: { reason: (e) => exact(refusal(e.route, 403)), severity: 'error' }
  },
  {
    kind: '503 every time, with --on-api-error warn',
    faults: { kind: 'status', status: 503 },
    args: ['--on-api-error', 'warn'],
    requests: 3,
    outcome: { reason: () => /^HTTP 503, service_unavailable/, severity: 'warning' }
  },
  {
    kind: 'timeout, with --on-api-error warn',
    faults: { kind: 'timeout' },
    args: ['--api-timeout', '1', '--on-api-error', 'warn'],
    requests: 1,
    outcome: { reason: () => /^timed out/, severity: 'warning' }
  }
];

/**
 * Endpoints whose failures do not hide one another, faulted in one run: the calls of round one (instance, domains,
 * Frontend API, Platform domain); the Platform status and config (which wait for the Platform domain); the DNS
 * check (whose failure means the status is not read). Every endpoint meets every kind, in three runs a kind.
 */
const byRoute = (route: RouteName): Endpoint => {
  const found = ENDPOINTS.find((e) => e.route === route);
  if (!found) throw new Error(`no endpoint ${route}`);
  return found;
};
const GROUPS: Endpoint[][] = [
  [byRoute('instance'), byRoute('domains'), byRoute('environment'), byRoute('platformDomain')],
  [byRoute('platformDomainStatus'), byRoute('platformConfig')],
  [byRoute('platformDnsCheck')]
];

const CASES = KINDS.flatMap((kind) =>
  GROUPS.map((group) =>
    // The config's wrong-schema case is the failing test below.
    group.filter((e) => !(e.route === 'platformConfig' && kind.kind === 'a body of the wrong schema'))
  ).map((group) => ({ title: `${kind.kind}: ${group.map((e) => e.route).join(', ')}`, group, kind }))
);

describe('every endpoint meets every fault', () => {
  it('covers every endpoint with every kind of fault', () => {
    const covered = new Set(CASES.flatMap(({ group, kind }) => group.map((e) => `${e.route} ${kind.kind}`)));
    expect(covered.size).toBe(ENDPOINTS.length * KINDS.length - 1);
  });

  it.concurrent.each(CASES)(
    '$title',
    ({ group, kind }) => {
      const faults = Object.fromEntries(group.map((e) => [e.route, kind.faults]));
      return inWorld(withFaults(healthyProduction(), faults), {}, async (world) => {
        const args = [...new Set(group.flatMap((e) => e.args)), ...(kind.args ?? [])];
        const started = Date.now();
        const run = await runOnlineCli(world, instanceVariables(world), args);
        const elapsed = Date.now() - started;
        expectCleanRun(run);
        for (const endpoint of group) {
          expect([endpoint.route, world.clerk.requestsTo(endpoint.route).length]).toEqual([
            endpoint.route,
            kind.requests
          ]);
        }

        if (kind.outcome === 'pass') {
          expect(run.code).toBe(0);
          expect(run.report.findings).toEqual([]);
          expect(notPassing(run)).toEqual({});
          expect(elapsed).toBeGreaterThanOrEqual(kind.atLeastMs ?? 0);
          return;
        }

        const outcome = kind.outcome;
        const severities = group.map((endpoint) => {
          const name = endpoint.name(world);
          const trace = world.clerk.requestsTo(endpoint.route).at(-1)?.traceId;
          // The Frontend API's failure is frontend-api-unreachable: an error, but for what may be the runner's own
          // network (a timeout, a reset), which on-api-error decides.
          const finding = endpoint.frontend
            ? findingsOf(run.report, 'frontend-api-unreachable')[0]
            : run.report.findings.find((f) => f.rule === 'clerk-api-error' && f.variable === name);
          const runnerSide = kind.kind === 'timeout, with --on-api-error warn';
          const severity = endpoint.frontend ? (runnerSide ? 'warning' : 'error') : outcome.severity;
          expect([endpoint.route, finding]).toEqual([
            endpoint.route,
            expect.objectContaining({
              severity,
              location: { source: 'clerk-api' },
              fix: expect.stringContaining(endpoint.frontend ? 'DNS verified and SSL issued' : FIX_API)
            })
          ]);
          const message = finding?.message ?? '';
          expect(message).not.toContain('\n');
          const prefix = endpoint.frontend ? `${name} does not answer: ` : `${name}: `;
          expect([endpoint.route, message.startsWith(prefix)]).toEqual([endpoint.route, true]);
          const text = message.slice(prefix.length).replace(/\.$/, '');
          expect(text).toMatch(outcome.reason(endpoint));
          if (trace) expect(text).toContain(`(Clerk trace id ${trace})`);
          else expect(text).not.toMatch(TRACE);
          for (const [id, status] of Object.entries(endpoint.failed)) {
            if (status === 'error') expect(checkOf(run.report, id).detail).toContain(name);
          }
          return severity;
        });

        // One finding per failed call, nothing else; the checks that needed a call say so.
        expect(run.report.findings).toHaveLength(group.length);
        expect(notPassing(run)).toEqual(Object.assign({}, ...group.map((e) => e.failed)));
        expect(run.code).toBe(severities.includes('error') ? 1 : 0);
      });
    },
    TIMEOUT
  );

  // The fake's wrong-schema config is `{ config_version: 1, connection_oauth_google: 'enabled' }`: both fields are
  // wrong, and the gate fails closed naming the endpoint and one of them (an unreadable connection might be one on
  // shared credentials).
  it.concurrent(
    'platformConfig: a body of the wrong schema is an error naming the endpoint and the field',
    () =>
      inWorld(withFaults(healthyProduction(), { platformConfig: { kind: 'wrong-schema' } }), {}, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world));
        expectCleanRun(run);
        expect(run.code).toBe(1);
        const [finding] = findingsOf(run.report, 'clerk-api-error');
        expect(finding?.message).toContain(`GET ${platformApp(world)}/instances/production/config: `);
        expect(finding?.message).toMatch(/: unexpected (config_version|connection_oauth_google): /);
      }),
    TIMEOUT
  );
});

describe('an instance config the gate cannot read', () => {
  it.concurrent(
    'a connection_oauth_<provider> that is no object fails closed, naming the endpoint and the field',
    () => {
      const scenario = healthyProduction();
      scenario.platform.configs.production = {
        ...scenario.platform.configs.production,
        connection_oauth_google: 'enabled'
      } as unknown as (typeof scenario.platform.configs)['production'];
      return inWorld(scenario, {}, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world));
        expectCleanRun(run);
        expect(run.code).toBe(1);
        const [finding] = findingsOf(run.report, 'clerk-api-error');
        expect(finding?.message).toContain(`GET ${platformApp(world)}/instances/production/config: `);
        expect(finding?.message).toContain('unexpected connection_oauth_google: ');
        expect(run.report.checks.find((c) => c.id === 'shared-oauth-credentials')?.status).toBe('error');
      });
    },
    TIMEOUT
  );
});

describe('the Frontend API of a development key', () => {
  it.concurrent.each([
    { kind: '503 every time', fault: { kind: 'status', status: 503 } as Fault, args: [], severity: 'error' },
    {
      kind: '503 every time, with --on-api-error warn',
      fault: { kind: 'status', status: 503 } as Fault,
      args: ['--on-api-error', 'warn'],
      severity: 'warning'
    }
  ])(
    '$kind: a clerk-api-error naming GET https://<dev host>/v1/environment',
    ({ fault, args, severity }) =>
      inWorld(withFaults(devSharedOAuth(), { environment: fault }), {}, async (world) => {
        const run = await runOnlineCli(world, { NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: world.clerk.publishableKey }, args);
        expectCleanRun(run);
        const trace = world.clerk.requestsTo('environment').at(-1)?.traceId ?? '(none)';
        expect(findingsOf(run.report, 'clerk-api-error')).toEqual([
          expect.objectContaining({
            severity,
            location: { source: 'clerk-api' },
            message: `GET https://${world.clerk.frontendApiHost}/v1/environment: HTTP 503, service_unavailable: Service unavailable (Clerk trace id ${trace}).`
          })
        ]);
        expect(checkOf(run.report, 'shared-oauth-credentials').status).toBe('error');
      }),
    TIMEOUT
  );
});

describe('TLS', () => {
  it.concurrent(
    'a Frontend API whose certificate no authority signed: frontend-api-unreachable, mentioning TLS',
    () =>
      inWorld(healthyProduction(), {}, async (world) => {
        // The Backend and Platform API on the trusted fake; the Frontend API host on a second fake, self-signed.
        const frontend = await startFakeClerk(healthyProduction(), { tls: untrustedCertificate() });
        try {
          const host = `clerk.example.test:${frontend.port}`;
          const run = await runOnlineCli(world, {
            ...instanceVariables(world),
            NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: publishableKey(host, 'live')
          });
          expectCleanRun(run);
          expect(run.code).toBe(1);
          expect(run.report.findings).toEqual([
            expect.objectContaining({
              rule: 'frontend-api-unreachable',
              severity: 'error',
              location: { source: 'clerk-api' },
              message: `${host} does not answer: TLS verification failed: its TLS certificate is self-signed.`,
              fix: expect.stringContaining('A TLS error usually means the certificate is not issued yet')
            })
          ]);
          expect(notPassing(run)).toEqual({ 'frontend-api-unreachable': 'fail' });
          // The handshake failed: no request was ever made.
          expect(frontend.requests).toEqual([]);
        } finally {
          await frontend.close();
        }
      }),
    TIMEOUT
  );
});

describe('DNS faults', () => {
  const RECORD_CHECKS = {
    'dns-record-missing': 'error',
    'dns-record-wrong-target': 'error',
    'dns-record-proxied': 'error',
    'clerk-api-error': 'fail'
  };
  const cases: {
    title: string;
    zone: Zone;
    args: string[];
    message: string;
    value: string;
    severity: 'error' | 'warning';
    failed: Record<string, string>;
  }[] = [
    {
      title: 'a record that times out (--api-timeout 1)',
      zone: { 'clkmail.example.test': { timeout: true } },
      args: ['--api-timeout', '1'],
      message: 'DNS CNAME clkmail.example.test: no answer from the DNS server (timed out).',
      value: 'ETIMEOUT',
      severity: 'error',
      failed: RECORD_CHECKS
    },
    {
      title: 'a record that times out, with --on-api-error warn',
      zone: { 'clkmail.example.test': { timeout: true } },
      args: ['--api-timeout', '1', '--on-api-error', 'warn'],
      message: 'DNS CNAME clkmail.example.test: no answer from the DNS server (timed out).',
      value: 'ETIMEOUT',
      severity: 'warning',
      failed: RECORD_CHECKS
    },
    {
      title: 'SERVFAIL on a record',
      zone: { 'accounts.example.test': { rcode: 'SERVFAIL' } },
      args: [],
      message: 'DNS CNAME accounts.example.test: the DNS server failed (SERVFAIL).',
      value: 'ESERVFAIL',
      severity: 'error',
      failed: RECORD_CHECKS
    },
    {
      title: 'SERVFAIL on a record, with --on-api-error warn',
      zone: { 'accounts.example.test': { rcode: 'SERVFAIL' } },
      args: ['--on-api-error', 'warn'],
      message: 'DNS CNAME accounts.example.test: the DNS server failed (SERVFAIL).',
      value: 'ESERVFAIL',
      severity: 'warning',
      failed: RECORD_CHECKS
    },
    {
      title: 'SERVFAIL on the CAA look-up of the domain',
      zone: { 'example.test': { rcode: 'SERVFAIL' } },
      args: [],
      message: 'DNS CAA example.test: the DNS server failed (SERVFAIL).',
      value: 'ESERVFAIL',
      severity: 'error',
      failed: { 'caa-blocks-certificates': 'error', 'clerk-api-error': 'fail' }
    }
  ];

  it.concurrent.each(cases)(
    '$title: a clerk-api-error located at dns',
    ({ zone, args, message, value, severity, failed }) =>
      inWorld(healthyProduction(), { zone: (z) => ({ ...z, ...zone }) }, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world), args);
        expectCleanRun(run);
        expect(run.code).toBe(severity === 'error' ? 1 : 0);
        expect(run.report.findings).toEqual([
          {
            rule: 'clerk-api-error',
            severity,
            variable: message.slice(0, message.indexOf(':')),
            value,
            location: { source: 'dns' },
            message,
            fix: expect.stringContaining(FIX_API)
          }
        ]);
        expect(notPassing(run)).toEqual(failed);
      }),
    TIMEOUT
  );
});
