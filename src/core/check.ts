/** One line of the gate's checklist: an offline rule or a network check. */
export type CheckStatus = 'pass' | 'fail' | 'skipped' | 'error' | 'incomplete';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
}
