import type { Finding, Suppression } from '../core/finding.js';
import { redact, redactKeysIn } from '../core/redact.js';
import { describeOrigin, type Reference } from '../core/variable.js';
import { formatMessage, type Hit, type PlaceHit, type VariableHit } from '../rules/rule.js';
import { displayValue } from './display-value.js';

/**
 * The one way from a check's hit to a reportable finding, for every rule: words it from the rule's messages,
 * shows the value safely (secrets and the keys in an excerpt redacted), downgrades a shadowed definition to a
 * notice, and records (never drops) a suppression: the `ignore` option or an ignore comment in a dotenv file.
 */
export function toFinding(hit: Hit, ignored: ReadonlySet<string>): Finding {
  const finding = 'variable' in hit ? variableFinding(hit) : placeFinding(hit);
  const suppression = suppressionOf(hit, ignored);
  if (suppression) finding.suppressed = suppression;
  return finding;
}

function variableFinding(hit: VariableHit): Finding {
  const { meta, variable } = hit;
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
    fix: fixOf(hit)
  };
  if (variable.shadowedBy) finding.shadowedBy = variable.shadowedBy;
  if (variable.references && !hit.absent) finding.expandedFrom = variable.references;
  return finding;
}

function placeFinding(hit: PlaceHit): Finding {
  const finding: Finding = {
    rule: hit.meta.id,
    severity: hit.severity ?? hit.meta.severity,
    variable: hit.subject,
    value: hit.secret ? redact(hit.value) : hit.value,
    origin: hit.origin,
    message: formatMessage(hit.meta, hit.messageId, hit.data),
    fix: fixOf(hit)
  };
  if (hit.excerpt !== undefined) finding.excerpt = redactKeysIn(hit.excerpt);
  if (hit.original) finding.original = hit.original;
  return finding;
}

function fixOf(hit: Hit): string {
  return hit.fixId === undefined ? hit.meta.fix : formatMessage(hit.meta, hit.fixId, hit.data);
}

/** `Its value is expanded from ${CLERK_PUBLISHABLE_KEY} (secrets).` */
function expandedFrom(references: readonly Reference[]): string {
  const list = references.map(({ name, origin }) => `\${${name}} (${describeOrigin(origin)})`).join(', ');
  return `Its value is expanded from ${list}.`;
}

/** The `ignore` option, for every rule; an ignore comment on the variable's line, for a hit on a dotenv variable. */
function suppressionOf(hit: Hit, ignored: ReadonlySet<string>): Suppression | undefined {
  const { id } = hit.meta;
  if (ignored.has(id)) return { by: 'ignore-option' };
  if (!('variable' in hit) || hit.absent) return undefined;
  const { origin, ignoredRules } = hit.variable;
  if (origin.kind === 'file' && ignoredRules?.includes(id)) {
    return { by: 'inline-comment', file: origin.file, line: origin.line };
  }
  return undefined;
}
