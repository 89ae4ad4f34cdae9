import type { CheckResult, CheckStatus } from '../core/check.js';
import type { Finding, Severity } from '../core/finding.js';
import type { Report } from '../core/report.js';
import { shortOrigin } from '../core/variable.js';
import type { RuleMeta } from '../rules/rule.js';
import { hiddenReason, sortByLocation, summaryLine } from './format.js';
import {
  codeSpan,
  escapeMarkdown,
  fixMarkdown,
  link,
  shorten,
  shortenStart,
  trustedMarkdown
} from './markdown-text.js';

export { codeSpan, escapeMarkdown } from './markdown-text.js';

/** What changed since the comment was last written: described findings, and how many more went unnamed. */
export interface ReportChanges {
  added: Finding[];
  /** `rule` `variable` at `where` of each finding that is gone, as the last comment recorded them. */
  resolved: string[];
  /** Resolved findings the last comment kept only a fingerprint of. */
  resolvedUnnamed: number;
}

export interface MarkdownOptions {
  /** Upper bound on the UTF-8 size (the job summary: 1 MiB). */
  maxBytes?: number;
  /** Upper bound on the length in characters (a pull-request comment: 65,536). */
  maxChars?: number;
  heading?: string;
  /** Link to the workflow run, at the end. */
  runUrl?: string;
  /** A first line readers do not see (the comment's marker). */
  marker?: string;
  /** Shown as "Changes since the last run". */
  changes?: ReportChanges;
  /** Where the findings left out for size are: "the job summary" (a comment), "the JSON report". */
  fullReport?: string;
}

const DEFAULT_MAX_BYTES = 1_000_000;
const DEFAULT_HEADING = 'Clerk production gate';

const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
const CHECK_ICON: Record<CheckStatus, string> = {
  pass: '✅',
  fail: '❌',
  skipped: '⏭️',
  error: '⚠️',
  incomplete: '🔶'
};
const CHECK_COUNTED: Record<CheckStatus, string> = {
  fail: 'failed',
  error: 'erred',
  incomplete: 'incomplete',
  pass: 'passed',
  skipped: 'skipped'
};
/**
 * Table cells stay short enough for five columns to fit GitHub's 1012 px column: code spans do not wrap, so a long
 * value would widen the table. The full value is in the finding's line below the table.
 */
const MAX_VARIABLE = 32;
const MAX_WHERE = 30;
const MAX_VALUE = 32;
/** An excerpt of built code: the match and some context on each side. */
const MAX_EXCERPT = 120;

/**
 * The report for GitHub: the verdict, the checklist, a compact table of the findings (severity, rule, variable,
 * where, value), each rule's explanation and fix once with its findings' messages, suppressed and shadowed ones
 * folded, the changes since the last run and a link to the run. It keeps within `maxChars` / `maxBytes` by leaving
 * out the least severe findings, and says how many.
 */
export function renderMarkdown(
  report: Report,
  rules: ReadonlyMap<string, RuleMeta>,
  options: MarkdownOptions = {}
): string {
  const fits = budget(options);
  const heading = escapeMarkdown(options.heading ?? DEFAULT_HEADING);
  const verdict = report.passed ? '✅' : '❌';
  const scope = report.isProduction ? '' : ' (not production)';
  const head = [
    ...(options.marker ? [options.marker] : []),
    `## ${verdict} ${heading}: ${report.passed ? 'passed' : 'failed'}`,
    '',
    `Environment ${codeSpan(report.environment, false)}${scope} · ${summaryLine(report.summary)}`,
    '',
    ...checklist(report.checks),
    ...skippedFiles(report)
  ].join('\n');
  const tail = [
    ...changesSection(options.changes),
    ...(options.runUrl ? [link('Workflow run', options.runUrl), ''] : [])
  ].join('\n');

  const active = report.findings.filter((f) => hiddenReason(f) === undefined);
  const hidden = sortByLocation(report.findings).filter((f) => hiddenReason(f) !== undefined);
  // The most severe findings (report order) first: suppressed and shadowed ones give way before any active one.
  const kept = { active: active.length, hidden: hidden.length };
  let text = compose(head, tail, active, hidden, kept, rules, options);
  while (!fits(text) && kept.active + kept.hidden > 0) {
    if (kept.hidden > 0) kept.hidden = Math.max(0, Math.floor(kept.hidden * 0.8) - 1);
    else kept.active = Math.max(0, Math.floor(kept.active * 0.8) - 1);
    text = compose(head, tail, active, hidden, kept, rules, options);
  }
  return fits(text) ? text : cut(text, options);
}

