import type { Finding, Suppression } from '../core/finding.js';
import { redact } from '../core/redact.js';
import type { RuleHit, RuleMeta } from '../rules/rule.js';

/**
 * Turns a rule's hit into a reportable finding: redacts the value, downgrades a shadowed
 * definition to a notice, and records (never drops) a suppression.
 */
export function toFinding(meta: RuleMeta, hit: RuleHit, ignored: ReadonlySet<string>): Finding {
  const { variable } = hit;
  const finding: Finding = {
    rule: meta.id,
    severity: variable.shadowedBy ? 'notice' : (hit.severity ?? meta.severity),
    variable: hit.subject ?? variable.name,
    value: hit.absent ? '(not set)' : redact(variable.value),
    origin: variable.origin,
    message: hit.message,
    fix: hit.fix ?? meta.fix
  };
  if (variable.shadowedBy) {
    finding.shadowedBy = variable.shadowedBy;
    finding.message += ' It is overridden by a higher-precedence definition, so it does not reach the environment.';
  }
  const suppression = suppressionOf(meta.id, hit, ignored);
  if (suppression) finding.suppressed = suppression;
  return finding;
}

function suppressionOf(id: string, hit: RuleHit, ignored: ReadonlySet<string>): Suppression | undefined {
  if (ignored.has(id)) return { by: 'ignore-option' };
  const { origin, ignoredRules } = hit.variable;
  if (!hit.absent && origin.kind === 'file' && ignoredRules?.includes(id)) {
    return { by: 'inline-comment', file: origin.file, line: origin.line };
  }
  return undefined;
}
