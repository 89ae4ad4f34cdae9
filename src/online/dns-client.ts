import { lookup as systemLookup, promises as dns, type CaaRecord } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { describeFailure, type ApiFailure } from './api-failure.js';

export type DnsResult<T> = { ok: true; value: T } | { ok: false; code: string; failure: ApiFailure };

/** Resolver codes that mean "no such record", an answer rather than a failure. */
const ABSENT = new Set(['ENODATA', 'ENOTFOUND', 'NXDOMAIN']);

/**
 * DNS through node:dns's Resolver: the system's servers, or the `dns-servers` setting. Each query has a
 * timeout (two tries). Never throws.
 */
export class DnsClient {
  private readonly resolver: dns.Resolver;

  constructor(servers: readonly string[], timeoutMs: number) {
    this.resolver = new dns.Resolver({ timeout: Math.max(100, Math.round(timeoutMs / 2)), tries: 2 });
    if (servers.length > 0) this.resolver.setServers([...servers]);
  }

  cname(host: string): Promise<DnsResult<string[]>> {
    return this.query('CNAME', host, () => this.resolver.resolveCname(host));
  }

  a(host: string): Promise<DnsResult<string[]>> {
    return this.query('A', host, () => this.resolver.resolve4(host));
  }

  aaaa(host: string): Promise<DnsResult<string[]>> {
    return this.query('AAAA', host, () => this.resolver.resolve6(host));
  }

  caa(name: string): Promise<DnsResult<CaaRecord[]>> {
    return this.query('CAA', name, () => this.resolver.resolveCaa(name));
  }

  /** Whether a failed query means "no such record" (NXDOMAIN or no data), not a lookup that went wrong. */
  static isAbsent(result: DnsResult<unknown>): boolean {
    return !result.ok && ABSENT.has(result.code);
  }

  /**
   * A `lookup` for connections (net.connect's option): A, then AAAA, through these servers. IP literals pass as
   * they are; the hosts in `systemHosts` (the Clerk API: `clerk-api-url` may name a proxy only the system's
   * resolver knows) go to the system's `dns.lookup`.
   */
  lookup(systemHosts: readonly string[] = []): LookupFunction {
    return (hostname, options, callback) => {
      if (systemHosts.includes(hostname.toLowerCase())) return systemLookup(hostname, options, callback);
      const all = (options as { all?: boolean }).all === true;
      const family = isIP(hostname);
      const found = (addresses: { address: string; family: number }[], code = 'ENOTFOUND'): void => {
        if (addresses.length === 0) {
          const error = Object.assign(new Error(`no address for ${hostname}`), { code });
          callback(error, '', 0);
        } else if (all) (callback as (e: null, a: typeof addresses) => void)(null, addresses);
        else callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4);
      };
      if (family !== 0) return found([{ address: hostname, family }]);
      void (async () => {
        const v4 = await this.a(hostname);
        // A chain that ends without an A record answers [] rather than ENODATA.
        const v6 = v4.ok && v4.value.length > 0 ? undefined : await this.aaaa(hostname);
        // A look-up that failed (SERVFAIL, a timeout) says so, rather than "not found".
        const failed = [v4, v6].find((r) => r && !r.ok && !DnsClient.isAbsent(r));
        found(
          [
            ...(v4.ok ? v4.value.map((address) => ({ address, family: 4 })) : []),
            ...(v6?.ok ? v6.value.map((address) => ({ address, family: 6 })) : [])
          ],
          failed && !failed.ok ? failed.code : 'ENOTFOUND'
        );
      })();
    };
  }

  private async query<T>(type: string, name: string, run: () => Promise<T>): Promise<DnsResult<T>> {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      const code = String((error as NodeJS.ErrnoException).code ?? 'UNKNOWN');
      return { ok: false, code, failure: describeFailure({ endpoint: `DNS ${type} ${name}`, kind: 'dns', code }, []) };
    }
  }
}
