import type { Severity } from '../core/finding.js';
import { isVendorPage } from '../core/vendor-links.js';
import { plural } from '../core/plural.js';
import { describeHost, type Origin, type Variable } from '../core/variable.js';
import { isPublicVariable, mayConcernClerk } from '../rules/clerk-variables.js';
import type { HostOutcome } from './host-variable.js';
import { hostApiError, hostVariableUnreadable } from '../rules/hosts.js';
import type { HostPlan, HostResult } from './host-support.js';
import { readNetlify } from './netlify.js';
import { readVercel } from './vercel.js';

type HostOrigin = Extract<Origin, { kind: 'host' }>;

/**
 * The names whose values the gate reads from a host: those a rule can judge (Clerk's names, the development-console
 * switch) and browser-exposed ones (a secret there is a finding, and their values are public anyway). No other
 * secret is pulled.
 */
export function wantedName(name: string): boolean {
  return mayConcernClerk(name, '') || isPublicVariable(name);
}

/** Reads both hosts at once (SDKs: @vercel/sdk, @netlify/api) and turns what they said into sources and hits. */
export async function readHosts(plan: HostPlan): Promise<HostResult> {
  const { vercel, netlify, timeoutMs } = plan;
  const scrubbing = plan.scrubber !== undefined && { scrubber: plan.scrubber };
  const [fromVercel, fromNetlify] = await Promise.all([
    vercel
      ? readVercel({
          token: vercel.token,
          project: vercel.project,
          ...(vercel.team !== undefined && { team: vercel.team }),
          target: vercel.target,
          ...(vercel.apiUrl !== undefined && { apiUrl: vercel.apiUrl }),
          timeoutMs,
          wanted: wantedName,
          ...scrubbing
        })
      : undefined,
    netlify
      ? readNetlify({
          token: netlify.token,
          site: netlify.site,
          context: netlify.context,
          ...(netlify.apiUrl !== undefined && { apiUrl: netlify.apiUrl }),
          timeoutMs,
          wanted: wantedName,
          ...scrubbing
        })
      : undefined
  ]);
  const result: HostResult = { sources: [], hits: [], checks: [] };
  const lines: { api: string[]; unreadable: string[]; failed: boolean } = { api: [], unreadable: [], failed: false };
  if (vercel && fromVercel) {
    const origin: HostOrigin = { kind: 'host', host: 'vercel', project: vercel.project, target: vercel.targetName };
    take(fromVercel, origin, plan, result, lines);
  }
  if (netlify && fromNetlify) {
    const origin: HostOrigin = { kind: 'host', host: 'netlify', project: netlify.site, target: netlify.context };
    take(fromNetlify, origin, plan, result, lines);
  }
  result.checks.push(
    {
      id: hostApiError.id,
      title: hostApiError.title,
      status: lines.failed ? 'fail' : 'pass',
      detail: lines.api.join('; ')
    },
    {
      id: hostVariableUnreadable.id,
      title: hostVariableUnreadable.title,
      status: lines.unreadable.length > 0 ? 'skipped' : 'pass',
      detail: lines.unreadable.length > 0 ? lines.unreadable.join('; ') : 'every value read'
    }
  );
  return result;
}

function take(
  outcome: HostOutcome,
  origin: HostOrigin,
  plan: HostPlan,
  result: HostResult,
  lines: { api: string[]; unreadable: string[]; failed: boolean }
): void {
  const where = describeHost(origin);
  if (!outcome.ok) {
    // A refused token or an unknown project is a setting to fix, not an outage: an error whatever on-api-error says.
    const configuration = outcome.status === 401 || outcome.status === 403 || outcome.status === 404;
    const value = outcome.status ? `HTTP ${outcome.status}` : 'no answer';
    apiFailure(outcome.message, value, configuration, origin, plan, result, lines);
    return;
  }
  const { read } = outcome;
  // A list cut short: what was read is judged below, and the gap follows on-api-error like an outage.
  if (read.incomplete) apiFailure(`${where}: ${read.incomplete}`, 'incomplete', false, origin, plan, result, lines);
  const variables: Variable[] = [];
  const unreadable: string[] = [];
  for (const v of read.variables) {
    if (v.value !== undefined) variables.push({ name: v.name, value: v.value, origin });
    else if (v.sensitive) {
      variables.push({ name: v.name, value: '', origin, unreadable: true });
      unreadable.push(v.name);
    }
  }
  // The settings page is shown (and linked) only when it is the host's own page.
  const page = read.settingsUrl !== undefined && isVendorPage(read.settingsUrl) ? read.settingsUrl : undefined;
  result.sources.push({ origin, variables, ...(page !== undefined && { settingsUrl: page }) });
  const why = origin.host === 'vercel' ? 'sensitive' : 'secret';
  for (const name of unreadable) {
    result.hits.push({
      meta: hostVariableUnreadable,
      messageId: 'sensitive',
      data: { name, where, why },
      subject: name,
      value: '(not readable)',
      origin
    });
  }
  if (read.hidden) {
    result.hits.push({
      meta: hostVariableUnreadable,
      messageId: 'hidden',
      data: { count: String(read.hidden), where },
      subject: origin.host,
      value: String(read.hidden),
      origin
    });
  }
  lines.api.push(`${where}: ${plural(read.variables.length, 'variable')}`);
  if (unreadable.length > 0)
    lines.unreadable.push(`${where}: ${unreadable.length} not judged (${why}): ${unreadable.join(', ')}`);
  if (read.hidden) lines.unreadable.push(`${where}: ${read.hidden} hidden from the token`);
}

function apiFailure(
  text: string,
  value: string,
  configuration: boolean,
  origin: HostOrigin,
  plan: HostPlan,
  result: HostResult,
  lines: { api: string[]; failed: boolean }
): void {
  const message = text.replace(/\.$/, '');
  const severity: Severity = configuration || plan.onApiError === 'fail' ? 'error' : 'warning';
  result.hits.push({
    meta: hostApiError,
    messageId: 'failed',
    data: { message },
    severity,
    subject: origin.host,
    value,
    origin
  });
  lines.failed = true;
  lines.api.push(message);
}
