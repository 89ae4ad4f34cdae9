import type { CheckStatus } from '../core/check.js';
import type { Finding, Severity } from '../core/finding.js';
import type { Report } from '../core/report.js';
import { describeOrigin } from '../core/variable.js';
import { hiddenReason, locationGroup, sortByLocation, summaryLine } from './format.js';
import { neutraliseCommands, pathAtLineStart } from './workflow-commands.js';

export interface TextOptions {
  color: boolean;
}

/**
 * Plain ANSI SGR codes rather than node:util styleText: from Node 22.13 styleText checks
 * process.stdout (TTY, NO_COLOR) by itself, so `color: true` would not be honoured when piped or
 * under test. The caller (the CLI) decides colour; this renderer just obeys.
 */
type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';
const SGR: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39]
};

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', notice: 'cyan' };
const CHECK_MARK: Record<CheckStatus, [string, Style]> = {
  pass: ['✓', 'green'],
  fail: ['✗', 'red'],
  skipped: ['–', 'dim'],
  error: ['!', 'yellow'],
  incomplete: ['!', 'yellow']
};

/** Control characters (ESC, CR, newlines…) in report strings are shown escaped so they cannot drive the terminal. */
export function sanitizeForTerminal(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function renderText(report: Report, options: TextOptions): string {
  const paint = (style: Style, s: string): string =>
    options.color ? `\u001b[${SGR[style][0]}m${s}\u001b[${SGR[style][1]}m` : s;
  const t = sanitizeForTerminal;

  const verdict = report.passed ? paint('green', 'PASSED') : paint('red', 'FAILED');
  const scope = report.isProduction ? '' : ' (not production)';
  const lines = [
    `${paint('bold', 'clerk-production-gate')}  environment ${t(report.environment)}${scope}  ${verdict}`,
    ''
  ];

  const findings = sortByLocation(report.findings);
  if (findings.length === 0) lines.push('No findings.', '');
  let previousGroup: string | undefined;
  for (const f of findings) {
    const group = locationGroup(f);
    if (previousGroup !== undefined && group !== previousGroup) lines.push('');
    previousGroup = group;
    lines.push(...findingLines(f, paint, t));
  }
  if (findings.length > 0) lines.push('');

  if (report.skipped.length > 0) {
    lines.push(paint('bold', 'Skipped files (not judged)'));
    for (const { file, reason } of report.skipped) lines.push(`  ${t(file)} ${paint('dim', `— ${t(reason)}`)}`);
    lines.push('');
  }

  lines.push(paint('bold', 'Checks'));
  for (const check of report.checks) {
    const [mark, style] = CHECK_MARK[check.status];
    const detail = check.detail ? ` — ${t(check.detail)}` : '';
    lines.push(`  ${paint(style, mark)} ${t(check.title || check.id)} ${paint('dim', `(${t(check.id)})`)}${detail}`);
  }
  lines.push('', summaryLine(report.summary));
  // Run in a CI step, this text is read by the runner too: nothing echoed from the input may be a command.
  return neutraliseCommands(`${lines.join('\n')}\n`);
}

/** For a finding in built code or a fetched page: the source-map position and the text around it. */
function builtContext(f: Finding, t: (s: string) => string): string[] {
  const lines: string[] = [];
  if (f.original) lines.push(`    source: ${t(`${f.original.file}:${f.original.line}:${f.original.column}`)}`);
  if (f.excerpt !== undefined) lines.push(`    excerpt: ${t(f.excerpt)}`);
  return lines;
}

function findingLines(f: Finding, paint: (style: Style, s: string) => string, t: (s: string) => string): string[] {
  const reason = hiddenReason(f);
  const severity = f.severity.padEnd(7);
  const head = (sev: string): string =>
    `${t(pathAtLineStart(describeOrigin(f.origin)))}  ${sev}  ${t(f.rule)}  ${t(f.variable)} = ${t(f.value)}`;
  const body = [`    ${t(f.message)}`, ...builtContext(f, t), `    fix: ${t(f.fix)}`];
  if (reason === undefined) return [head(paint(SEVERITY_STYLE[f.severity], severity)), ...body];
  // Suppressed or shadowed: the whole block dimmed, with a marker that survives without colour.
  return [`${head(severity)}  [${t(reason)}]`, ...body].map((line) => paint('dim', line));
}
