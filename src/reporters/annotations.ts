import type { Report } from '../core/report.js';
import { describeOrigin } from '../core/variable.js';
import { SEVERITIES, type Finding, type Severity } from '../core/finding.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/** GitHub shows at most this many annotations of each level per step. */
const ANNOTATIONS_PER_LEVEL = 10;

/** Annotation level: shadowed findings are informational notices; suppressed ones get none. */
function levelOf(f: Finding): Severity | undefined {
  if (f.suppressed) return undefined;
  return f.shadowedBy ? 'notice' : f.severity;
}

function annotate(f: Finding, level: Severity): Annotation {
  const shadowed = f.shadowedBy
    ? `\nShadowed by ${describeOrigin(f.shadowedBy)}: this definition does not reach the environment.`
    : '';
  const where = f.origin.kind === 'file' ? '' : ` (${describeOrigin(f.origin)})`;
  const annotation: Annotation = {
    level,
    title: `${f.rule}: ${f.variable}${where}`,
    message: `${f.message}\nValue: ${f.value}${shadowed}\nFix: ${f.fix}`
  };
  if (f.origin.kind === 'file') {
    annotation.file = f.origin.file;
    annotation.startLine = f.origin.line;
    annotation.startColumn = f.origin.column;
  }
  return annotation;
}

/** `and 16 more errors: rule-a ×3, rule-b ×2 — see the job summary` (rules by count, then id). */
function aggregate(level: Severity, rest: readonly Finding[]): Annotation {
  const counts = new Map<string, number>();
  for (const f of rest) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  const byRule = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([rule, n]) => `${rule} ×${n}`);
  const more = `${rest.length} more ${level}s`;
  return {
    level,
    title: `clerk-production-gate: ${more}`,
    message: `and ${more}: ${byRule.join(', ')} — see the job summary`
  };
}

/** At most 10 annotations per level; past that, 9 findings and one aggregate for the rest. */
export function planAnnotations(report: Report): Annotation[] {
  return SEVERITIES.flatMap((level) => {
    const findings = report.findings.filter((f) => levelOf(f) === level);
    if (findings.length <= ANNOTATIONS_PER_LEVEL) return findings.map((f) => annotate(f, level));
    const shown = findings.slice(0, ANNOTATIONS_PER_LEVEL - 1);
    return [...shown.map((f) => annotate(f, level)), aggregate(level, findings.slice(ANNOTATIONS_PER_LEVEL - 1))];
  });
}
