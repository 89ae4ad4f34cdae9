import type { CheckResult } from '../core/check.js';
import type { FindingTally } from './finding-tally.js';
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
export function ruleChecks(rules: readonly Rule[], tally: FindingTally, isProduction: boolean): CheckResult[] {
  return rules.map(({ meta }) => {
    const base = { id: meta.id, title: meta.title };
    if (PRODUCTION_ONLY.has(meta.id) && !isProduction) {
      return { ...base, status: 'skipped', detail: 'applies to production environments only' };
    }
    if (meta.id === 'live-key-outside-production' && isProduction) {
      return { ...base, status: 'skipped', detail: 'applies to non-production environments only' };
    }
    const { active, quiet } = tally.forRule(meta.id);
    const note = quiet > 0 ? ` (${quiet} suppressed or shadowed)` : '';
    return active > 0
      ? { ...base, status: 'fail', detail: `${active} finding${active === 1 ? '' : 's'}${note}` }
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
