/** One line of the gate's checklist: an offline rule or a network check. */
export type CheckStatus = 'pass' | 'fail' | 'skipped' | 'error';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
}
