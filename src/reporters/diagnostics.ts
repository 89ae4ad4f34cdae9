import type { Report } from '../core/report.js';
import type { SourceDiagnostic } from '../core/source.js';
import { sanitizeForTerminal } from './text.js';
import { neutraliseCommands, pathAtLineStart } from './workflow-commands.js';

/**
 * Lines dotenv ignores, as `file:line: note: message`; a run of consecutive lines of one file with the same
 * message is one note (`file:25-32: …`), since a stray multi-line value would otherwise fill the screen.
 * The lines' text is never shown: it may hold a secret.
 */
export function renderDiagnostics(report: Report): string {
  const lines = groupRuns(report.diagnostics).map(({ file, first, last, message }) => {
    const where = pathAtLineStart(sanitizeForTerminal(file));
    return `${where}:${first === last ? first : `${first}-${last}`}: note: ${message}\n`;
  });
  const omitted = report.diagnosticsOmitted ?? 0;
  if (omitted > 0) lines.push(`note: ${omitted} more lines that dotenv ignores are not listed\n`);
  return neutraliseCommands(lines.join(''));
}

interface Run {
  file: string;
  first: number;
  last: number;
  message: string;
}

function groupRuns(diagnostics: readonly SourceDiagnostic[]): Run[] {
  const runs: Run[] = [];
  for (const { file, line, message } of diagnostics) {
    const previous = runs[runs.length - 1];
    if (previous && previous.file === file && previous.message === message && previous.last + 1 === line) {
      previous.last = line;
    } else {
      runs.push({ file, first: line, last: line, message });
    }
  }
  return runs;
}
