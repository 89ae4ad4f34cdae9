import type { Report } from '../core/report.js';
import { toJsonFinding } from './json.js';

export interface Outputs {
  passed: string;
  errors: string;
  warnings: string;
  findings: string;
  'report-file': string;
}

/** Step outputs (all strings). `findings` is the JSON report's findings array, compact. */
export function buildOutputs(report: Report, reportFile: string): Outputs {
  return {
    passed: String(report.passed),
    errors: String(report.summary.errors),
    warnings: String(report.summary.warnings),
    findings: JSON.stringify(report.findings.map(toJsonFinding)),
    'report-file': reportFile
  };
}
