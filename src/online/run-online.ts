import { classifySecretKey } from '../clerk/secret-key.js';
import { Scrubber } from '../core/scrub.js';
import { checkDeadline } from '../net/deadline.js';
import type { ApiFailure } from './api-failure.js';
import {
  Domains,
  DomainStatus,
  Environment,
  Instance,
  InstanceConfig,
  PlatformDomain,
  type DomainT
} from './clerk-schemas.js';
import type { Credentials } from './credentials.js';
import { DnsClient } from './dns-client.js';
import { checkCaa, checkRecords, judgeRecords } from './dns-checks.js';
import { judgeStatus } from './domain-status.js';
import { HttpClient, type Call, type CallResult } from './http-client.js';
import { judgeDevelopmentOAuth, judgeProductionOAuth } from './oauth-checks.js';
import {
  caaBlocksCertificates,
  clerkApiError,
  dnsNotVerified,
  frontendApiUnreachable,
  instanceNotProduction,
  keyInstanceMismatch,
  sharedOAuthCredentials
} from '../rules/online.js';
import { whyNotOnline, type OnlineSettings } from './online-support.js';
import { API_ORIGIN, DNS_ORIGIN, Outcome, skippedOnline, type OnlineResult } from './outcome.js';

export type { OnlineResult } from './outcome.js';
export type { OnlineSettings } from './online-support.js';

/** The Backend API version the gate's schemas follow (the version `@clerk/backend` sends). */
const CLERK_API_VERSION = '2026-05-12';

/**
 * The online checks, for each distinct set of keys the gate read. Every call starts as soon as what it needs is
 * known: the instance, the domains, the Frontend API and the Platform domain at once; DNS as soon as the domains
 * answer; the Platform status and config as soon as the Platform domain answers.
 */
export async function runOnlineChecks(sets: readonly Credentials[], settings: OnlineSettings): Promise<OnlineResult> {
  const skip = whyNotOnline(settings, sets);
  if (skip) return skippedOnline(skip);
  const outcome = new Outcome(settings.onApiError);

  const scrubber = settings.scrubber ?? new Scrubber();
  scrubber.add(sets.flatMap((s) => [s.secretKey?.value, s.platformKey?.value]));
  const dns = new DnsClient(settings.dnsServers, settings.apiTimeoutMs);
  // One HTTP client for every call. With `dns-servers`, every host it connects to is looked up there, except the
  // Clerk API's own, which is the system's business (it may be a proxy).
  const client = new HttpClient({
    timeoutMs: settings.apiTimeoutMs,
    deadline: checkDeadline(settings.apiTimeoutMs, settings.deadline),
    scrubber,
    ...(settings.dnsServers.length > 0 && { lookup: dns.lookup([new URL(settings.clerkApiUrl).hostname]) })
  });
  try {
    await Promise.all(
      sets.map((set) =>
        // A bug here must not cost the report: it becomes a failed call, and the rest still runs and is written.
        checkInstance(set, { client, dns, settings, outcome }).catch((error: unknown) =>
          outcome.failed(clerkApiError, unexpected(error, scrubber))
        )
      )
    );
  } finally {
    await client.close();
  }
  return outcome.result();
}

interface Context {
  client: HttpClient;
  dns: DnsClient;
  settings: OnlineSettings;
  outcome: Outcome;
}

async function checkInstance(set: Credentials, ctx: Context): Promise<void> {
  const { outcome, settings } = ctx;
  const keys = keysOf(set);
  const calls = startCalls(keys, ctx);
  const [instance, domains, environment, platformDomain] = await Promise.all([
    calls.instanceCall,
    calls.domainsCall,
    calls.environmentCall,
    calls.platformDomainCall
  ]);
  const noLiveKey = skipReasonWithoutLiveKey(set);
  judgeInstance(instance, keys, noLiveKey, outcome);
  judgeKeyInstance(domains, keys, noLiveKey, outcome);

  // DNS records and CAA
  const [recordOutcomes, caaOutcome] = await Promise.all([calls.records, calls.caa]);
  judgeRecords(recordOutcomes, domains, noLiveKey, Boolean(keys.platformKey), outcome);
  judgeCaa(calls.caa !== undefined, caaOutcome, noLiveKey, outcome);

  judgeFrontendApi(environment, keys, settings.onApiError, outcome);

  const [statusResult, configResult] = await Promise.all([calls.status, calls.config]);
  judgePlatform(platformDomain, statusResult, configResult, keys, outcome);
}

