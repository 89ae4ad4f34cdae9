#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { readFileSync, statSync, openSync, writeSync, closeSync } from 'node:fs';
import path, { resolve } from 'node:path';
import { isIP, BlockList } from 'node:net';
import { isUtf8 } from 'node:buffer';
import { parseArgs } from 'node:util';

/**
 * A problem with what the user gave us (missing file, broken JSON, malformed dotenv, unknown option).
 * Shells print `message` as one line and exit with code 2; no stack trace is ever shown.
 * Messages name the file and line (or the endpoint) and never include a scanned value.
 */
class InputError extends Error {
    name = 'InputError';
}
const EXIT_PASSED = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
/** One line, no stack. Unexpected errors say so, since they are bugs to report. */
function describeError(error) {
    if (error instanceof InputError)
        return error.message;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `internal error: ${message} (please report this)`;
}

const SEVERITY_RANK = { error: 3, warning: 2, notice: 1 };

/** Findings that count toward the summary and the verdict: not suppressed. */
function activeFindings(findings) {
    return findings.filter((f) => !f.suppressed);
}
function countBySeverity(findings, severity) {
    return activeFindings(findings).filter((f) => f.severity === severity).length;
}

/**
 * Which variables belong to Clerk, and what each holds, judged by name.
 * A value counts as a Clerk key only through these names or a format that is unmistakably Clerk's
 * (a publishable key that decodes to `<host>$`), so `STRIPE_SECRET_KEY=sk_test_…` is never flagged.
 */
/** Prefixes that make a variable visible to browser code in the frameworks Clerk supports. */
const PUBLIC_PREFIXES = [
    'NEXT_PUBLIC_',
    'VITE_',
    'PUBLIC_',
    'EXPO_PUBLIC_',
    'NUXT_PUBLIC_',
    'REACT_APP_',
    'GATSBY_',
    'PLASMO_PUBLIC_'
];
function isPublicVariable(name) {
    return PUBLIC_PREFIXES.some((prefix) => name.startsWith(prefix));
}
/** `NEXT_PUBLIC_CLERK_SIGN_IN_URL`, `CLERK_SECRET_KEY`, `NUXT_CLERK_SECRET_KEY`, … */
function isClerkVariable(name) {
    return /(^|_)CLERK(_|$)/i.test(name);
}
function isPublishableKeyVariable(name) {
    return /(^|_)CLERK_PUBLISHABLE_KEY$/.test(name);
}
/** `CLERK_SECRET_KEY` and the 2021-era `CLERK_API_KEY`. */
function isSecretKeyVariable(name) {
    return /(^|_)CLERK_(SECRET|API)_KEY$/.test(name);
}
function isLegacyApiKeyVariable(name) {
    return /(^|_)CLERK_API_KEY$/.test(name);
}
/** Variables that carry a URL or host Clerk calls or redirects to. */
function isClerkUrlVariable(name) {
    return isClerkVariable(name) && /(URL|DOMAIN|FRONTEND_API|ISSUER|HOST)$/.test(name);
}
/**
 * Whether any rule could concern this variable: a Clerk name, the development-console switch, or a value
 * shaped like a Clerk key. The engine hands rules only these (most variables of a project are not Clerk's),
 * and a test checks that every rule finds the same with and without this filter.
 */
function mayConcernClerk(name, value) {
    return /CLERK|UNSAFE_DISABLE_DEVELOPMENT_MODE/i.test(name) || value.startsWith('pk_') || value.startsWith('sk_');
}

/**
 * Forgiving base64 decoding, exactly as `atob` does it.
 *
 * Mirrors `isomorphicAtob` from `@clerk/shared` 4.41 (src/isomorphicAtob.ts). Clerk calls the global
 * `atob` whenever one exists (every Node >= 16, every browser, edge runtimes) and only falls back to
 * `Buffer.from(data, 'base64')` where there is none. `atob` implements the WHATWG "forgiving-base64
 * decode" (https://infra.spec.whatwg.org/#forgiving-base64-decode), which is stricter than Buffer:
 * Buffer silently skips invalid characters and misplaced `=`, `atob` rejects them. Node's `atob` (16+)
 * implements that algorithm, so we call it, as Clerk does; the oracle tests compare the two on every run.
 *
 * The algorithm:
 *  1. remove ASCII whitespace (TAB, LF, FF, CR, SPACE) anywhere in the input;
 *  2. if the length is a multiple of 4, drop one or two trailing `=`;
 *  3. fail if the length is now 4n+1;
 *  4. fail on any character outside `A-Z a-z 0-9 + /` (including a leftover `=`);
 *  5. decode 6 bits per character, discarding leftover bits (non-zero leftover bits are accepted).
 *
 * The result is a "binary string": one UTF-16 code unit per decoded byte (0x00-0xFF), like `atob`.
 */
const BASE64_CHARACTERS = /^[A-Za-z0-9+/=\t\n\f\r ]*$/;
/** Decodes like `atob` (it is `atob`); returns null where `atob` throws. */
function forgivingBase64Decode(data) {
    // atob would throw for any other character; saying so without an exception is much cheaper.
    if (!BASE64_CHARACTERS.test(data))
        return null;
    try {
        return atob(data);
    }
    catch {
        return null;
    }
}

/**
 * Clerk publishable keys: `pk_test_` / `pk_live_` + base64 (padding optional) of `<frontend API host>$`.
 *
 * Mirrors `isPublishableKey` / `parsePublishableKey` from `@clerk/shared` 4.41 (src/keys.ts) line for
 * line, so the gate accepts and rejects exactly what Clerk's SDKs do. It is a copy rather than an
 * import because `@clerk/shared` is only a devDependency (used as the test oracle) and the runtime
 * bundle should not carry it. `__tests__/clerk/publishable-key.oracle.test.ts` checks the two agree.
 *
 * Things Clerk accepts that one might not expect (all mirrored):
 *  - whitespace (space, TAB, LF, FF, CR) anywhere after the prefix, e.g. a trailing newline;
 *  - padded and unpadded base64, and non-zero leftover bits in the last character;
 *  - any decoded bytes before the `$` (spaces, `/`, `https://`, bytes >= 0x80 as Latin-1), as long as
 *    there is a dot and exactly one `$`, at the end: `pk_live_LiQ` (".$") is a valid key;
 *  - the instance type comes from the prefix only: `pk_live_` with a `.lcl.dev` host is "production".
 */
const PUBLISHABLE_KEY_LIVE_PREFIX = 'pk_live_';
const PUBLISHABLE_KEY_TEST_PREFIX = 'pk_test_';
/** Clerk's `isValidDecodedPublishableKey`: ends with `$`, no other `$`, and contains a dot. */
function isValidDecoded(decoded) {
    if (!decoded.endsWith('$'))
        return false;
    const withoutTrailing = decoded.slice(0, -1);
    if (withoutTrailing.includes('$'))
        return false;
    return withoutTrailing.includes('.');
}
function hasPublishablePrefix(value) {
    return value.startsWith(PUBLISHABLE_KEY_LIVE_PREFIX) || value.startsWith(PUBLISHABLE_KEY_TEST_PREFIX);
}
/** The base64 part, or null when the value does not split into exactly `pk`, `live|test`, `<encoded>`. */
function encodedPart(value) {
    const parts = value.split('_');
    if (parts.length !== 3)
        return null;
    return parts[2] || null;
}
function isPublishableKey(value) {
    if (!hasPublishablePrefix(value))
        return false;
    const encoded = encodedPart(value);
    if (encoded === null)
        return false;
    const decoded = forgivingBase64Decode(encoded);
    return decoded !== null && isValidDecoded(decoded);
}
function parsePublishableKey(value) {
    if (!value || !isPublishableKey(value))
        return null;
    const instanceType = value.startsWith(PUBLISHABLE_KEY_LIVE_PREFIX) ? 'production' : 'development';
    // isPublishableKey guarantees both are non-null here.
    const decoded = forgivingBase64Decode(encodedPart(value) ?? '') ?? '';
    return { instanceType, frontendApi: decoded.slice(0, -1) };
}
/**
 * Why a value found in a publishable-key variable is not a valid key, or null when it is
 * (null exactly when `isPublishableKey` is true). The reason never contains the value.
 */
function publishableKeyProblem(value) {
    if (value.trim() === '')
        return 'is empty';
    if (!hasPublishablePrefix(value)) {
        if (hasPublishablePrefix(value.trimStart()))
            return 'has whitespace before pk_test_ or pk_live_';
        return 'does not start with pk_test_ or pk_live_';
    }
    const parts = value.split('_');
    if (parts.length !== 3)
        return 'contains an underscore after the pk_test_ or pk_live_ prefix';
    if (!parts[2] || /^[\t\n\f\r ]*$/.test(parts[2]))
        return 'has nothing after the pk_test_ or pk_live_ prefix';
    const decoded = forgivingBase64Decode(parts[2]);
    if (decoded === null)
        return 'is not valid base64';
    if (!decoded.endsWith('$') || decoded.slice(0, -1).includes('$')) {
        return 'decoded host does not end with a single $';
    }
    if (!decoded.includes('.'))
        return 'decoded host has no dot';
    return null;
}

/**
 * Clerk Frontend API hosts: which are development or staging, and pulling a host out of a URL.
 *
 * The suffix lists and rules mirror `@clerk/shared` 4.41 (src/constants.ts, src/keys.ts,
 * src/utils/instance.ts). Copied, not imported, because `@clerk/shared` is a devDependency only
 * (the test oracle) and the runtime bundle should not carry it.
 */
/** `@clerk/shared` constants.ts `LEGACY_DEV_INSTANCE_SUFFIXES`. */
const LEGACY_DEV_INSTANCE_SUFFIXES = ['.lcl.dev', '.lclstage.dev', '.lclclerk.com'];
/**
 * `@clerk/shared` constants.ts `DEV_OR_STAGING_SUFFIXES`. The last two have no leading dot, so they
 * also match Account Portal hosts such as `happy-hippo-12.accounts.dev` — and any host merely ending
 * in those letters (`myaccounts.dev`), exactly as Clerk does.
 */
const DEV_OR_STAGING_SUFFIXES = [
    '.lcl.dev',
    '.stg.dev',
    '.lclstage.dev',
    '.stgstage.dev',
    '.dev.lclclerk.com',
    '.stg.lclclerk.com',
    '.accounts.lclclerk.com',
    'accountsstage.dev',
    'accounts.dev'
];
/** Suffixes of `isStaging` in `@clerk/shared` utils/instance.ts (`.clerkstage.dev` is only here). */
const STAGING_SUFFIXES = [
    '.lclstage.dev',
    '.stgstage.dev',
    '.clerkstage.dev',
    '.accountsstage.dev'
];
/** `PUBLISHABLE_FRONTEND_API_DEV_REGEX` in `@clerk/shared` keys.ts, e.g. `foo-bar-13.clerk.accounts.dev`. */
const DEV_FRONTEND_API = /^(([a-z]+)-){2}([0-9]{1,2})\.clerk\.accounts([a-z.]*)(dev|com)$/i;
/** Lower-case, without one trailing dot (`Example.COM.` and `example.com` are the same host). */
function normalizeHost(host) {
    const lower = host.toLowerCase();
    return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
/**
 * True when a host (not a URL: use `hostOf` first) is a Clerk development or staging Frontend API
 * or Account Portal host. The union of every rule `@clerk/shared` uses on a host:
 *  - `isDevOrStagingUrl` (`DEV_OR_STAGING_SUFFIXES`),
 *  - `isStaging` (`STAGING_SUFFIXES`),
 *  - `buildPublishableKey`'s choice of `pk_test_`: the dev Frontend API pattern, or a legacy
 *    `clerk.` host under `LEGACY_DEV_INSTANCE_SUFFIXES` other than `.prod.lclclerk.com`.
 * Unlike Clerk's (case-sensitive) checks, the host is lower-cased and one trailing dot dropped first.
 */
function isDevelopmentOrStagingHost(host) {
    const h = normalizeHost(host);
    if (h === '')
        return false;
    if (DEV_OR_STAGING_SUFFIXES.some((s) => h.endsWith(s)))
        return true;
    if (STAGING_SUFFIXES.some((s) => h.endsWith(s)))
        return true;
    if (DEV_FRONTEND_API.test(h))
        return true;
    return (h.startsWith('clerk.') &&
        LEGACY_DEV_INSTANCE_SUFFIXES.some((s) => h.endsWith(s)) &&
        !h.endsWith('.prod.lclclerk.com'));
}
const SCHEME_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\//i;
const BARE_AUTHORITY = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d{1,5}))?$/;
const BARE_LABEL = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_-]*[\p{L}\p{N}_])?$/u;
/** Host as URL gives it, lower-cased, without IPv6 brackets or one trailing dot; null if empty. */
function cleanHostname(hostname) {
    const unbracketed = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
    const host = normalizeHost(unbracketed);
    return host === '' ? null : host;
}
function hostnameViaUrl(url) {
    try {
        return cleanHostname(new URL(url).hostname);
    }
    catch {
        return null;
    }
}
/** Whether a bare (scheme-less) host looks like a host and not like a word, a version or a file. */
function isBareHostShape(host, hasPort) {
    if (host.startsWith('['))
        return isIP(host.slice(1, -1)) === 6;
    if (isIP(host) === 4)
        return true;
    const labels = (host.endsWith('.') ? host.slice(0, -1) : host).split('.');
    if (!labels.every((label) => BARE_LABEL.test(label)))
        return false;
    if (/^\d+$/.test(labels[labels.length - 1] ?? ''))
        return false;
    return labels.length > 1 || hasPort || host.toLowerCase() === 'localhost';
}
/**
 * The host in a URL (`https://clerk.example.com/path`), a protocol-relative URL (`//host/x`), a bare
 * host (`clerk.example.com`, `clerk.example.com/path`), a host:port (`localhost:3000`) or an IP
 * (`127.0.0.1`, `::1`, `[::1]:3000`). Lower-cased, IDN as punycode, IPv4 normalised as URL does
 * (`127.1` → `127.0.0.1`), IPv6 without brackets, no trailing dot.
 * Null for relative paths (`/sign-in`), single words (`sign-in`, `true`), e-mail addresses, version
 * numbers (`1.2.3`), values with inner whitespace and anything URL cannot parse.
 */
