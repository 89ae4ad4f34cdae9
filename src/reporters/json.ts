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
    skipped: report.skipped.map(({ file, reason }) => ({ file, reason })),
    findings: report.findings.map(toJsonFinding),
    checks: report.checks.map(({ id, status, detail }) => ({ id, status, detail }))
  };
}

/**
 * The JSON report as text: pretty-printed like JSON.stringify(…, null, 2), with every non-ASCII character
 * written as a \\u escape (any parser reads the same values; the text stays ASCII whatever a value holds).
 */
export function renderJson(report: Report): string {
  return `${asciiJson(JSON.stringify(toJsonReport(report), null, 2))}\n`;
}

/** JSON text with every non-ASCII character as a \\u escape (surrogate pairs as two escapes, as JSON allows). */
export function asciiJson(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
  if (finding.expandedFrom) {
    json.expanded_from = finding.expandedFrom.map((r) => ({ variable: r.name, location: toJsonLocation(r.origin) }));
  }
  return json;
}

function toJsonSource(source: SourceInfo): JsonReport['sources'][number] {
  if (source.kind !== 'file') return { kind: source.kind, variables: source.variables };
  const { file, variables, framework } = source;
  return framework === undefined ? { kind: 'file', file, variables } : { kind: 'file', file, variables, framework };
}
