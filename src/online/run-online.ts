import type { CaaRecord } from 'node:dns';
import type { CheckResult } from '../core/check.js';
import type { Finding, Severity } from '../core/finding.js';
import type { Origin } from '../core/variable.js';
import { classifySecretKey } from '../clerk/secret-key.js';
import { formatMessage, type RuleMeta } from '../rules/rule.js';
import { isAuthFailure, type ApiFailure } from './api-failure.js';
import {
  Domains,
  DomainStatus,
  Environment,
  Instance,
  InstanceConfig,
  OAuthConnection,
  PlatformDomain,
  type DomainT,
  type DomainStatusT,
  type EnvironmentT
} from './clerk-schemas.js';
import type { Credentials } from './credentials.js';
import { DnsClient, type DnsResult } from './dns-client.js';
import { HttpClient, type Call, type CallResult } from './http-client.js';
import {
  caaBlocksCertificates,
  clerkApiError,
  dnsNotVerified,
  dnsRecordMissing,
  dnsRecordProxied,
  dnsRecordWrongTarget,
  frontendApiUnreachable,
  instanceNotProduction,
  keyInstanceMismatch,
  ONLINE_RULES,
  sharedOAuthCredentials
} from './online-rules.js';

export interface OnlineSettings {
  offline: boolean;
  isProduction: boolean;
  /** Per call. The whole run's retries stop at three times this. */
  apiTimeoutMs: number;
  /** What a failed call means, other than a refused key (always a failure). */
  onApiError: 'fail' | 'warn';
  clerkApiUrl: string;
  /** `ip[:port]`; the system's resolver when empty. */
  dnsServers: readonly string[];
  /** Ask the Platform API to check the DNS again before reading its status. */
  dnsCheck: boolean;
}

export interface OnlineResult {
  findings: Finding[];
  checks: CheckResult[];
}

/** The Backend API version the gate's schemas follow (the version `@clerk/backend` sends). */
const CLERK_API_VERSION = '2026-05-12';
/** Certificate authorities Clerk issues through (Let's Encrypt, Google Trust Services). */
const CLERK_CAS = ['letsencrypt.org', 'pki.goog'];

/**
 * The online checks, for each distinct set of keys the gate read. Every call starts as soon as what it needs is
 * known: the instance, the domains, the Frontend API and the Platform domain at once; DNS as soon as the domains
 * answer; the Platform status and config as soon as the Platform domain answers.
 */
export async function runOnlineChecks(sets: readonly Credentials[], settings: OnlineSettings): Promise<OnlineResult> {
  const outcome = new Outcome(settings.onApiError);
  const skipAll = (reason: string): OnlineResult => {
    for (const rule of ONLINE_RULES) outcome.skip(rule, reason);
    return outcome.result();
  };
  if (settings.offline) return skipAll('offline mode');
  if (!settings.isProduction) return skipAll('applies to production environments only');
  if (sets.length === 0) return skipAll('no Clerk key was read');

  const secrets = sets.flatMap((s) => [s.secretKey?.value, s.platformKey?.value].filter((v) => v !== undefined));
  const dns = new DnsClient(settings.dnsServers, settings.apiTimeoutMs);
  const clients = {
    api: new HttpClient({
      timeoutMs: settings.apiTimeoutMs,
      deadline: Date.now() + 3 * settings.apiTimeoutMs,
      secrets
    }),
    hosts: new HttpClient({
      timeoutMs: settings.apiTimeoutMs,
      deadline: Date.now() + 3 * settings.apiTimeoutMs,
      secrets,
      ...(settings.dnsServers.length > 0 && { lookup: dns.lookup() })
    })
  };
  try {
    await Promise.all(sets.map((set) => checkInstance(set, { ...clients, dns, settings, outcome })));
  } finally {
    await Promise.all([clients.api.close(), clients.hosts.close()]);
  }
  return outcome.result();
}

interface Context {
  api: HttpClient;
  hosts: HttpClient;
  dns: DnsClient;
  settings: OnlineSettings;
  outcome: Outcome;
}

const API_ORIGIN: Origin = { kind: 'clerk-api' };
const DNS_ORIGIN: Origin = { kind: 'dns' };

