import type { Report } from '../core/report.js';

/** Lines dotenv ignores, one per line as `file:line: message` (the line's text is never shown). */
export function renderDiagnostics(report: Report): string {
  return report.diagnostics.map((d) => `${d.file}:${d.line}: note: ${d.message}\n`).join('');
}
