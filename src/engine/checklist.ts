import type { CheckResult } from '../core/check.js';
import type { Finding } from '../core/finding.js';
import type { Rule } from '../rules/rule.js';

/** Rules that only judge production deploys (the rest run in every environment). */
const PRODUCTION_ONLY = new Set([
  'dev-secret-key',
  'dev-publishable-key',
  'dev-frontend-api',
  'dev-url',
  'dev-only-setting'
]);

/** One checklist line per rule: pass, fail, or skipped when the rule does not apply here. */
export function ruleChecks(rules: readonly Rule[], findings: readonly Finding[], isProduction: boolean): CheckResult[] {
  return rules.map(({ meta }) => {
    const base = { id: meta.id, title: meta.title };
    if (PRODUCTION_ONLY.has(meta.id) && !isProduction) {
      return { ...base, status: 'skipped', detail: 'applies to production environments only' };
    }
    if (meta.id === 'live-key-outside-production' && isProduction) {
      return { ...base, status: 'skipped', detail: 'applies to non-production environments only' };
    }
    const own = findings.filter((f) => f.rule === meta.id);
    const active = own.filter((f) => !f.suppressed && f.severity !== 'notice');
    const quiet = own.length - active.length;
    const note = quiet > 0 ? ` (${quiet} suppressed or shadowed)` : '';
    return active.length > 0
      ? { ...base, status: 'fail', detail: `${active.length} finding${active.length === 1 ? '' : 's'}${note}` }
      : { ...base, status: 'pass', detail: `no findings${note}` };
  });
}

/** Checks that need Clerk's API or DNS. They are listed so a skipped check is never mistaken for a pass. */
export function networkChecks(offline: boolean): CheckResult[] {
  const detail = offline ? 'skipped: offline mode' : 'skipped: not available in this version';
  return [
    { id: 'clerk-instance', title: 'Production instance reachable with these keys', status: 'skipped', detail },
    { id: 'clerk-dns', title: 'Production domain DNS records verified', status: 'skipped', detail }
  ];
}