/** The keys of a set the checks need: the secret key when it is a production one, the publishable key. */
function keysOf(set: Credentials) {
  const { secretKey, publishableKey: pk, platformKey } = set;
  const sk = secretKey ? classifySecretKey(secretKey.value) : null;
  const liveSecretKey = sk?.kind === 'secret-key' && sk.instanceType === 'production' ? secretKey : undefined;
  const productionPk = pk?.parsed.instanceType === 'production' ? pk : undefined;
  return { liveSecretKey, pk, productionPk, platformKey };
}

type Keys = ReturnType<typeof keysOf>;
type Calls = ReturnType<typeof startCalls>;

/** Every call, each started as soon as what it needs is known. */
function startCalls(keys: Keys, ctx: Context) {
  const { settings } = ctx;
  const { liveSecretKey, pk, productionPk, platformKey } = keys;
  const base = new URL(settings.clerkApiUrl);
  const url = (path: string): URL => new URL(`${base.pathname.replace(/\/$/, '')}${path}`, base);
  const bearer = (key: string) => ({ authorization: `Bearer ${key}`, 'clerk-api-version': CLERK_API_VERSION });

  // Round one: everything that needs only the keys.
  const instanceCall = liveSecretKey
    ? ctx.client.call({
        method: 'GET',
        url: url('/v1/instance'),
        headers: bearer(liveSecretKey.value),
        schema: Instance
      })
    : undefined;
  const domainsCall = liveSecretKey
    ? ctx.client.call({ method: 'GET', url: url('/v1/domains'), headers: bearer(liveSecretKey.value), schema: Domains })
    : undefined;
  const frontendUrl = pk ? frontendApiUrl(pk.parsed.frontendApi) : undefined;
  const environmentCall = frontendUrl
    ? ctx.client.call({ method: 'GET', url: frontendUrl, schema: Environment })
    : undefined;
  const domainName = productionPk ? domainOfFrontendApi(productionPk.parsed.frontendApi) : undefined;
  const platform = <T>(path: string, call: Omit<Call<T>, 'url' | 'headers'>): Promise<CallResult<T>> =>
    ctx.client.call({ ...call, url: url(path), headers: bearer(platformKey?.value ?? '') });
  const platformDomainCall =
    platformKey && domainName
      ? platform(`/v1/platform/domains/${encodeURIComponent(domainName)}`, { method: 'GET', schema: PlatformDomain })
      : undefined;

  // Round two and three: what waits for an answer of round one.
  const primaryDomain = domainsCall?.then((r) => (r.ok ? primaryOf(r.data.data) : undefined));
  const records = primaryDomain?.then((domain) => (domain ? checkRecords(domain, ctx.dns) : undefined));
  const caa = primaryDomain?.then((domain) => (domain ? checkCaa(domain.name, ctx.dns) : undefined));
  const platformPaths = platformDomainCall?.then((r) => {
    if (!r.ok) return undefined;
    const app = `/v1/platform/applications/${encodeURIComponent(r.data.application.id)}`;
    return { domain: `${app}/domains/${encodeURIComponent(r.data.id)}`, config: `${app}/instances/production/config` };
  });
  const status = platformPaths?.then(async (paths) => {
    if (!paths) return undefined;
    if (settings.dnsCheck) {
      // 409: a check is running or ran recently; the status below is then as fresh as Clerk allows.
      const checked = await platform(`${paths.domain}/dns_check`, {
        method: 'POST',
        schema: DomainStatus,
        accept: [409]
      });
      if (!checked.ok) return checked;
    }
    return platform(`${paths.domain}/status`, { method: 'GET', schema: DomainStatus });
  });
  const config = platformPaths?.then((paths) =>
    paths ? platform(paths.config, { method: 'GET', schema: InstanceConfig }) : undefined
  );
  return { instanceCall, domainsCall, environmentCall, platformDomainCall, records, caa, status, config };
}

