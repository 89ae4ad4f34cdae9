import type { Report } from '../core/report.js';
import { toJsonFinding, type JsonFinding } from './json.js';

export interface Outputs {
  passed: string;
  errors: string;
  warnings: string;
  findings: string;
  'report-file': string;
  /** Ids of the checks that could not read everything, comma-separated ('' when every check read all). */
  incomplete: string;
}

/**
 * GitHub keeps at most 1 MiB of outputs per job; the `findings` output stays well under it so other
 * steps' outputs still fit. The full list is always in the report file.
 */
const MAX_FINDINGS_OUTPUT_BYTES = 512 * 1024;

/** Step outputs (all strings). `findings` is the JSON report's findings array, compact, most severe first. */
export function buildOutputs(report: Report, reportFile: string, maxBytes = MAX_FINDINGS_OUTPUT_BYTES): Outputs {
  return {
    passed: String(report.passed),
    errors: String(report.summary.errors),
    warnings: String(report.summary.warnings),
    findings: fitFindings(report.findings.map(toJsonFinding), maxBytes),
    'report-file': reportFile,
    incomplete: report.checks
      .filter((c) => c.status === 'incomplete')
      .map((c) => c.id)
      .join(',')
  };
}

/** The longest prefix of the findings whose JSON fits in maxBytes (findings are sorted errors first). */
function fitFindings(findings: JsonFinding[], maxBytes: number): string {
  const whole = JSON.stringify(findings);
  if (Buffer.byteLength(whole) <= maxBytes) return whole;
  let size = 2; // the brackets
  let count = 0;
  for (const finding of findings) {
    const bytes = Buffer.byteLength(JSON.stringify(finding)) + (count > 0 ? 1 : 0);
    if (size + bytes > maxBytes) break;
    size += bytes;
    count += 1;
  }
  return JSON.stringify(findings.slice(0, count));
}
