import { plural } from '../core/plural.js';
import type { CheckResult } from '../core/check.js';
import type { FindingTally } from './finding-tally.js';
import { ruleApplies, type Rule } from '../rules/rule.js';

/** One checklist line per rule: pass, fail, or skipped when the rule does not apply here. */
export function ruleChecks(rules: readonly Rule[], tally: FindingTally, isProduction: boolean): CheckResult[] {
  return rules.map(({ meta }) => {
    const base = { id: meta.id, title: meta.title };
    if (!ruleApplies(meta, isProduction)) {
      const where = meta.appliesIn === 'production' ? 'production' : 'non-production';
      return { ...base, status: 'skipped', detail: `applies to ${where} environments only` };
    }
    const { active, quiet } = tally.forRule(meta.id);
    const note = quiet > 0 ? ` (${quiet} suppressed or shadowed)` : '';
    return active > 0
      ? { ...base, status: 'fail', detail: `${plural(active, 'finding')}${note}` }
      : { ...base, status: 'pass', detail: `no findings${note}` };
  });
}