/** instance-not-production */
function judgeInstance(
  instance: Awaited<Calls['instanceCall']>,
  { liveSecretKey }: Keys,
  noLiveKey: string,
  outcome: Outcome
): void {
  if (!instance) outcome.skip(instanceNotProduction, noLiveKey);
  else if (!instance.ok) outcome.failed(instanceNotProduction, instance.failure);
  else if (instance.data.environment_type !== 'production') {
    outcome.fail(instanceNotProduction, 'notProduction', {
      data: { name: liveSecretKey?.name ?? 'CLERK_SECRET_KEY', environment: instance.data.environment_type },
      variable: liveSecretKey?.name ?? 'CLERK_SECRET_KEY',
      value: instance.data.environment_type,
      origin: API_ORIGIN
    });
  } else outcome.pass(instanceNotProduction, 'the secret key belongs to a production instance');
}

/** key-instance-mismatch */
function judgeKeyInstance(
  domains: Awaited<Calls['domainsCall']>,
  { liveSecretKey, pk }: Keys,
  noLiveKey: string,
  outcome: Outcome
): void {
  if (!domains) outcome.skip(keyInstanceMismatch, noLiveKey);
  else if (!domains.ok) outcome.failed(keyInstanceMismatch, domains.failure);
  else if (!pk) outcome.skip(keyInstanceMismatch, 'no publishable key was read');
  else {
    const primary = primaryOf(domains.data.data);
    const served = primary ? [hostOfUrl(primary.frontend_api_url), hostOfUrl(primary.proxy_url)] : [];
    const host = pk.parsed.frontendApi.toLowerCase().replace(/:\d+$/, '');
    if (served.includes(host)) outcome.pass(keyInstanceMismatch, 'both keys belong to one instance');
    else {
      outcome.fail(keyInstanceMismatch, 'mismatch', {
        data: {
          name: pk.name,
          host,
          secretName: liveSecretKey?.name ?? 'CLERK_SECRET_KEY',
          expected: served.filter((h) => h !== '').join(' or ') || 'no domain'
        },
        variable: pk.name,
        value: host,
        origin: API_ORIGIN
      });
    }
  }
}

/** caa-blocks-certificates */
function judgeCaa(asked: boolean, caaOutcome: Awaited<Calls['caa']>, noLiveKey: string, outcome: Outcome): void {
  if (!asked) outcome.skip(caaBlocksCertificates, noLiveKey);
  else if (!caaOutcome) outcome.skip(caaBlocksCertificates, 'the domains could not be read');
  else if ('failure' in caaOutcome) outcome.failed(caaBlocksCertificates, caaOutcome.failure);
  else if (caaOutcome.blocked) {
    outcome.fail(caaBlocksCertificates, 'blocked', {
      data: { name: caaOutcome.name, allowed: caaOutcome.allowed.join(', ') || 'no certificate authority' },
      variable: caaOutcome.name,
      value: caaOutcome.allowed.join(', ') || '(none)',
      origin: DNS_ORIGIN
    });
  } else outcome.pass(caaBlocksCertificates, caaOutcome.detail);
}

