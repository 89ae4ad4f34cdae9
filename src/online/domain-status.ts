import type { DomainStatusT } from './clerk-schemas.js';
import type { CallResult } from './http-client.js';
import { dnsNotVerified } from '../rules/online.js';
import { API_ORIGIN, type Outcome } from './outcome.js';

/** dns-not-verified: the Platform API's status of the domain, with what is not ready yet. */
export function judgeStatus(domain: string, status: CallResult<DomainStatusT> | undefined, outcome: Outcome): void {
  if (!status) return outcome.skip(dnsNotVerified, 'the Platform API domain could not be read');
  if (!status.ok) return outcome.failed(dnsNotVerified, status.failure);
  const { data } = status;
  if (data.status === 'complete') return outcome.pass(dnsNotVerified, `Clerk reports ${domain} as complete`);
  const details: string[] = [];
  for (const [name, cname] of Object.entries(data.dns.cnames)) {
    if (!cname.required || cname.verified) continue;
    const hints = (cname.failure_hints ?? []).map((h) => h.message.replace(/[.\s]+$/, '')).join('; ');
    details.push(`${name} (${cname.from} → ${cname.to}) not verified${hints ? `: ${hints}` : ''}`);
  }
  if (data.ssl?.status && data.ssl.status !== 'complete') details.push(`SSL ${data.ssl.status.replace(/_/g, ' ')}`);
  if (data.mail?.required && data.mail.status !== 'complete')
    details.push(`mail ${data.mail.status.replace(/_/g, ' ')}`);
  outcome.fail(dnsNotVerified, 'incomplete', {
    data: { domain, details: details.join('; ') || `DNS ${data.dns.status.replace(/_/g, ' ')}` },
    variable: domain,
    value: data.status,
    origin: API_ORIGIN
  });
}
