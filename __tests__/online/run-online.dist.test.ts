/**
 * The online checks through the shipped CLI bundle (`dist/cli.js`, its own process) against the fake Clerk and the
 * fake DNS server: each scenario of the fake, and each way the DNS records of a domain go wrong. Every case starts
 * its own world, so the cases run concurrently.
 */
import { describe, expect, it } from '@jest/globals';
import {
  healthyProduction,
  developmentInstance,
  devSharedOAuth,
  KEYS,
  mismatchedInstance,
  platformIncomplete,
  sharedOAuthProduction,
  type Scenario
} from '../fakes/clerk-server.js';
import {
  APPLICATION_ID,
  MAIL_ID,
  dnsCheck,
  domain,
  domains,
  instance,
  platformDomain,
  platformDomainStatus
} from '../fakes/clerk-responses.js';
import type { Zone } from '../fakes/dns-server.js';
import { DEFAULT_HOSTS, serverCertificate } from '../fakes/test-ca.js';
import { publishableKey } from '../helpers/keys.js';
import {
  checkOf,
  findingsOf,
  instanceVariables,
  leaks,
  ONLINE_CHECK_IDS,
  onlineStatuses,
  runOnlineCli,
  type OnlineCliRun,
  inWorld,
  notPassing
} from '../helpers/online-world.js';
import { crashLines } from '../helpers/run-dist-action.js';

const TIMEOUT = 60_000;
const SECRETS = [KEYS.live, KEYS.test, KEYS.platform];

/** What every run must be: a verdict (0 or 1), no crash, no key anywhere. */
function expectCleanRun(run: OnlineCliRun): void {
  expect([0, 1]).toContain(run.code);
  expect(crashLines(run)).toEqual([]);
  expect(leaks({ stdout: run.stdout, stderr: run.stderr }, SECRETS)).toEqual([]);
}

/** The zone without `name`, and with `extra` entries. */
function edit(remove: string[], extra: Zone = {}): (zone: Zone) => Zone {
  return (zone) => {
    const next = { ...zone };
    for (const name of remove) delete next[name];
    return { ...next, ...extra };
  };
}

