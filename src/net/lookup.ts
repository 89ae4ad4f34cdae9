import { lookup as systemLookup, promises as dns } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isIP } from './ip.js';
import { isInternalAddress } from './address.js';

interface Address {
  address: string;
  family: number;
}
type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | Address[], family?: number) => void;

/** Resolver codes that mean "no such record", an answer rather than a failure. */
const ABSENT = new Set(['ENODATA', 'ENOTFOUND', 'NXDOMAIN']);

/** Answers a `lookup` call the way net.connect asked for it: every address (`all`) or the first. */
function answer(callback: LookupCallback, all: boolean, hostname: string, addresses: Address[], code: string): void {
  if (addresses.length === 0) {
    callback(Object.assign(new Error(`no address for ${hostname}`), { code }), '', 0);
  } else if (all) callback(null, addresses);
  else callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4);
}

/**
 * A `lookup` for connections (net.connect's option) through the `dns-servers` setting: A, then AAAA. IP literals
 * pass as they are; the hosts in `systemHosts` (`clerk-api-url` may name a proxy only the system's resolver knows)
 * go to the system's `dns.lookup`.
 */
export function serversLookup(resolver: dns.Resolver, systemHosts: readonly string[] = []): LookupFunction {
  const query = async (run: () => Promise<string[]>): Promise<{ ok: true; value: string[] } | { code: string }> => {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      return { code: String((error as NodeJS.ErrnoException).code ?? 'UNKNOWN') };
    }
  };
  return (hostname, options, callback) => {
    if (systemHosts.includes(hostname.toLowerCase())) return systemLookup(hostname, options, callback);
    const all = (options as { all?: boolean }).all === true;
    const done = callback as LookupCallback;
    const family = isIP(hostname);
    if (family !== 0) return answer(done, all, hostname, [{ address: hostname, family }], 'ENOTFOUND');
    void (async () => {
      const v4 = await query(() => resolver.resolve4(hostname));
      // A chain that ends without an A record answers [] rather than ENODATA.
      const v6 = 'ok' in v4 && v4.value.length > 0 ? undefined : await query(() => resolver.resolve6(hostname));
      // A look-up that failed (SERVFAIL, a timeout) says so, rather than "not found".
      const failed = [v4, v6].find((r) => r && 'code' in r && !ABSENT.has(r.code));
      const addresses = [
        ...('ok' in v4 ? v4.value.map((address) => ({ address, family: 4 })) : []),
        ...(v6 && 'ok' in v6 ? v6.value.map((address) => ({ address, family: 6 })) : [])
      ];
      answer(done, all, hostname, addresses, failed && 'code' in failed ? failed.code : 'ENOTFOUND');
    })();
  };
}

/**
 * A `lookup` that refuses a host name resolving to any loopback, private, link-local or unspecified address
 * (error code `ERR_INTERNAL_ADDRESS`): for redirect hops, so a hostile page cannot reach the runner's network
 * through a name. Resolves through `inner` (the `dns-servers` lookup) or the system's resolver.
 */
export function guardedLookup(inner?: LookupFunction): LookupFunction {
  const base = inner ?? (systemLookup as LookupFunction);
  return (hostname, options, callback) => {
    const all = (options as { all?: boolean }).all === true;
    const done = callback as LookupCallback;
    base(hostname, { ...options, all: true }, (error, result) => {
      if (error) return done(error, '', 0);
      const addresses = (Array.isArray(result) ? result : []) as Address[];
      if (addresses.some((a) => isInternalAddress(a.address))) {
        const refused = Object.assign(new Error(`${hostname} resolves to an internal address`), {
          code: 'ERR_INTERNAL_ADDRESS'
        });
        return done(refused, '', 0);
      }
      answer(done, all, hostname, addresses, 'ENOTFOUND');
    });
  };
}

/** The `lookup` for the `dns-servers` setting, or undefined (the system's resolver) when none is set. */
export function dnsServersLookup(servers: readonly string[], timeoutMs: number): LookupFunction | undefined {
  if (servers.length === 0) return undefined;
  const resolver = new dns.Resolver({ timeout: Math.max(100, Math.round(timeoutMs / 2)), tries: 2 });
  resolver.setServers([...servers]);
  return serversLookup(resolver);
}
