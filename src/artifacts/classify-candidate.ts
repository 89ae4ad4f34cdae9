import { isDevelopmentOrStagingHost } from '../clerk/hosts.js';
import { parsePublishableKey, type ParsedPublishableKey } from '../clerk/publishable-key.js';
import type { CandidateText } from './byte-scanner.js';

/** What a candidate found in client code is. SDK constants and look-alikes are `null`: not findings. */
export type Artifact =
  | { kind: 'publishable-key'; key: string; parsed: ParsedPublishableKey }
  | { kind: 'secret-key'; key: string; legacy: boolean }
  | { kind: 'dev-host'; host: string };

const QUOTES = new Set([0x22, 0x27, 0x60]);

/** Shortest body of a secret key we call one: Clerk's are 40+ characters, Stripe's 99; `sk_test_` alone is a constant. */
const MIN_SECRET_BODY = 20;
/** 2021-era API keys (`test_…`, `live_…`) are long random runs; shorter `test_…` strings are names. */
const MIN_LEGACY_BODY = 30;

/**
 * Hosts that Clerk's SDKs carry as constants, development or not: the Backend API and Frontend API proxies of
 * Clerk's staging and local environments (`api.clerkstage.dev`, `frontend-api.clerkstage.dev`). Bare suffixes (`accounts.dev`, `.lcl.dev`) are ruled
 * out by shape below.
 */
const SDK_HOSTS = /^(api|frontend-api)\./;

/**
 * The example hosts of `@clerk/shared`'s and `@clerk/backend`'s doc comments (`url.ts`: "Matches patterns like:
 * foo-bar-13.clerk.accounts.dev"). An unminified build (Turbopack with `turbopackMinify: false`) keeps those
 * comments in the client chunks; they name no instance of the app.
 */
const SDK_EXAMPLE_HOSTS = new Set([
  'foo-bar-13.clerk.accounts.dev',
  'foo-bar-13.accounts.dev',
  'foo-bar-13.accountsstage.dev',
  'accounts.foo.bar-13.lcl.dev',
  'magical-marmoset-51.clerk.accounts.dev'
]);

/**
 * Decides what a candidate is:
 *  - a publishable key only when `@clerk/shared` would parse it (so the bare prefix `pk_test_` and Stripe's
 *    `pk_test_51…` are not);
 *  - a secret key (Clerk's or Stripe's: the same prefixes) with a body of 20+ letters and digits; a legacy
 *    `test_`/`live_` API key only between quotes, 30+ characters, so identifiers such as `test_mode` are not;
 *  - a development host when the offline gate's host rules call it one and it names an instance: it has a label
 *    before the suffix (`accounts.dev` and `.lcl.dev` are the SDK's suffix lists) and is not `api.…`.
 */
export function classifyCandidate(candidate: CandidateText): Artifact | null {
  const { text } = candidate;
  if (candidate.kind === 'key') {
    if (text.startsWith('pk_')) {
      const parsed = parsePublishableKey(text);
      return parsed ? { kind: 'publishable-key', key: text, parsed } : null;
    }
    if (text.startsWith('sk_')) {
      return text.length - 'sk_test_'.length >= MIN_SECRET_BODY
        ? { kind: 'secret-key', key: text, legacy: false }
        : null;
    }
    const quoted = QUOTES.has(candidate.before) && candidate.after === candidate.before;
    return quoted && text.length - 'test_'.length >= MIN_LEGACY_BODY
      ? { kind: 'secret-key', key: text, legacy: true }
      : null;
  }
  const host = text.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('.') || host.startsWith('-') || SDK_HOSTS.test(host) || SDK_EXAMPLE_HOSTS.has(host)) return null;
  if (!isDevelopmentOrStagingHost(host) || !namesAnInstance(host)) return null;
  return { kind: 'dev-host', host };
}

/** Suffixes a development host has; a host must have a label of its own before one of them. */
const INSTANCE_SUFFIXES = [
  '.clerk.accounts.dev',
  '.accounts.dev',
  '.accountsstage.dev',
  '.lcl.dev',
  '.lclstage.dev',
  '.stg.dev',
  '.stgstage.dev',
  '.clerkstage.dev'
];

function namesAnInstance(host: string): boolean {
  const suffix = INSTANCE_SUFFIXES.find((s) => host.endsWith(s));
  if (!suffix) return false;
  const label = host.slice(0, -suffix.length);
  // `clerk.accounts.dev` is `clerk` + `.accounts.dev`: the suffix itself, not an instance.
  return (
    label !== '' && !(suffix === '.accounts.dev' && label === 'clerk') && /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(label)
  );
}