describe('scenarios of the fake Clerk', () => {
  it.concurrent(
    'healthy production: exit 0, every online check passes, each API gets its own key and the Frontend API none',
    () =>
      inWorld(healthyProduction(), {}, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world));
        expectCleanRun(run);
        expect(run.code).toBe(0);
        expect(run.report.findings).toEqual([]);
        expect(onlineStatuses(run.report)).toEqual(Object.fromEntries(ONLINE_CHECK_IDS.map((id) => [id, 'pass'])));
        expect(checkOf(run.report, 'dns-record-missing').detail).toBe('5 required records checked');
        expect(checkOf(run.report, 'caa-blocks-certificates').detail).toBe('no CAA records: any authority may issue');
        expect(checkOf(run.report, 'dns-not-verified').detail).toBe('Clerk reports example.test as complete');

        const [instanceRequest] = world.clerk.requestsTo('instance');
        expect(instanceRequest?.headers.authorization).toBe(`Bearer ${KEYS.live}`);
        expect(instanceRequest?.headers['clerk-api-version']).toBe('2026-05-12');
        expect(world.clerk.requestsTo('platformDomain')[0]?.headers.authorization).toBe(`Bearer ${KEYS.platform}`);
        const [environmentRequest] = world.clerk.requestsTo('environment');
        expect(environmentRequest?.host).toBe(world.clerk.frontendApiHost);
        expect(environmentRequest?.headers.authorization).toBeUndefined();
        expect(environmentRequest?.headers.origin).toBeUndefined();
        // Every host name went through the fake DNS server, the Frontend API host included.
        expect(world.dns.queries.map((q) => `${q.type} ${q.name.toLowerCase()}`)).toContain('A clerk.example.test');
      }),
    TIMEOUT
  );

  it.concurrent(
    'development instance with its sk_test_ key: the instance checks are skipped (development key), dev-secret-key fails',
    () =>
      inWorld(developmentInstance(), {}, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world));
        expectCleanRun(run);
        expect(run.code).toBe(1);
        expect(findingsOf(run.report, 'dev-secret-key')).toEqual([
          expect.objectContaining({ severity: 'error', variable: 'CLERK_SECRET_KEY' })
        ]);
        for (const id of [
          'instance-not-production',
          'key-instance-mismatch',
          'dns-record-missing',
          'dns-record-wrong-target',
          'dns-record-proxied',
          'caa-blocks-certificates'
        ]) {
          expect(checkOf(run.report, id)).toMatchObject({
            status: 'skipped',
            detail: expect.stringContaining('development key')
          });
        }
        expect(checkOf(run.report, 'frontend-api-unreachable')).toMatchObject({
          status: 'skipped',
          detail: expect.stringContaining('development key')
        });
        expect(checkOf(run.report, 'dns-not-verified')).toMatchObject({
          status: 'skipped',
          detail: 'needs a production publishable key (for the domain)'
        });
        // The development instance's public environment still tells which providers run on shared credentials.
        expect(findingsOf(run.report, 'shared-oauth-credentials')).toEqual([
          expect.objectContaining({ severity: 'error', location: { source: 'clerk-api' }, value: 'Google' })
        ]);
        // No secret key of a development instance is sent to the Backend API.
        expect(world.clerk.requestsTo('instance')).toEqual([]);
        expect(world.clerk.requestsTo('domains')).toEqual([]);
      }),
    TIMEOUT
  );

  it.concurrent(
    'an sk_live_ key whose instance says environment_type development: instance-not-production',
    () =>
      inWorld(
        { ...healthyProduction(), instance: instance({ environment_type: 'development' }) },
        {},
        async (world) => {
          // The fake makes a pk_test_ key for a development instance; this one is the production host's pk_live_.
          const pk = publishableKey(world.clerk.frontendApiHost, 'live');
          const run = await runOnlineCli(world, { ...instanceVariables(world), NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: pk });
          expectCleanRun(run);
          expect(run.code).toBe(1);
          expect(run.report.findings).toEqual([
            {
              rule: 'instance-not-production',
              severity: 'error',
              variable: 'CLERK_SECRET_KEY',
              value: 'development',
              location: { source: 'clerk-api' },
              message: 'The instance of CLERK_SECRET_KEY is a development instance, not a production one.',
              fix: expect.stringContaining('switch to the production instance')
            }
          ]);
          expect(notPassing(run)).toEqual({ 'instance-not-production': 'fail' });
        }
      ),
    TIMEOUT
  );

  it.concurrent(
    'mismatched instance: key-instance-mismatch names both hosts',
    () =>
      inWorld(mismatchedInstance(), {}, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world, { platform: false }));
        expectCleanRun(run);
        expect(run.code).toBe(1);
        expect(run.report.findings).toEqual([
          expect.objectContaining({
            rule: 'key-instance-mismatch',
            severity: 'error',
            variable: 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
            location: { source: 'clerk-api' },
            message:
              'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY points at clerk.example.test, but the instance of CLERK_SECRET_KEY serves clerk.other-app.test.',
            fix: expect.stringContaining('same production instance')
          })
        ]);
        expect(notPassing(run)).toEqual({
          'key-instance-mismatch': 'fail',
          'shared-oauth-credentials': 'skipped',
          'dns-not-verified': 'skipped'
        });
      }),
    TIMEOUT
  );

  it.concurrent(
    'platformIncomplete: dns-not-verified lists the unverified CNAME with Clerk’s hint, and the mail status',
    () =>
      inWorld(platformIncomplete(), {}, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world));
        expectCleanRun(run);
        expect(run.code).toBe(1);
        const [finding, ...others] = findingsOf(run.report, 'dns-not-verified');
        expect(others).toEqual([]);
        expect(finding).toMatchObject({
          severity: 'error',
          variable: 'example.test',
          value: 'incomplete',
          location: { source: 'clerk-api' },
          fix: expect.stringContaining('follow the hints')
        });
        expect(finding?.message).toContain('The domain example.test is not verified: ');
        expect(finding?.message).toContain(
          `clkmail (clkmail.example.test → mail.${MAIL_ID}.clerk.services) not verified`
        );
        expect(finding?.message).toContain('No CNAME record was found for clkmail.example.test');
        expect(finding?.message).toContain('mail not started');
        expect(notPassing(run)).toEqual({ 'dns-not-verified': 'fail' });
      }),
    TIMEOUT
  );

  it.concurrent(
    '--dns-check POSTs the DNS check before reading the status',
    () =>
      inWorld(healthyProduction(), {}, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world), ['--dns-check']);
        expectCleanRun(run);
        expect(run.code).toBe(0);
        const checks = world.clerk.requestsTo('platformDnsCheck');
        expect(checks.map((r) => [r.method, r.headers.authorization])).toEqual([['POST', `Bearer ${KEYS.platform}`]]);
        const order = world.clerk.requests.map((r) => r.route);
        expect(order.indexOf('platformDnsCheck')).toBeLessThan(order.indexOf('platformDomainStatus'));
        expect(checkOf(run.report, 'dns-not-verified').status).toBe('pass');
      }),
    TIMEOUT
  );

  it.concurrent(
    '--dns-check answered 409 (a check ran recently): the status is still read, no API error',
    () => {
      const scenario = healthyProduction();
      scenario.platform.dnsChecks['example.test'] = 'conflict';
      return inWorld(scenario, {}, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world), ['--dns-check']);
        expectCleanRun(run);
        expect(run.code).toBe(0);
        expect(world.clerk.requestsTo('platformDnsCheck').map((r) => r.outcome)).toEqual([409]);
        expect(world.clerk.requestsTo('platformDomainStatus').map((r) => r.outcome)).toEqual([200]);
        expect(findingsOf(run.report, 'clerk-api-error')).toEqual([]);
        expect(onlineStatuses(run.report)).toMatchObject({ 'dns-not-verified': 'pass', 'clerk-api-error': 'pass' });
      });
    },
    TIMEOUT
  );

  it.concurrent(
    'sharedOAuthProduction: shared-oauth-credentials names Google and Apple, not GitHub (disabled)',
    () =>
      inWorld(sharedOAuthProduction(), {}, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world));
        expectCleanRun(run);
        expect(run.code).toBe(1);
        const [finding, ...others] = findingsOf(run.report, 'shared-oauth-credentials');
        expect(others).toEqual([]);
        expect(finding).toMatchObject({ severity: 'error', location: { source: 'clerk-api' } });
        expect(finding?.message).toMatch(/\bGoogle\b/);
        expect(finding?.message).toMatch(/\bApple\b/);
        expect(finding?.message).not.toMatch(/GitHub/i);
        expect(finding?.fix).toContain('Use custom credentials');
        expect(notPassing(run)).toEqual({ 'shared-oauth-credentials': 'fail' });
      }),
    TIMEOUT
  );

  it.concurrent(
    'devSharedOAuth with only a pk_test_ key: shared-oauth-credentials names Google and GitHub, not Apple',
    () =>
      inWorld(devSharedOAuth(), {}, async (world) => {
        const run = await runOnlineCli(world, { NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: world.clerk.publishableKey });
        expectCleanRun(run);
        expect(run.code).toBe(1);
        const [finding, ...others] = findingsOf(run.report, 'shared-oauth-credentials');
        expect(others).toEqual([]);
        expect(finding).toMatchObject({
          severity: 'error',
          variable: 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
          location: { source: 'clerk-api' }
        });
        expect(finding?.message).toContain('happy-hippo-12.clerk.accounts.dev');
        expect(finding?.message).toMatch(/\bGoogle\b/);
        expect(finding?.message).toMatch(/\bGitHub\b/);
        expect(finding?.message).not.toMatch(/Apple/);
        expect(checkOf(run.report, 'instance-not-production')).toMatchObject({
          status: 'skipped',
          detail: 'no secret key was read'
        });
        // Only the public Frontend API was asked.
        expect(world.clerk.requests.map((r) => r.route)).toEqual(['environment']);
      }),
    TIMEOUT
  );

  it.concurrent(
    'without a Platform key: dns-not-verified is skipped with the reason, the DNS checks say they are inferred',
    () =>
      inWorld(healthyProduction(), {}, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world, { platform: false }));
        expectCleanRun(run);
        expect(run.code).toBe(0);
        for (const id of ['dns-not-verified', 'shared-oauth-credentials']) {
          expect(checkOf(run.report, id)).toMatchObject({
            status: 'skipped',
            detail: expect.stringContaining('needs CLERK_PLATFORM_API_KEY')
          });
        }
        for (const id of ['dns-record-missing', 'dns-record-wrong-target', 'dns-record-proxied']) {
          expect(checkOf(run.report, id)).toMatchObject({
            status: 'pass',
            detail: expect.stringContaining('inferred from DNS resolution')
          });
        }
        expect(world.clerk.requests.filter((r) => r.route?.startsWith('platform'))).toEqual([]);
      }),
    TIMEOUT
  );

  it.concurrent(
    '--offline: every online check skipped (offline mode), nothing asked of Clerk or DNS',
    () =>
      inWorld(healthyProduction(), {}, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world), ['--offline']);
        expectCleanRun(run);
        expect(run.code).toBe(0);
        for (const id of ONLINE_CHECK_IDS) {
          expect(checkOf(run.report, id)).toEqual({ id, status: 'skipped', detail: 'offline mode' });
        }
        expect(world.clerk.requests).toEqual([]);
        expect(world.dns.queries).toEqual([]);
      }),
    TIMEOUT
  );

  it.concurrent(
    'environment staging: every online check skipped (production environments only), nothing asked',
    () =>
      inWorld(healthyProduction(), {}, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world), ['--environment', 'staging']);
        expectCleanRun(run);
        for (const id of ONLINE_CHECK_IDS) {
          expect(checkOf(run.report, id)).toEqual({
            id,
            status: 'skipped',
            detail: 'applies to production environments only'
          });
        }
        expect(world.clerk.requests).toEqual([]);
        expect(world.dns.queries).toEqual([]);
      }),
    TIMEOUT
  );
});

