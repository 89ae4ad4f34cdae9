import { d as describeFailure, a as dnsRecordMissing, b as dnsRecordWrongTarget, c as dnsRecordProxied, D as DNS_ORIGIN, e as dnsNotVerified, A as API_ORIGIN, s as sharedOAuthCredentials, w as whyNotOnline, f as skippedOnline, O as Outcome, g as clerkApiError, h as classifySecretKey, i as instanceNotProduction, k as keyInstanceMismatch, j as caaBlocksCertificates, l as frontendApiUnreachable, m as scrub } from './cli.js';
import { O as OAuthConnection, H as HttpClient, I as Instance, D as Domains, E as Environment, P as PlatformDomain, a as DomainStatus, b as InstanceConfig } from './cli-http-client.js';
import { promises, lookup } from 'node:dns';
import { isIP } from 'node:net';
import 'node:fs';
import 'node:path';
import 'node:buffer';
import 'node:fs/promises';
import 'node:util';
import 'node:os';
import 'node:string_decoder';
import 'node:assert';
import 'node:http';
import 'node:stream';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import './cli-_commonjsHelpers.js';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'string_decoder';

/** Resolver codes that mean "no such record", an answer rather than a failure. */
const ABSENT = new Set(['ENODATA', 'ENOTFOUND', 'NXDOMAIN']);
/**
 * DNS through node:dns's Resolver: the system's servers, or the `dns-servers` setting. Each query has a
 * timeout (two tries). Never throws.
 */
class DnsClient {
    resolver;
    constructor(servers, timeoutMs) {
        this.resolver = new promises.Resolver({ timeout: Math.max(100, Math.round(timeoutMs / 2)), tries: 2 });
        if (servers.length > 0)
            this.resolver.setServers([...servers]);
    }
    cname(host) {
        return this.query('CNAME', host, () => this.resolver.resolveCname(host));
    }
    a(host) {
        return this.query('A', host, () => this.resolver.resolve4(host));
    }
    aaaa(host) {
        return this.query('AAAA', host, () => this.resolver.resolve6(host));
    }
    caa(name) {
        return this.query('CAA', name, () => this.resolver.resolveCaa(name));
    }
    /** Whether a failed query means "no such record" (NXDOMAIN or no data), not a lookup that went wrong. */
    static isAbsent(result) {
        return !result.ok && ABSENT.has(result.code);
    }
    /**
     * A `lookup` for connections (net.connect's option): A, then AAAA, through these servers. IP literals pass as
     * they are; the hosts in `systemHosts` (the Clerk API: `clerk-api-url` may name a proxy only the system's
     * resolver knows) go to the system's `dns.lookup`.
     */
    lookup(systemHosts = []) {
        return (hostname, options, callback) => {
            if (systemHosts.includes(hostname.toLowerCase()))
                return lookup(hostname, options, callback);
            const all = options.all === true;
            const family = isIP(hostname);
            const found = (addresses, code = 'ENOTFOUND') => {
                if (addresses.length === 0) {
                    const error = Object.assign(new Error(`no address for ${hostname}`), { code });
                    callback(error, '', 0);
                }
                else if (all)
                    callback(null, addresses);
                else
                    callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4);
            };
            if (family !== 0)
                return found([{ address: hostname, family }]);
            void (async () => {
                const v4 = await this.a(hostname);
                // A chain that ends without an A record answers [] rather than ENODATA.
                const v6 = v4.ok && v4.value.length > 0 ? undefined : await this.aaaa(hostname);
                // A look-up that failed (SERVFAIL, a timeout) says so, rather than "not found".
                const failed = [v4, v6].find((r) => r && !r.ok && !DnsClient.isAbsent(r));
                found([
                    ...(v4.ok ? v4.value.map((address) => ({ address, family: 4 })) : []),
                    ...(v6?.ok ? v6.value.map((address) => ({ address, family: 6 })) : [])
                ], failed && !failed.ok ? failed.code : 'ENOTFOUND');
            })();
        };
    }
    async query(type, name, run) {
        try {
            return { ok: true, value: await run() };
        }
        catch (error) {
            const code = String(error.code ?? 'UNKNOWN');
            return { ok: false, code, failure: describeFailure({ endpoint: `DNS ${type} ${name}`, kind: 'dns', code }, []) };
        }
    }
}

