import { l as looseObject, o as object, e as string, f as literal, n as number, g as array, i as record, _ as _enum, j as optional, k as boolean, u as unknown, m as nullable, p as describeFailure, q as dnsRecordMissing, t as dnsRecordWrongTarget, v as dnsRecordProxied, D as DNS_ORIGIN, w as dnsNotVerified, A as API_ORIGIN, x as sharedOAuthCredentials, y as whyNotOnline, z as skippedOnline, O as Outcome, S as Scrubber, B as checkDeadline, C as clerkApiError, E as classifySecretKey, F as instanceNotProduction, G as keyInstanceMismatch, H as caaBlocksCertificates, J as frontendApiUnreachable } from './cli.js';
import { promises } from 'node:dns';
import { s as serversLookup, N as NetClient } from './cli-client.js';
import 'node:fs';
import 'node:path';
import 'node:module';
import 'node:buffer';
import 'node:util';
import 'node:os';
import 'node:string_decoder';
import 'node:assert';
import 'node:net';
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

/**
 * zod schemas of the Clerk responses the gate reads, after the OpenAPI documents in ../shared/reference/clerk
 * (Backend API 2026-05-12, Frontend API 2026-05-12, Platform API beta). Each lists the fields the gate uses as the
 * spec types them; objects are loose, so fields the gate does not read may come and go.
 */
