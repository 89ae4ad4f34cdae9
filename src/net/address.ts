import { isIP } from './ip.js';

/**
 * Which addresses the gate treats as internal: the runner itself and the networks behind it. A redirect is never
 * followed to one of them unless the first URL of the request was itself internal (a test server, a local proxy).
 */
const INTERNAL_V4: readonly [number, number][] = [
  [0x00000000, 8], // 0.0.0.0/8: unspecified, "this network"
  [0x0a000000, 8], // 10/8: private
  [0x7f000000, 8], // 127/8: loopback
  [0xa9fe0000, 16], // 169.254/16: link-local (cloud metadata at 169.254.169.254)
  [0xac100000, 12], // 172.16/12: private
  [0xc0a80000, 16], // 192.168/16: private
  [0x64400000, 10] // 100.64/10: carrier-grade NAT, also used for cloud metadata
];

/** An IP literal (IPv4, IPv6, or a URL's `[…]` host) without brackets; `undefined` for a host name. */
function ipOf(host: string): string | undefined {
  const bare = host.replace(/^\[|\]$/g, '');
  return isIP(bare) === 0 ? undefined : bare;
}

function v4Number(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** An IPv6 address as eight 16-bit groups (`::` expanded, an embedded IPv4 tail converted). */
function v6Groups(ip: string): number[] {
  let text = ip.toLowerCase().split('%')[0] ?? '';
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[1]) {
    const n = v4Number(tail[1]);
    text = `${text.slice(0, -tail[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const fill = rest === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => parseInt(g, 16));
}

/** Loopback: 127.0.0.0/8 or ::1 (also as an IPv4-mapped address). */
export function isLoopbackAddress(host: string): boolean {
  const ip = ipOf(host);
  if (ip === undefined) return false;
  if (isIP(ip) === 4) return ip.startsWith('127.');
  const groups = v6Groups(ip);
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return true;
  return isMappedV4(groups) && (groups[6] ?? 0) >> 8 === 127;
}

function isMappedV4(groups: readonly number[]): boolean {
  return groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
}

/**
 * Loopback, private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), link-local (169.254/16, fe80::/10) or
 * unspecified (0.0.0.0/8, ::). IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry. A host name is
 * not an address: false (its resolved addresses are judged when it is connected to, see `guardedLookup`).
 */
export function isInternalAddress(host: string): boolean {
  const ip = ipOf(host);
  if (ip === undefined) return false;
  if (isIP(ip) === 4) {
    const n = v4Number(ip);
    return INTERNAL_V4.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
  }
  const groups = v6Groups(ip);
  if (isMappedV4(groups)) {
    const g6 = groups[6] ?? 0;
    const g7 = groups[7] ?? 0;
    return isInternalAddress(`${g6 >> 8}.${g6 & 255}.${g7 >> 8}.${g7 & 255}`);
  }
  const first = groups[0] ?? 0;
  const unspecifiedOrLoopback = groups.slice(0, 7).every((g) => g === 0) && (groups[7] ?? 0) <= 1;
  return unspecifiedOrLoopback || (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}

/**
 * The loopback rule for anything that may carry a key or a secret: https, or plain http only to a loopback IP
 * (127.0.0.0/8, ::1). A host name such as `localhost` is not enough: it resolves through whatever the resolver says.
 */
export function isHttpsOrLoopback(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackAddress(url.hostname);
}
