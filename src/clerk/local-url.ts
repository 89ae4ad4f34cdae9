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
import type { BlockList } from 'node:net';
import { once } from '../core/memo.js';
import { isIPv4 as isIPv4Address, isIPv6 as isIPv6Address, newBlockList } from '../net/ip.js';
import { hostOf } from './hosts.js';

type Range = readonly [address: string, prefix: number, family: 'ipv4' | 'ipv6'];

const IP_RANGES: ReadonlyArray<readonly [reason: string, ranges: readonly Range[]]> = [
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

/** Built on the first IP literal checked (node:net is loaded only then). */
const blockLists = once((): ReadonlyArray<readonly [string, BlockList]> =>
  IP_RANGES.map(([reason, ranges]) => {
    const list = newBlockList();
    for (const [address, prefix, family] of ranges) list.addSubnet(address, prefix, family);
    return [reason, list] as const;
  })
);

const NAME_SUFFIXES: ReadonlyArray<readonly [suffix: string, reason: string]> = [
  ['.local', 'points at a .local (mDNS) host'],
  ['.internal', 'points at a .internal (private network) host'],
  ['.home.arpa', 'points at a .home.arpa (home network) host'],
  ['.test', 'points at a .test host (reserved, never public)']
];

function ipReason(address: string, family: 'ipv4' | 'ipv6'): string | null {
  // A zone id (`fe80::1%eth0`) only occurs on link-local addresses; BlockList wants it removed.
  const plain = address.replace(/%.*$/, '');
  for (const [reason, list] of blockLists()) {
    if (list.check(plain, family)) return reason;
  }
  return null;
}

/** A short reason when the URL or host is local or private, null when it is public or has no host. */
export function localUrlReason(value: string): string | null {
  const host = hostOf(value);
  if (host === null) return null;
  if (isIPv6Address(host)) return ipReason(host, 'ipv6');
  if (isIPv4Address(host)) return ipReason(host, 'ipv4');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'points at localhost';
  for (const [suffix, reason] of NAME_SUFFIXES) {
    if (host.endsWith(suffix)) return reason;
  }
  return null;
}