function hostOf(value) {
    const v = value.trim();
    if (v === '' || /\s/.test(v))
        return null;
    if (SCHEME_AUTHORITY.test(v))
        return hostnameViaUrl(v);
    if (v.startsWith('//'))
        return hostnameViaUrl(`http:${v}`);
    if (isIP(v) === 6)
        return hostnameViaUrl(`http://[${v}]`) ?? v.toLowerCase();
    const authority = v.split(/[/?#]/, 1)[0] ?? '';
    const match = BARE_AUTHORITY.exec(authority);
    if (!match)
        return null;
    const host = match[1] ?? '';
    if (!isBareHostShape(host, match[2] !== undefined))
        return null;
    return hostnameViaUrl(`http://${authority}`);
}

/**
 * Whether a URL or host points somewhere only the deploying machine or its private network can
 * reach — wrong for the browser-facing URLs of a production Clerk app.
 *
 * Special-use names flagged (RFC 6761, 6762, 8375; ICANN 2024 for `.internal`):
 *  - `localhost` and `*.localhost`: always loopback;
 *  - `.local`: multicast DNS on the local link;
 *  - `.internal`: reserved for private networks, never delegated (`host.docker.internal`,
 *    `*.c.<project>.internal` on GCP);
 *  - `.home.arpa`: home networks;
 *  - `.test`: reserved so that it never resolves on the public internet. It is a development TLD
 *    (Laravel Valet and Herd, dnsmasq and Docker setups), so in a production deploy it can only
 *    work on the developer's machine — flagged.
 * Not flagged: `.example` / `.invalid` (placeholders, not local), single-label hosts such as a
 * docker-compose service name `http://api:8080` (legitimate for server-to-server variables).
 * Relative URLs (`/sign-in`) and values with no host give null: they are fine.
 */
const IP_RANGES = [
    [
        'points at a loopback address (localhost)',
        [
            ['127.0.0.0', 8, 'ipv4'],
            ['::1', 128, 'ipv6']
        ]
    ],
    [
        'points at the unspecified address (0.0.0.0 or ::)',
        [
            ['0.0.0.0', 32, 'ipv4'],
            ['::', 128, 'ipv6']
        ]
    ],
    [
        'points at a private network address',
        [
            ['10.0.0.0', 8, 'ipv4'],
            ['172.16.0.0', 12, 'ipv4'],
            ['192.168.0.0', 16, 'ipv4'],
            ['fc00::', 7, 'ipv6']
        ]
    ],
    [
        'points at a link-local address',
        [
            ['169.254.0.0', 16, 'ipv4'],
            ['fe80::', 10, 'ipv6']
        ]
    ]
];
const BLOCK_LISTS = IP_RANGES.map(([reason, ranges]) => {
    const list = new BlockList();
    for (const [address, prefix, family] of ranges)
        list.addSubnet(address, prefix, family);
    return [reason, list];
});
const NAME_SUFFIXES = [
    ['.local', 'points at a .local (mDNS) host'],
    ['.internal', 'points at a .internal (private network) host'],
    ['.home.arpa', 'points at a .home.arpa (home network) host'],
    ['.test', 'points at a .test host (reserved, never public)']
];
function ipReason(address, family) {
    // A zone id (`fe80::1%eth0`) only occurs on link-local addresses; BlockList wants it removed.
    const plain = address.replace(/%.*$/, '');
    for (const [reason, list] of BLOCK_LISTS) {
        if (list.check(plain, family))
            return reason;
    }
    return null;
}
/** A short reason when the URL or host is local or private, null when it is public or has no host. */
function localUrlReason(value) {
    const host = hostOf(value);
    if (host === null)
        return null;
    const version = isIP(host);
    if (version !== 0)
        return ipReason(host, version === 4 ? 'ipv4' : 'ipv6');
    if (host === 'localhost' || host.endsWith('.localhost'))
        return 'points at localhost';
    for (const [suffix, reason] of NAME_SUFFIXES) {
        if (host.endsWith(suffix))
            return reason;
    }
    return null;
}

const SECRET_KEY = /^(sk_)?(test|live)_[A-Za-z0-9]+$/;
const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/]+={0,2}$/;
function classifySecretKey(value) {
    const match = SECRET_KEY.exec(value);
    if (!match)
        return null;
    return {
        kind: match[1] ? 'secret-key' : 'legacy-api-key',
        instanceType: match[2] === 'live' ? 'production' : 'development'
    };
}
/** A Svix-style webhook signing secret: `whsec_` + base64. */
function isWebhookSecret(value) {
    return WEBHOOK_SECRET.test(value);
}

const cache = new WeakMap();
function factsOf(variable) {
    let facts = cache.get(variable);
    if (!facts) {
        const { value } = variable;
        facts = {
            // Cheap prefix tests first: most values are neither kind of key.
            publishableKey: value.startsWith('pk_') ? parsePublishableKey(value) : null,
            secretKey: value.startsWith('sk_') || value.startsWith('test_') || value.startsWith('live_')
                ? classifySecretKey(value)
                : null
        };
        cache.set(variable, facts);
    }
    return facts;
}
/** The variable's value as a Clerk publishable key (any variable: the format is Clerk's own). */
function publishableKeyOf(variable) {
    return factsOf(variable).publishableKey;
}
/** The variable's value as a secret key or legacy API key, by format only; callers check the name. */
function secretKeyOf(variable) {
    return factsOf(variable).secretKey;
}
/**
 * Value-keyed memo for URL work: projects repeat the same few URLs (`/sign-in`, their domain) in file after
 * file, and parsing a URL costs far more than a map lookup. Bounded so a huge tree cannot grow it forever.
 */
function memo(compute) {
    const cache = new Map();
    return (value) => {
        if (cache.has(value))
            return cache.get(value);
        const result = compute(value);
        if (cache.size >= 10_000)
            cache.clear();
        cache.set(value, result);
        return result;
    };
}
/** The host a value names (URL, bare host or host:port), or null. */
const hostOfValue = memo(hostOf);
/** Why a URL or host points somewhere local or private, or null. */
const localUrlReasonOf = memo(localUrlReason);

const RULES_DOCS_BASE = 'https://github.com/clerk-production-gate/clerk-production-gate/blob/main/docs/rules.md';

/** Link to a rule's section in docs/rules.md. */
function ruleDocs(id) {
    return `${RULES_DOCS_BASE}#${id}`;
}

const devFrontendApi = {
    meta: {
        id: 'dev-frontend-api',
        severity: 'error',
        title: 'Development Frontend API or Account Portal host',
        explanation: 'Hosts ending in `.clerk.accounts.dev`, `.accounts.dev`, `.lcl.dev` (and Clerk staging suffixes) belong to development instances. A production app must use `clerk.<your-domain>` and `accounts.<your-domain>`.',
        fix: 'Use the production Frontend API host shown on the Domains page of the production instance (`clerk.<your-domain>`), or remove the variable and let the publishable key carry it.',
        docs: ruleDocs('dev-frontend-api')
    },
    check({ variables, isProduction }) {
        if (!isProduction)
            return [];
        return variables.flatMap((variable) => {
            const fromKey = liveKeyWithDevHost(variable);
            if (fromKey)
                return [fromKey];
            if (!isClerkVariable(variable.name) || isSecretKeyVariable(variable.name))
                return [];
            if (secretKeyOf(variable) || publishableKeyOf(variable))
                return [];
            const host = hostOfValue(variable.value);
            if (!host || !isDevelopmentOrStagingHost(host))
                return [];
            return [{ variable, message: `${variable.name} points at ${host}, a development or staging Clerk host.` }];
        });
    }
};
/** A `pk_live_` key whose encoded host is a development host: hand-built or corrupted. */
function liveKeyWithDevHost(variable) {
    const parsed = publishableKeyOf(variable);
    if (!parsed || parsed.instanceType !== 'production')
        return null;
    if (!isDevelopmentOrStagingHost(parsed.frontendApi))
        return null;
    return {
        variable,
        message: `${variable.name} is a pk_live_ key, but it encodes ${parsed.frontendApi}, a development or staging Clerk host.`
    };
}

/** Settings meant for development or automated tests only, matched on the name without a public prefix. */
const DEV_ONLY = new Map([
    [/(^|_)UNSAFE_DISABLE_DEVELOPMENT_MODE_CONSOLE_WARNING$/, 'silences the development-instance warning'],
    [/(^|_)CLERK_TESTING_TOKEN$/, 'is a testing token that bypasses bot protection'],
    [/(^|_)CLERK_TEST_(EMAIL|PASSWORD)$/, 'holds test-account credentials for end-to-end tests'],
    [/(^|_)CLERK_TELEMETRY_DEBUG$/, 'turns on telemetry debug logging'],
    [/(^|_)CLERK_DEBUG$/, 'turns on debug logging']
]);
/** `false`, `0`, `off`, `no` and empty turn a flag off; such a setting does nothing. */
const OFF = /^(|false|0|off|no)$/i;
const devOnlySetting = {
    meta: {
        id: 'dev-only-setting',
        severity: 'warning',
        title: 'Development-only setting in production',
        explanation: 'Some settings exist only for local development or automated tests: they hide warnings, log request details or bypass protections. In production they hide problems or weaken security.',
        fix: 'Remove the variable from the production environment.',
        docs: ruleDocs('dev-only-setting')
    },
    check({ variables, isProduction }) {
        if (!isProduction)
            return [];
        return variables.flatMap((variable) => {
            if (OFF.test(variable.value.trim()))
                return [];
            for (const [pattern, why] of DEV_ONLY) {
                if (pattern.test(variable.name))
                    return [{ variable, message: `${variable.name} ${why}.` }];
            }
            return [];
        });
    }
};

const devPublishableKey = {
    meta: {
        id: 'dev-publishable-key',
        severity: 'error',
        title: 'Development publishable key in production',
        explanation: 'A `pk_test_…` key points the browser at your development instance: sign-ins land in development, with its banner, shared OAuth credentials and development limits.',
        fix: "Replace it with the production instance's publishable key (`pk_live_…`) from the Clerk Dashboard, API keys page, with the production instance selected.",
        docs: ruleDocs('dev-publishable-key')
    },
    check({ variables, isProduction }) {
        if (!isProduction)
            return [];
        return variables.flatMap((variable) => {
            const parsed = publishableKeyOf(variable);
            const byName = isPublishableKeyVariable(variable.name) && variable.value.startsWith('pk_test_');
            // Outside Clerk-named variables only a value that decodes to a Clerk host counts (Stripe shares `pk_test_`).
            const byFormat = parsed?.instanceType === 'development';
            if (!byName && !byFormat)
                return [];
            const host = parsed ? ` (instance ${parsed.frontendApi})` : '';
            return [{ variable, message: `${variable.name} holds a development publishable key${host}.` }];
        });
    }
};

const devSecretKey = {
    meta: {
        id: 'dev-secret-key',
        severity: 'error',
        title: 'Development secret key in production',
        explanation: 'A development secret key (`sk_test_…`, or a legacy `test_…` API key) talks to your development instance: production users would sign in to development, which has shared OAuth credentials and lower rate limits.',
        fix: "Replace it with the production instance's secret key (`sk_live_…`) from the Clerk Dashboard, API keys page, with the production instance selected.",
        docs: ruleDocs('dev-secret-key')
    },
    check({ variables, isProduction }) {
        if (!isProduction)
            return [];
        return variables.flatMap((variable) => {
            if (!isClerkVariable(variable.name))
                return [];
            const key = secretKeyOf(variable);
            if (!key || key.instanceType !== 'development')
                return [];
            if (key.kind === 'legacy-api-key' &&
                !isLegacyApiKeyVariable(variable.name) &&
                !/CLERK_SECRET_KEY$/.test(variable.name)) {
                return [];
            }
            const what = key.kind === 'legacy-api-key'
                ? 'a legacy development API key (`test_…`)'
                : 'a development secret key (`sk_test_…`)';
            return [{ variable, message: `${variable.name} holds ${what}.` }];
        });
    }
};

const devUrl = {
    meta: {
        id: 'dev-url',
        severity: 'error',
        title: 'Local or private URL in a Clerk URL variable',
        explanation: 'Sign-in, sign-up, redirect, proxy, domain and API URLs are followed by browsers and by Clerk. A localhost, loopback, private-network or `.local` address works on a laptop and breaks for every real user.',
        fix: "Use a path on your production domain (e.g. `/sign-in`) or its full `https://` URL, or remove the variable to use Clerk's defaults.",
        docs: ruleDocs('dev-url')
    },
    check({ variables, isProduction }) {
        if (!isProduction)
            return [];
        return variables.flatMap((variable) => {
            if (!isClerkUrlVariable(variable.name))
                return [];
            const reason = localUrlReasonOf(variable.value);
            return reason ? [{ variable, message: `${variable.name} ${reason}.` }] : [];
        });
    }
};

const invalidKey = {
    meta: {
        id: 'invalid-key',
        severity: 'error',
        title: 'Clerk key variable holds no valid key',
        explanation: 'Clerk refuses to start with an empty, placeholder or malformed key, so the deploy would ship a broken sign-in. A publishable key is `pk_live_`/`pk_test_` followed by the base64 of `<frontend API host>$`; a secret key is `sk_live_`/`sk_test_` followed by its random part.',
        fix: 'Copy the key again from the Clerk Dashboard, API keys page, of the production instance; check that no quotes, spaces or a placeholder such as `your_key_here` were left in.',
        docs: ruleDocs('invalid-key')
    },
    check({ variables }) {
        return variables.flatMap((variable) => {
            const { name, value } = variable;
            if (isPublishableKeyVariable(name)) {
                // A secret in a public variable is secret-in-public-variable's finding, not a malformed key.
                if (isPublicVariable(name) && (secretKeyOf(variable) || isWebhookSecret(value)))
                    return [];
                const problem = publishableKeyProblem(value);
                return problem ? [{ variable, message: `${name} is not a valid publishable key: it ${problem}.` }] : [];
            }
            if (isSecretKeyVariable(name)) {
                if (value === '')
                    return [{ variable, message: `${name} is empty.` }];
                if (value.startsWith('pk_')) {
                    return [{ variable, message: `${name} holds a publishable key, not a secret key.` }];
                }
                if (!secretKeyOf(variable)) {
                    return [
                        { variable, message: `${name} is not a valid secret key: it does not start with sk_live_ or sk_test_.` }
                    ];
                }
            }
            return [];
        });
    }
};

const keyEnvironmentMismatch = {
    meta: {
        id: 'key-environment-mismatch',
        severity: 'error',
        title: 'Publishable and secret key from different instances',
        explanation: 'The publishable key and the secret key must come from the same instance. A mix makes the server reject every session the browser creates, so nobody can sign in.',
        fix: 'Take both keys from the same instance (the production instance for a production deploy) on the API keys page of the Clerk Dashboard.',
        docs: ruleDocs('key-environment-mismatch')
    },
    /**
     * Pairs the keys that reach one app (`effective`: the app's files plus the runtime environment) and
     * reports a clash once, on a key defined in this scope (`variables`), preferring the secret key.
     */
    check({ variables, effective }) {
        const own = new Set(variables);
        const publishable = keysOf(effective, isPublishableKeyVariable, (v) => publishableKeyOf(v)?.instanceType);
        const secret = keysOf(effective, isSecretKeyVariable, (v) => secretKeyOf(v)?.instanceType);
        const hits = [];
        for (const sk of secret) {
            const pk = publishable.find((p) => p.type !== sk.type && (own.has(sk.variable) || own.has(p.variable)));
            if (!pk)
                continue;
            const target = own.has(sk.variable) ? sk.variable : pk.variable;
            hits.push({
                variable: target,
                message: `${sk.variable.name} is a ${sk.type} key but ${pk.variable.name} is a ${pk.type} key.`
            });
        }
        return hits;
    }
};
function keysOf(variables, byName, typeOf) {
    return variables.flatMap((variable) => {
        const type = byName(variable.name) ? typeOf(variable) : undefined;
        return type ? [{ variable, type }] : [];
    });
}

const liveKeyOutsideProduction = {
    meta: {
        id: 'live-key-outside-production',
        severity: 'warning',
        title: 'Production key outside production',
        explanation: 'A `pk_live_`/`sk_live_` key in a preview or staging environment lets test traffic create and change real users, and spreads the production secret to more places.',
        fix: "Use the development instance's keys here, or add this environment's name to `production-environments` if it really is production.",
        docs: ruleDocs('live-key-outside-production')
    },
    check({ variables, isProduction, environment }) {
        if (isProduction)
            return [];
        return variables.flatMap((variable) => {
            const pk = publishableKeyOf(variable);
            const sk = isClerkVariable(variable.name) ? secretKeyOf(variable) : null;
            if (pk?.instanceType !== 'production' && sk?.instanceType !== 'production')
                return [];
            return [{ variable, message: `${variable.name} holds a production key in the ${environment} environment.` }];
        });
    }
};

/** Frameworks whose Clerk SDK runs on a server and so needs the secret key. */
const SERVER_FRAMEWORKS = new Set(['nextjs', 'remix', 'astro', 'nuxt', 'node']);
const missingKey = {
    meta: {
        id: 'missing-key',
        severity: 'error',
        title: 'Clerk is configured but a key is missing',
        explanation: 'Clerk variables reach this environment, but no publishable key (needed by every app) or no secret key (needed by server-side code) does. The app would fail at start or on the first request.',
        fix: "Add the production instance's keys to the environment, e.g. `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY` and `CLERK_SECRET_KEY` as environment secrets. If your hosting provider injects them, pass them to the gate too, or ignore this rule.",
        docs: ruleDocs('missing-key')
    },
    check({ variables, effective, frameworks, hasRuntimeSources }) {
        // Judged once per scope, on evidence defined in it: a Clerk variable that reaches the app.
        const first = variables.find((v) => isClerkVariable(v.name) && !v.shadowedBy);
        if (!first)
            return [];
        const clerk = effective.filter((v) => isClerkVariable(v.name));
        // Without the runtime environment the keys may live in the host's settings, which the gate cannot see.
        const severity = hasRuntimeSources ? 'error' : 'warning';
        const hits = [];
        if (!clerk.some((v) => isPublishableKeyVariable(v.name))) {
            hits.push(missing(first, 'CLERK_PUBLISHABLE_KEY', 'publishable key', severity));
        }
        const serverSide = [...frameworks].some((f) => SERVER_FRAMEWORKS.has(f)) ||
            clerk.some((v) => !isPublicVariable(v.name) && !isPublishableKeyVariable(v.name));
        if (serverSide && !clerk.some((v) => isSecretKeyVariable(v.name))) {
            hits.push(missing(first, 'CLERK_SECRET_KEY', 'secret key', severity));
        }
        return hits;
    }
};
function missing(evidence, subject, what, severity) {
    return {
        variable: evidence,
        subject,
        absent: true,
        severity,
        message: `Clerk is in use (${evidence.name} is set) but no ${what} reaches this environment.`
    };
}

const secretInPublicVariable = {
    meta: {
        id: 'secret-in-public-variable',
        severity: 'error',
        title: 'Secret in a client-exposed variable',
        explanation: 'Variables with a public prefix (`NEXT_PUBLIC_`, `VITE_`, `PUBLIC_`, `EXPO_PUBLIC_`, …) are inlined into the JavaScript sent to every visitor. A secret key or webhook signing secret there is published to the world.',
        fix: 'Move the value to a variable without a public prefix (e.g. `CLERK_SECRET_KEY`, `CLERK_WEBHOOK_SIGNING_SECRET`), then roll the secret in the Clerk Dashboard: it has been exposed.',
        docs: ruleDocs('secret-in-public-variable')
    },
    check({ variables }) {
        return variables.flatMap((variable) => {
            const { name, value } = variable;
            if (!isPublicVariable(name) || !isClerkVariable(name))
                return [];
            const key = secretKeyOf(variable);
            const secret = (key?.kind === 'secret-key' && 'a secret key') ||
                (key?.kind === 'legacy-api-key' && isLegacyApiKeyVariable(name) && 'a legacy API key') ||
                (isWebhookSecret(value) && 'a webhook signing secret');
            return secret ? [{ variable, message: `${name} is exposed to the browser and holds ${secret}.` }] : [];
        });
    }
};

/** Every offline rule, in the order the checklist shows them. */
const RULES = [
    devSecretKey,
    devPublishableKey,
    devFrontendApi,
    invalidKey,
    keyEnvironmentMismatch,
    secretInPublicVariable,
    devUrl,
    devOnlySetting,
    missingKey,
    liveKeyOutsideProduction
];
const RULE_IDS = RULES.map((rule) => rule.meta.id);
const RULE_METAS = new Map(RULES.map((rule) => [rule.meta.id, rule.meta]));

/** First match wins: a Next.js or Expo app may also list vite (e.g. for tests), so vite comes last. */
const DETECTORS = [
    ['nextjs', (d) => d === 'next'],
    ['expo', (d) => d === 'expo'],
    ['nuxt', (d) => d === 'nuxt'],
    ['astro', (d) => d === 'astro'],
    ['remix', (d) => d.startsWith('@remix-run/') || d === '@react-router/dev'],
    ['vite', (d) => d === 'vite']
];
/** The framework of the app in `dir`, from its package.json (dependencies and devDependencies). */
function detectFramework(dir, label = dir) {
    const file = path.join(dir, 'package.json');
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return 'node';
        throw new InputError(`${path.posix.join(label, 'package.json')}: cannot read (${code ?? 'unknown error'})`);
    }
    let pkg;
    try {
        pkg = JSON.parse(text);
    }
    catch {
        throw new InputError(`${path.posix.join(label, 'package.json')}: invalid JSON`);
    }
    const deps = new Set();
    for (const field of ['dependencies', 'devDependencies']) {
        const section = pkg?.[field];
        if (section && typeof section === 'object')
            for (const name of Object.keys(section))
                deps.add(name);
    }
    for (const [framework, matches] of DETECTORS)
        if ([...deps].some(matches))
            return framework;
    return 'node';
}
/**
 * The dotenv files `framework` loads for `environment`, highest precedence first. Documented orders:
 * - Next.js: .env.$(NODE_ENV).local, .env.local (not when NODE_ENV is test), .env.$(NODE_ENV), .env; `next build`
 *   and `next start` run with NODE_ENV=production (nextjs.org/docs/app/guides/environment-variables).
 * - Expo: same files and order via @expo/env; `expo export` / EAS builds are production
 *   (docs.expo.dev/guides/environment-variables).
 * - Vite, and Remix / React Router and Astro, which load env through Vite: .env.[mode].local, .env.[mode],
 *   .env.local, .env (vite.dev/guide/env-and-mode#env-files; docs.astro.build/en/guides/environment-variables).
 * - Nuxt: .env only (nuxt.com/docs/guide/directory-structure/env).
 * - Node, dotenv-flow convention: .env.{NODE_ENV}.local, .env.local (skipped for test), .env.{NODE_ENV}, .env
 *   (github.com/kerimdzhanov/dotenv-flow#files-under-version-control).
 */
