import { Scrubber } from '../core/scrub.js';
import { codeWords } from '../net/errors.js';
import type { ClerkErrorsT } from './clerk-schemas.js';

/** Why a call to Clerk (or a DNS lookup) gave no usable answer. Its message names the endpoint, never a key. */
export interface ApiFailure {
  /** `GET https://api.clerk.com/v1/instance`, `DNS CNAME clerk.example.com`. */
  endpoint: string;
  kind: 'http' | 'network' | 'timeout' | 'tls' | 'invalid-response' | 'dns';
  status?: number;
  /** The network or resolver error code (`ECONNREFUSED`, `CERT_HAS_EXPIRED`, `ESERVFAIL`). */
  code?: string;
  /** Clerk's error body, when it sent one. */
  clerk?: ClerkErrorsT;
  detail?: string;
  /** Why, in words, without the endpoint: `TLS verification failed: …`. */
  reason: string;
  /** One line: the endpoint, why, and Clerk's trace id when there is one. */
  message: string;
}

/** A 401 or 403: the key was refused. A revoked production key blocks the deploy whatever `on-api-error` says. */
export function isAuthFailure(failure: ApiFailure): boolean {
  return failure.kind === 'http' && (failure.status === 401 || failure.status === 403);
}

/** Clerk error codes whose meaning deserves plainer words than the catalogue's. */
const CLERK_CODES: Readonly<Record<string, string>> = {
  clerk_key_invalid: 'the secret key is invalid or revoked',
  authentication_invalid: 'the key was not accepted',
  authorization_header_format_invalid: 'the key is not in the form the API expects',
  too_many_requests: 'rate limited by Clerk'
};

/** Words for node:dns (c-ares) error codes. */
const DNS_CODES: Readonly<Record<string, string>> = {
  ENOTFOUND: 'no such name (NXDOMAIN)',
  ENODATA: 'no record of this type',
  ESERVFAIL: 'the DNS server failed (SERVFAIL)',
  EREFUSED: 'the DNS server refused the query',
  ECONNREFUSED: 'the DNS server refused the connection',
  ETIMEOUT: 'no answer from the DNS server (timed out)',
  ECANCELLED: 'the query was cancelled'
};

/** Longest text taken from a server's error message. */
const MAX_SERVER_TEXT = 300;

/**
 * The failure with its one-line message. Text the server sent (Clerk's error messages) is cut short and
 * scrubbed of every secret, in case an error ever quoted the request.
 */
export function describeFailure(
  failure: Omit<ApiFailure, 'message' | 'reason'>,
  scrubber: Scrubber = new Scrubber()
): ApiFailure {
  const trace = failure.clerk?.clerk_trace_id ? ` (Clerk trace id ${failure.clerk.clerk_trace_id})` : '';
  const reason = scrubber.scrub(`${reasonOf(failure, scrubber)}${trace}`);
  return { ...failure, reason, message: `${failure.endpoint}: ${reason}` };
}

function reasonOf(failure: Omit<ApiFailure, 'message' | 'reason'>, scrubber: Scrubber): string {
  switch (failure.kind) {
    case 'http': {
      const first = failure.clerk?.errors[0];
      if (!first) return `HTTP ${failure.status}`;
      // Scrubbed before it is cut: a key cut in two would no longer be found whole.
      const words = CLERK_CODES[first.code] ?? scrubber.scrub(first.long_message ?? first.message);
      return `HTTP ${failure.status}, ${scrubber.scrub(first.code).slice(0, 100)}: ${words.slice(0, MAX_SERVER_TEXT)}`;
    }
    case 'invalid-response':
      return `unexpected response (HTTP ${failure.status}): ${failure.detail ?? 'invalid'}`;
    case 'dns':
      return DNS_CODES[failure.code ?? ''] ?? failure.code ?? 'failed';
    case 'tls':
      return `TLS verification failed: ${codeWords(failure.code ?? 'failed')}`;
    default:
      return failure.code === undefined ? 'failed' : codeWords(failure.code);
  }
}
