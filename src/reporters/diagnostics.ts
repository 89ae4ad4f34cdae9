import type { Report } from '../core/report.js';

/** Lines dotenv ignores, one per line as `file:line: message` (the line's text is never shown). */
export function renderDiagnostics(report: Report): string {
  const lines = report.diagnostics.map((d) => `${d.file}:${d.line}: note: ${d.message}\n`);
  const omitted = report.diagnosticsOmitted ?? 0;
  if (omitted > 0) lines.push(`note: ${omitted} more lines that dotenv ignores are not listed\n`);
  return lines.join('');
}