function compose(
  head: string,
  tail: string,
  active: readonly Finding[],
  hidden: readonly Finding[],
  kept: { active: number; hidden: number },
  rules: ReadonlyMap<string, RuleMeta>,
  options: MarkdownOptions
): string {
  const shown = active.slice(0, kept.active);
  const more = (n: number, what: string): string =>
    `…and ${n} more ${what}, left out for length: see ${options.fullReport ?? 'the JSON report'}.`;
  const parts = [head, '### Findings', ''];
  if (active.length === 0) parts.push('No active findings.', '');
  if (shown.length > 0) parts.push(TABLE_HEADER, ...shown.map((f) => row(f, rules, f.severity)), '');
  if (shown.length < active.length) parts.push(more(active.length - shown.length, 'findings'), '');
  parts.push(...explanations(shown, rules));
  if (hidden.length > 0) {
    const folded = hidden.slice(0, kept.hidden);
    parts.push(...hiddenSection(folded, hidden.length, rules));
    if (folded.length < hidden.length)
      parts.splice(parts.length - 2, 0, '', more(hidden.length - folded.length, 'suppressed or shadowed findings'));
  }
  parts.push(tail);
  return `${parts
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

const TABLE_HEADER = '| | Rule | Variable | Where | Value |\n|---|---|---|---|---|';

function where(f: Finding): string {
  return shortOrigin(f.origin);
}

/** Where built code came from (its source map) and the text around it, for a finding in a bundle or a page. */
function builtContext(f: Finding): string {
  const { original, excerpt } = f;
  const source = original ? ` Source: ${codeSpan(`${original.file}:${original.line}:${original.column}`, false)}.` : '';
  return excerpt === undefined ? source : `${source} Excerpt: ${codeSpan(shorten(excerpt, MAX_EXCERPT), false)}`;
}

function row(f: Finding, rules: ReadonlyMap<string, RuleMeta>, severity: Severity, why?: string): string {
  const cells = [
    SEVERITY_ICON[severity],
    link(escapeMarkdown(f.rule), rules.get(f.rule)?.docs),
    codeSpan(shorten(f.variable, MAX_VARIABLE)),
    codeSpan(shortenStart(where(f), MAX_WHERE)),
    // A folded finding shows why it is folded instead of its value: it does not reach the deploy.
    why === undefined ? codeSpan(shorten(f.value, MAX_VALUE)) : why
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Each rule of the shown findings once: what it means and how to fix it, then its findings in full. */
function explanations(shown: readonly Finding[], rules: ReadonlyMap<string, RuleMeta>): string[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of shown) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  if (byRule.size === 0) return [];
  const lines = ['### What to fix', ''];
  for (const [id, findings] of byRule) {
    const meta = rules.get(id);
    const title = meta ? `: ${escapeMarkdown(meta.title)}` : '';
    lines.push(`**${link(escapeMarkdown(id), meta?.docs)}${title}.** ${meta ? trustedMarkdown(meta.explanation) : ''}`);
    // A rule's findings may each carry their own fix (dev-url on a domain variable): the rule's fix is the default.
    const fixes = [...new Set(findings.map((f) => f.fix))];
    lines.push('', `**Fix:** ${fixMarkdown(fixes[0] ?? meta?.fix ?? '')}`, '');
    for (const f of findings) {
      const otherFix = fixes.length > 1 && f.fix !== fixes[0] ? ` Fix: ${fixMarkdown(f.fix)}` : '';
      lines.push(
        `- ${codeSpan(where(f), false)} ${codeSpan(f.variable, false)} = ${codeSpan(f.value, false)}: ${escapeMarkdown(f.message)}${builtContext(f)}${otherFix}`
      );
    }
    lines.push('');
  }
  return lines;
}

function hiddenSection(shown: readonly Finding[], total: number, rules: ReadonlyMap<string, RuleMeta>): string[] {
  const table =
    shown.length > 0
      ? [
          '| | Rule | Variable | Where | Why |\n|---|---|---|---|---|',
          ...shown.map((f) => row(f, rules, 'notice', escapeMarkdown(shortReason(f))))
        ]
      : [];
  return [
    '<details>',
    `<summary>Suppressed and shadowed findings (${total})</summary>`,
    '',
    ...table,
    '',
    '</details>',
    ''
  ];
}

/** Why a finding is folded, its path shortened like the table's `Where` cells. */
function shortReason(f: Finding): string {
  if (f.suppressed?.by === 'inline-comment') {
    return `suppressed by a comment at ${shortenStart(`${f.suppressed.file}:${f.suppressed.line}`, MAX_WHERE)}`;
  }
  if (f.suppressed) return 'suppressed by the ignore option';
  const by = f.shadowedBy;
  if (!by) return '';
  return `shadowed by ${by.kind === 'file' ? shortenStart(`${by.file}:${by.line}`, MAX_WHERE) : by.kind}`;
}

/** Failing and erring checks in view; all of them folded below. */
function checklist(checks: readonly CheckResult[]): string[] {
  const count = (status: CheckStatus): number => checks.filter((c) => c.status === status).length;
  const counts = (Object.keys(CHECK_COUNTED) as CheckStatus[])
    .filter((s) => count(s) > 0)
    .map((s) => `${count(s)} ${CHECK_COUNTED[s]}`);
  const line = (c: CheckResult): string => {
    const detail = c.detail ? ` — ${escapeMarkdown(c.detail)}` : '';
    return `- ${CHECK_ICON[c.status]} **${escapeMarkdown(c.title || c.id)}** (${codeSpan(c.id, false)})${detail}`;
  };
  const attention = checks.filter((c) => c.status === 'fail' || c.status === 'error' || c.status === 'incomplete');
  return [
    `### Checks: ${counts.join(', ')}`,
    '',
    ...attention.map(line),
    ...(attention.length > 0 ? [''] : []),
    '<details>',
    '<summary>Every check</summary>',
    '',
    ...checks.map(line),
    '',
    '</details>',
    ''
  ];
}