/** Certificate authorities Clerk issues through (Let's Encrypt, Google Trust Services). */
const CLERK_CAS = ['letsencrypt.org', 'pki.goog'];
/** Lower-case, without one trailing dot. */
function normalise(name) {
    const lower = name.toLowerCase();
    return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
/** Each required CNAME target of the domain, resolved and compared with what Clerk asks for. */
function checkRecords(domain, dns) {
    const targets = (domain.cname_targets ?? []).filter((t) => t.required);
    const domainName = normalise(domain.name);
    return Promise.all(targets.map(async ({ host: rawHost, value }) => {
        const name = normalise(rawHost);
        const host = name === domainName || name.endsWith(`.${domainName}`) ? name : `${name}.${domainName}`;
        const target = normalise(value);
        // The record's name as entered at a DNS provider that appends the domain: `clerk` for `clerk.example.com`.
        const label = host === domainName ? '@' : host.slice(0, -domainName.length - 1);
        const cname = await dns.cname(host);
        if (cname.ok) {
            const actual = normalise(cname.value[0] ?? '');
            return actual === target ? { host, target, ok: true } : { host, target, wrongTarget: actual };
        }
        if (!DnsClient.isAbsent(cname))
            return { host, target, failure: cname.failure };
        if (cname.code === 'ENODATA') {
            const [a, aaaa] = await Promise.all([dns.a(host), dns.aaaa(host)]);
            const addresses = [...(a.ok ? a.value : []), ...(aaaa.ok ? aaaa.value : [])];
            if (addresses.length > 0)
                return { host, target, proxied: addresses };
            return { host, target, label, missing: 'the name has no CNAME, A or AAAA record' };
        }
        // NXDOMAIN: a DNS provider that appends the zone to every name makes `clerk.example.com.example.com`.
        const doubled = `${host}.${domainName}`;
        const found = await dns.cname(doubled);
        const exists = found.ok || (!found.ok && found.code === 'ENODATA');
        return { host, target, label, missing: 'no such name', ...(exists && { doubled }) };
    }));
}
function judgeRecords(outcomes, domains, noLiveKey, hasPlatformKey, outcome) {
    const rules = [dnsRecordMissing, dnsRecordWrongTarget, dnsRecordProxied];
    if (!domains)
        return rules.forEach((rule) => outcome.skip(rule, noLiveKey));
    if (!domains.ok)
        return rules.forEach((rule) => outcome.failed(rule, domains.failure));
    if (!outcomes)
        return rules.forEach((rule) => outcome.skip(rule, 'the instance has no primary domain'));
    const inferred = hasPlatformKey
        ? ''
        : "; inferred from DNS resolution (with CLERK_PLATFORM_API_KEY, dns-not-verified reads Clerk's own verification)";
    const counts = new Map(rules.map((rule) => [rule.id, 0]));
    for (const result of outcomes) {
        const { host, target } = result;
        if ('failure' in result)
            rules.forEach((rule) => outcome.failed(rule, result.failure));
        else if ('wrongTarget' in result) {
            counts.set(dnsRecordWrongTarget.id, (counts.get(dnsRecordWrongTarget.id) ?? 0) + 1);
            outcome.fail(dnsRecordWrongTarget, 'wrongTarget', {
                data: { host, actual: result.wrongTarget, target },
                variable: host,
                value: result.wrongTarget,
                origin: DNS_ORIGIN
            });
        }
        else if ('proxied' in result) {
            counts.set(dnsRecordProxied.id, (counts.get(dnsRecordProxied.id) ?? 0) + 1);
            outcome.fail(dnsRecordProxied, 'proxied', {
                data: { host, addresses: result.proxied.join(', '), target },
                variable: host,
                value: result.proxied.join(', '),
                origin: DNS_ORIGIN
            });
        }
        else if ('missing' in result) {
            counts.set(dnsRecordMissing.id, (counts.get(dnsRecordMissing.id) ?? 0) + 1);
            outcome.fail(dnsRecordMissing, 'missing', {
                data: { host, target, reason: result.missing, doubled: result.doubled ?? '', label: result.label },
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
/**
 * The CAA records that govern the domain: the domain's own, else its closest parent's (RFC 8659). All levels are
 * asked at once; the closest one with records decides.
 */
async function checkCaa(domainName, dns) {
    const labels = normalise(domainName).split('.');
    // The domain, then each parent up to the top-level domain (RFC 8659 stops before the root).
    const names = labels.map((_, i) => labels.slice(i).join('.'));
    const answers = await Promise.all(names.map((name) => dns.caa(name)));
    for (const [i, answer] of answers.entries()) {
        const name = names[i];
        if (!answer.ok) {
            if (DnsClient.isAbsent(answer))
                continue;
            return { failure: answer.failure };
        }
        const issuers = answer.value.filter((r) => r.issue !== undefined).map((r) => caaIssuer(r.issue ?? ''));
        if (answer.value.length === 0)
            continue;
        if (issuers.length === 0)
            return { name, blocked: false, allowed: [], detail: `${name}: CAA without issue records` };
        const allowed = [...new Set(issuers.filter((i) => i !== ''))];
        const blocked = !allowed.some((ca) => CLERK_CAS.includes(ca));
        return { name, blocked, allowed, detail: `${name} allows ${allowed.join(', ')}` };
    }
    return { name: domainName, blocked: false, allowed: [], detail: 'no CAA records: any authority may issue' };
}
/** The issuer domain of a CAA `issue` value (`letsencrypt.org; validationmethods=dns-01` → `letsencrypt.org`). */
function caaIssuer(value) {
    return (value.split(';')[0] ?? '').trim().toLowerCase();
}

/** dns-not-verified: the Platform API's status of the domain, with what is not ready yet. */
function judgeStatus(domain, status, outcome) {
    if (!status)
        return outcome.skip(dnsNotVerified, 'the Platform API domain could not be read');
    if (!status.ok)
        return outcome.failed(dnsNotVerified, status.failure);
    const { data } = status;
    if (data.status === 'complete')
        return outcome.pass(dnsNotVerified, `Clerk reports ${domain} as complete`);
    const details = [];
    for (const [name, cname] of Object.entries(data.dns.cnames)) {
        if (!cname.required || cname.verified)
            continue;
        const hints = (cname.failure_hints ?? []).map((h) => h.message.replace(/[.\s]+$/, '')).join('; ');
        details.push(`${name} (${cname.from} → ${cname.to}) not verified${hints ? `: ${hints}` : ''}`);
    }
    if (data.ssl?.status && data.ssl.status !== 'complete')
        details.push(`SSL ${data.ssl.status.replace(/_/g, ' ')}`);
    if (data.mail?.required && data.mail.status !== 'complete')
        details.push(`mail ${data.mail.status.replace(/_/g, ' ')}`);
    outcome.fail(dnsNotVerified, 'incomplete', {
        data: { domain, details: details.join('; ') || `DNS ${data.dns.status.replace(/_/g, ' ')}` },
        variable: domain,
        value: data.status,
        origin: API_ORIGIN
    });
}

function judgeDevelopmentOAuth(pk, environment, outcome) {
    const host = pk.parsed.frontendApi.toLowerCase();
    if (!environment)
        return outcome.skip(sharedOAuthCredentials, 'the publishable key does not encode a host name');
    if (!environment.ok)
        return outcome.failed(sharedOAuthCredentials, environment.failure);
    const providers = Object.entries(environment.data.user_settings.social)
        .filter(([, provider]) => provider.enabled)
        .map(([key, provider]) => provider.name ?? providerName(key.replace(/^oauth_/, '')));
    if (providers.length === 0)
        return outcome.pass(sharedOAuthCredentials, `${host}: no social provider enabled`);
    outcome.fail(sharedOAuthCredentials, 'development', {
        data: { name: pk.name, host, providers: providers.join(', ') },
        variable: pk.name,
        value: providers.join(', '),
        origin: API_ORIGIN
    });
}
function judgeProductionOAuth(config, outcome) {
    if (!config)
        return outcome.skip(sharedOAuthCredentials, 'the Platform API domain could not be read');
    if (!config.ok)
        return outcome.failed(sharedOAuthCredentials, config.failure);
    const shared = [];
    for (const [key, value] of Object.entries(config.data)) {
        if (!key.startsWith('connection_oauth_'))
            continue;
        const parsed = OAuthConnection.safeParse(value);
        if (!parsed.success) {
            // A connection the gate cannot read might be one on shared credentials: fail closed.
            const detail = `unexpected ${key}: ${parsed.error.issues[0]?.message ?? 'not a connection object'}`;
            const failure = describeFailure({ endpoint: config.endpoint, kind: 'invalid-response', status: config.status, detail }, []);
            return outcome.failed(sharedOAuthCredentials, failure);
        }
        if (parsed.data.enabled !== true)
            continue;
        const provider = key.slice('connection_oauth_'.length);
        const fields = provider === 'apple'
            ? ['client_id', 'client_secret', 'team_id', 'key_id']
            : ['client_id', 'client_secret'];
        if (fields.some((field) => !parsed.data[field]))
            shared.push(providerName(provider));
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
function providerName(id) {
    const words = id.replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The Backend API version the gate's schemas follow (the version `@clerk/backend` sends). */
const CLERK_API_VERSION = '2026-05-12';
/**
 * The online checks, for each distinct set of keys the gate read. Every call starts as soon as what it needs is
 * known: the instance, the domains, the Frontend API and the Platform domain at once; DNS as soon as the domains
 * answer; the Platform status and config as soon as the Platform domain answers.
 */
async function runOnlineChecks(sets, settings) {
    const skip = whyNotOnline(settings, sets);
    if (skip)
        return skippedOnline(skip);
    const outcome = new Outcome(settings.onApiError);
    const secrets = sets.flatMap((s) => [s.secretKey?.value, s.platformKey?.value].filter((v) => v !== undefined));
    const dns = new DnsClient(settings.dnsServers, settings.apiTimeoutMs);
    // One HTTP client for every call. With `dns-servers`, every host it connects to is looked up there, except the
    // Clerk API's own, which is the system's business (it may be a proxy).
    const client = new HttpClient({
        timeoutMs: settings.apiTimeoutMs,
        deadline: Date.now() + 3 * settings.apiTimeoutMs,
        secrets,
        ...(settings.dnsServers.length > 0 && { lookup: dns.lookup([new URL(settings.clerkApiUrl).hostname]) })
    });
    try {
        await Promise.all(sets.map((set) => 
        // A bug here must not cost the report: it becomes a failed call, and the rest still runs and is written.
        checkInstance(set, { client, dns, settings, outcome }).catch((error) => outcome.failed(clerkApiError, unexpected(error, secrets)))));
    }
    finally {
        await client.close();
    }
    return outcome.result();
}
async function checkInstance(set, ctx) {
    const { outcome, settings } = ctx;
    const { secretKey, publishableKey: pk, platformKey } = set;
    const sk = secretKey ? classifySecretKey(secretKey.value) : null;
    const liveSecretKey = sk?.kind === 'secret-key' && sk.instanceType === 'production' ? secretKey : undefined;
    const productionPk = pk?.parsed.instanceType === 'production' ? pk : undefined;
    const base = new URL(settings.clerkApiUrl);
    const url = (path) => new URL(`${base.pathname.replace(/\/$/, '')}${path}`, base);
    const bearer = (key) => ({ authorization: `Bearer ${key}`, 'clerk-api-version': CLERK_API_VERSION });
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
    const platform = (path, call) => ctx.client.call({ ...call, url: url(path), headers: bearer(platformKey?.value ?? '') });
    const platformDomainCall = platformKey && domainName
        ? platform(`/v1/platform/domains/${encodeURIComponent(domainName)}`, { method: 'GET', schema: PlatformDomain })
        : undefined;
    // Round two and three: what waits for an answer of round one.
    const primaryDomain = domainsCall?.then((r) => (r.ok ? primaryOf(r.data.data) : undefined));
    const records = primaryDomain?.then((domain) => (domain ? checkRecords(domain, ctx.dns) : undefined));
    const caa = primaryDomain?.then((domain) => (domain ? checkCaa(domain.name, ctx.dns) : undefined));
    const platformPaths = platformDomainCall?.then((r) => {
        if (!r.ok)
            return undefined;
        const app = `/v1/platform/applications/${encodeURIComponent(r.data.application.id)}`;
        return { domain: `${app}/domains/${encodeURIComponent(r.data.id)}`, config: `${app}/instances/production/config` };
    });
    const status = platformPaths?.then(async (paths) => {
        if (!paths)
            return undefined;
        if (settings.dnsCheck) {
            // 409: a check is running or ran recently; the status below is then as fresh as Clerk allows.
            const checked = await platform(`${paths.domain}/dns_check`, {
                method: 'POST',
                schema: DomainStatus,
                accept: [409]
            });
            if (!checked.ok)
                return checked;
        }
        return platform(`${paths.domain}/status`, { method: 'GET', schema: DomainStatus });
    });
    const config = platformPaths?.then((paths) => paths ? platform(paths.config, { method: 'GET', schema: InstanceConfig }) : undefined);
    const [instance, domains, environment, platformDomain] = await Promise.all([
        instanceCall,
        domainsCall,
        environmentCall,
        platformDomainCall
    ]);
    const noLiveKey = skipReasonWithoutLiveKey(set);
    // instance-not-production
    if (!instance)
        outcome.skip(instanceNotProduction, noLiveKey);
    else if (!instance.ok)
        outcome.failed(instanceNotProduction, instance.failure);
    else if (instance.data.environment_type !== 'production') {
        outcome.fail(instanceNotProduction, 'notProduction', {
            data: { name: liveSecretKey?.name ?? 'CLERK_SECRET_KEY', environment: instance.data.environment_type },
            variable: liveSecretKey?.name ?? 'CLERK_SECRET_KEY',
            value: instance.data.environment_type,
            origin: API_ORIGIN
        });
    }
    else
        outcome.pass(instanceNotProduction, 'the secret key belongs to a production instance');
    // key-instance-mismatch
    if (!domains)
        outcome.skip(keyInstanceMismatch, noLiveKey);
    else if (!domains.ok)
        outcome.failed(keyInstanceMismatch, domains.failure);
    else if (!pk)
        outcome.skip(keyInstanceMismatch, 'no publishable key was read');
    else {
        const primary = primaryOf(domains.data.data);
        const served = primary ? [hostOfUrl(primary.frontend_api_url), hostOfUrl(primary.proxy_url)] : [];
        const host = pk.parsed.frontendApi.toLowerCase().replace(/:\d+$/, '');
        if (served.includes(host))
            outcome.pass(keyInstanceMismatch, 'both keys belong to one instance');
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
    if (!caa)
        outcome.skip(caaBlocksCertificates, noLiveKey);
    else if (!caaOutcome)
        outcome.skip(caaBlocksCertificates, 'the domains could not be read');
    else if ('failure' in caaOutcome)
        outcome.failed(caaBlocksCertificates, caaOutcome.failure);
    else if (caaOutcome.blocked) {
        outcome.fail(caaBlocksCertificates, 'blocked', {
            data: { name: caaOutcome.name, allowed: caaOutcome.allowed.join(', ') || 'no certificate authority' },
            variable: caaOutcome.name,
            value: caaOutcome.allowed.join(', ') || '(none)',
            origin: DNS_ORIGIN
        });
    }
    else
        outcome.pass(caaBlocksCertificates, caaOutcome.detail);
    // frontend-api-unreachable (production key) and shared-oauth-credentials (development key)
    if (!pk) {
        outcome.skip(frontendApiUnreachable, 'no publishable key was read');
        outcome.skip(sharedOAuthCredentials, 'no publishable key was read');
    }
    else if (!productionPk) {
        outcome.skip(frontendApiUnreachable, 'the publishable key is a development key (see dev-publishable-key)');
        judgeDevelopmentOAuth(pk, environment, outcome);
    }
    else {
        const host = productionPk.parsed.frontendApi.toLowerCase();
        if (!environment) {
            outcome.fail(frontendApiUnreachable, 'unreachable', {
                data: { host, reason: 'the publishable key does not encode a host name' },
                variable: productionPk.name,
                value: host,
                origin: API_ORIGIN
            });
        }
        else if (!environment.ok) {
            // The runner's own network may be what failed (a timeout, a refused connection): on-api-error decides those.
            // A TLS failure or a wrong answer is the Frontend API's: always an error.
            const runnerSide = ['network', 'timeout', 'dns'].includes(environment.failure.kind);
            outcome.fail(frontendApiUnreachable, 'unreachable', {
                data: { host, reason: environment.failure.reason },
                variable: productionPk.name,
                value: host,
                origin: API_ORIGIN,
                ...(runnerSide && settings.onApiError === 'warn' && { severity: 'warning' })
            });
        }
        else if (environment.data.display_config.instance_environment_type !== 'production') {
            outcome.fail(frontendApiUnreachable, 'notProduction', {
                data: { host, environment: environment.data.display_config.instance_environment_type },
                variable: productionPk.name,
                value: host,
                origin: API_ORIGIN
            });
        }
        else
            outcome.pass(frontendApiUnreachable, `${host} answers over TLS as a production instance`);
    }
    // The Platform API: dns-not-verified, and shared-oauth-credentials in production.
    const noPlatform = !platformKey
        ? 'needs CLERK_PLATFORM_API_KEY (optional; Platform API, private beta)'
        : 'needs a production publishable key (for the domain)';
    const [statusResult, configResult] = await Promise.all([status, config]);
    if (!platformDomain) {
        outcome.skip(dnsNotVerified, noPlatform);
        if (productionPk)
            outcome.skip(sharedOAuthCredentials, noPlatform);
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
function unexpected(error, secrets) {
    const text = scrub(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error), secrets);
    const reason = `internal error in the online checks: ${text} (please report this)`;
    return { endpoint: 'online checks', kind: 'network', reason, message: reason };
}
/** Why the checks that need a production secret key did not run. */
function skipReasonWithoutLiveKey({ secretKey }) {
    if (!secretKey)
        return 'no secret key was read';
    const sk = classifySecretKey(secretKey.value);
    if (sk?.kind === 'legacy-api-key')
        return 'the secret key is a legacy API key: use an sk_live_ key';
    return 'the secret key is a development key (see dev-secret-key)';
}
/** `https://<host>/v1/environment` for a Frontend API host (which may carry a port), or undefined. */
function frontendApiUrl(host) {
    if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host))
        return undefined;
    try {
        return new URL(`https://${host}/v1/environment`);
    }
    catch {
        return undefined;
    }
}
/** `example.com` for the Frontend API host `clerk.example.com` (a port, if any, dropped). */
function domainOfFrontendApi(host) {
    const name = host.toLowerCase().replace(/:\d+$/, '');
    return name.startsWith('clerk.') ? name.slice('clerk.'.length) : name;
}
/** The primary domain: the one that is no satellite. */
function primaryOf(domains) {
    return domains.find((d) => !d.is_satellite) ?? domains[0];
}
/** The host name (no port) of an absolute URL, lower-case; '' when there is none. */
function hostOfUrl(url) {
    if (!url)
        return '';
    try {
        return new URL(url).hostname.toLowerCase();
    }
    catch {
        return '';
    }
}

export { runOnlineChecks };