function envFilesFor(framework, environment) {
    if (environment === '' || /[/\\\0]/.test(environment) || environment === '.' || environment === '..') {
        throw new InputError(`environment name ${JSON.stringify(environment)} cannot be used in a dotenv file name`);
    }
    switch (framework) {
        case 'nextjs':
        case 'expo': {
            const mode = environment === 'development' || environment === 'test' ? environment : 'production';
            return flowOrder(mode);
        }
        case 'vite':
        case 'remix':
        case 'astro':
            return [`.env.${environment}.local`, `.env.${environment}`, '.env.local', '.env'];
        case 'nuxt':
            return ['.env'];
        case 'node':
            return flowOrder(environment);
    }
}
function flowOrder(mode) {
    return mode === 'test'
        ? [`.env.${mode}.local`, `.env.${mode}`, '.env']
        : [`.env.${mode}.local`, '.env.local', `.env.${mode}`, '.env'];
}

/*
 * Synchronous on purpose: the gate reads its files one after another and keeps only one set in memory at a
 * time; sync calls avoid an event-loop round trip per file (measured: 115 ms idle of 630 ms on 1,000 files).
 */
/** What is at `abs`; `label` (the path as the user knows it) names it in errors. */
function pathKind(abs, label) {
    try {
        const s = statSync(abs);
        return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return 'missing';
        throw new InputError(`${label}: ${reason(code)}`);
    }
}
/**
 * The text of a dotenv file: must be UTF-8 without NUL bytes. A BOM is kept, as `fs.readFileSync(p, 'utf8')`
 * (what dotenv itself uses) keeps it; the parser treats it like dotenv does.
 */
function readDotenvText(abs, label) {
    let bytes;
    try {
        bytes = readFileSync(abs);
    }
    catch (err) {
        throw new InputError(`${label}: ${reason(err.code)}`);
    }
    if (bytes.indexOf(0) !== -1)
        throw new InputError(`${label}: contains NUL bytes, not a dotenv text file`);
    // Native checks and decoding; TextDecoder({ fatal: true }) does the same through more JavaScript.
    if (!isUtf8(bytes))
        throw new InputError(`${label}: not valid UTF-8`);
    return bytes.toString('utf8');
}
function reason(code) {
    switch (code) {
        case 'ENOENT':
            return 'no such file or directory';
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'EISDIR':
            return 'is a directory';
        default:
            return `cannot read (${code ?? 'unknown error'})`;
    }
}

/** Resolves paths, globs and directories into units; absolute paths, in the order given. */
async function planSources(options) {
    const cwd = path.resolve(options.cwd);
    const rel = (abs) => relativePath(cwd, abs);
    const entries = [];
    for (const entry of options.paths)
        entries.push(...(await resolveEntry(cwd, entry)));
    // Directories first: their files belong to a layered set, so the same file named on its own is dropped.
    const units = new Map();
    const taken = new Set();
    for (const { kind, abs } of entries) {
        if (kind !== 'dir' || units.has(abs))
            continue;
        const framework = options.framework === 'auto' ? await detectFramework(abs, rel(abs)) : options.framework;
        // Like the frameworks, skip what is not a regular file at an optional name.
        const files = envFilesFor(framework, options.environment)
            .map((name) => path.join(abs, name))
            .filter((file) => pathKind(file, rel(file)) === 'file');
        for (const file of files)
            taken.add(file);
        units.set(abs, { kind: 'layered', dir: abs, framework, files });
    }
    for (const { kind, abs } of entries) {
        if (kind !== 'file' || taken.has(abs))
            continue;
        taken.add(abs);
        units.set(abs, { kind: 'file', file: abs });
    }
    // Keep the order of the arguments.
    return entries.flatMap(({ abs }) => {
        const unit = units.get(abs);
        units.delete(abs);
        return unit ? [unit] : [];
    });
}
/** Paths in reports: relative to cwd, forward slashes. */
function relativePath(cwd, abs) {
    // The common case, a file under cwd, without path.relative's normalisation work.
    const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
    const relative = abs.startsWith(prefix) ? abs.slice(prefix.length) : path.relative(cwd, abs);
    return (path.sep === '/' ? relative : relative.split(path.sep).join('/')) || '.';
}
/** An entry of `paths`: an existing file or directory, else a glob (an error when it matches nothing). */
async function resolveEntry(cwd, entry) {
    const abs = path.resolve(cwd, entry);
    const kind = pathKind(abs, entry);
    if (kind === 'file' || kind === 'dir')
        return [{ kind, abs }];
    if (kind === 'other')
        throw new InputError(`${entry}: not a regular file or directory`);
    // Loaded only for a glob: a third of the CLI bundle, and most runs name directories or files.
    const { globSync, isDynamicPattern } = await import('./cli-dist.js');
    if (!isDynamicPattern(entry))
        throw new InputError(`${entry}: no such file or directory`);
    // Synchronous: the walk is the only thing happening, and sync avoids an event-loop hop per directory.
    const matches = globSync(entry, { cwd, dot: true, onlyFiles: true, expandDirectories: false, absolute: true });
    if (matches.length === 0)
        throw new InputError(`${entry}: matched no files`);
    return matches.sort().map((m) => ({ kind: 'file', abs: path.normalize(m) }));
}

/**
 * Inline suppression in dotenv files:
 *   # clerk-production-gate-ignore dev-publishable-key, dev-url -- reason
 * on the line above a definition, or trailing it (`KEY=value # clerk-production-gate-ignore dev-url`).
 */
const DIRECTIVE = /^#\s*clerk-production-gate-ignore(?=\s|,|$)(.*)$/;
/** Rule ids named by `comment` (which starts at its `#`); empty when it is not a directive or names none. */
function parseIgnoreDirective(comment) {
    const m = DIRECTIVE.exec(comment.trim());
    if (!m)
        return [];
    const ids = (m[1] ?? '').split(/(?:^|\s)--(?:\s|$)/)[0] ?? '';
    return [...new Set(ids.split(/[\s,]+/).filter((id) => id !== ''))];
}

/**
 * dotenv 16.6's LINE regex, copied verbatim from node_modules/dotenv/lib/main.js because `dotenv.parse`
 * returns only name → value and we need each definition's position (and every duplicate).
 * The corpus test checks that we still agree with `dotenv.parse`; re-copy it when upgrading dotenv.
 * Flags: dotenv uses `mg`; `d` adds match.indices so we can locate the name and the value exactly.
 */
const LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/dgm;
const NOT_A_DEFINITION = 'line is not a NAME=value definition; dotenv ignores it';
/** dotenv's value post-processing, copied from its `parse` (trim, strip quotes, `\n`/`\r` in double quotes). */
function dotenvValue(raw) {
    let value = (raw ?? '').trim();
    const maybeQuote = value[0];
    // Only a value that starts with a quote can match dotenv's quote-stripping regex (unquoted values are one line).
    if (maybeQuote !== '"' && maybeQuote !== "'" && maybeQuote !== '`')
        return value;
    value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
    if (maybeQuote === '"') {
        value = value.replace(/\\n/g, '\n');
        value = value.replace(/\\r/g, '\r');
    }
    return value;
}
function parseDotenv(text, file) {
    // Same normalization as dotenv; `\r\n` and lone `\r` each become one `\n`, so line numbers stay physical.
    const src = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    const lineStarts = [0];
    for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1))
        lineStarts.push(i + 1);
    const hasBom = src.charCodeAt(0) === 0xfeff;
    const lineOf = (offset) => {
        let lo = 0;
        let hi = lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((lineStarts[mid] ?? 0) <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    };
    const matches = [];
    const valueSpans = [];
    const defs = [];
    // One compiled regex for every file (parsing runs synchronously, so sharing its lastIndex is safe).
    const re = LINE;
    re.lastIndex = 0;
    let match;
    while ((match = re.exec(src)) !== null) {
        const nameSpan = match.indices?.[1];
        const name = match[1];
        if (!nameSpan || name === undefined)
            continue; // cannot happen: group 1 is mandatory
        matches.push({ start: match.index, end: match.index + match[0].length });
        const valueSpan = match.indices?.[2];
        if (valueSpan)
            valueSpans.push({ start: valueSpan[0], end: valueSpan[1] });
        const line = lineOf(nameSpan[0]);
        // Editors do not count the BOM as a column.
        const column = nameSpan[0] - (lineStarts[line - 1] ?? 0) + 1 - (line === 1 && hasBom ? 1 : 0);
        const origin = { kind: 'file', file, line, column };
        // Trailing comment: the rest of the physical line after the value (after the closing quote when quoted).
        const valueEnd = valueSpan ? valueSpan[1] : nameSpan[1];
        const lineEnd = src.indexOf('\n', valueEnd);
        const hash = src.indexOf('#', valueEnd);
        const trailing = hash === -1 || (lineEnd !== -1 && hash > lineEnd)
            ? NONE
            : parseIgnoreDirective(src.slice(hash, lineEnd === -1 ? src.length : lineEnd));
        const above = line >= 2 ? commentAbove(line - 1) : NONE;
        const ignoredRules = above.length + trailing.length === 0 ? NONE : [...new Set([...above, ...trailing])];
        defs.push({ name: internName(name), value: dotenvValue(match[2]), origin, ignoredRules });
    }
    /** Ignore ids from physical line `n` when it is a standalone comment (not text inside a quoted value). */
    function commentAbove(n) {
        const first = firstNonSpace(n);
        if (first === -1 || src.charCodeAt(first) !== HASH || inside(valueSpans, first))
            return NONE;
        return parseIgnoreDirective(src.slice(first, lineEndOf(n)));
    }
    /** Offset of the first non-whitespace character of physical line `n`, or -1 for a blank line. */
    function firstNonSpace(n) {
        const end = lineEndOf(n);
        for (let i = lineStarts[n - 1] ?? 0; i < end; i++)
            if (!isSpace(src.charCodeAt(i)))
                return i;
        return -1;
    }
    function lineEndOf(n) {
        return n < lineStarts.length ? (lineStarts[n] ?? src.length) - 1 : src.length;
    }
    const last = new Map();
    for (const d of defs)
        last.set(d.name, d.origin);
    const variables = defs.map((d) => {
        const v = { name: d.name, value: d.value, origin: d.origin };
        if (d.ignoredRules.length > 0)
            v.ignoredRules = [...d.ignoredRules];
        const winner = last.get(d.name);
        if (winner && winner !== d.origin)
            v.shadowedBy = winner;
        return v;
    });
    const diagnostics = [];
    for (let n = 1; n <= lineStarts.length; n++) {
        const first = firstNonSpace(n);
        if (first === -1 || src.charCodeAt(first) === HASH)
            continue;
        if (!inside(matches, first))
            diagnostics.push({ file, line: n, message: NOT_A_DEFINITION });
    }
    return { variables, diagnostics };
}
const NONE = [];
/**
 * A name matched by the regex is a slice of the file's whole text, and V8 keeps that text alive as long
 * as the slice lives (in findings, to the end of the run). Names repeat from file to file, so one owned
 * copy of each keeps memory flat as the tree grows (36,000 findings: about 770 → 400 bytes retained each).
 */
