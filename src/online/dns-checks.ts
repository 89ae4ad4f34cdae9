import type { CaaRecord } from 'node:dns';
import type { ApiFailure } from './api-failure.js';
import type { DomainT } from './clerk-schemas.js';
import { DnsClient, type DnsResult } from './dns-client.js';
import type { CallResult } from './http-client.js';
import { dnsRecordMissing, dnsRecordProxied, dnsRecordWrongTarget } from '../rules/online.js';
import { DNS_ORIGIN, type Outcome } from './outcome.js';

/** Certificate authorities Clerk issues through (Let's Encrypt, Google Trust Services). */
const CLERK_CAS = ['letsencrypt.org', 'pki.goog'];

/** Lower-case, without one trailing dot. */
function normalise(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** Letters, digits, `-` and `_` in dot-separated labels of at most 63 characters: nothing that can be markup. */
function isDnsName(name: string): boolean {
  return (
    name.length <= 253 &&
    /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/.test(name)
  );
}

type RecordOutcome =
  | { host: string; target: string; ok: true }
  | { host: string; target: string; wrongTarget: string }
  | { host: string; target: string; proxied: string[] }
  | { host: string; target: string; missing: string; label: string; doubled?: string }
  | { host: string; target: string; failure: ApiFailure };

/** Each required CNAME target of the domain, resolved and compared with what Clerk asks for. */
export function checkRecords(domain: DomainT, dns: DnsClient): Promise<RecordOutcome[]> {
  const targets = (domain.cname_targets ?? []).filter((t) => t.required);
  const domainName = normalise(domain.name);
  return Promise.all(
    targets.map(async ({ host: rawHost, value }): Promise<RecordOutcome> => {
      const name = normalise(rawHost);
      const host = name === domainName || name.endsWith(`.${domainName}`) ? name : `${name}.${domainName}`;
      const target = normalise(value);
      // The record's name as entered at a DNS provider that appends the domain: `clerk` for `clerk.example.com`.
      const label = host === domainName ? '@' : host.slice(0, -domainName.length - 1);
      const cname = await dns.cname(host);
      if (cname.ok) {
        const actual = normalise(cname.value[0] ?? '');
        return actual === target ? { host, target, ok: true } : { host, target, wrongTarget: actual };
      }
      if (!DnsClient.isAbsent(cname)) return { host, target, failure: cname.failure };
      if (cname.code === 'ENODATA') {
        const [a, aaaa] = await Promise.all([dns.a(host), dns.aaaa(host)]);
        const addresses = [...(a.ok ? a.value : []), ...(aaaa.ok ? aaaa.value : [])];
        if (addresses.length > 0) return { host, target, proxied: addresses };
        return { host, target, label, missing: 'the name has no CNAME, A or AAAA record' };
      }
      // NXDOMAIN: a DNS provider that appends the zone to every name makes `clerk.example.com.example.com`. The
      // names come from Clerk's answer and go into the fix text: only plain DNS names are looked up and named there.
      if (!isDnsName(host) || !isDnsName(domainName)) return { host, target, label, missing: 'no such name' };
      const doubled = `${host}.${domainName}`;
      const found = await dns.cname(doubled);
      const exists = found.ok || (!found.ok && found.code === 'ENODATA');
      return { host, target, label, missing: 'no such name', ...(exists && { doubled }) };
    })
  );
}

export function judgeRecords(
  outcomes: RecordOutcome[] | undefined,
  domains: CallResult<unknown> | undefined,
  noLiveKey: string,
  hasPlatformKey: boolean,
  outcome: Outcome
): void {
  const rules = [dnsRecordMissing, dnsRecordWrongTarget, dnsRecordProxied];
  if (!domains) return rules.forEach((rule) => outcome.skip(rule, noLiveKey));
  if (!domains.ok) return rules.forEach((rule) => outcome.failed(rule, domains.failure));
  if (!outcomes) return rules.forEach((rule) => outcome.skip(rule, 'the instance has no primary domain'));
  const inferred = hasPlatformKey
    ? ''
    : "; inferred from DNS resolution (with CLERK_PLATFORM_API_KEY, dns-not-verified reads Clerk's own verification)";
  const counts = new Map(rules.map((rule) => [rule.id, 0]));
  for (const result of outcomes) {
    const { host, target } = result;
    if ('failure' in result) rules.forEach((rule) => outcome.failed(rule, result.failure));
    else if ('wrongTarget' in result) {
      counts.set(dnsRecordWrongTarget.id, (counts.get(dnsRecordWrongTarget.id) ?? 0) + 1);
      outcome.fail(dnsRecordWrongTarget, 'wrongTarget', {
        data: { host, actual: result.wrongTarget, target },
        variable: host,
        value: result.wrongTarget,
        origin: DNS_ORIGIN
      });
    } else if ('proxied' in result) {
      counts.set(dnsRecordProxied.id, (counts.get(dnsRecordProxied.id) ?? 0) + 1);
      outcome.fail(dnsRecordProxied, 'proxied', {
        data: { host, addresses: result.proxied.join(', '), target },
        variable: host,
        value: result.proxied.join(', '),
        origin: DNS_ORIGIN
      });
    } else if ('missing' in result) {
      counts.set(dnsRecordMissing.id, (counts.get(dnsRecordMissing.id) ?? 0) + 1);
      outcome.fail(dnsRecordMissing, 'missing', {
        data: { host, target, reason: result.missing, doubled: result.doubled ?? '', label: result.label },
        variable: host,
        value: '(no record)',
        origin: DNS_ORIGIN,
        ...(result.doubled && { fixId: 'fixDoubled' })
      });
    }
  }
  for (const rule of rules) {
    if ((counts.get(rule.id) ?? 0) === 0) {
      outcome.pass(rule, `${outcomes.length} required record${outcomes.length === 1 ? '' : 's'} checked${inferred}`);
    }
  }
}

export type CaaOutcome =
  { name: string; blocked: boolean; allowed: string[]; detail: string } | { failure: ApiFailure };

/**
 * The CAA records that govern the domain: the domain's own, else its closest parent's (RFC 8659). All levels are
 * asked at once; the closest one with records decides.
 */
export async function checkCaa(domainName: string, dns: DnsClient): Promise<CaaOutcome> {
  const labels = normalise(domainName).split('.');
  // The domain, then each parent up to the top-level domain (RFC 8659 stops before the root).
  const names = labels.map((_, i) => labels.slice(i).join('.'));
  const answers: DnsResult<CaaRecord[]>[] = await Promise.all(names.map((name) => dns.caa(name)));
  for (const [i, answer] of answers.entries()) {
    const name = names[i] as string;
    if (!answer.ok) {
      if (DnsClient.isAbsent(answer)) continue;
      return { failure: answer.failure };
    }
    const issuers = answer.value.filter((r) => r.issue !== undefined).map((r) => caaIssuer(r.issue ?? ''));
    if (answer.value.length === 0) continue;
    if (issuers.length === 0)
      return { name, blocked: false, allowed: [], detail: `${name}: CAA without issue records` };
    const allowed = [...new Set(issuers.filter((i) => i !== ''))];
    const blocked = !allowed.some((ca) => CLERK_CAS.includes(ca));
    return { name, blocked, allowed, detail: `${name} allows ${allowed.join(', ')}` };
  }
  return { name: domainName, blocked: false, allowed: [], detail: 'no CAA records: any authority may issue' };
}

/** The issuer domain of a CAA `issue` value (`letsencrypt.org; validationmethods=dns-01` → `letsencrypt.org`). */
function caaIssuer(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}