const MAX_SKIPPED_LISTED = 50;

/** Files found but not judged, folded: they explain a glob's reach, and are rarely the point. */
function skippedFiles(report: Report): string[] {
  if (report.skipped.length === 0) return [];
  const shown = report.skipped.slice(0, MAX_SKIPPED_LISTED);
  const more = report.skipped.length - shown.length;
  return [
    '<details>',
    `<summary>Files skipped, not judged (${report.skipped.length})</summary>`,
    '',
    ...shown.map(({ file, reason }) => `- ${codeSpan(file, false)} — ${escapeMarkdown(reason)}`),
    ...(more > 0 ? [`- …and ${more} more (see the JSON report)`] : []),
    '',
    '</details>',
    ''
  ];
}

function changesSection(changes: ReportChanges | undefined): string[] {
  if (!changes) return [];
  const { added, resolved, resolvedUnnamed } = changes;
  if (added.length + resolved.length + resolvedUnnamed === 0) return [];
  const lines = ['### Changes since the last run', ''];
  for (const f of added.slice(0, 20)) {
    lines.push(
      `- New: ${SEVERITY_ICON[f.severity]} ${codeSpan(f.rule, false)} ${codeSpan(f.variable, false)} at ${codeSpan(where(f), false)}`
    );
  }
  if (added.length > 20) lines.push(`- …and ${added.length - 20} more new`);
  for (const text of resolved.slice(0, 20)) lines.push(`- Resolved: ${escapeMarkdown(text)}`);
  const unnamed = resolvedUnnamed + Math.max(0, resolved.length - 20);
  if (unnamed > 0) lines.push(`- …and ${unnamed} more resolved`);
  lines.push('');
  return lines;
}

function budget(options: MarkdownOptions): (text: string) => boolean {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxChars = options.maxChars ?? Number.POSITIVE_INFINITY;
  return (text) => text.length <= maxChars && Buffer.byteLength(text, 'utf8') <= maxBytes;
}

/** Last resort when even the fixed parts do not fit: cut at a character boundary, and say so. */
function cut(text: string, options: MarkdownOptions): string {
  const note = '\n\n…output truncated (see the JSON report)\n';
  const maxChars = Math.min(options.maxChars ?? Number.POSITIVE_INFINITY, options.maxBytes ?? DEFAULT_MAX_BYTES);
  let out = text.slice(0, Math.max(0, maxChars - note.length));
  while (Buffer.byteLength(out + note, 'utf8') > (options.maxBytes ?? DEFAULT_MAX_BYTES)) out = out.slice(0, -64);
  return out.replace(/\uFFFD+$/, '').replace(/[\uD800-\uDBFF]$/, '') + note;
}