const names = new Map();
function internName(name) {
    const known = names.get(name);
    if (known !== undefined)
        return known;
    const owned = ` ${name}`.slice(1);
    if (names.size < 100_000)
        names.set(owned, owned);
    return owned;
}
const HASH = 0x23;
/** What String.prototype.trim removes at the start of a line (without the line break, already split off). */
function isSpace(code) {
    return (code === 0x20 ||
        (code >= 0x09 && code <= 0x0d) ||
        code === 0xa0 ||
        code === 0xfeff ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000);
}
/** Whether `offset` falls in one of `spans` (sorted, non-overlapping: regex matches come in order). */
function inside(spans, offset) {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = spans[mid];
        if (offset < s.start)
            hi = mid - 1;
        else if (offset >= s.end)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

var main = {};

var hasRequiredMain;

function requireMain () {
	if (hasRequiredMain) return main;
	hasRequiredMain = 1;

	function _resolveEscapeSequences (value) {
	  return value.replace(/\\\$/g, '$')
	}

	function expandValue (value, processEnv, runningParsed) {
	  const env = { ...runningParsed, ...processEnv }; // process.env wins

	  const regex = /(?<!\\)\${([^{}]+)}|(?<!\\)\$([A-Za-z_][A-Za-z0-9_]*)/g;

	  let result = value;
	  let match;
	  const seen = new Set(); // self-referential checker

	  while ((match = regex.exec(result)) !== null) {
	    seen.add(result);

	    const [template, bracedExpression, unbracedExpression] = match;
	    const expression = bracedExpression || unbracedExpression;

	    // match the operators `:+`, `+`, `:-`, and `-`
	    const opRegex = /(:\+|\+|:-|-)/;
	    // find first match
	    const opMatch = expression.match(opRegex);
	    const splitter = opMatch ? opMatch[0] : null;

	    const r = expression.split(splitter);

	    let defaultValue;
	    let value;

	    const key = r.shift();

	    if ([':+', '+'].includes(splitter)) {
	      defaultValue = env[key] ? r.join(splitter) : '';
	      value = null;
	    } else {
	      defaultValue = r.join(splitter);
	      value = env[key];
	    }

	    if (value) {
	      // self-referential check
	      if (seen.has(value)) {
	        result = result.replace(template, defaultValue);
	      } else {
	        result = result.replace(template, value);
	      }
	    } else {
	      result = result.replace(template, defaultValue);
	    }

	    // if the result equaled what was in process.env and runningParsed then stop expanding
	    if (result === runningParsed[key]) {
	      break
	    }

	    regex.lastIndex = 0; // reset regex search position to re-evaluate after each replacement
	  }

	  return result
	}

	function expand (options) {
	  // for use with progressive expansion
	  const runningParsed = {};

	  let processEnv = process.env;
	  if (options && options.processEnv != null) {
	    processEnv = options.processEnv;
	  }

	  // dotenv.config() ran before this so the assumption is process.env has already been set
	  for (const key in options.parsed) {
	    let value = options.parsed[key];

	    // short-circuit scenario: process.env was already set prior to the file value
	    if (processEnv[key] && processEnv[key] !== value) {
	      value = processEnv[key];
	    } else {
	      value = expandValue(value, processEnv, runningParsed);
	    }

	    options.parsed[key] = _resolveEscapeSequences(value);

	    // for use with progressive expansion
	    runningParsed[key] = _resolveEscapeSequences(value);
	  }

	  for (const processKey in options.parsed) {
	    processEnv[processKey] = options.parsed[processKey];
	  }

	  return options
	}

	main.expand = expand;
	return main;
}

var mainExports = requireMain();

/**
 * `${NAME}` / `$NAME` expansion with dotenv-expand, over dotenv definitions only (runtime values are literal).
 * Context = the effective (non-shadowed) definitions, in order of each name's first appearance, which is what
 * Vite does when it merges `.env` files: pass layered sets lowest precedence first so that `.env.production`
 * can use a name from `.env`. dotenv-expand is progressive: a reference to a name that comes later is empty.
 * A fresh `processEnv` object keeps the real process.env out of it (dotenv-expand reads and writes it).
 */
function expandVariables(vars) {
    // Nothing to expand without a `$` (most files): skip dotenv-expand, which costs ~15 µs per variable.
    if (!vars.some((v) => v.value.includes('$')))
        return vars;
    const effective = new Map();
    for (const v of vars)
        if (!v.shadowedBy)
            effective.set(v.name, v.value);
    const order = [...new Set(vars.map((v) => v.name))].filter((n) => effective.has(n));
    // dotenv-expand copies its whole running context for every entry (quadratic in the file's length), but an
    // entry without `$` after the last entry with one comes out unchanged; so only that head is handed over.
    const head = order.slice(0, lastIndexWhere(order, (n) => effective.get(n).includes('$')) + 1);
    // Object.fromEntries defines own properties, so a name such as `__proto__` stays a plain key.
    const parsed = Object.fromEntries(head.map((n) => [n, effective.get(n)]));
    const expanded = mainExports.expand({ parsed, processEnv: {} }).parsed ?? parsed;
    const context = Object.fromEntries(order.map((n) => [n, (Object.hasOwn(expanded, n) ? expanded[n] : effective.get(n))]));
    return vars.map((v) => {
        if (!v.shadowedBy)
            return { ...v, value: context[v.name] ?? v.value };
        // A shadowed definition sees the same (already expanded) context, minus its own name: dotenv-expand
        // would otherwise replace the value with the context's value of that name.
        const others = { ...context };
        delete others[v.name];
        const one = mainExports.expand({ parsed: Object.fromEntries([[v.name, v.value]]), processEnv: others }).parsed;
        return { ...v, value: one?.[v.name] ?? v.value };
    });
}
function lastIndexWhere(items, test) {
    for (let i = items.length - 1; i >= 0; i--)
        if (test(items[i]))
            return i;
    return -1;
}

/** Reads one unit. In a layered set the highest-precedence definition of a name shadows the others. */
function readUnit(unit, cwd) {
    if (unit.kind === 'file') {
        const file = relativePath(cwd, unit.file);
        const parsed = parseDotenv(readDotenvText(unit.file, file), file);
        const variables = expandVariables(parsed.variables);
        return {
            variables,
            sources: [{ kind: 'file', file, variables: variables.length }],
            diagnostics: parsed.diagnostics
        };
    }
    const layers = unit.files.map((abs) => {
        const file = relativePath(cwd, abs);
        return { file, ...parseDotenv(readDotenvText(abs, file), file) };
    });
    const winner = new Map();
    for (const layer of layers) {
        for (const v of layer.variables)
            if (!v.shadowedBy && !winner.has(v.name))
                winner.set(v.name, v.origin);
    }
    for (const layer of layers) {
        for (const v of layer.variables) {
            const w = winner.get(v.name);
            if (w && w !== v.origin)
                v.shadowedBy = w;
        }
    }
    // Expansion runs over the merged set, lowest precedence first, as Vite and Next.js merge files.
    const lowestFirst = [...layers].reverse();
    const expanded = expandVariables(lowestFirst.flatMap((l) => l.variables));
    const variables = [];
    const sources = [];
    let end = expanded.length;
    // Back to highest precedence first, each file's definitions in file order.
    for (const layer of layers) {
        variables.push(...expanded.slice(end - layer.variables.length, end));
        end -= layer.variables.length;
        sources.push({ kind: 'file', file: layer.file, variables: layer.variables.length, framework: unit.framework });
    }
    return { variables, sources, diagnostics: layers.flatMap((l) => l.diagnostics) };
}

function getEnumValues(entries) {
    const numericValues = Object.values(entries).filter((v) => typeof v === "number");
    const values = Object.entries(entries)
        .filter(([k, _]) => numericValues.indexOf(+k) === -1)
        .map(([_, v]) => v);
    return values;
}
function jsonStringifyReplacer(_, value) {
    if (typeof value === "bigint")
        return value.toString();
    return value;
}
// the accessor lives on a shared prototype: an own accessor makes every box a dictionary-mode object (~360 B and a slow load per read against ~100 B and an inlined getter here)
class Cached {
    constructor(getter) {
        this._getter = getter;
        this._value = undefined;
    }
    get value() {
        const getter = this._getter;
        if (getter !== undefined) {
            this._value = getter();
            this._getter = undefined;
        }
        return this._value;
    }
}
function cached(getter) {
    return new Cached(getter);
}
function nullish(input) {
    return input === null || input === undefined;
}
function cleanRegex(source) {
    const start = source.startsWith("^") ? 1 : 0;
    const end = source.endsWith("$") ? source.length - 1 : source.length;
    return source.slice(start, end);
}
function assignProp(target, prop, value) {
    Object.defineProperty(target, prop, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
    });
}
const captureStackTrace = ("captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { });
function isObject(data) {
    return typeof data === "object" && data !== null && !Array.isArray(data);
}
function isPlainObject(o) {
    if (isObject(o) === false)
        return false;
    // modified constructor
    const ctor = o.constructor;
    if (ctor === undefined)
        return true;
    if (typeof ctor !== "function")
        return true;
    // modified prototype
    const prot = ctor.prototype;
    if (isObject(prot) === false)
        return false;
    // ctor doesn't have static `isPrototypeOf`
    if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
        return false;
    }
    return true;
}
function shallowClone(o) {
    if (isPlainObject(o))
        return { ...o };
    if (Array.isArray(o))
        return [...o];
    if (o instanceof Map)
        return new Map(o);
    if (o instanceof Set)
        return new Set(o);
    return o;
}
const propertyKeyTypes = /* @__PURE__*/ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
    return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
// zod-specific utils
function clone(inst, def, params) {
    const cl = new inst._zod.constr(def ?? inst._zod.def);
    if (!def || params?.parent)
        cl._zod.parent = inst;
    return cl;
}
function normalizeParams(_params) {
    const params = _params;
    if (!params)
        return {};
    if (typeof params === "string")
        return { error: () => params };
    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both `message` and `error` params");
        params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
        return { ...params, error: () => params.error };
    return params;
}
function optionalKeys(shape) {
    return Object.keys(shape).filter((k) => {
        return shape[k]._zod.optin !== undefined && shape[k]._zod.optout === "optional";
    });
}
// invalid_type | too_big | too_small | invalid_format | not_multiple_of | unrecognized_keys | invalid_union | invalid_key | invalid_element | invalid_value | custom
function aborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue !== true) {
            return true;
        }
    }
    return false;
}
// Checks for explicit abort (continue === false), as opposed to implicit abort (continue === undefined). Used to respect `abort: true` in .refine() even for checks that have a `when` function.
function explicitlyAborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue === false) {
            return true;
        }
    }
    return false;
}
function prefixIssues(path, issues) {
    return issues.map((iss) => {
        var _a;
        (_a = iss).path ?? (_a.path = []);
        iss.path.unshift(path);
        return iss;
    });
}
function unwrapMessage(message) {
    return typeof message === "string" ? message : message?.message;
}
/* A check holds no link back to the schema it is attached to — the same check instance is shared by every clone of that schema — so the owner is stamped onto the issues a check just raised, at the only point where both are in scope. Runs on the failure path only; `start` is the issue count from before the check ran. */
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
    const caps = [];
    for (const ch of defChecks ?? []) {
        const d = ch._zod.def;
        // a later check may rewrite the value
        if (!/_(length|size)$|_equals$/.test(d.check))
            break;
        const max = d.maximum ?? d.length ?? d.size;
        if (max >= 0)
            caps.push([max, ch]);
    }
    return caps;
}
function attachSchema(issues, start, inst) {
    var _a;
    for (let i = start; i < issues.length; i++) {
        (_a = issues[i]).schema ?? (_a.schema = inst);
    }
}
function finalizeIssue(iss, ctx, config) {
    var _a;
    // A schema that raised an issue itself owns it outright, and outranks any stamp an enclosing check left in `attachSchema`. String formats and z.custom() are schema and check at once, so when they act as a check they defer to that stamp instead.
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
        if (traits.has("$ZodCheck"))
            (_a = iss).schema ?? (_a.schema = iss.inst);
        else
            iss.schema = iss.inst;
    }
    // Decreasing specificity, first map to return a message wins. `inst` is whatever raised the issue, so a check's own map outranks the owning schema's.
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : undefined;
    const message = iss.message
        ? iss.message
        : (unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
            unwrapMessage(schemaError?.(iss)) ??
            unwrapMessage(ctx?.error?.(iss)) ??
            unwrapMessage(config.customError?.(iss)) ??
            unwrapMessage(config.localeError?.(iss)) ??
            "Invalid input");
    // an explicit own-key copy beats object rest with excluded keys, which v8 routes through a generic runtime call; Object.keys rather than for-in so an issue pushed with a prototype does not leak inherited keys, and an own __proto__ key is dropped rather than assigned through the setter
    const full = {};
    for (const k of Object.keys(iss)) {
        if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
            continue;
        full[k] = iss[k];
    }
    full.path ?? (full.path = []);
    full.message = message;
    if (ctx?.reportInput) {
        full.input = iss.input;
    }
    return full;
}
const highSurrogate = /[\uD800-\uDBFF]/;
// Code points in `str`: a surrogate pair counts once, a lone surrogate as itself. Hand-rolled because the string iterator allocates and runs ~250x slower on this path; the regex probe exits ~50x quicker for a string with no astral characters.
function codePointLength(str) {
    const units = str.length;
    if (!highSurrogate.test(str))
        return units;
    let count = units;
    for (let i = 0; i < units - 1; i++) {
        if ((str.charCodeAt(i) & 0xfc00) === 0xd800 && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            count--;
            i++;
        }
    }
    return count;
}
function getLengthableOrigin(input) {
    if (Array.isArray(input))
        return "array";
    if (typeof input === "string")
        return "string";
    return "unknown";
}
function issue(...args) {
    const [iss, input, inst] = args;
    if (typeof iss === "string") {
        return {
            message: iss,
            code: "custom",
            input,
            inst,
        };
    }
    return { ...iss };
}
//////////    PROTOTYPE INSTALLERS     //////////
//
// Members live on the prototype and materialize per instance on first read, which keeps own-property count under the step where V8 stops using inline slots. Changing anything here means re-measuring runtime, memory and bundle size together — see "The three axes" in AGENTS.md.
/**
 * Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
 *
 * Call this from a `proto` initializer, which runs once per prototype — never per instance.
 */
function members(proto, table) {
    for (const key in table) {
        const desc = Object.getOwnPropertyDescriptor(table, key);
        // a getter installs as written, so it stays live: `description` reads through to the registry on every access. not enumerable: an object literal's is, and a prototype member never was
        if (desc.get)
            Object.defineProperty(proto, key, { ...desc, enumerable: false });
        // a method materializes bound on first read, which is what keeps a detached member working: `const opt = schema.optional; opt()`
        else
            defineBound(proto, key, desc.value);
    }
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own(inst, key, value, enumerable = true) {
    Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
    return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
    return own(inst, key, value, false);
}
function defineBound(proto, key, fn) {
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // vitest's spyOn calls a prototype getter bare to find the function it wraps, so a nullish receiver answers the raw method
            return this == null ? fn : own(this, key, fn.bind(this));
        },
        set(value) {
            own(this, key, value);
        },
    });
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
    const proto = Object.getPrototypeOf(inst);
    // Runs on every construction, so `in` rather than the costlier `hasOwnProperty.call`. Sentinels are keys the group itself defines.
    return sentinel in proto ? undefined : proto;
}
// The internals whose init chain is installing. A second call for the same one is a derived constructor overriding its base, so it must not construct another schema in between or the override is dropped.
let installing;
// Set while a getter is running, so a value that resolved through a recursion break is not memoized. One shared descriptor shadows the key for the duration, which costs no per-key allocation.
let broke = false;
const breaker = {
    configurable: true,
    get() {
        broke = true;
        return undefined;
    },
};
/**
 * Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
 * constructor, computed from the internals object itself and cached there on
 * first read. One accessor per constructor rather than one per instance.
 */
function defineLazyInternal(inst, key, compute) {
    const proto = Object.getPrototypeOf(inst._zod);
    if (key in proto && installing !== inst._zod) {
        // A repeat construction: everything is installed already. Cleared here so the reference is not held past the first construction of every type.
        installing = undefined;
        return;
    }
    installing = inst._zod;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing so a re-entrant read from a recursive schema resolves to undefined instead of running the getter again.
            Object.defineProperty(this, key, breaker);
            const outer = broke;
            broke = false;
            try {
                const value = compute(this);
                // A result that resolved through a recursion break is recomputed once the graph is complete; everything else memoizes, undefined included.
                if (broke)
                    delete this[key];
                else
                    Object.defineProperty(this, key, { configurable: true, writable: true, value });
                broke = broke || outer;
                return value;
            }
            catch (err) {
                // A compute that threw memoizes nothing, so a later read runs it again and fails the same way. The shadow goes with it, since leaving it installed would answer undefined for every later read.
                delete this[key];
                broke = broke || outer;
                throw err;
            }
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, value });
        },
    });
}
/**
 * Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
 * data property. One accessor per constructor rather than one per instance, because an own accessor
 * puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
 */
function installLazyProp(inst, key, make, enumerable) {
    const proto = claim(inst, key);
    if (!proto)
        return;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing, so a re-entrant read from a self-referential shape resolves to undefined instead of running the getter again. A data property rather than an accessor: an own accessor is the dictionary-mode transition this exists to avoid.
            const desc = { configurable: true, writable: true, enumerable, value: undefined };
            Object.defineProperty(this, key, desc);
            // a compute that throws leaves the shadow behind, so later reads answer undefined instead of re-throwing; `defineLazy` did the same, and `defineLazyInternal`'s delete-on-catch would cost bytes in every bundle for a case only a throwing user getter reaches
            desc.value = make(this);
            Object.defineProperty(this, key, desc);
            return desc.value;
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
        },
    });
}

var _a;
/* Shared descriptor for installing `_zod`; defineProperty reads it
 * synchronously, so reusing one object avoids a per-instance allocation. */
const _zodDesc = { value: undefined, enumerable: false };
// null where suppressing the capture would be unrecoverable: `parse()` puts the frames back with `captureStackTrace`, so without it the throw would lose its stack. also latched to null once `stackTraceLimit` proves unassignable, which a realm can do at any point by hardening Error
let _E = "captureStackTrace" in Error ? Error : null;
// v8 captures a stack trace inside the Error constructor, which dominates a failed parse; costs only the frames, and parse() restores those. the constructor must RUN: Object.create is cheaper and passes instanceof, but Error.isError and util.types.isNativeError check an internal slot
function newError(Definition) {
    const E = _E;
    if (E) {
        const saved = E.stackTraceLimit;
        if (typeof saved === "number") {
            try {
                E.stackTraceLimit = 0;
            }
            catch {
                _E = null;
                return new Definition();
            }
            try {
                return new Definition();
            }
            finally {
                E.stackTraceLimit = saved;
            }
        }
    }
    return new Definition();
}
function $constructor(name, initializer, 
/** This trait's members, installed once on every prototype that composes it. They cannot be declared in the initializer above: that runs per instance, and the prototype is shared. */
proto, params) {
    // Prototype for this constructor's `_zod` internals. Lazily-derived fields (`values`, `pattern`, `optin`, …) install here once rather than as an accessor on every instance.
    const zodProto = {};
    // Assigning the fields in the constructor body is what gives instances in-object slots; building the object literally and reparenting it costs a second allocation and a generic property copy.
    function Internals(def) {
        this.def = def;
        this.constr = _;
        this.traits = new Set();
    }
    Internals.prototype = zodProto;
    const protoMembers = proto;
    // One trait's members land on every prototype whose chain composes it, so the answer is per prototype rather than per trait.
    const initialized = protoMembers && new WeakSet();
    function init(inst, def) {
        if (!inst._zod) {
            _zodDesc.value = new Internals(def);
            try {
                Object.defineProperty(inst, "_zod", _zodDesc);
            }
            finally {
                // Cleared even on throw, so the shared descriptor never leaks one instance's internals into the next.
                _zodDesc.value = undefined;
            }
        }
        else if (inst._zod.traits.has(name)) {
            return;
        }
        inst._zod.traits.add(name);
        initializer(inst, def);
        if (initialized) {
            // `super(def)` from a user subclass gives `this` a prototype the subclass owns, and installing there would overwrite whatever the subclass declared. `constr` built the instance, so its prototype is the one below the subclass's that should carry the members. A receiver whose chain never reaches that prototype installs on its own, which for a plain object handed straight to `init` means `Object.prototype` — unchanged from before.
            const own = Object.getPrototypeOf(inst);
            const ctorProto = inst._zod.constr.prototype;
            let up = own;
            while (up && up !== ctorProto)
                up = Object.getPrototypeOf(up);
            const target = up ?? own;
            if (!initialized.has(target)) {
                initialized.add(target);
                members(target, protoMembers);
            }
        }
        // support prototype modifications; for-in avoids the array allocation of Object.keys on the (usually empty) prototype
        const proto = _.prototype;
        for (const k in proto) {
            if (!Object.prototype.hasOwnProperty.call(proto, k))
                continue;
            if (!(k in inst)) {
                inst[k] = proto[k].bind(inst);
            }
        }
    }
    // doesn't work if Parent has a constructor with arguments
    const Parent = params?.Parent ?? Object;
    class Definition extends Parent {
    }
    Object.defineProperty(Definition, "name", { value: name });
    function _(def) {
        const inst = params?.Parent ? newError(Definition) : this;
        init(inst, def);
        const deferred = inst._zod.deferred;
        if (deferred) {
            for (const fn of deferred) {
                fn();
            }
            // Released: initializers run once, and the list would otherwise be retained for the schema's lifetime.
            inst._zod.deferred = undefined;
        }
        // Global post-processor hook. Internal: installed by `import "zod/compile"` to enable AOT compilation for every constructed schema. Runs last, once the instance is fully built, because it hands the instance to compile(). The post-processor is expected to be reentrancy-guarded by its own implementation.
        const pp = globalThis.__zod_globalConfig?.postProcessor;
        if (pp)
            pp(inst);
        return inst;
    }
    Object.defineProperty(_, "init", { value: init });
    Object.defineProperty(_, Symbol.hasInstance, {
        value: (inst) => {
            if (params?.Parent && inst instanceof params.Parent)
                return true;
            return inst?._zod?.traits?.has(name);
        },
    });
    Object.defineProperty(_, "name", { value: name });
    return _;
}
class $ZodAsyncError extends Error {
    constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
    }
}
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
const globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
    return globalConfig;
}

