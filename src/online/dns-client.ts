import { promises as dns, type CaaRecord } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { serversLookup } from '../net/lookup.js';
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

  /** A `lookup` for connections through these servers (see net/lookup.ts). */
  lookup(systemHosts: readonly string[] = []): LookupFunction {
    return serversLookup(this.resolver, systemHosts);
  }

  private async query<T>(type: string, name: string, run: () => Promise<T>): Promise<DnsResult<T>> {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      const code = String((error as NodeJS.ErrnoException).code ?? 'UNKNOWN');
      return { ok: false, code, failure: describeFailure({ endpoint: `DNS ${type} ${name}`, kind: 'dns', code }) };
    }
  }
}