const nullableString = nullable(string());
/** Backend API `Instance` (`GET /v1/instance`). */
const Instance = looseObject({
    object: literal('instance'),
    id: string(),
    environment_type: string()
});
/** Backend API `CNameTarget`. */
const CNameTarget = object({ host: string(), value: string(), required: boolean() });
/** Backend API `Domain`. */
const Domain = looseObject({
    object: literal('domain'),
    id: string(),
    name: string(),
    is_satellite: boolean(),
    frontend_api_url: string(),
    proxy_url: optional(nullableString),
    cname_targets: optional(nullable(array(CNameTarget)))
});
/** Backend API `Domains` (`GET /v1/domains`). */
const Domains = object({ data: array(Domain), total_count: number() });
/** One `user_settings.social.oauth_<provider>` entry of the Frontend API environment. */
const SocialProvider = looseObject({ enabled: boolean(), name: optional(string()) });
/** Frontend API `Client.Environment` (`GET /v1/environment`), the parts the gate reads. */
const Environment = looseObject({
    display_config: looseObject({ instance_environment_type: _enum(['production', 'development', 'staging']) }),
    user_settings: looseObject({ social: record(string(), SocialProvider) })
});
/** Platform API domain (`GET /v1/platform/domains/{domainIDOrName}`). */
const PlatformDomain = looseObject({
    object: literal('domain'),
    id: string(),
    name: string(),
    application: looseObject({ object: literal('application'), id: string() }),
    instance: looseObject({ id: string(), environment_type: _enum(['production', 'development']) })
});
const FailureHints = nullable(array(looseObject({ code: string(), message: string() })));
const CnameStatus = looseObject({
    from: string(),
    to: string(),
    verified: boolean(),
    required: boolean(),
    failure_hints: FailureHints
});
/** Platform API domain status (`GET …/domains/{domain}/status`, and the body of `POST …/dns_check`). */
const DomainStatus = looseObject({
    status: _enum(['complete', 'incomplete']),
    dns: looseObject({
        status: _enum(['not_started', 'in_progress', 'complete']),
        cnames: record(string(), CnameStatus)
    }),
    ssl: optional(looseObject({ status: optional(string()), failure_hints: optional(FailureHints) })),
    mail: optional(looseObject({ status: string(), required: boolean() }))
});
/** Platform API instance config (`GET …/instances/{env}/config`): key → value, free-form but for its version. */
const InstanceConfig = looseObject({ config_version: optional(string()) });
/** A `connection_oauth_<provider>` entry of an instance config. */
const OAuthConnection = looseObject({
    enabled: optional(boolean()),
    client_id: optional(nullableString),
    client_secret: optional(nullableString),
    team_id: optional(nullableString),
    key_id: optional(nullableString)
});
/** `ClerkErrors`, the error body of every Clerk API. */
const ClerkErrors = looseObject({
    errors: array(looseObject({
        message: string(),
        long_message: optional(string()),
        code: string(),
        meta: optional(record(string(), unknown()))
    })),
    meta: optional(record(string(), unknown())),
    clerk_trace_id: optional(string())
});

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
    /** A `lookup` for connections through these servers (see net/lookup.ts). */
    lookup(systemHosts = []) {
        return serversLookup(this.resolver, systemHosts);
    }
    async query(type, name, run) {
        try {
            return { ok: true, value: await run() };
        }
        catch (error) {
            const code = String(error.code ?? 'UNKNOWN');
            return { ok: false, code, failure: describeFailure({ endpoint: `DNS ${type} ${name}`, kind: 'dns', code }) };
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
/** Letters, digits, `-` and `_` in dot-separated labels of at most 63 characters: nothing that can be markup. */
function isDnsName(name) {
    return (name.length <= 253 &&
        /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/.test(name));
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
        // NXDOMAIN: a DNS provider that appends the zone to every name makes `clerk.example.com.example.com`. The
        // names come from Clerk's answer and go into the fix text: only plain DNS names are looked up and named there.
        if (!isDnsName(host) || !isDnsName(domainName))
            return { host, target, label, missing: 'no such name' };
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

/** The largest response body read; Clerk's are far smaller. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/**
 * JSON over HTTP(S) to the Clerk APIs, on the gate's network client (net/: timeouts within the deadline, the one
 * retry policy, capped bodies), the body validated with zod. Never throws: every failure comes back as an
 * ApiFailure whose text names the endpoint and never quotes a key or a header.
 */
class HttpClient {
    options;
    net;
    constructor(options) {
        this.options = options;
        this.net = new NetClient({ timeoutMs: options.timeoutMs, ...(options.lookup && { lookup: options.lookup }) });
    }
    async call(call) {
        const endpoint = `${call.method} ${call.url.origin}${call.url.pathname}`;
        const fail = (failure) => ({
            ok: false,
            failure: describeFailure({ endpoint, ...failure }, this.options.scrubber)
        });
        // A call made straight from the answer of another has its connection back in the pool only after this turn:
        // without the wait, it would open a new connection (a TCP and a TLS round trip) instead of reusing that one.
        await new Promise((resolve) => setImmediate(resolve));
        const result = await this.net.request({
            method: call.method,
            url: call.url,
            headers: { accept: 'application/json', 'user-agent': 'clerk-production-gate' },
            ...(call.headers && { secretHeaders: call.headers }),
            maxBytes: MAX_BODY_BYTES,
            deadline: this.options.deadline
        });
        if (!result.ok) {
            const kind = result.kind === 'too-large' || result.kind === 'redirect' ? 'network' : result.kind;
            return fail({ kind, code: result.code, ...(result.status !== undefined && { status: result.status }) });
        }
        const { status } = result;
        if (call.accept?.includes(status))
            return { ok: true, status, data: undefined, endpoint };
        const body = parseJson(result.body.toString('utf8'));
        if (status < 200 || status >= 300) {
            const errors = body === undefined ? undefined : ClerkErrors.safeParse(body);
            return fail({ kind: 'http', status, ...(errors?.success && { clerk: errors.data }) });
        }
        if (body === undefined)
            return fail({ kind: 'invalid-response', status, detail: 'the body is not JSON' });
        const parsed = call.schema.safeParse(body);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const field = issue?.path.length ? issue.path.map(String).join('.') : '(the body)';
            return fail({ kind: 'invalid-response', status, detail: `unexpected ${field}: ${issue?.message ?? 'invalid'}` });
        }
        return { ok: true, status, data: parsed.data, endpoint };
    }
    close() {
        return this.net.close();
    }
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
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
            const failure = describeFailure({
                endpoint: config.endpoint,
                kind: 'invalid-response',
                status: config.status,
                detail
            });
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
        await Promise.all(sets.map((set) => 
        // A bug here must not cost the report: it becomes a failed call, and the rest still runs and is written.
        checkInstance(set, { client, dns, settings, outcome }).catch((error) => outcome.failed(clerkApiError, unexpected(error, scrubber)))));
    }
    finally {
        await client.close();
    }
    return outcome.result();
}
async function checkInstance(set, ctx) {
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
function keysOf(set) {
    const { secretKey, publishableKey: pk, platformKey } = set;
    const sk = secretKey ? classifySecretKey(secretKey.value) : null;
    const liveSecretKey = sk?.kind === 'secret-key' && sk.instanceType === 'production' ? secretKey : undefined;
    const productionPk = pk?.parsed.instanceType === 'production' ? pk : undefined;
    return { liveSecretKey, pk, productionPk, platformKey };
}
/** Every call, each started as soon as what it needs is known. */
function startCalls(keys, ctx) {
    const { settings } = ctx;
    const { liveSecretKey, pk, productionPk, platformKey } = keys;
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
    return { instanceCall, domainsCall, environmentCall, platformDomainCall, records, caa, status, config };
}
/** instance-not-production */
function judgeInstance(instance, { liveSecretKey }, noLiveKey, outcome) {
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
}
/** key-instance-mismatch */
function judgeKeyInstance(domains, { liveSecretKey, pk }, noLiveKey, outcome) {
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
}
/** caa-blocks-certificates */
function judgeCaa(asked, caaOutcome, noLiveKey, outcome) {
    if (!asked)
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
}
/** frontend-api-unreachable (production key) and shared-oauth-credentials (development key) */
function judgeFrontendApi(environment, { pk, productionPk }, onApiError, outcome) {
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
                ...(runnerSide && onApiError === 'warn' && { severity: 'warning' })
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
}
/** The Platform API: dns-not-verified, and shared-oauth-credentials in production. */
function judgePlatform(platformDomain, statusResult, configResult, { platformKey, productionPk }, outcome) {
    const noPlatform = !platformKey
        ? 'needs CLERK_PLATFORM_API_KEY (optional; Platform API, private beta)'
        : 'needs a production publishable key (for the domain)';
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
function unexpected(error, scrubber) {
    const text = scrubber.scrub(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
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