/* Computing the message eagerly is expensive (pretty-printed JSON of all
 * issues), so defer it until first read. The accessor functions and
 * descriptors are shared across instances to keep error construction
 * cheap; the computed message is cached on the internals object. The
 * setter preserves plain assignment semantics for consumers that
 * overwrite `message`. */
function _getMessage() {
    const internals = this._zod;
    internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
    return internals.message;
}
function _setMessage(value) {
    this._zod.message = value;
}
const _messageDesc = {
    get: _getMessage,
    set: _setMessage,
    enumerable: true,
    configurable: true,
};
const _issuesDesc = { value: undefined, enumerable: false };
/* Prototypes that already carry the lazy `toString`. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
const initializer = (inst, def) => {
    inst.name = "$ZodError";
    // `_zod` is already non-enumerable: $constructor's init defined it with this same descriptor
    _issuesDesc.value = def;
    Object.defineProperty(inst, "issues", _issuesDesc);
    // Clear the shared slot; a retained `value` pins the last error's issues.
    _issuesDesc.value = undefined;
    Object.defineProperty(inst, "message", _messageDesc);
    /* `toString` lives as a non-enumerable lazy getter on the shared
     * prototype; on first access it caches a per-instance closure so
     * detached usage still works. */
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
            configurable: true,
            enumerable: false,
            get() {
                const value = () => this.message;
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
                return value;
            },
            set(value) {
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            },
        });
    }
};
const $ZodRealError = $constructor("$ZodError", initializer, undefined, {
    Parent: Error,
});

