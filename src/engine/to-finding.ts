import type { Finding, Suppression } from '../core/finding.js';
import { describeOrigin, type Reference } from '../core/variable.js';
import { formatMessage, type RuleHit, type RuleMeta } from '../rules/rule.js';
import { displayValue } from './display-value.js';

/**
 * Turns a rule's hit into a reportable finding: words it from the rule's messages, shows the value safely
 * (secrets redacted), downgrades a shadowed definition to a notice, and records (never drops) a suppression.
 */
export function toFinding(meta: RuleMeta, hit: RuleHit, ignored: ReadonlySet<string>): Finding {
  const { variable } = hit;
  let message = formatMessage(meta, hit.messageId, hit.data);
  if (variable.references && !hit.absent) message += ` ${expandedFrom(variable.references)}`;
  if (variable.shadowedBy) {
    message += ' It is overridden by a higher-precedence definition, so it does not reach the environment.';
  }
  const finding: Finding = {
    rule: meta.id,
    severity: variable.shadowedBy ? 'notice' : (hit.severity ?? meta.severity),
    variable: hit.subject ?? variable.name,
    value: hit.absent ? '(not set)' : displayValue(variable),
    origin: variable.origin,
    message,
    fix: hit.fixId === undefined ? meta.fix : formatMessage(meta, hit.fixId, hit.data)
  };
  if (variable.shadowedBy) finding.shadowedBy = variable.shadowedBy;
  if (variable.references && !hit.absent) finding.expandedFrom = variable.references;
  const suppression = suppressionOf(meta.id, hit, ignored);
  if (suppression) finding.suppressed = suppression;
  return finding;
}

/** `Its value is expanded from ${CLERK_PUBLISHABLE_KEY} (secrets).` */
function expandedFrom(references: readonly Reference[]): string {
  const list = references.map(({ name, origin }) => `\${${name}} (${describeOrigin(origin)})`).join(', ');
  return `Its value is expanded from ${list}.`;
}

function suppressionOf(id: string, hit: RuleHit, ignored: ReadonlySet<string>): Suppression | undefined {
  if (ignored.has(id)) return { by: 'ignore-option' };
  const { origin, ignoredRules } = hit.variable;
  if (!hit.absent && origin.kind === 'file' && ignoredRules?.includes(id)) {
    return { by: 'inline-comment', file: origin.file, line: origin.line };
  }
  return undefined;
}
