/**
 * One line of the gate's checklist: an offline rule or a network check.
 * - `pass`: it read everything it needed and found nothing.
 * - `fail`: it found something (its findings say what).
 * - `skipped`: it does not apply here, or could not start (its detail says why).
 * - `error`: a call it needed failed.
 * - `incomplete`: it ran but could not read everything (a cap, a read that failed); its detail says what it read
 *   ("50 of 60 scripts read"). Never a pass: in a production environment it fails the gate unless it is `tolerated`.
 */
export type CheckStatus = 'pass' | 'fail' | 'skipped' | 'error' | 'incomplete';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
  /** For an `incomplete` check: `on-api-error: warn` applies to it, so it warns instead of failing the gate. */
  tolerated?: boolean;
}

/** Whether the checks alone fail the gate: any `incomplete` check not tolerated, in a production environment. */
export function incompleteFailsGate(checks: readonly CheckResult[], isProduction: boolean): boolean {
  return isProduction && checks.some((c) => c.status === 'incomplete' && c.tolerated !== true);
}