const _parse = (_Err) => {
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
            throw new $ZodAsyncError();
        }
        if (result.issues.length) {
            const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, _params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse = /* @__PURE__*/ _parse($ZodRealError);
const _parseAsync = (_Err) => {
    const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
            result = await result;
        if (result.issues.length) {
            const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parseAsync = /* @__PURE__*/ _parseAsync($ZodRealError);
const _safeParse = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParse = /* @__PURE__*/ _safeParse($ZodRealError);
// the error is built on the first read of `error`: finalizing the issues and constructing the instance is most of a failing parse, and a caller that only branches on `success` never pays it. a getter in the literal keeps this small; the alternative, one shared accessor descriptor plus a hidden state slot, reads ~15% faster but costs ~75 B gzipped in every bundle
function failure(Err, issues, ctx) {
    let error;
    return {
        success: false,
        get error() {
            if (!error) {
                error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
                // finalizeIssue drops `input`, so the built error holds nothing; keeping the raw issues past this point pins the parsed value for the life of the result
                issues = undefined;
                ctx = undefined;
            }
            return error;
        },
        set error(e) {
            error = e;
            // a replacement makes the getter's branch unreachable, so the captures have to go here too
            issues = undefined;
            ctx = undefined;
        },
    };
}
const _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParseAsync = /* @__PURE__*/ _safeParseAsync($ZodRealError);

// the unbounded form of `string()` as a literal, so every plain string shares one instance instead of building its own
const anyString = /^[\s\S]{0,}$/;
const number = /^-?\d+(?:\.\d+)?$/;
const boolean$1 = /^(?:true|false)$/i;

// import { $ZodType } from "./schemas.js";
const $ZodCheck = /*@__PURE__*/ $constructor("$ZodCheck", (inst, def) => {
    var _a;
    inst._zod ?? (inst._zod = {});
    inst._zod.def = def;
    (_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
const _whenHasLength = (payload) => {
    const val = payload.value;
    return !nullish(val) && val.length !== undefined;
};
const $ZodCheckMinLength = /*@__PURE__*/ $constructor("$ZodCheckMinLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so fewer units than the floor can never reach it and twice the floor always clears it. Only in between is the exact count in doubt.
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2
            ? codePointLength(input)
            : units;
        if (length >= def.minimum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckOverwrite = /*@__PURE__*/ $constructor("$ZodCheckOverwrite", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
    };
});

const version = {
    major: 4,
    minor: 6,
    patch: 7,
};

const $ZodType = /*@__PURE__*/ $constructor("$ZodType", (inst, def) => {
    var _a;
    inst ?? (inst = {});
    inst._zod.def = def; // set _def property
    inst._zod.bag = inst._zod.bag || {}; // initialize _bag object
    inst._zod.version = version;
    const defChecks = inst._zod.def.checks;
    // if inst is itself a checks.$ZodCheck, run it as a check
    const checks = inst._zod.traits.has("$ZodCheck")
        ? [inst, ...(defChecks ?? [])]
        : defChecks?.length
            ? [...defChecks]
            : [];
    for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
            fn(inst);
        }
    }
    if (checks.length === 0) {
        // deferred initializer inst._zod.parse is not yet defined
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred?.push(() => {
            inst._zod.run = inst._zod.parse;
        });
    }
    else {
        const runChecks = (payload, checks, ctx) => {
            if (payload.memo)
                return payload;
            let isAborted = aborted(payload);
            let asyncResult;
            for (const ch of checks) {
                if (ch._zod.def.when) {
                    if (explicitlyAborted(payload))
                        continue;
                    const shouldRun = ch._zod.def.when(payload);
                    if (!shouldRun)
                        continue;
                }
                else if (isAborted) {
                    continue;
                }
                const currLen = payload.issues.length;
                const _ = ch._zod.check(payload);
                if (_ instanceof Promise && ctx?.async === false) {
                    throw new $ZodAsyncError();
                }
                if (asyncResult || _ instanceof Promise) {
                    asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                        await _;
                        const nextLen = payload.issues.length;
                        if (nextLen === currLen)
                            return;
                        attachSchema(payload.issues, currLen, inst);
                        if (!isAborted)
                            isAborted = aborted(payload, currLen);
                    });
                }
                else {
                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    attachSchema(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = aborted(payload, currLen);
                }
            }
            if (asyncResult) {
                return asyncResult.then(() => {
                    return payload;
                });
            }
            return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
            // abort if the canary is aborted
            if (aborted(canary)) {
                canary.aborted = true;
                return canary;
            }
            // run checks first, then
            const checkResult = runChecks(payload, checks, ctx);
            if (checkResult instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
            }
            return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
            if (ctx.skipChecks) {
                return inst._zod.parse(payload, ctx);
            }
            if (ctx.direction === "backward") {
                // run canary initial pass (no checks)
                const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
                if (canary instanceof Promise) {
                    return canary.then((canary) => {
                        return handleCanaryResult(canary, payload, ctx);
                    });
                }
                return handleCanaryResult(canary, payload, ctx);
            }
            // forward
            const result = inst._zod.parse(payload, ctx);
            if (result instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return result.then((result) => runChecks(result, checks, ctx));
            }
            return runChecks(result, checks, ctx);
        };
    }
}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return hide(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
// a Standard Schema result only reports issues, so a failure finalizes them straight off the raw payload: no ZodError, and no lazy result to read through
const toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
    const ctx = { async: true };
    return toStandardResult((await inst._zod.run({ value, issues: [] }, ctx)), ctx);
}
function standardProps(inst) {
    return {
        validate: (value) => {
            const ctx = { async: false };
            try {
                const r = inst._zod.run({ value, issues: [] }, ctx);
                if (!(r instanceof Promise))
                    return toStandardResult(r, ctx);
            }
            catch (_) { }
            // async function so a synchronously throwing check rejects instead of escaping validate
            return validateAsync(inst, value);
        },
        vendor: "zod",
        version: 1,
    };
}
const $ZodString = /*@__PURE__*/ $constructor("$ZodString", (inst, def) => {
    $ZodType.init(inst, def);
    // a format's own pattern, else unbounded; a template literal derives the check-aware form itself
    inst._zod.pattern = def.pattern ?? anyString;
    inst._zod.parse = (payload, _) => {
        if (def.coerce)
            try {
                payload.value = String(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "string")
            return payload;
        payload.issues.push({
            expected: "string",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodBoolean = /*@__PURE__*/ $constructor("$ZodBoolean", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = boolean$1;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Boolean(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "boolean")
            return payload;
        payload.issues.push({
            expected: "boolean",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
});
// an oversized container fails its leading size checks before any element is parsed
function capSize(inst, size) {
    const caps = sizeCaps(inst._zod.def.checks);
    if (!caps.length)
        return;
    const cap = Math.min(...caps.map((c) => c[0]));
    const parse = inst._zod.parse;
    inst._zod.parse = (payload, ctx) => {
        const n = size(payload.value);
        if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
            for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
                if (n > max && ch._zod.def.when(payload)) {
                    const start = payload.issues.length;
                    ch._zod.check(payload);
                    // the value is still the raw input, so no later check may read it
                    payload.issues[start].continue = false;
                    attachSchema(payload.issues, start, inst);
                    return payload;
                }
            }
        }
        return parse(payload, ctx);
    };
}
const arraySize = (input) => (Array.isArray(input) ? input.length : -1);
function handleArrayResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
const $ZodArray = /*@__PURE__*/ $constructor("$ZodArray", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                expected: "array",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
            const item = input[i];
            const result = def.element._zod.run({
                value: item,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleArrayResult(result, payload, i)));
            }
            else {
                handleArrayResult(result, payload, i);
                // the element's payload is authoritative here, since handleArrayResult forwards every issue; an object's is not, because it drops a failed absent optional
                if (abortEarly && result.issues.length !== 0 && aborted(result))
                    break;
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload; //handleArrayResultsAsync(parseResults, final);
    };
    capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
    const isPresent = key in input;
    const isOptionalOut = optout === "optional";
    // The middle rung means "absence permitted, nothing supplied in its place", so an absent key contributes nothing — whatever the schema made of `undefined` is invented, not substituted. Only `optional` reaches this with a value: `defaulted` substitutes, and a schema that isn't optional-out has to keep the key.
    if (!isPresent && isOptionalOut && optin === "optional") {
        return;
    }
    if (result.issues.length) {
        // For optional-in/out schemas, ignore errors on absent keys.
        if (optin !== undefined && isOptionalOut && !isPresent) {
            return;
        }
        final.issues.push(...prefixIssues(key, result.issues));
    }
    if (!isPresent && optin === undefined) {
        if (!result.issues.length) {
            final.issues.push({
                code: "invalid_type",
                expected: "nonoptional",
                input: undefined,
                path: [key],
            });
        }
        return;
    }
    if (result.value === undefined) {
        if (isPresent || (optin === "defaulted" && !isOptionalOut)) {
            final.value[key] = undefined;
        }
    }
    else {
        final.value[key] = result.value;
    }
}
// one shared instance; a fresh [] per schema cost 56 bytes retained
const NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    // aliases `keys` when there are no symbols, so a string-only shape keeps one array
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
    for (const k of allKeys) {
        if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
            throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
        }
    }
    const okeys = optionalKeys(def.shape);
    return {
        ...def,
        allKeys,
        symbolKeys,
        // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
        keySet: new Set(keys),
        numKeys: keys.length,
        optionalKeys: new Set(okeys),
    };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
    const unrecognized = [];
    const keySet = def.keySet;
    const _catchall = def.catchall._zod;
    const t = _catchall.def.type;
    const optin = _catchall.optin;
    const optout = _catchall.optout;
    // starts at 0, not the current length: the shape phase already ran and may have aborted
    let seen = 0;
    for (const key in input) {
        if (abortEarly && payload.issues.length !== seen) {
            if (aborted(payload, seen))
                break;
            seen = payload.issues.length;
        }
        // Must precede the __proto__ branch: a declared key is not unrecognized, even though the shape loop deliberately strips __proto__ from the parsed output.
        if (keySet.has(key))
            continue;
        // Don't copy an undeclared __proto__ into the result; assignment to a plain {} would replace the result prototype. But in strict mode it is still an unknown key, so report it before skipping.
        if (key === "__proto__") {
            if (t === "never")
                unrecognized.push(key);
            continue;
        }
        if (t === "never") {
            unrecognized.push(key);
            continue;
        }
        const r = _catchall.run({ value: input[key], issues: [] }, ctx);
        if (r instanceof Promise) {
            proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
        }
        else {
            handlePropertyResult(r, payload, key, input, optin, optout);
        }
    }
    if (unrecognized.length) {
        payload.issues.push({
            code: "unrecognized_keys",
            keys: unrecognized,
            input,
            inst,
            // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
            continue: true,
        });
    }
    if (!proms.length)
        return payload;
    return Promise.all(proms).then(() => {
        return payload;
    });
}
const $ZodObject = /*@__PURE__*/ $constructor("$ZodObject", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodType.init(inst, def);
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    // a cloned def carries its source's accessor, which knows the shape it answers from; adopting that keeps the clone's keys readable without running it
    const sh = desc?.get ? desc.get.raw : (def.shape ?? {});
    if (sh) {
        // Freezes the shape on first read, so its getters resolve once and every later read sees the same schemas.
        const get = () => {
            const newSh = { ...sh };
            Object.defineProperty(def, "shape", { value: newSh });
            get.raw = newSh;
            return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
    }
    const _normalized = cached(() => normalizeDef(def));
    defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
            const field = shape[key]._zod;
            if (field.values) {
                if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
                    assignProp(propValues, key, new Set());
                }
                for (const v of field.values)
                    propValues[key].add(v);
                // An omittable slot reads back as undefined at a discriminator lookup, so it has to claim undefined: two options that can both omit the key are not discriminable on it.
                if (field.optin !== undefined)
                    propValues[key].add(undefined);
            }
        }
        return propValues;
    });
    const isObject$1 = isObject;
    const catchall = def.catchall;
    let value;
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject$1(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
            if (abortEarly && payload.issues.length !== seen) {
                if (aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            if (key === "__proto__")
                continue;
            const el = shape[key];
            const optin = el._zod.optin;
            const optout = el._zod.optout;
            const r = el._zod.run({ value: input[key], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
            }
            else {
                handlePropertyResult(r, payload, key, input, optin, optout);
            }
        }
        if (!catchall) {
            return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
    };
});
const $ZodRecord = /*@__PURE__*/ $constructor("$ZodRecord", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!isPlainObject(input)) {
            payload.issues.push({
                expected: "record",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        // no guard in either loop below: a record's invalid_key aborts but an enclosing intersection can reconcile it, so a stopped loop hides keys the sibling does not own and the intersection then rejects nothing
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            const recordKeys = new Set();
            for (const key of values) {
                if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
                    recordKeys.add(typeof key === "number" ? key.toString() : key);
                    // A declared __proto__ is stripped but is not an unrecognized key.
                    if (key === "__proto__")
                        continue;
                    const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                    if (keyResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (keyResult.issues.length) {
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                        continue;
                    }
                    const outKey = keyResult.value;
                    if (outKey === "__proto__")
                        continue;
                    const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                    if (result instanceof Promise) {
                        proms.push(result.then((result) => {
                            if (result.issues.length) {
                                payload.issues.push(...prefixIssues(key, result.issues));
                            }
                            payload.value[outKey] = result.value;
                        }));
                    }
                    else {
                        if (result.issues.length) {
                            payload.issues.push(...prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }
                }
            }
            let unrecognized;
            for (const key in input) {
                if (!recordKeys.has(key)) {
                    if (def.mode === "loose") {
                        // skip __proto__ so it can't replace the result prototype via the assignment setter on the plain {} we build into
                        if (key === "__proto__")
                            continue;
                        payload.value[key] = input[key];
                    }
                    else {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        else {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            // An enumerable key schema declares which keys the record owns, so a key outside the set is unrecognized. A non-enumerable one (regex, refine) is a constraint every key must satisfy, so a failing key is invalid. Only the former is reconcilable against the other side of an intersection.
            let unrecognized;
            // Reflect.ownKeys for Symbol-key support; filter non-enumerable to match z.object()
            for (const key of Reflect.ownKeys(input)) {
                if (key === "__proto__")
                    continue;
                if (!Object.prototype.propertyIsEnumerable.call(input, key))
                    continue;
                let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                if (keyResult instanceof Promise) {
                    throw new Error("Async schemas not supported in object keys currently");
                }
                // Numeric string fallback: if key is a numeric string and failed, retry with Number(key). This handles z.number(), z.literal([1, 2, 3]), and unions containing numeric literals
                const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
                if (checkNumericKey) {
                    const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
                    if (retryResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (retryResult.issues.length === 0) {
                        keyResult = retryResult;
                    }
                }
                if (keyResult.issues.length) {
                    if (def.mode === "loose") {
                        // Pass through unchanged
                        payload.value[key] = input[key];
                    }
                    else if (values) {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                    else {
                        // Default "strict" behavior: error on invalid key
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                    }
                    continue;
                }
                // the guard above tests the raw input key, but the key schema can normalize an ordinary key into __proto__; re-check the key we actually write under
                const outKey = keyResult.value;
                if (outKey === "__proto__")
                    continue;
                const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((result) => {
                        if (result.issues.length) {
                            payload.issues.push(...prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }));
                }
                else {
                    if (result.issues.length) {
                        payload.issues.push(...prefixIssues(key, result.issues));
                    }
                    payload.value[outKey] = result.value;
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload;
    };
});
const $ZodEnum = /*@__PURE__*/ $constructor("$ZodEnum", (inst, def) => {
    $ZodType.init(inst, def);
    const values = getEnumValues(def.entries);
    const valuesSet = new Set(values);
    inst._zod.values = valuesSet;
    defineLazyInternal(inst, "pattern", (zod) => {
        const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values,
            input,
            inst,
        });
        return payload;
    };
});
function handleOptionalResult(payload, result) {
    // A substituting schema that still failed has no usable answer; yield undefined. Its issues are simply dropped: it ran on a payload of its own, so there is no shared array to truncate and nothing of the caller's to lose with it.
    payload.value = result.issues.length ? undefined : result.value;
    return payload;
}
const $ZodOptional = /*@__PURE__*/ $constructor("$ZodOptional", (inst, def) => {
    $ZodType.init(inst, def);
    // .optional() propagates absence rather than substituting for it, so a defaulted inner keeps its rung.
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    inst._zod.optout = "optional";
    defineLazyInternal(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? new Set([...values, undefined]) : undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        if (payload.value === undefined) {
            // Only the top rung substitutes a value for absence; everything else leaves it intact, which is what .optional() means.
            if (def.innerType._zod.optin !== "defaulted")
                return payload;
            // Its own payload, for the same reason $ZodCatch gets one: a pipe forwards an unrecognized key through the caller's issues array, and this must not read that as the substituting schema failing and drop it.
            const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
            if (result instanceof Promise)
                return result.then((result) => handleOptionalResult(payload, result));
            return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodDefault = /*@__PURE__*/ $constructor("$ZodDefault", (inst, def) => {
    $ZodType.init(inst, def);
    // inst._zod.qin = "true";
    inst._zod.optin = "defaulted";
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply defaults for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
            /**
             * $ZodDefault returns the default value immediately in forward direction.
             * It doesn't pass the default value into the validator ("prefault"). There's no reason to pass the default value through validation. The validity of the default is enforced by TypeScript statically. Otherwise, it's the responsibility of the user to ensure the default is valid. In the case of pipes with divergent in/out types, you can specify the default on the `in` schema of your ZodPipe to set a "prefault" for the pipe.   */
            return payload;
        }
        // Forward direction: continue with default handling
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleDefaultResult(result, def));
        }
        return handleDefaultResult(result, def);
    };
});
function handleDefaultResult(payload, def) {
    if (payload.value === undefined) {
        payload.value = def.defaultValue;
    }
    return payload;
}
const $ZodCustom = /*@__PURE__*/ $constructor("$ZodCustom", (inst, def) => {
    $ZodCheck.init(inst, def);
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _) => {
        return payload;
    };
    inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
            return r.then((r) => handleRefineResult(r, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
    };
});
function handleRefineResult(result, payload, input, inst) {
    if (!result) {
        const _iss = {
            code: "custom",
            input,
            inst, // incorporates params.error into issue reporting
            path: [...(inst._zod.def.path ?? [])], // incorporates params.error into issue reporting
            continue: !inst._zod.def.abort,
            // params: inst._zod.def.params,
        };
        if (inst._zod.def.params)
            _iss.params = inst._zod.def.params;
        payload.issues.push(issue(_iss));
    }
}

function snapshotChecks(def) {
    if (def.checks)
        def.checks = [...def.checks];
    return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
    return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
    return new Class({
        type: "boolean",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
    return new $ZodCheckMinLength({
        check: "min_length",
        ...normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
    return new $ZodCheckOverwrite({
        check: "overwrite",
        tx,
    });
}
// trim
// @__NO_SIDE_EFFECTS__
function _trim() {
    return _overwrite((input) => input.trim());
}
// same as _custom but defaults to abort:false
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...normalizeParams(_params),
    });
    return schema;
}

const ZodMiniType = /*@__PURE__*/ $constructor("ZodMiniType", (inst, def) => {
    if (!inst._zod)
        throw new Error("Uninitialized schema in ZodMiniType.");
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
}, {
    // `with` is an alias for `check`: the same function object, not a wrapper.
    get with() {
        return this.check;
    },
    set with(value) {
        own(this, "with", value);
    },
    parse(data, params) {
        return parse(this, data, params, { callee: this.parse });
    },
    parseAsync(data, params) {
        return parseAsync(this, data, params, { callee: this.parseAsync });
    },
    safeParse(data, params) {
        return safeParse(this, data, params);
    },
    safeParseAsync(data, params) {
        return safeParseAsync(this, data, params);
    },
    check(...checks) {
        const def = this.def;
        return this.clone({
            ...def,
            checks: [
                ...(def.checks ?? []),
                ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),
            ],
        }, { parent: true });
    },
    clone(_def, params) {
        return clone(this, _def, params);
    },
    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
});
const ZodMiniString = /*@__PURE__*/ $constructor("ZodMiniString", (inst, def) => {
    $ZodString.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string(params) {
    return _string(ZodMiniString, params);
}
const ZodMiniBoolean = /*@__PURE__*/ $constructor("ZodMiniBoolean", (inst, def) => {
    $ZodBoolean.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function boolean(params) {
    return _boolean(ZodMiniBoolean, params);
}
const ZodMiniArray = /*@__PURE__*/ $constructor("ZodMiniArray", (inst, def) => {
    $ZodArray.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
    return new ZodMiniArray({
        type: "array",
        element: element,
        ...normalizeParams(params),
    });
}
const ZodMiniObject = /*@__PURE__*/ $constructor("ZodMiniObject", (inst, def) => {
    $ZodObject.init(inst, def);
    ZodMiniType.init(inst, def);
    installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
    const def = {
        type: "object",
        shape: shape ?? {},
        ...normalizeParams(params),
    };
    return new ZodMiniObject(def);
}
const ZodMiniRecord = /*@__PURE__*/ $constructor("ZodMiniRecord", (inst, def) => {
    $ZodRecord.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
    // v3-compat: z.record(valueType, params?) — defaults keyType to z.string()
    if (!valueType || !valueType._zod) {
        return new ZodMiniRecord({
            type: "record",
            keyType: string(),
            valueType: keyType,
            ...normalizeParams(valueType),
        });
    }
    return new ZodMiniRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...normalizeParams(params),
    });
}
const ZodMiniEnum = /*@__PURE__*/ $constructor("ZodMiniEnum", (inst, def) => {
    $ZodEnum.init(inst, def);
    ZodMiniType.init(inst, def);
    // reuse the parsed value set so a numeric TS enum's reverse-mapping keys stay out
    inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    return new ZodMiniEnum({
        type: "enum",
        entries,
        ...normalizeParams(params),
    });
}
const ZodMiniOptional = /*@__PURE__*/ $constructor("ZodMiniOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
    return new ZodMiniOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodMiniDefault = /*@__PURE__*/ $constructor("ZodMiniDefault", (inst, def) => {
    $ZodDefault.init(inst, def);
    ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function _default(innerType, defaultValue) {
    return new ZodMiniDefault({
        type: "default",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
        },
    });
}
const ZodMiniCustom = /*@__PURE__*/ $constructor("ZodMiniCustom", (inst, def) => {
    $ZodCustom.init(inst, def);
    ZodMiniType.init(inst, def);
});
// refine
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
    return _refine(ZodMiniCustom, fn, _params);
}

/**
 * Offset of the first JSON syntax error in `text` (RFC 8259), or `text.length` for a premature end.
 * Used only after JSON.parse has failed: Node 20's messages quote the input (which may hold secrets)
 * and some ("Unexpected token …") carry no position at all.
 */
function jsonErrorOffset(text) {
    let i = 0;
    const fail = (at) => {
        throw new Located(at);
    };
    const ws = () => {
        while (i < text.length && ' \t\n\r'.includes(text[i]))
            i++;
    };
    const literal = (word) => {
        for (const ch of word)
            if (text[i] === ch)
                i++;
            else
                fail(i);
    };
    const string = () => {
        i++; // opening quote
        for (;;) {
            if (i >= text.length)
                fail(i);
            const c = text.charCodeAt(i);
            if (c === 0x22)
                return void i++;
            if (c < 0x20)
                fail(i);
            if (c === 0x5c) {
                const e = text[i + 1];
                if (e === 'u') {
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
                        fail(i);
                    i += 6;
                }
                else if (e !== undefined && '"\\/bfnrt'.includes(e))
                    i += 2;
                else
                    fail(i + 1 < text.length ? i : text.length);
            }
            else
                i++;
        }
    };
    const digits = () => {
        if (!isDigit(text[i]))
            fail(i);
        while (isDigit(text[i]))
            i++;
    };
    const number = () => {
        if (text[i] === '-')
            i++;
        if (text[i] === '0')
            i++;
        else
            digits();
        if (text[i] === '.') {
            i++;
            digits();
        }
        if (text[i] === 'e' || text[i] === 'E') {
            i++;
            if (text[i] === '+' || text[i] === '-')
                i++;
            digits();
        }
    };
    const value = () => {
        ws();
        const c = text[i];
        if (c === '{') {
            i++;
            ws();
            if (text[i] === '}')
                return void i++;
            for (;;) {
                ws();
                if (text[i] !== '"')
                    fail(i);
                string();
                ws();
                if (text[i] !== ':')
                    fail(i);
                i++;
                value();
                ws();
                if (text[i] === ',')
                    i++;
                else if (text[i] === '}')
                    return void i++;
                else
                    fail(i);
            }
        }
        else if (c === '[') {
            i++;
            ws();
            if (text[i] === ']')
                return void i++;
            for (;;) {
                value();
                ws();
                if (text[i] === ',')
                    i++;
                else if (text[i] === ']')
                    return void i++;
                else
                    fail(i);
            }
        }
        else if (c === '"')
            string();
        else if (c === 't')
            literal('true');
        else if (c === 'f')
            literal('false');
        else if (c === 'n')
            literal('null');
        else if (c === '-' || isDigit(c))
            number();
        else
            fail(i);
    };
    try {
        value();
        ws();
        return i < text.length ? i : text.length;
    }
    catch (err) {
        if (err instanceof Located)
            return Math.min(err.offset, text.length);
        throw err;
    }
}
function isDigit(c) {
    return c !== undefined && c >= '0' && c <= '9';
}
class Located {
    offset;
    constructor(offset) {
        this.offset = offset;
    }
}
/** 1-based line and column of `offset`; `\r\n`, `\r` and `\n` each end a line. */
function lineColumn(text, offset) {
    const before = text.slice(0, offset);
    const breaks = before.match(/\r\n|\r|\n/g) ?? [];
    const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    return { line: breaks.length + 1, column: offset - lastBreak };
}

const Schema = record(string(), string());
/** The token GitHub adds to every `toJSON(secrets)`; it is not one of the user's secrets. */
const GITHUB_TOKEN_KEY = 'github_token';
/**
 * Variables from `${{ toJSON(vars) }}` / `${{ toJSON(secrets) }}`: a JSON object of name → string.
 * Error messages name the label, a position or a key, never a value or any of the input text.
 */
function parseJsonInput(text, kind, label) {
    if (text.trim() === '')
        return [];
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        const { line, column } = lineColumn(text, jsonErrorOffset(text));
        throw new InputError(`${label}: invalid JSON at line ${line}, column ${column}`);
    }
    const result = Schema.safeParse(data);
    if (!result.success) {
        const key = result.error.issues.find((i) => i.path.length > 0)?.path[0];
        throw new InputError(key === undefined
            ? `${label}: expected a JSON object of name → string`
            : `${label}: the value of ${JSON.stringify(String(key))} is not a string`);
    }
    return Object.entries(result.data)
        .filter(([name]) => !(kind === 'secrets' && name === GITHUB_TOKEN_KEY))
        .map(([name, value]) => ({ name, value, origin: { kind } }));
}

/** Variables the Actions runner sets for itself; never the app's configuration. */
const RUNNER_PREFIXES = ['GITHUB_', 'RUNNER_', 'INPUT_', 'ACTIONS_'];
function readProcessEnv(env) {
    const variables = [];
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined || RUNNER_PREFIXES.some((p) => name.startsWith(p)))
            continue;
        variables.push({ name, value, origin: { kind: 'env' } });
    }
    return variables;
}

/** The deployment's own environment: process env, vars and secrets. They do not shadow each other. */
function readRuntime(options) {
    const groups = [];
    if (options.processEnv)
        groups.push({ kind: 'env', variables: readProcessEnv(options.processEnv) });
    if (options.varsJson) {
        const { text, label } = options.varsJson;
        groups.push({ kind: 'vars', variables: parseJsonInput(text, 'vars', label) });
    }
    if (options.secretsJson) {
        const { text, label } = options.secretsJson;
        groups.push({ kind: 'secrets', variables: parseJsonInput(text, 'secrets', label) });
    }
    const winners = new Map();
    for (const kind of ['vars', 'secrets', 'env']) {
        for (const v of groups.find((g) => g.kind === kind)?.variables ?? [])
            winners.set(v.name, v.origin);
    }
    return {
        variables: groups.flatMap((g) => g.variables),
        sources: groups.map((g) => ({ kind: g.kind, variables: g.variables.length })),
        winners
    };
}
/** Frameworks never override a variable already in the environment: runtime definitions shadow dotenv ones. */
function shadowByRuntime(variables, runtime) {
    for (const v of variables) {
        const winner = runtime.winners.get(v.name);
        if (winner)
            v.shadowedBy = winner;
    }
}

/** Rules that only judge production deploys (the rest run in every environment). */
const PRODUCTION_ONLY = new Set([
    'dev-secret-key',
    'dev-publishable-key',
    'dev-frontend-api',
    'dev-url',
    'dev-only-setting'
]);
/** One checklist line per rule: pass, fail, or skipped when the rule does not apply here. */
function ruleChecks(rules, findings, isProduction) {
    return rules.map(({ meta }) => {
        const base = { id: meta.id, title: meta.title };
        if (PRODUCTION_ONLY.has(meta.id) && !isProduction) {
            return { ...base, status: 'skipped', detail: 'applies to production environments only' };
        }
        if (meta.id === 'live-key-outside-production' && isProduction) {
            return { ...base, status: 'skipped', detail: 'applies to non-production environments only' };
        }
        const own = findings.filter((f) => f.rule === meta.id);
        const active = own.filter((f) => !f.suppressed && f.severity !== 'notice');
        const quiet = own.length - active.length;
        const note = quiet > 0 ? ` (${quiet} suppressed or shadowed)` : '';
        return active.length > 0
            ? { ...base, status: 'fail', detail: `${active.length} finding${active.length === 1 ? '' : 's'}${note}` }
            : { ...base, status: 'pass', detail: `no findings${note}` };
    });
}
/** Checks that need Clerk's API or DNS. They are listed so a skipped check is never mistaken for a pass. */
function networkChecks(offline) {
    const detail = offline ? 'skipped: offline mode' : 'skipped: not available in this version';
    return [
        { id: 'clerk-instance', title: 'Production instance reachable with these keys', status: 'skipped', detail },
        { id: 'clerk-dns', title: 'Production domain DNS records verified', status: 'skipped', detail }
    ];
}

// zod/mini: the same validation as classic zod at a quarter of the bundle and start-up cost (measured:
// 220 KB and ~20 ms to load classic in a bundle, 49 KB and ~8 ms mini), which matters for a CLI run per deploy.
const FRAMEWORK_CHOICES = ['auto', 'nextjs', 'vite', 'remix', 'astro', 'nuxt', 'expo', 'node'];
const FAIL_ON_CHOICES = ['error', 'warning', 'never'];
const oneOf = (choices) => ({ error: `expected one of ${choices.join(', ')}` });
const nonEmpty = string().check(_trim(), _minLength(1, 'must not be empty'));
const jsonInput = object({ label: string(), text: string() });
/** What both shells (action and CLI) hand the engine, validated at the boundary. */
const gateOptionsSchema = object({
    cwd: nonEmpty,
    paths: array(string().check(_minLength(1, 'must not be empty'))),
    framework: _default(_enum(FRAMEWORK_CHOICES, oneOf(FRAMEWORK_CHOICES)), 'auto'),
    environment: _default(nonEmpty, 'production'),
    productionEnvironments: _default(array(nonEmpty).check(_minLength(1, 'must name at least one environment')), [
        'production'
    ]),
    varsJson: optional(jsonInput),
    secretsJson: optional(jsonInput),
    processEnv: optional(record(string(), optional(string()))),
    ignore: _default(array(string()).check(refine((ids) => ids.every((id) => RULE_IDS.includes(id)), {
        error: `names an unknown rule; known rules: ${RULE_IDS.join(', ')}`
    })), []),
    failOn: _default(_enum(FAIL_ON_CHOICES, oneOf(FAIL_ON_CHOICES)), 'error'),
    offline: _default(boolean(), false)
});
/** Validates options; a problem becomes an InputError naming the option (never its value). */
function parseGateOptions(input) {
    const result = gateOptionsSchema.safeParse(input);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'options';
    throw new InputError(`${OPTION_NAMES[String(issue?.path[0])] ?? where}: ${issue?.message ?? 'invalid'}`);
}
/** Option names as users know them (action input / CLI flag). */
const OPTION_NAMES = {
    framework: 'framework',
    environment: 'environment',
    productionEnvironments: 'production-environments',
    ignore: 'ignore',
    failOn: 'fail-on'
};
/** GitHub environment names are case-insensitive. */
function isProductionEnvironment(options) {
    const target = options.environment.toLowerCase();
    return options.productionEnvironments.some((name) => name.toLowerCase() === target);
}

/** Names whose values are treated as secrets whatever they hold. */
const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE|CREDENTIAL|API_KEY|_KEY$)/i;
const PUBLIC_KEY_NAME = /PUBLISHABLE_KEY$/i;
/** Shorter values are placeholders (`true`, `xxx`); masking them would garble every log line. */
const MIN_SECRET_LENGTH = 8;
/**
 * Values to register with the runner's log masking (`core.setSecret`): everything from secrets,
 * every secret-looking value, and each line of a multi-line secret (the runner masks line by line).
 */
function secretValues(variables) {
    const values = new Set();
    for (const { name, value, origin } of variables) {
        const secret = origin.kind === 'secrets' ||
            classifySecretKey(value) !== null ||
            isWebhookSecret(value) ||
            (SECRET_NAME.test(name) && !PUBLIC_KEY_NAME.test(name));
        if (!secret)
            continue;
        for (const part of [value, ...value.split(/\r?\n/)]) {
            if (part.trim().length >= MIN_SECRET_LENGTH)
                values.add(part);
        }
    }
    return [...values];
}

/**
 * Redacts a value for display as prefix + `…` + last 4.
 * The prefix is a known non-secret key prefix (`sk_live_`, `pk_test_`, `whsec_`, `test_`, `live_`),
 * and nothing at all for other values. Short values are fully masked: showing the last 4 characters
 * of an 8-character secret would reveal half of it.
 */
const KNOWN_PREFIXES = ['sk_live_', 'sk_test_', 'pk_live_', 'pk_test_', 'whsec_', 'live_', 'test_', 'ak_'];
const MIN_LENGTH_FOR_TAIL = 16;
function redact(value) {
    if (value === '')
        return '(empty)';
    const prefix = KNOWN_PREFIXES.find((p) => value.startsWith(p)) ?? '';
    const rest = value.slice(prefix.length);
    if (rest.length < MIN_LENGTH_FOR_TAIL)
        return `${prefix}…`;
    return `${prefix}…${rest.slice(-4)}`;
}

/**
 * Turns a rule's hit into a reportable finding: redacts the value, downgrades a shadowed
 * definition to a notice, and records (never drops) a suppression.
 */
function toFinding(meta, hit, ignored) {
    const { variable } = hit;
    const finding = {
        rule: meta.id,
        severity: variable.shadowedBy ? 'notice' : (hit.severity ?? meta.severity),
        variable: hit.subject ?? variable.name,
        value: hit.absent ? '(not set)' : redact(variable.value),
        origin: variable.origin,
        message: hit.message,
        fix: hit.fix ?? meta.fix
    };
    if (variable.shadowedBy) {
        finding.shadowedBy = variable.shadowedBy;
        finding.message += ' It is overridden by a higher-precedence definition, so it does not reach the environment.';
    }
    const suppression = suppressionOf(meta.id, hit, ignored);
    if (suppression)
        finding.suppressed = suppression;
    return finding;
}
function suppressionOf(id, hit, ignored) {
    if (ignored.has(id))
        return { by: 'ignore-option' };
    const { origin, ignoredRules } = hit.variable;
    if (!hit.absent && origin.kind === 'file' && ignoredRules?.includes(id)) {
        return { by: 'inline-comment', file: origin.file, line: origin.line };
    }
    return undefined;
}

/** Diagnostics kept for the report; the rest are counted. */
const MAX_DIAGNOSTICS = 100;
/**
 * The whole gate: sources → variables → rules → findings → report. Knows nothing of GitHub.
 * Dotenv units are read and checked one at a time and then dropped, so memory stays flat as the tree
 * grows; only findings (redacted) are kept.
 */
async function runGate(input, hooks = {}) {
    const options = parseGateOptions(input);
    const cwd = path.resolve(options.cwd);
    const runtime = readRuntime(options);
    const units = await planSources(options);
    const isProduction = isProductionEnvironment(options);
    const ignored = new Set(options.ignore);
    const base = { environment: options.environment, isProduction, hasRuntimeSources: runtime.sources.length > 0 };
    const findings = [];
    const sources = [];
    const diagnostics = [];
    let diagnosticsTotal = 0;
    const secrets = new Set();
    const frameworks = new Set();
    let clerkInFiles = false;
    const keep = (variables) => {
        if (hooks.collectSecrets !== false)
            for (const secret of secretValues(variables))
                secrets.add(secret);
    };
    const runtimeConcerning = runtime.variables.filter((v) => mayConcernClerk(v.name, v.value));
    for (const unit of units) {
        const contents = readUnit(unit, cwd);
        shadowByRuntime(contents.variables, runtime);
        const unitFrameworks = new Set(unit.kind === 'layered' ? [unit.framework] : []);
        for (const f of unitFrameworks)
            frameworks.add(f);
        const variables = contents.variables.filter((v) => mayConcernClerk(v.name, v.value));
        const effective = [...variables.filter((v) => !v.shadowedBy), ...runtimeConcerning];
        const context = { ...base, variables, effective, frameworks: unitFrameworks };
        findings.push(...check(RULES, context, ignored));
        clerkInFiles ||= variables.some((v) => isClerkVariable(v.name));
        sources.push(...contents.sources);
        diagnosticsTotal += contents.diagnostics.length;
        diagnostics.push(...contents.diagnostics.slice(0, MAX_DIAGNOSTICS - diagnostics.length));
        keep(contents.variables);
    }
    // The runtime environment as its own scope. Whether keys are missing was already judged with each
    // app's files when there were Clerk variables in them.
    const runtimeRules = clerkInFiles ? RULES.filter((r) => r.meta.id !== 'missing-key') : RULES;
    const runtimeContext = {
        ...base,
        variables: runtime.variables,
        effective: runtime.variables,
        frameworks
    };
    findings.push(...check(runtimeRules, runtimeContext, ignored));
    sources.push(...runtime.sources);
    keep(runtime.variables);
    findings.sort(byImportance);
    const errors = countBySeverity(findings, 'error');
    const warnings = countBySeverity(findings, 'warning');
    const passed = options.failOn === 'never' || (errors === 0 && (options.failOn === 'error' || warnings === 0));
    const report = {
        environment: options.environment,
        isProduction,
        passed,
        failOn: options.failOn,
        summary: {
            errors,
            warnings,
            notices: countBySeverity(findings, 'notice'),
            suppressed: findings.filter((f) => f.suppressed).length
        },
        sources,
        findings,
        checks: [...ruleChecks(RULES, findings, isProduction), ...networkChecks(options.offline)],
        diagnostics,
        diagnosticsOmitted: diagnosticsTotal - diagnostics.length
    };
    return { report, secrets: [...secrets] };
}
function check(rules, context, ignored) {
    return rules.flatMap((rule) => rule.check(context).map((hit) => toFinding(rule.meta, hit, ignored)));
}
/** Errors first, then warnings and notices; within a severity, by location so output is stable. */
function byImportance(a, b) {
    return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareLocation(a, b) || compare(a.rule, b.rule);
}
/** Files (by path, then line) before vars, secrets and env. Plain comparison: no locale collation needed. */
function compareLocation(a, b) {
    const fileA = a.origin.kind === 'file' ? a.origin : null;
    const fileB = b.origin.kind === 'file' ? b.origin : null;
    if (fileA && fileB)
        return compare(fileA.file, fileB.file) || fileA.line - fileB.line;
    if (fileA || fileB)
        return fileA ? -1 : 1;
    return compare(a.origin.kind, b.origin.kind);
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Splits a list given as one string (action inputs, CLI flags): commas or newlines, blanks dropped. */
function splitList(text) {
    if (!text)
        return [];
    return text
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}

const FORMATS = ['text', 'json', 'markdown', 'sarif'];
const USAGE = `Usage: clerk-production-gate [options] [path ...]

Stops a production deploy that still carries Clerk development settings.
Each path is a dotenv file, a glob ('apps/*/.env*'), or a directory, read the
way its framework loads it for the target environment. Default: .

Options:
  --environment NAME              target environment (default: production)
  --production-environments LIST  names that count as production, comma-separated (default: production)
  --vars-json FILE                JSON object of variables, as \${{ toJSON(vars) }} gives it
  --secrets-json FILE             JSON object of secrets, as \${{ toJSON(secrets) }} gives it
  --scan-process-env              also scan this process's environment (minus GITHUB_*, RUNNER_*, INPUT_*, ACTIONS_*)
  --framework NAME                auto|nextjs|vite|remix|astro|nuxt|expo|node (default: auto)
  --ignore RULES                  rule ids to suppress, comma-separated, repeatable
  --fail-on LEVEL                 error|warning|never (default: error)
  --offline                       skip every network check
  --format FORMAT                 text|json|markdown|sarif (default: text)
  --output FILE                   write the report to FILE instead of standard output
  --no-color                      plain text even on a terminal
  -h, --help                      show this help
  -v, --version                   show the version

Exit codes: 0 passed, 1 the gate failed, 2 usage or input error.`;
/** Parses argv strictly: an unknown option or a missing value is a usage error (exit 2). */
function parseCliArgs(argv) {
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: {
                environment: { type: 'string' },
                'production-environments': { type: 'string' },
                'vars-json': { type: 'string' },
                'secrets-json': { type: 'string' },
                'scan-process-env': { type: 'boolean', default: false },
                framework: { type: 'string' },
                ignore: { type: 'string', multiple: true, default: [] },
                'fail-on': { type: 'string' },
                offline: { type: 'boolean', default: false },
                format: { type: 'string', default: 'text' },
                output: { type: 'string' },
                'no-color': { type: 'boolean', default: false },
                help: { type: 'boolean', short: 'h', default: false },
                version: { type: 'boolean', short: 'v', default: false }
            }
        });
    }
    catch (error) {
        throw new InputError(error.message.split('\n')[0] ?? 'invalid arguments');
    }
    const { values, positionals } = parsed;
    const format = values.format;
    if (!FORMATS.includes(format))
        throw new InputError(`--format: expected one of ${FORMATS.join(', ')}`);
    return {
        help: values.help,
        version: values.version,
        paths: positionals.length > 0 ? positionals : ['.'],
        environment: values.environment,
        productionEnvironments: values['production-environments'] === undefined ? undefined : splitList(values['production-environments']),
        varsJsonFile: values['vars-json'],
        secretsJsonFile: values['secrets-json'],
        scanProcessEnv: values['scan-process-env'],
        framework: values.framework,
        ignore: values.ignore.flatMap((item) => splitList(item)),
        failOn: values['fail-on'],
        offline: values.offline,
        format,
        output: values.output,
        color: values['no-color'] ? false : undefined
    };
}

/** Reads a file named by an option; failures name the option and file, never the content. */
/** `file` is relative to `cwd`; the label (used in messages) keeps the name as given. */
async function readInputFile(option, file, cwd) {
    try {
        return { label: file, text: readFileSync(resolve(cwd, file), 'utf8') };
    }
    catch (error) {
        const code = error.code ?? 'unreadable';
        throw new InputError(`${option}: cannot read ${file} (${code})`);
    }
}

/** Lines dotenv ignores, one per line as `file:line: message` (the line's text is never shown). */
function renderDiagnostics(report) {
    const lines = report.diagnostics.map((d) => `${d.file}:${d.line}: note: ${d.message}\n`);
    const omitted = report.diagnosticsOmitted ?? 0;
    if (omitted > 0)
        lines.push(`note: ${omitted} more lines that dotenv ignores are not listed\n`);
    return lines.join('');
}

/** The JSON report (public contract, see json-schema.ts). Keys are built explicitly so nothing else leaks. */
function toJsonReport(report) {
    const { errors, warnings, notices } = report.summary;
    return {
        version: 1,
        environment: report.environment,
        passed: report.passed,
        summary: { errors, warnings, notices },
        sources: report.sources.map(toJsonSource),
        findings: report.findings.map(toJsonFinding),
        checks: report.checks.map(({ id, status, detail }) => ({ id, status, detail }))
    };
}
/**
 * The same text as renderJson, in pieces: the long arrays (sources, findings) are rendered an item at a
 * time, so a report with tens of thousands of findings is never one string in memory.
 */
function* renderJsonChunks(report) {
    const skeleton = JSON.stringify({ ...toJsonReport({ ...report, sources: [], findings: [] }), sources: SOURCES_SLOT, findings: FINDINGS_SLOT }, null, 2);
    const [head = '', afterSources = ''] = skeleton.split(JSON.stringify(SOURCES_SLOT));
    const [middle = '', tail = ''] = afterSources.split(JSON.stringify(FINDINGS_SLOT));
    yield head;
    yield* arrayChunks(report.sources, toJsonSource);
    yield middle;
    yield* arrayChunks(report.findings, toJsonFinding);
    yield `${tail}\n`;
}
// Placeholders no real value can equal (JSON strings never hold a raw NUL from our reports).
const SOURCES_SLOT = '\u0000sources\u0000';
const FINDINGS_SLOT = '\u0000findings\u0000';
/** An array as JSON.stringify(…, null, 2) writes it as a property of the top-level object. */
function* arrayChunks(items, toJson) {
    if (items.length === 0) {
        yield '[]';
        return;
    }
    yield '[\n';
    for (let i = 0; i < items.length; i++) {
        const text = `    ${JSON.stringify(toJson(items[i]), null, 2).replaceAll('\n', '\n    ')}`;
        yield i < items.length - 1 ? `${text},\n` : `${text}\n  ]`;
    }
}
function toJsonLocation(origin) {
    return origin.kind === 'file'
        ? { file: origin.file, line: origin.line, column: origin.column }
        : { source: origin.kind };
}
function toJsonFinding(finding) {
    const json = {
        rule: finding.rule,
        severity: finding.severity,
        variable: finding.variable,
        value: finding.value,
        location: toJsonLocation(finding.origin),
        message: finding.message,
        fix: finding.fix
    };
    const s = finding.suppressed;
    if (s)
        json.suppressed = s.by === 'inline-comment' ? { by: s.by, file: s.file, line: s.line } : { by: s.by };
    if (finding.shadowedBy)
        json.shadowed_by = toJsonLocation(finding.shadowedBy);
    return json;
}
function toJsonSource(source) {
    if (source.kind !== 'file')
        return { kind: source.kind, variables: source.variables };
    const { file, variables, framework } = source;
    return framework === undefined ? { kind: 'file', file, variables } : { kind: 'file', file, variables, framework };
}

/** Human form of an origin: `path/.env:3:1`, `vars`, `secrets`, `env`. */
function describeOrigin(origin) {
    return origin.kind === 'file' ? `${origin.file}:${origin.line}:${origin.column}` : origin.kind;
}

function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** `2 errors, 1 warning, 0 notices (1 suppressed)` — from the report's own summary. */
function summaryLine(summary) {
    const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.notices, 'notice')}`;
    return `${counts} (${summary.suppressed} suppressed)`;
}
function describeSuppression(s) {
    return s.by === 'ignore-option'
        ? 'suppressed by the ignore option'
        : `suppressed by an inline comment at ${s.file}:${s.line}`;
}
/** Why a finding is shown apart (suppressed or shadowed), or undefined for a live finding. */
function hiddenReason(finding) {
    if (finding.suppressed)
        return describeSuppression(finding.suppressed);
    if (finding.shadowedBy)
        return `shadowed by ${describeOrigin(finding.shadowedBy)}`;
    return undefined;
}
/** A group key per location: the file path, or the source kind (`vars`, `secrets`, `env`). */
function locationGroup(finding) {
    return finding.origin.kind === 'file' ? `file:${finding.origin.file}` : finding.origin.kind;
}
/** Findings grouped by file/source in first-appearance order, sorted by line and column inside a file. */
function sortByLocation(findings) {
    const groups = new Map();
    for (const f of findings) {
        const key = locationGroup(f);
        const group = groups.get(key);
        if (group)
            group.push(f);
        else
            groups.set(key, [f]);
    }
    const position = (f) => f.origin.kind === 'file' ? [f.origin.line, f.origin.column] : [0, 0];
    return [...groups.values()].flatMap((group) => [...group].sort((a, b) => {
        const [la, ca] = position(a);
        const [lb, cb] = position(b);
        return la - lb || ca - cb;
    }));
}

const DEFAULT_MAX_BYTES = 1_000_000;
const DEFAULT_HEADING = 'Clerk production gate';
const SEVERITY_LABEL = { error: '❌ error', warning: '⚠️ warning', notice: 'ℹ️ notice' };
const CHECK_LABEL = { pass: '✅', fail: '❌', skipped: '⏭️', error: '⚠️' };
/** One line, no control characters: a newline or CR would end a table row. */
function oneLine(s) {
    // eslint-disable-next-line no-control-regex
    return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}
/**
 * Escapes text for GFM: every ASCII punctuation character is backslash-escaped (CommonMark allows
 * it for all of them), so no `<tag>`, `[link](…)`, `|` cell break, emphasis, autolink or entity survives.
 */
function escapeMarkdown(s) {
    return oneLine(s).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
/**
 * A code span: a backtick fence longer than any backtick run in the text, padded when the text starts
 * or ends with a backtick or space. Backslash escapes do not work in code spans, but inside a table
 * GFM takes any `|` preceded by `\` into the cell and drops that one `\` before inline parsing, so
 * there `|` is written `\|`.
 */
function codeSpan(s, inTable = true) {
    const text = inTable ? oneLine(s).replace(/\|/g, '\\|') : oneLine(s);
    if (text === '')
        return '';
    const longestRun = (text.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
    const fence = '`'.repeat(longestRun + 1);
    const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/** Fix texts are written by the rules (never from scanned input), so their code spans are kept. */
function trustedMarkdown(s) {
    return oneLine(s).replace(/\|/g, '\\|');
}
function ruleCell(id, rules) {
    const docs = rules.get(id)?.docs;
    if (!docs || !/^https?:\/\//.test(docs))
        return escapeMarkdown(id);
    const url = docs.replace(/[\s()<>|\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `[${escapeMarkdown(id)}](${url})`;
}
const MAIN_HEADER = '| Severity | Rule | Variable | Location | Value | Message | Fix |\n|---|---|---|---|---|---|---|';
const HIDDEN_HEADER = '| Severity | Rule | Variable | Location | Value | Why |\n|---|---|---|---|---|---|';
/** The cells every table row starts with: severity, rule, variable, location, value. */
function findingCells(f, rules) {
    return [
        SEVERITY_LABEL[f.severity],
        ruleCell(f.rule, rules),
        codeSpan(f.variable),
        codeSpan(describeOrigin(f.origin)),
        codeSpan(f.value)
    ];
}
function mainRow(f, rules) {
    const cells = [...findingCells(f, rules), escapeMarkdown(f.message), trustedMarkdown(f.fix)];
    return `| ${cells.join(' | ')} |`;
}
function hiddenRow(f, rules) {
    const cells = [...findingCells(f, rules), escapeMarkdown(hiddenReason(f) ?? '')];
    return `| ${cells.join(' | ')} |`;
}
const bytes = (s) => Buffer.byteLength(s, 'utf8');
const moreLine = (n) => `…and ${n} more ${n === 1 ? 'finding' : 'findings'} (see the JSON report)`;
/** Keeps leading rows while they fit in `budget` bytes (each row costs its bytes plus a newline). */
function fitRows(rows, budget) {
    const kept = [];
    let used = 0;
    for (const row of rows) {
        const cost = bytes(row) + 1;
        if (used + cost > budget)
            break;
        kept.push(row);
        used += cost;
    }
    return { kept, used };
}
function tableSection(header, rows, kept) {
    const omitted = rows.length - kept.length;
    const table = [header, ...kept].join('\n');
    return omitted > 0 ? `${table}\n\n${moreLine(omitted)}` : table;
}
function renderMarkdown(report, rules, options = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const heading = escapeMarkdown(options.heading ?? DEFAULT_HEADING);
    const verdict = report.passed ? '✅' : '❌';
    const scope = report.isProduction ? '' : ' (not production)';
    const head = [
        `## ${verdict} ${heading}: ${report.passed ? 'passed' : 'failed'}`,
        '',
        `Environment ${codeSpan(report.environment, false)}${scope} · ${summaryLine(report.summary)}`,
        '',
        '### Checks',
        '',
        ...report.checks.map((c) => {
            const detail = c.detail ? ` — ${escapeMarkdown(c.detail)}` : '';
            return `- ${CHECK_LABEL[c.status]} ${c.status}: **${escapeMarkdown(c.title || c.id)}** (${codeSpan(c.id, false)})${detail}`;
        }),
        '',
        '### Findings',
        '',
        ''
    ].join('\n');
    const sorted = sortByLocation(report.findings);
    const mainRows = sorted.filter((f) => hiddenReason(f) === undefined).map((f) => mainRow(f, rules));
    const hiddenRows = sorted.filter((f) => hiddenReason(f) !== undefined).map((f) => hiddenRow(f, rules));
    const hiddenOpen = `\n\n<details>\n<summary>Suppressed and shadowed findings (${hiddenRows.length})</summary>\n\n`;
    const hiddenClose = '\n\n</details>';
    // Fixed parts, plus room for both "…and N more" lines, come first; rows share what is left.
    const reserve = 2 * (bytes(moreLine(report.findings.length)) + 2) + bytes(MAIN_HEADER) + bytes(HIDDEN_HEADER) + 2;
    let budget = maxBytes - bytes(head) - bytes(hiddenOpen) - bytes(hiddenClose) - reserve - 1;
    const main = fitRows(mainRows, budget);
    budget -= main.used;
    const hidden = fitRows(hiddenRows, budget);
    let out = head + (mainRows.length > 0 ? tableSection(MAIN_HEADER, mainRows, main.kept) : 'No active findings.');
    if (hiddenRows.length > 0)
        out += hiddenOpen + tableSection(HIDDEN_HEADER, hiddenRows, hidden.kept) + hiddenClose;
    out += '\n';
    return bytes(out) <= maxBytes ? out : truncateBytes(out, maxBytes);
}
/** Last resort when even the fixed parts do not fit (a tiny maxBytes): cut at a character boundary. */
function truncateBytes(s, maxBytes) {
    const note = '\n\n…output truncated (see the JSON report)\n';
    const room = maxBytes - bytes(note);
    if (room <= 0)
        return '';
    // A multi-byte character split by the cut decodes to U+FFFD; drop it.
    const cut = Buffer.from(s, 'utf8')
        .subarray(0, room)
        .toString('utf8')
        .replace(/\uFFFD+$/, '');
    return cut + note;
}

/** Kept equal to package.json's version by a test (bundles must not read package.json at run time). */
const VERSION = '0.1.0';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/clerk-production-gate/clerk-production-gate';
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
/** A relative path as a URI reference: `/` separators, each segment percent-encoded. */
function artifactUri(file) {
    const path = file.replace(/\\/g, '/');
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    return path.startsWith('/') ? `file://${encoded}` : encoded;
}
function physicalLocation(file, line, column) {
    const region = column === undefined
        ? { startLine: Math.max(1, line) }
        : { startLine: Math.max(1, line), startColumn: Math.max(1, column) };
    return { physicalLocation: { artifactLocation: { uri: artifactUri(file) }, region } };
}
function location(origin) {
    if (origin.kind === 'file')
        return physicalLocation(origin.file, origin.line, origin.column);
    return { logicalLocations: [{ name: origin.kind, kind: 'resource' }] };
}
function describeRule(id, meta, severity) {
    if (!meta) {
        return {
            id,
            shortDescription: { text: id },
            fullDescription: { text: id },
            helpUri: ruleDocs(id),
            defaultConfiguration: { level: LEVEL[severity] }
        };
    }
    return {
        id,
        shortDescription: { text: meta.title },
        fullDescription: { text: meta.explanation },
        help: { text: meta.fix },
        helpUri: meta.docs,
        defaultConfiguration: { level: LEVEL[meta.severity] }
    };
}
function result(f, ruleIndex) {
    // Shadowed definitions never reach the environment: informational, so `note`.
    const level = f.shadowedBy ? 'note' : LEVEL[f.severity];
    const shadowed = f.shadowedBy ? ` Shadowed by ${describeOrigin(f.shadowedBy)}; informational.` : '';
    const out = {
        ruleId: f.rule,
        ruleIndex,
        level,
        message: { text: `${f.variable} = ${f.value}: ${f.message}${shadowed} Fix: ${f.fix}` },
        locations: [location(f.origin)]
    };
    if (f.suppressed) {
        out.suppressions = [
            f.suppressed.by === 'inline-comment'
                ? { kind: 'inSource', location: physicalLocation(f.suppressed.file, f.suppressed.line) }
                : { kind: 'external', justification: 'Ignored with the ignore option.' }
        ];
    }
    return out;
}
/** SARIF 2.1.0 with one run. Lists every known rule, then any rule id found only in findings. */
function renderSarif(report, rules) {
    const descriptors = [...rules.values()].map((meta) => describeRule(meta.id, meta, meta.severity));
    const index = new Map(descriptors.map((d, i) => [d.id, i]));
    for (const f of report.findings) {
        if (!index.has(f.rule)) {
            index.set(f.rule, descriptors.length);
            descriptors.push(describeRule(f.rule, undefined, f.severity));
        }
    }
    const sarif = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'clerk-production-gate',
                        version: VERSION,
                        informationUri: INFORMATION_URI,
                        rules: descriptors
                    }
                },
                columnKind: 'utf16CodeUnits',
                results: report.findings.map((f) => result(f, index.get(f.rule) ?? 0))
            }
        ]
    };
    return `${JSON.stringify(sarif, null, 2)}\n`;
}

const SGR = {
    bold: [1, 22],
    dim: [2, 22],
    red: [31, 39],
    green: [32, 39],
    yellow: [33, 39],
    cyan: [36, 39]
};
const SEVERITY_STYLE = { error: 'red', warning: 'yellow', notice: 'cyan' };
const CHECK_MARK = {
    pass: ['✓', 'green'],
    fail: ['✗', 'red'],
    skipped: ['–', 'dim'],
    error: ['!', 'yellow']
};
/** Control characters (ESC, CR, newlines…) in report strings are shown escaped so they cannot drive the terminal. */
function sanitizeForTerminal(s) {
    // eslint-disable-next-line no-control-regex
    return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
function renderText(report, options) {
    const paint = (style, s) => options.color ? `\u001b[${SGR[style][0]}m${s}\u001b[${SGR[style][1]}m` : s;
    const t = sanitizeForTerminal;
    const verdict = report.passed ? paint('green', 'PASSED') : paint('red', 'FAILED');
    const scope = report.isProduction ? '' : ' (not production)';
    const lines = [
        `${paint('bold', 'clerk-production-gate')}  environment ${t(report.environment)}${scope}  ${verdict}`,
        ''
    ];
    const findings = sortByLocation(report.findings);
    if (findings.length === 0)
        lines.push('No findings.', '');
    let previousGroup;
    for (const f of findings) {
        const group = locationGroup(f);
        if (previousGroup !== undefined && group !== previousGroup)
            lines.push('');
        previousGroup = group;
        lines.push(...findingLines(f, paint, t));
    }
    if (findings.length > 0)
        lines.push('');
    lines.push(paint('bold', 'Checks'));
    for (const check of report.checks) {
        const [mark, style] = CHECK_MARK[check.status];
        const detail = check.detail ? ` — ${t(check.detail)}` : '';
        lines.push(`  ${paint(style, mark)} ${t(check.title || check.id)} ${paint('dim', `(${t(check.id)})`)}${detail}`);
    }
    lines.push('', summaryLine(report.summary));
    return `${lines.join('\n')}\n`;
}
function findingLines(f, paint, t) {
    const reason = hiddenReason(f);
    const severity = f.severity.padEnd(7);
    const head = (sev) => `${t(describeOrigin(f.origin))}  ${sev}  ${t(f.rule)}  ${t(f.variable)} = ${t(f.value)}`;
    const body = [`    ${t(f.message)}`, `    fix: ${t(f.fix)}`];
    if (reason === undefined)
        return [head(paint(SEVERITY_STYLE[f.severity], severity)), ...body];
    // Suppressed or shadowed: the whole block dimmed, with a marker that survives without colour.
    return [`${head(severity)}  [${t(reason)}]`, ...body].map((line) => paint('dim', line));
}

/**
 * The command-line shell over the engine: parses flags, runs the gate, prints one report.
 * Imports nothing from @actions/*, so the CLI bundle never loads Octokit.
 */
/** Runs the CLI and returns its exit code; never throws. */
async function runCli(io) {
    try {
        const args = parseCliArgs(io.argv);
        if (args.help)
            return print(io, USAGE, EXIT_PASSED);
        if (args.version)
            return print(io, VERSION, EXIT_PASSED);
        const { report } = await runGate({
            cwd: io.cwd,
            paths: args.paths,
            ...(args.environment !== undefined && { environment: args.environment }),
            ...(args.productionEnvironments !== undefined && { productionEnvironments: args.productionEnvironments }),
            ...(args.framework !== undefined && { framework: args.framework }),
            ...(args.failOn !== undefined && { failOn: args.failOn }),
            varsJson: args.varsJsonFile ? await readInputFile('--vars-json', args.varsJsonFile, io.cwd) : undefined,
            secretsJson: args.secretsJsonFile
                ? await readInputFile('--secrets-json', args.secretsJsonFile, io.cwd)
                : undefined,
            processEnv: args.scanProcessEnv ? { ...io.env } : undefined,
            ignore: args.ignore,
            offline: args.offline
        }, { collectSecrets: false });
        const rendered = render(report, args, io);
        if (args.output)
            writeFileChunks(resolve(io.cwd, args.output), args.output, rendered);
        else
            writeChunks((text) => io.stdout.write(text), rendered);
        if (args.format !== 'text' || args.output)
            io.stderr.write(renderDiagnostics(report));
        return report.passed ? EXIT_PASSED : EXIT_FAILED;
    }
    catch (error) {
        io.stderr.write(`clerk-production-gate: ${describeError(error)}\n`);
        return EXIT_USAGE;
    }
}
/** The report as pieces of text, ending with a newline. JSON comes in pieces so it is never one big string. */
function render(report, args, io) {
    switch (args.format) {
        case 'json':
            return renderJsonChunks(report);
        case 'markdown':
            return [withNewline(renderMarkdown(report, RULE_METAS))];
        case 'sarif':
            return [withNewline(renderSarif(report, RULE_METAS))];
        case 'text':
            return [withNewline(renderText(report, { color: args.color ?? wantsColor(io) }) + renderDiagnostics(report))];
    }
}
function withNewline(text) {
    return text.endsWith('\n') ? text : `${text}\n`;
}
/** Writes pieces in batches of about 64 KiB: few system calls, bounded memory. */
function writeChunks(write, chunks) {
    let batch = '';
    for (const chunk of chunks) {
        batch += chunk;
        if (batch.length >= 65536) {
            write(batch);
            batch = '';
        }
    }
    if (batch)
        write(batch);
}
/** Colour on a terminal unless NO_COLOR is set; FORCE_COLOR turns it on anywhere. */
function wantsColor(io) {
    if (io.env.NO_COLOR)
        return false;
    if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0')
        return true;
    return io.stdout.isTTY === true;
}
function writeFileChunks(path, file, chunks) {
    let fd;
    try {
        fd = openSync(path, 'w');
        const handle = fd;
        writeChunks((text) => writeSync(handle, text), chunks);
    }
    catch (error) {
        throw new InputError(`--output: cannot write ${file} (${error.code ?? 'error'})`);
    }
    finally {
        if (fd !== undefined)
            closeSync(fd);
    }
}
function print(io, text, code) {
    io.stdout.write(`${text}\n`);
    return code;
}

/** Entry point of dist/cli.js. */
// Keep V8's young generation at its starting size instead of letting it grow to 16 MiB a semi-space:
// the gate allocates short-lived objects for every file, and the grown young generation was most of the
// memory growth on large trees (peak RSS, 10,000 files: 130 MB → 88 MB; 1,000 files: 70 MB → 61 MB).
// A heuristic knob read at each GC, so setting it after start-up is safe.
setFlagsFromString('--semi-space-growth-factor=1');
void runCli({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr
}).then((code) => {
    process.exitCode = code;
});
