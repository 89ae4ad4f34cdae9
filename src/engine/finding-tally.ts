import type { Finding, Severity } from '../core/finding.js';

/**
 * Running counts of findings, so the verdict, summary and checklist need not keep the findings
 * themselves (a large tree's findings can be written out as they come).
 */
export class FindingTally {
  /** Active (not suppressed) findings by severity. */
  readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  suppressed = 0;
  /** Per rule: findings that count against it, and suppressed or shadowed (notice) ones. */
  private readonly byRule = new Map<string, { active: number; quiet: number }>();

  add(finding: Finding): void {
    if (finding.suppressed) this.suppressed += 1;
    else this.bySeverity[finding.severity] += 1;
    const counts = this.byRule.get(finding.rule) ?? { active: 0, quiet: 0 };
    if (!finding.suppressed && finding.severity !== 'notice') counts.active += 1;
    else counts.quiet += 1;
    this.byRule.set(finding.rule, counts);
  }

  forRule(rule: string): { active: number; quiet: number } {
    return this.byRule.get(rule) ?? { active: 0, quiet: 0 };
  }
}