async function checkInstance(set: Credentials, ctx: Context): Promise<void> {
  const { outcome, settings } = ctx;
  const { secretKey, publishableKey: pk, platformKey } = set;
  const sk = secretKey ? classifySecretKey(secretKey.value) : null;
  const liveSecretKey = sk?.kind === 'secret-key' && sk.instanceType === 'production' ? secretKey : undefined;
  const productionPk = pk?.parsed.instanceType === 'production' ? pk : undefined;
  const base = new URL(settings.clerkApiUrl);
  const url = (path: string): URL => new URL(`${base.pathname.replace(/\/$/, '')}${path}`, base);
  const bearer = (key: string) => ({ authorization: `Bearer ${key}`, 'clerk-api-version': CLERK_API_VERSION });

  // Round one: everything that needs only the keys.
  const instanceCall = liveSecretKey
    ? ctx.api.call({ method: 'GET', url: url('/v1/instance'), headers: bearer(liveSecretKey.value), schema: Instance })
    : undefined;
  const domainsCall = liveSecretKey
    ? ctx.api.call({ method: 'GET', url: url('/v1/domains'), headers: bearer(liveSecretKey.value), schema: Domains })
    : undefined;
  const frontendUrl = pk ? frontendApiUrl(pk.parsed.frontendApi) : undefined;
  const environmentCall = frontendUrl
    ? ctx.hosts.call({ method: 'GET', url: frontendUrl, schema: Environment })
    : undefined;
  const domainName = productionPk ? domainOfFrontendApi(productionPk.parsed.frontendApi) : undefined;
  const platform = <T>(path: string, call: Omit<Call<T>, 'url' | 'headers'>): Promise<CallResult<T>> =>
    ctx.api.call({ ...call, url: url(path), headers: bearer(platformKey?.value ?? '') });
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

  const [instance, domains, environment, platformDomain] = await Promise.all([
    instanceCall,
    domainsCall,
    environmentCall,
    platformDomainCall
  ]);
  const noLiveKey = skipReasonWithoutLiveKey(set);

  // instance-not-production
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

  // key-instance-mismatch
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

  // DNS records and CAA
  const [recordOutcomes, caaOutcome] = await Promise.all([records, caa]);
  judgeRecords(recordOutcomes, domains, noLiveKey, Boolean(platformKey), outcome);
  if (!caa) outcome.skip(caaBlocksCertificates, noLiveKey);
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

  // frontend-api-unreachable (production key) and shared-oauth-credentials (development key)
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
      outcome.fail(frontendApiUnreachable, 'unreachable', {
        data: { host, reason: environment.failure.reason },
        variable: productionPk.name,
        value: host,
        origin: API_ORIGIN
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

  // The Platform API: dns-not-verified, and shared-oauth-credentials in production.
  const noPlatform = !platformKey
    ? 'needs CLERK_PLATFORM_API_KEY (optional; Platform API, private beta)'
    : 'needs a production publishable key (for the domain)';
  const [statusResult, configResult] = await Promise.all([status, config]);
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

/** Lower-case, without one trailing dot. */
function normalise(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

type RecordOutcome =
  | { host: string; target: string; ok: true }
  | { host: string; target: string; wrongTarget: string }
  | { host: string; target: string; proxied: string[] }
  | { host: string; target: string; missing: string; doubled?: string }
  | { host: string; target: string; failure: ApiFailure };

/** Each required CNAME target of the domain, resolved and compared with what Clerk asks for. */
function checkRecords(domain: DomainT, dns: DnsClient): Promise<RecordOutcome[]> {
  const targets = (domain.cname_targets ?? []).filter((t) => t.required);
  const domainName = normalise(domain.name);
  return Promise.all(
    targets.map(async ({ host: rawHost, value }): Promise<RecordOutcome> => {
      const name = normalise(rawHost);
      const host = name === domainName || name.endsWith(`.${domainName}`) ? name : `${name}.${domainName}`;
      const target = normalise(value);
      const cname = await dns.cname(host);
      if (cname.ok) {
        const actual = normalise(cname.value[0] ?? '');
        return actual === target ? { host, target, ok: true } : { host, target, wrongTarget: actual };
      }
      if (!DnsClient.isAbsent(cname)) return { host, target, failure: cname.failure };
      if (cname.code === 'ENODATA') {
        const [a, aaaa] = await Promise.all([dns.a(host), dns.aaaa(host)]);
        const addresses = [...(a.ok ? a.value : []), ...(aaaa.ok ? aaaa.value : [])];
        if (addresses.length > 0) return { host, target, proxied: addresses };
        return { host, target, missing: 'the name has no CNAME, A or AAAA record' };
      }
      // NXDOMAIN: a DNS provider that appends the zone to every name makes `clerk.example.com.example.com`.
      const doubled = `${host}.${domainName}`;
      const found = await dns.cname(doubled);
      const exists = found.ok || (!found.ok && found.code === 'ENODATA');
      return { host, target, missing: 'no such name', ...(exists && { doubled }) };
    })
  );
}

function judgeRecords(
  outcomes: RecordOutcome[] | undefined,
  domains: CallResult<unknown> | undefined,
  noLiveKey: string,
  hasPlatformKey: boolean,
  outcome: Outcome
): void {
  const rules = [dnsRecordMissing, dnsRecordWrongTarget, dnsRecordProxied];
  if (!domains) return rules.forEach((rule) => outcome.skip(rule, noLiveKey));
  if (!domains.ok) return rules.forEach((rule) => outcome.failed(rule, domains.failure));
  if (!outcomes) return rules.forEach((rule) => outcome.skip(rule, 'the instance has no primary domain'));
  const inferred = hasPlatformKey
    ? ''
    : "; inferred from DNS resolution (with CLERK_PLATFORM_API_KEY, dns-not-verified reads Clerk's own verification)";
  const counts = new Map(rules.map((rule) => [rule.id, 0]));
  for (const result of outcomes) {
    const { host, target } = result;
    if ('failure' in result) rules.forEach((rule) => outcome.failed(rule, result.failure));
    else if ('wrongTarget' in result) {
      counts.set(dnsRecordWrongTarget.id, (counts.get(dnsRecordWrongTarget.id) ?? 0) + 1);
      outcome.fail(dnsRecordWrongTarget, 'wrongTarget', {
        data: { host, actual: result.wrongTarget, target },
        variable: host,
        value: result.wrongTarget,
        origin: DNS_ORIGIN
      });
    } else if ('proxied' in result) {
      counts.set(dnsRecordProxied.id, (counts.get(dnsRecordProxied.id) ?? 0) + 1);
      outcome.fail(dnsRecordProxied, 'proxied', {
        data: { host, addresses: result.proxied.join(', '), target },
        variable: host,
        value: result.proxied.join(', '),
        origin: DNS_ORIGIN
      });
    } else if ('missing' in result) {
      counts.set(dnsRecordMissing.id, (counts.get(dnsRecordMissing.id) ?? 0) + 1);
      const label = host.split('.').slice(0, -2).join('.') || host;
      outcome.fail(dnsRecordMissing, 'missing', {
        data: { host, target, reason: result.missing, doubled: result.doubled ?? '', label },
        variable: host,
        value: '(no record)',
        origin: DNS_ORIGIN,
        ...(result.doubled && { fixId: 'fixDoubled' })
      });
    }
  }
  for (const rule of rules) {
    if ((counts.get(rule.id) ?? 0) === 0) {
      outcome.pass(rule, `${outcomes.length} required record${outcomes.length === 1 ? '' : 's'} checked${inferred}`);
    }
  }
}

type CaaOutcome = { name: string; blocked: boolean; allowed: string[]; detail: string } | { failure: ApiFailure };

/**
 * The CAA records that govern the domain: the domain's own, else its closest parent's (RFC 8659). All levels are
 * asked at once; the closest one with records decides.
 */
async function checkCaa(domainName: string, dns: DnsClient): Promise<CaaOutcome> {
  const labels = normalise(domainName).split('.');
  const names = labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
  const answers: DnsResult<CaaRecord[]>[] = await Promise.all(names.map((name) => dns.caa(name)));
  for (const [i, answer] of answers.entries()) {
    const name = names[i] as string;
    if (!answer.ok) {
      if (DnsClient.isAbsent(answer)) continue;
      return { failure: answer.failure };
    }
    const issuers = answer.value.filter((r) => r.issue !== undefined).map((r) => caaIssuer(r.issue ?? ''));
    if (answer.value.length === 0) continue;
    if (issuers.length === 0)
      return { name, blocked: false, allowed: [], detail: `${name}: CAA without issue records` };
    const allowed = [...new Set(issuers.filter((i) => i !== ''))];
    const blocked = !allowed.some((ca) => CLERK_CAS.includes(ca));
    return { name, blocked, allowed, detail: `${name} allows ${allowed.join(', ')}` };
  }
  return { name: domainName, blocked: false, allowed: [], detail: 'no CAA records: any authority may issue' };
}

/** The issuer domain of a CAA `issue` value (`letsencrypt.org; validationmethods=dns-01` → `letsencrypt.org`). */
function caaIssuer(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

function judgeDevelopmentOAuth(
  pk: NonNullable<Credentials['publishableKey']>,
  environment: CallResult<EnvironmentT> | undefined,
  outcome: Outcome
): void {
  const host = pk.parsed.frontendApi.toLowerCase();
  if (!environment) return outcome.skip(sharedOAuthCredentials, 'the publishable key does not encode a host name');
  if (!environment.ok) return outcome.failed(sharedOAuthCredentials, environment.failure);
  const providers = Object.entries(environment.data.user_settings.social)
    .filter(([, provider]) => provider.enabled)
    .map(([key, provider]) => provider.name ?? providerName(key.replace(/^oauth_/, '')));
  if (providers.length === 0) return outcome.pass(sharedOAuthCredentials, `${host}: no social provider enabled`);
  outcome.fail(sharedOAuthCredentials, 'development', {
    data: { name: pk.name, host, providers: providers.join(', ') },
    variable: pk.name,
    value: providers.join(', '),
    origin: API_ORIGIN
  });
}

function judgeProductionOAuth(config: CallResult<Record<string, unknown>> | undefined, outcome: Outcome): void {
  if (!config) return outcome.skip(sharedOAuthCredentials, 'the Platform API domain could not be read');
  if (!config.ok) return outcome.failed(sharedOAuthCredentials, config.failure);
  const shared: string[] = [];
  for (const [key, value] of Object.entries(config.data)) {
    if (!key.startsWith('connection_oauth_')) continue;
    const parsed = OAuthConnection.safeParse(value);
    if (!parsed.success || parsed.data.enabled !== true) continue;
    const provider = key.slice('connection_oauth_'.length);
    const fields =
      provider === 'apple'
        ? (['client_id', 'client_secret', 'team_id', 'key_id'] as const)
        : (['client_id', 'client_secret'] as const);
    if (fields.some((field) => !parsed.data[field])) shared.push(providerName(provider));
  }
  if (shared.length === 0)
    return outcome.pass(sharedOAuthCredentials, 'every enabled provider has its own credentials');
  outcome.fail(sharedOAuthCredentials, 'production', {
    data: { providers: shared.join(', ') },
    variable: 'connection_oauth',
    value: shared.join(', '),
    origin: API_ORIGIN
  });
}

/** `google` → `Google`, `linkedin_oidc` → `Linkedin oidc`: for providers the response names no better. */
function providerName(id: string): string {
  const words = id.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function judgeStatus(domain: string, status: CallResult<DomainStatusT> | undefined, outcome: Outcome): void {
  if (!status) return outcome.skip(dnsNotVerified, 'the Platform API domain could not be read');
  if (!status.ok) return outcome.failed(dnsNotVerified, status.failure);
  const { data } = status;
  if (data.status === 'complete') return outcome.pass(dnsNotVerified, `Clerk reports ${domain} as complete`);
  const details: string[] = [];
  for (const [name, cname] of Object.entries(data.dns.cnames)) {
    if (!cname.required || cname.verified) continue;
    const hints = (cname.failure_hints ?? []).map((h) => h.message).join('; ');
    details.push(`${name} (${cname.from} → ${cname.to}) not verified${hints ? `: ${hints}` : ''}`);
  }
  if (data.ssl?.status && data.ssl.status !== 'complete') details.push(`SSL ${data.ssl.status.replace(/_/g, ' ')}`);
  if (data.mail?.required && data.mail.status !== 'complete')
    details.push(`mail ${data.mail.status.replace(/_/g, ' ')}`);
  outcome.fail(dnsNotVerified, 'incomplete', {
    data: { domain, details: details.join('; ') || `DNS ${data.dns.status.replace(/_/g, ' ')}` },
    variable: domain,
    value: data.status,
    origin: API_ORIGIN
  });
}

interface FindingParts {
  data: Record<string, string>;
  variable: string;
  value: string;
  origin: Origin;
  fixId?: string;
}

const RANK = { skipped: 0, pass: 1, error: 2, fail: 3 } as const;

/** Each online rule's checklist line and findings, merged over every set of keys checked. */
class Outcome {
  private readonly lines = new Map<string, { meta: RuleMeta; status: keyof typeof RANK; details: string[] }>();
  private readonly findings: Finding[] = [];
  private readonly failedEndpoints = new Set<string>();

  constructor(private readonly onApiError: 'fail' | 'warn') {}

  pass(meta: RuleMeta, detail: string): void {
    this.line(meta, 'pass', detail);
  }

  skip(meta: RuleMeta, reason: string): void {
    this.line(meta, 'skipped', reason);
  }

  fail(meta: RuleMeta, messageId: string, parts: FindingParts): void {
    const finding: Finding = {
      rule: meta.id,
      severity: meta.severity,
      variable: parts.variable,
      value: parts.value,
      origin: parts.origin,
      message: formatMessage(meta, messageId, parts.data),
      fix: parts.fixId ? formatMessage(meta, parts.fixId, parts.data) : meta.fix
    };
    this.findings.push(finding);
    this.line(meta, 'fail', finding.message);
  }

  /** A call the rule needed gave no answer: the line says so, and the failure is a clerk-api-error finding once. */
  failed(meta: RuleMeta, failure: ApiFailure): void {
    this.line(meta, 'error', failure.message);
    if (this.failedEndpoints.has(failure.endpoint)) return;
    this.failedEndpoints.add(failure.endpoint);
    const severity: Severity = isAuthFailure(failure) || this.onApiError === 'fail' ? 'error' : 'warning';
    this.findings.push({
      rule: clerkApiError.id,
      severity,
      variable: failure.endpoint,
      value: failure.status ? `HTTP ${failure.status}` : (failure.code ?? failure.kind),
      origin: failure.kind === 'dns' ? DNS_ORIGIN : API_ORIGIN,
      message: formatMessage(clerkApiError, 'failed', { message: failure.message }),
      fix: clerkApiError.fix
    });
  }

  result(): OnlineResult {
    const apiFailures = this.findings.filter((f) => f.rule === clerkApiError.id);
    if (!this.lines.has(clerkApiError.id)) {
      const checked = [...this.lines.values()].some((l) => l.status !== 'skipped');
      if (apiFailures.length > 0) this.line(clerkApiError, 'fail', `${apiFailures.length} failed`);
      else if (checked) this.line(clerkApiError, 'pass', 'every call answered');
      else this.line(clerkApiError, 'skipped', [...this.lines.values()][0]?.details[0] ?? 'nothing to call');
    }
    const checks = ONLINE_RULES.map((meta): CheckResult => {
      const line = this.lines.get(meta.id);
      const status = line?.status ?? 'skipped';
      return { id: meta.id, title: meta.title, status, detail: line?.details.join('; ') ?? 'skipped' };
    });
    return { findings: this.findings, checks };
  }

  private line(meta: RuleMeta, status: keyof typeof RANK, detail: string): void {
    const line = this.lines.get(meta.id);
    if (!line) {
      this.lines.set(meta.id, { meta, status, details: [detail] });
      return;
    }
    if (RANK[status] > RANK[line.status]) line.status = status;
    if (!line.details.includes(detail)) line.details.push(detail);
  }
}
