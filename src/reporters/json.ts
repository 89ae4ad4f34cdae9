import type { Finding } from '../core/finding.js';
import type { Report } from '../core/report.js';
import type { SourceInfo } from '../core/source.js';
import type { Origin } from '../core/variable.js';
import type { JsonFinding, JsonLocation, JsonReport } from './json-schema.js';

export type { JsonFinding, JsonLocation, JsonReport } from './json-schema.js';

/** The JSON report (public contract, see json-schema.ts). Keys are built explicitly so nothing else leaks. */
export function toJsonReport(report: Report): JsonReport {
  const { errors, warnings, notices } = report.summary;
  return {
    version: 1,
    environment: report.environment,
    passed: report.passed,
    summary: { errors, warnings, notices },
    sources: report.sources.map(toJsonSource),
    findings: report.findings.map(toJsonFinding),
    checks: report.checks.map(({ id, status, detail }) => ({ id, status, detail }))
  };
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}

export function toJsonLocation(origin: Origin): JsonLocation {
  return origin.kind === 'file'
    ? { file: origin.file, line: origin.line, column: origin.column }
    : { source: origin.kind };
}

export function toJsonFinding(finding: Finding): JsonFinding {
  const json: JsonFinding = {
    rule: finding.rule,
    severity: finding.severity,
    variable: finding.variable,
    value: finding.value,
    location: toJsonLocation(finding.origin),
    message: finding.message,
    fix: finding.fix
  };
  const s = finding.suppressed;
  if (s) json.suppressed = s.by === 'inline-comment' ? { by: s.by, file: s.file, line: s.line } : { by: s.by };
  if (finding.shadowedBy) json.shadowed_by = toJsonLocation(finding.shadowedBy);
  return json;
}

function toJsonSource(source: SourceInfo): JsonReport['sources'][number] {
  if (source.kind !== 'file') return { kind: source.kind, variables: source.variables };
  const { file, variables, framework } = source;
  return framework === undefined ? { kind: 'file', file, variables } : { kind: 'file', file, variables, framework };
}