describe('DNS records of the domain', () => {
  const FIX_ADD = 'Add the CNAME records shown on the Domains page';

  it.concurrent(
    'a required record missing (NXDOMAIN): dns-record-missing names the host and its target',
    () =>
      inWorld(healthyProduction(), { zone: edit(['clkmail.example.test']) }, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world, { platform: false }));
        expectCleanRun(run);
        expect(run.code).toBe(1);
        expect(run.report.findings).toEqual([
          {
            rule: 'dns-record-missing',
            severity: 'error',
            variable: 'clkmail.example.test',
            value: '(no record)',
            location: { source: 'dns' },
            message: `clkmail.example.test has no CNAME record; Clerk needs one pointing at mail.${MAIL_ID}.clerk.services (no such name).`,
            fix: expect.stringContaining(FIX_ADD)
          }
        ]);
        expect(notPassing(run)).toMatchObject({ 'dns-record-missing': 'fail' });
        expect(checkOf(run.report, 'dns-record-wrong-target').status).toBe('pass');
      }),
    TIMEOUT
  );

  it.concurrent(
    'a required name with no CNAME, A or AAAA (NODATA): dns-record-missing says so',
    () =>
      inWorld(
        healthyProduction(),
        { zone: edit([], { 'accounts.example.test': { TXT: ['v=spf1 -all'] } }) },
        async (world) => {
          const run = await runOnlineCli(world, instanceVariables(world, { platform: false }));
          expectCleanRun(run);
          expect(run.code).toBe(1);
          expect(findingsOf(run.report, 'dns-record-missing')).toEqual([
            expect.objectContaining({
              variable: 'accounts.example.test',
              message:
                'accounts.example.test has no CNAME record; Clerk needs one pointing at accounts.clerk.services (the name has no CNAME, A or AAAA record).'
            })
          ]);
        }
      ),
    TIMEOUT
  );

  it.concurrent(
    'clerk.example.test missing but clerk.example.test.example.test present: the fix names the doubled name and how to enter it',
    () =>
      inWorld(
        healthyProduction(),
        {
          zone: edit(['clerk.example.test'], {
            'clerk.example.test.example.test': { CNAME: 'frontend-api.clerk.services' }
          })
        },
        async (world) => {
          const run = await runOnlineCli(world, instanceVariables(world));
          expectCleanRun(run);
          expect(run.code).toBe(1);
          const [finding, ...others] = findingsOf(run.report, 'dns-record-missing');
          expect(others).toEqual([]);
          expect(finding).toMatchObject({
            severity: 'error',
            variable: 'clerk.example.test',
            location: { source: 'dns' },
            message:
              'clerk.example.test has no CNAME record; Clerk needs one pointing at frontend-api.clerk.services (no such name).'
          });
          expect(finding?.fix).toContain('clerk.example.test.example.test exists instead of clerk.example.test');
          expect(finding?.fix).toContain('(`clerk`, not `clerk.example.test`)');
          expect(finding?.fix).toContain('with a trailing dot (`clerk.example.test.`)');
          // Without clerk.example.test the browser cannot reach the Frontend API either.
          expect(findingsOf(run.report, 'frontend-api-unreachable')).toEqual([
            expect.objectContaining({
              severity: 'error',
              message: `${world.clerk.frontendApiHost} does not answer: host not found.`
            })
          ]);
        }
      ),
    TIMEOUT
  );

  it.concurrent(
    'a doubled DKIM record: the fix says to enter clk._domainkey',
    () =>
      inWorld(
        healthyProduction(),
        {
          zone: edit(['clk._domainkey.example.test'], {
            'clk._domainkey.example.test.example.test': { CNAME: `dkim1.${MAIL_ID}.clerk.services` }
          })
        },
        async (world) => {
          const run = await runOnlineCli(world, instanceVariables(world));
          expectCleanRun(run);
          expect(run.code).toBe(1);
          const [finding] = findingsOf(run.report, 'dns-record-missing');
          expect(finding?.fix).toContain('(`clk._domainkey`, not `clk._domainkey.example.test`)');
          expect(notPassing(run)).toEqual({ 'dns-record-missing': 'fail' });
        }
      ),
    TIMEOUT
  );

  it.concurrent(
    'a record pointing elsewhere: dns-record-wrong-target names both targets',
    () =>
      inWorld(
        healthyProduction(),
        { zone: edit([], { 'accounts.example.test': { CNAME: 'accounts.elsewhere.test' } }) },
        async (world) => {
          const run = await runOnlineCli(world, instanceVariables(world));
          expectCleanRun(run);
          expect(run.code).toBe(1);
          expect(run.report.findings).toEqual([
            {
              rule: 'dns-record-wrong-target',
              severity: 'error',
              variable: 'accounts.example.test',
              value: 'accounts.elsewhere.test',
              location: { source: 'dns' },
              message:
                'accounts.example.test is a CNAME to accounts.elsewhere.test; Clerk needs accounts.clerk.services.',
              fix: expect.stringContaining('set the CNAME record to the target')
            }
          ]);
          expect(notPassing(run)).toEqual({ 'dns-record-wrong-target': 'fail' });
        }
      ),
    TIMEOUT
  );

  it.concurrent(
    'a target in other case with a trailing dot is the same target',
    () =>
      inWorld(
        healthyProduction(),
        { zone: edit([], { 'accounts.example.test': { CNAME: 'ACCOUNTS.Clerk.Services.' } }) },
        async (world) => {
          const run = await runOnlineCli(world, instanceVariables(world));
          expectCleanRun(run);
          expect(run.code).toBe(0);
          expect(run.report.findings).toEqual([]);
        }
      ),
    TIMEOUT
  );

  it.concurrent(
    'a proxied record (A and AAAA, no CNAME): dns-record-proxied names the addresses',
    () =>
      inWorld(
        healthyProduction(),
        { zone: edit([], { 'accounts.example.test': { A: ['203.0.113.7'], AAAA: ['2001:db8::7'] } }) },
        async (world) => {
          const run = await runOnlineCli(world, instanceVariables(world));
          expectCleanRun(run);
          expect(run.code).toBe(1);
          expect(run.report.findings).toEqual([
            {
              rule: 'dns-record-proxied',
              severity: 'error',
              variable: 'accounts.example.test',
              value: '203.0.113.7, 2001:db8::7',
              location: { source: 'dns' },
              message:
                'accounts.example.test answers with addresses (203.0.113.7, 2001:db8::7) but no CNAME to accounts.clerk.services: the record is proxied.',
              fix: expect.stringContaining('DNS only')
            }
          ]);
          expect(notPassing(run)).toEqual({ 'dns-record-proxied': 'fail' });
        }
      ),
    TIMEOUT
  );

  it.concurrent(
    'CAA at the domain allowing only digicert.com: a caa-blocks-certificates warning (exit 0 with fail-on error, 1 with fail-on warning)',
    () =>
      inWorld(
        healthyProduction(),
        { zone: edit([], { 'example.test': { CAA: [{ flags: 0, tag: 'issue', value: 'digicert.com' }] } }) },
        async (world) => {
          const run = await runOnlineCli(world, instanceVariables(world));
          expectCleanRun(run);
          expect(run.code).toBe(0);
          expect(run.report.findings).toEqual([
            {
              rule: 'caa-blocks-certificates',
              severity: 'warning',
              variable: 'example.test',
              value: 'digicert.com',
              location: { source: 'dns' },
              message: 'The CAA records of example.test allow only digicert.com: neither letsencrypt.org nor pki.goog.',
              fix: expect.stringContaining('0 issue "letsencrypt.org"')
            }
          ]);
          expect(notPassing(run)).toEqual({ 'caa-blocks-certificates': 'fail' });

          const strict = await runOnlineCli(world, instanceVariables(world), ['--fail-on', 'warning']);
          expectCleanRun(strict);
          expect(strict.code).toBe(1);
          expect(strict.report.passed).toBe(false);
        }
      ),
    TIMEOUT
  );

  it.concurrent(
    'CAA at the domain allowing letsencrypt.org (with parameters) among others: pass',
    () =>
      inWorld(
        healthyProduction(),
        {
          zone: edit([], {
            'example.test': {
              CAA: [
                { flags: 0, tag: 'issue', value: 'digicert.com' },
                { flags: 0, tag: 'issue', value: 'letsencrypt.org; validationmethods=dns-01' },
                { flags: 0, tag: 'iodef', value: 'mailto:security@example.test' }
              ]
            }
          })
        },
        async (world) => {
          const run = await runOnlineCli(world, instanceVariables(world));
          expectCleanRun(run);
          expect(run.code).toBe(0);
          expect(checkOf(run.report, 'caa-blocks-certificates')).toEqual({
            id: 'caa-blocks-certificates',
            status: 'pass',
            detail: 'example.test allows digicert.com, letsencrypt.org'
          });
        }
      ),
    TIMEOUT
  );

  it.concurrent(
    'CAA at the parent test allowing letsencrypt.org: pass',
    () =>
      inWorld(
        healthyProduction(),
        { zone: edit([], { test: { CAA: [{ flags: 0, tag: 'issue', value: 'letsencrypt.org' }] } }) },
        async (world) => {
          const run = await runOnlineCli(world, instanceVariables(world));
          expectCleanRun(run);
          expect(run.code).toBe(0);
          expect(checkOf(run.report, 'caa-blocks-certificates').status).toBe('pass');
        }
      ),
    TIMEOUT
  );

  // BUG (src/online/dns-checks.ts, checkCaa): the names asked are `labels.slice(0, -1)`, so the top-level label is
  // never asked. RFC 8659 section 3 climbs "up to but not including the DNS root", TLD included: CAA at `test`
  // allowing only digicert.com governs example.test. Expected: a caa-blocks-certificates warning naming `test`;
  // actual: pass, "no CAA records: any authority may issue" (no CAA query for `test` reaches the DNS server).
  it.concurrent(
    'CAA at the parent test allowing only digicert.com governs example.test (RFC 8659 climbs to the TLD)',
    () =>
      inWorld(
        healthyProduction(),
        { zone: edit([], { test: { CAA: [{ flags: 0, tag: 'issue', value: 'digicert.com' }] } }) },
        async (world) => {
          const run = await runOnlineCli(world, instanceVariables(world));
          expectCleanRun(run);
          expect(world.dns.queries.filter((q) => q.type === 'CAA').map((q) => q.name.toLowerCase())).toContain('test');
          expect(findingsOf(run.report, 'caa-blocks-certificates')).toEqual([
            expect.objectContaining({ severity: 'warning', variable: 'test', value: 'digicert.com' })
          ]);
        }
      ),
    TIMEOUT
  );
});

