import { s as summaryLine, a as sortByLocation, h as hiddenReason, d as describeOrigin } from './cli.js';
import 'node:fs';
import 'node:path';
import 'node:module';
import 'fs';
import 'path';
import 'url';
import 'module';
import 'node:buffer';
import 'node:util';
import 'node:crypto';

const DEFAULT_MAX_BYTES = 1_000_000;
const DEFAULT_HEADING = 'Clerk production gate';
const SEVERITY_LABEL = { error: '❌ error', warning: '⚠️ warning', notice: 'ℹ️ notice' };
const CHECK_LABEL = { pass: '✅', fail: '❌', skipped: '⏭️', error: '⚠️' };
/** One line, no control characters: a newline or CR would end a table row. */
function oneLine(s) {
    // eslint-disable-next-line no-control-regex
    return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}
/**
 * Escapes text for GFM: every ASCII punctuation character is backslash-escaped (CommonMark allows
 * it for all of them), so no `<tag>`, `[link](…)`, `|` cell break, emphasis, autolink or entity survives.
 */
function escapeMarkdown(s) {
    return oneLine(s).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
/**
 * A code span: a backtick fence longer than any backtick run in the text, padded when the text starts
 * or ends with a backtick or space. Backslash escapes do not work in code spans, but inside a table
 * GFM takes any `|` preceded by `\` into the cell and drops that one `\` before inline parsing, so
 * there `|` is written `\|`.
 */
function codeSpan(s, inTable = true) {
    const text = inTable ? oneLine(s).replace(/\|/g, '\\|') : oneLine(s);
    if (text === '')
        return '';
    const longestRun = (text.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
    const fence = '`'.repeat(longestRun + 1);
    const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/** Fix texts are written by the rules (never from scanned input), so their code spans are kept. */
function trustedMarkdown(s) {
    return oneLine(s).replace(/\|/g, '\\|');
}
function ruleCell(id, rules) {
    const docs = rules.get(id)?.docs;
    if (!docs || !/^https?:\/\//.test(docs))
        return escapeMarkdown(id);
    const url = docs.replace(/[\s()<>|\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `[${escapeMarkdown(id)}](${url})`;
}
const MAIN_HEADER = '| Severity | Rule | Variable | Location | Value | Message | Fix |\n|---|---|---|---|---|---|---|';
const HIDDEN_HEADER = '| Severity | Rule | Variable | Location | Value | Why |\n|---|---|---|---|---|---|';
/** The cells every table row starts with: severity, rule, variable, location, value. */
function findingCells(f, rules) {
    return [
        SEVERITY_LABEL[f.severity],
        ruleCell(f.rule, rules),
        codeSpan(f.variable),
        codeSpan(describeOrigin(f.origin)),
        codeSpan(f.value)
    ];
}
function mainRow(f, rules) {
    const cells = [...findingCells(f, rules), escapeMarkdown(f.message), trustedMarkdown(f.fix)];
    return `| ${cells.join(' | ')} |`;
}
function hiddenRow(f, rules) {
    const cells = [...findingCells(f, rules), escapeMarkdown(hiddenReason(f) ?? '')];
    return `| ${cells.join(' | ')} |`;
}
const bytes = (s) => Buffer.byteLength(s, 'utf8');
const moreLine = (n) => `…and ${n} more ${n === 1 ? 'finding' : 'findings'} (see the JSON report)`;
/** Keeps leading rows while they fit in `budget` bytes (each row costs its bytes plus a newline). */
function fitRows(rows, budget) {
    const kept = [];
    let used = 0;
    for (const row of rows) {
        const cost = bytes(row) + 1;
        if (used + cost > budget)
            break;
        kept.push(row);
        used += cost;
    }
    return { kept, used };
}
function tableSection(header, rows, kept) {
    const omitted = rows.length - kept.length;
    const table = [header, ...kept].join('\n');
    return omitted > 0 ? `${table}\n\n${moreLine(omitted)}` : table;
}
function renderMarkdown(report, rules, options = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const heading = escapeMarkdown(options.heading ?? DEFAULT_HEADING);
    const verdict = report.passed ? '✅' : '❌';
    const scope = report.isProduction ? '' : ' (not production)';
    const head = [
        `## ${verdict} ${heading}: ${report.passed ? 'passed' : 'failed'}`,
        '',
        `Environment ${codeSpan(report.environment, false)}${scope} · ${summaryLine(report.summary)}`,
        '',
        '### Checks',
        '',
        ...report.checks.map((c) => {
            const detail = c.detail ? ` — ${escapeMarkdown(c.detail)}` : '';
            return `- ${CHECK_LABEL[c.status]} ${c.status}: **${escapeMarkdown(c.title || c.id)}** (${codeSpan(c.id, false)})${detail}`;
        }),
        '',
        ...skippedSection(report),
        '### Findings',
        '',
        ''
    ].join('\n');
    const sorted = sortByLocation(report.findings);
    const mainRows = sorted.filter((f) => hiddenReason(f) === undefined).map((f) => mainRow(f, rules));
    const hiddenRows = sorted.filter((f) => hiddenReason(f) !== undefined).map((f) => hiddenRow(f, rules));
    const hiddenOpen = `\n\n<details>\n<summary>Suppressed and shadowed findings (${hiddenRows.length})</summary>\n\n`;
    const hiddenClose = '\n\n</details>';
    // Fixed parts, plus room for both "…and N more" lines, come first; rows share what is left.
    const reserve = 2 * (bytes(moreLine(report.findings.length)) + 2) + bytes(MAIN_HEADER) + bytes(HIDDEN_HEADER) + 2;
    let budget = maxBytes - bytes(head) - bytes(hiddenOpen) - bytes(hiddenClose) - reserve - 1;
    const main = fitRows(mainRows, budget);
    budget -= main.used;
    const hidden = fitRows(hiddenRows, budget);
    let out = head + (mainRows.length > 0 ? tableSection(MAIN_HEADER, mainRows, main.kept) : 'No active findings.');
    if (hiddenRows.length > 0)
        out += hiddenOpen + tableSection(HIDDEN_HEADER, hiddenRows, hidden.kept) + hiddenClose;
    out += '\n';
    return bytes(out) <= maxBytes ? out : truncateBytes(out, maxBytes);
}
const MAX_SKIPPED_LISTED = 50;
/** Files found but not judged, folded: they explain a glob's reach, and are rarely the point. */
function skippedSection(report) {
    if (report.skipped.length === 0)
        return [];
    const shown = report.skipped.slice(0, MAX_SKIPPED_LISTED);
    const more = report.skipped.length - shown.length;
    return [
        `<details><summary>Files skipped, not judged (${report.skipped.length})</summary>`,
        '',
        ...shown.map(({ file, reason }) => `- ${codeSpan(file, false)} — ${escapeMarkdown(reason)}`),
        ...(more > 0 ? [`- …and ${more} more (see the JSON report)`] : []),
        '',
        '</details>',
        ''
    ];
}
/** Last resort when even the fixed parts do not fit (a tiny maxBytes): cut at a character boundary. */
function truncateBytes(s, maxBytes) {
    const note = '\n\n…output truncated (see the JSON report)\n';
    const room = maxBytes - bytes(note);
    if (room <= 0)
        return '';
    // A multi-byte character split by the cut decodes to U+FFFD; drop it.
    const cut = Buffer.from(s, 'utf8')
        .subarray(0, room)
        .toString('utf8')
        .replace(/\uFFFD+$/, '');
    return cut + note;
}

export { DEFAULT_MAX_BYTES, codeSpan, escapeMarkdown, renderMarkdown };