/** frontend-api-unreachable (production key) and shared-oauth-credentials (development key) */
function judgeFrontendApi(
  environment: Awaited<Calls['environmentCall']>,
  { pk, productionPk }: Keys,
  onApiError: OnlineSettings['onApiError'],
  outcome: Outcome
): void {
  if (!pk) {
    outcome.skip(frontendApiUnreachable, 'no publishable key was read');
    outcome.skip(sharedOAuthCredentials, 'no publishable key was read');
  } else if (!productionPk) {
    outcome.skip(frontendApiUnreachable, 'the publishable key is a development key (see dev-publishable-key)');
    judgeDevelopmentOAuth(pk, environment, outcome);
  } else {
    const host = productionPk.parsed.frontendApi.toLowerCase();
    if (!environment) {
      outcome.fail(frontendApiUnreachable, 'unreachable', {
        data: { host, reason: 'the publishable key does not encode a host name' },
        variable: productionPk.name,
        value: host,
        origin: API_ORIGIN
      });
    } else if (!environment.ok) {
      // The runner's own network may be what failed (a timeout, a refused connection): on-api-error decides those.
      // A TLS failure or a wrong answer is the Frontend API's: always an error.
      const runnerSide = ['network', 'timeout', 'dns'].includes(environment.failure.kind);
      outcome.fail(frontendApiUnreachable, 'unreachable', {
        data: { host, reason: environment.failure.reason },
        variable: productionPk.name,
        value: host,
        origin: API_ORIGIN,
        ...(runnerSide && onApiError === 'warn' && { severity: 'warning' as const })
      });
    } else if (environment.data.display_config.instance_environment_type !== 'production') {
      outcome.fail(frontendApiUnreachable, 'notProduction', {
        data: { host, environment: environment.data.display_config.instance_environment_type },
        variable: productionPk.name,
        value: host,
        origin: API_ORIGIN
      });
    } else outcome.pass(frontendApiUnreachable, `${host} answers over TLS as a production instance`);
  }
}

/** The Platform API: dns-not-verified, and shared-oauth-credentials in production. */
function judgePlatform(
  platformDomain: Awaited<Calls['platformDomainCall']>,
  statusResult: Awaited<Calls['status']>,
  configResult: Awaited<Calls['config']>,
  { platformKey, productionPk }: Keys,
  outcome: Outcome
): void {
  const noPlatform = !platformKey
    ? 'needs CLERK_PLATFORM_API_KEY (optional; Platform API, private beta)'
    : 'needs a production publishable key (for the domain)';
  if (!platformDomain) {
    outcome.skip(dnsNotVerified, noPlatform);
    if (productionPk) outcome.skip(sharedOAuthCredentials, noPlatform);
    return;
  }
  if (!platformDomain.ok) {
    outcome.failed(dnsNotVerified, platformDomain.failure);
    outcome.failed(sharedOAuthCredentials, platformDomain.failure);
    return;
  }
  judgeStatus(platformDomain.data.name, statusResult, outcome);
  judgeProductionOAuth(configResult, outcome);
}

/** An unexpected error as a failure, its text scrubbed of secrets. */
function unexpected(error: unknown, scrubber: Scrubber): ApiFailure {
  const text = scrubber.scrub(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
  const reason = `internal error in the online checks: ${text} (please report this)`;
  return { endpoint: 'online checks', kind: 'network', reason, message: reason };
}

/** Why the checks that need a production secret key did not run. */
function skipReasonWithoutLiveKey({ secretKey }: Credentials): string {
  if (!secretKey) return 'no secret key was read';
  const sk = classifySecretKey(secretKey.value);
  if (sk?.kind === 'legacy-api-key') return 'the secret key is a legacy API key: use an sk_live_ key';
  return 'the secret key is a development key (see dev-secret-key)';
}

/** `https://<host>/v1/environment` for a Frontend API host (which may carry a port), or undefined. */
function frontendApiUrl(host: string): URL | undefined {
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host)) return undefined;
  try {
    return new URL(`https://${host}/v1/environment`);
  } catch {
    return undefined;
  }
}

/** `example.com` for the Frontend API host `clerk.example.com` (a port, if any, dropped). */
function domainOfFrontendApi(host: string): string {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  return name.startsWith('clerk.') ? name.slice('clerk.'.length) : name;
}

/** The primary domain: the one that is no satellite. */
function primaryOf(domains: readonly DomainT[]): DomainT | undefined {
  return domains.find((d) => !d.is_satellite) ?? domains[0];
}

/** The host name (no port) of an absolute URL, lower-case; '' when there is none. */
function hostOfUrl(url: string | null | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