describe('a domain below a parent (shop.example.test)', () => {
  const DOMAIN = 'shop.example.test';

  /** healthyProduction for shop.example.test: its Frontend API at clerk.shop.example.test. */
  function subdomainScenario(): Scenario {
    const base = healthyProduction();
    const pDomain = platformDomain({ name: DOMAIN, instanceEnvironment: 'production' });
    return {
      ...base,
      frontendApiHost: `clerk.${DOMAIN}`,
      domainName: DOMAIN,
      domains: domains([domain({ name: DOMAIN })]),
      platform: {
        ...base.platform,
        domains: [pDomain],
        statuses: { [DOMAIN]: platformDomainStatus({ status: 'complete', domain: DOMAIN }) },
        dnsChecks: { [DOMAIN]: dnsCheck({ status: 'complete', domain: DOMAIN, domain_id: pDomain.id }) }
      }
    };
  }
  const tls = serverCertificate([...DEFAULT_HOSTS, `clerk.${DOMAIN}`]);

  it.concurrent(
    'healthy: every online check passes',
    () =>
      inWorld(subdomainScenario(), { tls }, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world));
        expectCleanRun(run);
        expect(run.code).toBe(0);
        expect(notPassing(run)).toEqual({});
        expect(world.clerk.requestsTo('platformDomainStatus')[0]?.path).toContain(
          `/v1/platform/applications/${APPLICATION_ID}/`
        );
      }),
    TIMEOUT
  );

  it.concurrent(
    'CAA only at the parent example.test, allowing only digicert.com: the parent decides (warning)',
    () =>
      inWorld(
        subdomainScenario(),
        { tls, zone: edit([], { 'example.test': { CAA: [{ flags: 0, tag: 'issue', value: 'digicert.com' }] } }) },
        async (world) => {
          const run = await runOnlineCli(world, instanceVariables(world));
          expectCleanRun(run);
          expect(run.code).toBe(0);
          expect(findingsOf(run.report, 'caa-blocks-certificates')).toEqual([
            expect.objectContaining({
              severity: 'warning',
              variable: 'example.test',
              message: 'The CAA records of example.test allow only digicert.com: neither letsencrypt.org nor pki.goog.'
            })
          ]);
        }
      ),
    TIMEOUT
  );

  it.concurrent(
    'CAA at the domain allowing letsencrypt.org overrides the parent’s digicert.com: pass',
    () =>
      inWorld(
        subdomainScenario(),
        {
          tls,
          zone: edit([], {
            'example.test': { CAA: [{ flags: 0, tag: 'issue', value: 'digicert.com' }] },
            [DOMAIN]: { CAA: [{ flags: 0, tag: 'issue', value: 'letsencrypt.org' }] }
          })
        },
        async (world) => {
          const run = await runOnlineCli(world, instanceVariables(world));
          expectCleanRun(run);
          expect(run.code).toBe(0);
          expect(checkOf(run.report, 'caa-blocks-certificates')).toMatchObject({
            status: 'pass',
            detail: `${DOMAIN} allows letsencrypt.org`
          });
        }
      ),
    TIMEOUT
  );

  // BUG (src/online/dns-checks.ts, judgeRecords): the label the fix tells the user to enter is
  // `host.split('.').slice(0, -2)`, i.e. relative to the last two labels, while the doubled name looked up is
  // `<host>.<domain>` (the provider appended the whole domain). For shop.example.test the fix says to enter
  // `clkmail.shop`, which in the zone shop.example.test makes clkmail.shop.shop.example.test. Expected: `clkmail`
  // (the host relative to the domain that was appended); actual: `clkmail.shop`. Same for example.co.uk domains.
  it.concurrent(
    'a doubled record: the fix tells to enter the name relative to the domain (clkmail), not clkmail.shop',
    () =>
      inWorld(
        subdomainScenario(),
        {
          tls,
          zone: edit([`clkmail.${DOMAIN}`], {
            [`clkmail.${DOMAIN}.${DOMAIN}`]: { CNAME: `mail.${MAIL_ID}.clerk.services` }
          })
        },
        async (world) => {
          const run = await runOnlineCli(world, instanceVariables(world));
          expectCleanRun(run);
          const [finding] = findingsOf(run.report, 'dns-record-missing');
          expect(finding?.fix).toContain(`clkmail.${DOMAIN}.${DOMAIN} exists instead of clkmail.${DOMAIN}`);
          expect(finding?.fix).toContain(`(\`clkmail\`, not \`clkmail.${DOMAIN}\`)`);
        }
      ),
    TIMEOUT
  );
});
