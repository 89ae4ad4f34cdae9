import type { Finding, Suppression } from '../core/finding.js';
import { plural } from '../core/plural.js';
import { describeOrigin } from '../core/variable.js';

/** Small helpers shared by the reporters. */

/** `2 errors, 1 warning, 0 notices (1 suppressed)` — from the report's own summary. */
export function summaryLine(summary: Record<'errors' | 'warnings' | 'notices' | 'suppressed', number>): string {
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.notices, 'notice')}`;
  return `${counts} (${summary.suppressed} suppressed)`;
}

function describeSuppression(s: Suppression): string {
  return s.by === 'ignore-option'
    ? 'suppressed by the ignore option'
    : `suppressed by an inline comment at ${s.file}:${s.line}`;
}

/** Why a finding is shown apart (suppressed or shadowed), or undefined for a live finding. */
export function hiddenReason(finding: Finding): string | undefined {
  if (finding.suppressed) return describeSuppression(finding.suppressed);
  if (finding.shadowedBy) return `shadowed by ${describeOrigin(finding.shadowedBy)}`;
  return undefined;
}

/** A group key per location: the file path, or the source kind (`vars`, `secrets`, `env`). */
export function locationGroup(finding: Finding): string {
  const { origin } = finding;
  if (origin.kind === 'file') return `file:${origin.file}`;
  if (origin.kind === 'url') return `url:${origin.url}`;
  if (origin.kind === 'host') return `host:${origin.host}:${origin.project}:${origin.target}`;
  return origin.kind;
}

/** Findings grouped by file/source in first-appearance order, sorted by line and column inside a file. */
export function sortByLocation(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = locationGroup(f);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const position = (f: Finding): [number, number] =>
    f.origin.kind === 'file' || f.origin.kind === 'url' ? [f.origin.line, f.origin.column] : [0, 0];
  return [...groups.values()].flatMap((group) =>
    [...group].sort((a, b) => {
      const [la, ca] = position(a);
      const [lb, cb] = position(b);
      return la - lb || ca - cb;
    })
  );
}
