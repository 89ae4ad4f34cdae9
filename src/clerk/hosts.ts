/**
 * Clerk Frontend API hosts: which are development or staging, and pulling a host out of a URL.
 *
 * The suffix lists and rules mirror `@clerk/shared` 4.41 (src/constants.ts, src/keys.ts,
 * src/utils/instance.ts). Copied, not imported, because `@clerk/shared` is a devDependency only
 * (the test oracle) and the runtime bundle should not carry it.
 */
import { isIPv4 as isIPv4Address, isIPv6 as isIPv6Address } from '../net/ip.js';

/** `@clerk/shared` constants.ts `LEGACY_DEV_INSTANCE_SUFFIXES`. */
export const LEGACY_DEV_INSTANCE_SUFFIXES: readonly string[] = ['.lcl.dev', '.lclstage.dev', '.lclclerk.com'];

/** `@clerk/shared` constants.ts `CURRENT_DEV_INSTANCE_SUFFIXES`. */
export const CURRENT_DEV_INSTANCE_SUFFIXES: readonly string[] = [
  '.accounts.dev',
  '.accountsstage.dev',
  '.accounts.lclclerk.com'
];

/**
 * `@clerk/shared` constants.ts `DEV_OR_STAGING_SUFFIXES`. The last two have no leading dot, so they
 * also match Account Portal hosts such as `happy-hippo-12.accounts.dev` — and any host merely ending
 * in those letters (`myaccounts.dev`), exactly as Clerk does.
 */
export const DEV_OR_STAGING_SUFFIXES: readonly string[] = [
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
export const STAGING_SUFFIXES: readonly string[] = [
  '.lclstage.dev',
  '.stgstage.dev',
  '.clerkstage.dev',
  '.accountsstage.dev'
];

/** `PUBLISHABLE_FRONTEND_API_DEV_REGEX` in `@clerk/shared` keys.ts, e.g. `foo-bar-13.clerk.accounts.dev`. */
const DEV_FRONTEND_API = /^(([a-z]+)-){2}([0-9]{1,2})\.clerk\.accounts([a-z.]*)(dev|com)$/i;

/** Lower-case, without one trailing dot (`Example.COM.` and `example.com` are the same host). */
function normalizeHost(host: string): string {
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
export function isDevelopmentOrStagingHost(host: string): boolean {
  const h = normalizeHost(host);
  if (h === '') return false;
  if (DEV_OR_STAGING_SUFFIXES.some((s) => h.endsWith(s))) return true;
  if (STAGING_SUFFIXES.some((s) => h.endsWith(s))) return true;
  if (DEV_FRONTEND_API.test(h)) return true;
  return (
    h.startsWith('clerk.') &&
    LEGACY_DEV_INSTANCE_SUFFIXES.some((s) => h.endsWith(s)) &&
    !h.endsWith('.prod.lclclerk.com')
  );
}

const SCHEME_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\//i;
const BARE_AUTHORITY = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d{1,5}))?$/;
const ASCII_LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/;
const UNICODE_LABEL = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_-]*[\p{L}\p{N}_])?$/u;

function isBareLabel(label: string): boolean {
  return ASCII_LABEL.test(label) || UNICODE_LABEL.test(label);
}

/** Host as URL gives it, lower-cased, without IPv6 brackets or one trailing dot; null if empty. */
function cleanHostname(hostname: string): string | null {
  const unbracketed = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  const host = normalizeHost(unbracketed);
  return host === '' ? null : host;
}

function hostnameViaUrl(url: string): string | null {
  try {
    return cleanHostname(new URL(url).hostname);
  } catch {
    return null;
  }
}

/** Whether a bare (scheme-less) host looks like a host and not like a word, a version or a file. */
function isBareHostShape(host: string, hasPort: boolean): boolean {
  if (host.startsWith('[')) return isIPv6Address(host.slice(1, -1));
  // BARE_AUTHORITY keeps colons out of an unbracketed host, so only IPv4 is possible here.
  if (isIPv4Address(host)) return true;
  const labels = (host.endsWith('.') ? host.slice(0, -1) : host).split('.');
  if (!labels.every(isBareLabel)) return false;
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return false;
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
export function hostOf(value: string): string | null {
  const v = value.trim();
  if (v === '' || /\s/.test(v)) return null;
  if (SCHEME_AUTHORITY.test(v)) return hostnameViaUrl(v);
  if (v.startsWith('//')) return hostnameViaUrl(`http:${v}`);
  if (isIPv6Address(v)) return hostnameViaUrl(`http://[${v}]`) ?? v.toLowerCase();

  const authority = v.split(/[/?#]/, 1)[0] ?? '';
  const match = BARE_AUTHORITY.exec(authority);
  if (!match) return null;
  const host = match[1] ?? '';
  if (!isBareHostShape(host, match[2] !== undefined)) return null;
  return hostnameViaUrl(`http://${authority}`);
}
