import { isHttpsOrLoopback, isInternalAddress } from './address.js';

/** The most redirects followed for one request. */
export const MAX_REDIRECTS = 5;

/** Statuses that redirect with a `Location`. */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** The URL as messages show it: no user-info, query or fragment (any may carry a token). */
export function shownUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/**
 * The redirect policy: where a hop from `from` to `location` may go, or why not.
 * - Same scheme, or an upgrade from http to https; never down to http (the loopback rule holds on every hop).
 * - Never to a loopback, private, link-local or unspecified IP literal, unless the first URL was itself one (a test
 *   server, a local proxy). Names that resolve to such an address are refused when connecting (`guardedLookup`).
 * - At most MAX_REDIRECTS hops (counted by the caller).
 */
export function redirectTarget(
  from: URL,
  location: string,
  firstInternal: boolean
): { ok: true; url: URL } | { ok: false; reason: string } {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    return { ok: false, reason: 'a redirect to an invalid URL' };
  }
  const shown = shownUrl(next);
  if (!firstInternal && isInternalAddress(next.hostname)) {
    return { ok: false, reason: `a redirect to ${shown} was refused: a loopback, private or link-local address` };
  }
  const upgrade = from.protocol === 'http:' && next.protocol === 'https:';
  if ((next.protocol !== from.protocol && !upgrade) || !isHttpsOrLoopback(next)) {
    return { ok: false, reason: `a redirect to ${shown}, which is not https` };
  }
  return { ok: true, url: next };
}
