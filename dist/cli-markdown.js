import { s as summaryLine, h as hiddenReason, a as sortByLocation, b as shortOrigin } from './cli.js';
import { i as isVendorPage } from './cli-vendor-links.js';
import 'node:fs';
import 'node:path';
import 'node:module';
import 'node:buffer';
import 'node:util';
import 'node:os';
import 'node:string_decoder';

/** GFM building blocks for text that may come from the scanned input: nothing in it can become markup. */
/** One line, no control characters: a newline or CR would end a table row. */
function oneLine(s) {
    // eslint-disable-next-line no-control-regex
    return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}
/**
 * Escapes text for GFM: every ASCII punctuation character is backslash-escaped (CommonMark allows
 * it for all of them), so no `<tag>`, `[link](…)`, `|` cell break, emphasis, autolink or entity survives.
 * GitHub finds @mentions after the escapes are gone, so `@` gets a zero-width space after it instead: no one is
 * notified by text the gate echoes.
 */
function escapeMarkdown(s) {
    return oneLine(s)
        .replace(/[!-/:-?[-`{-~]/g, '\\$&')
        .replace(/@/g, '@\u200b');
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
/** Texts the gate writes itself (rule explanations, never data from an API or a report): kept as written. */
function trustedMarkdown(s) {
    return oneLine(s).replace(/\|/g, '\\|');
}
/** A URL in a text, up to a space or a character that cannot end one unescaped. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/g;
/**
 * A fix text, which may carry data from an API answer or a report: everything is escaped but its code spans (kept
 * as code spans, which cannot hold markup) and the https URLs on a vendor's known host (made links). Any other URL
 * stays escaped text.
 */
function fixMarkdown(s) {
    const text = oneLine(s);
    const out = [];
    let at = 0;
    for (const run of text.matchAll(/`+/g)) {
        const start = run.index;
        if (start < at)
            continue;
        // A code span closes at the next run of as many backticks; an unclosed run is text.
        const close = new RegExp(`(?<!\`)${run[0]}(?!\`)`, 'g');
        close.lastIndex = start + run[0].length;
        const end = close.exec(text);
        if (end === null)
            continue;
        out.push(plainWithLinks(text.slice(at, start)), codeSpan(text.slice(start + run[0].length, end.index), false));
        at = end.index + run[0].length;
    }
    out.push(plainWithLinks(text.slice(at)));
    return out.join('');
}
function plainWithLinks(text) {
    let out = '';
    let at = 0;
    for (const match of text.matchAll(URL_IN_TEXT)) {
        const url = match[0].replace(/[.,;:!?)\]]+$/, '');
        out += escapeMarkdown(text.slice(at, match.index));
        out += isVendorPage(url) ? link(escapeMarkdown(url), url) : escapeMarkdown(url);
        at = match.index + url.length;
    }
    return out + escapeMarkdown(text.slice(at));
}
/** A link whose URL cannot break out of the link syntax; only http(s) URLs, else the text alone. */
function link(text, url) {
    if (!url || !/^https?:\/\//.test(url))
        return text;
    const safe = url.replace(/[\s()<>|\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `[${text}](${safe})`;
}
/** At most `max` characters, the middle cut out (`http://localhost:3000/…/sign-in`). */
function shorten(s, max) {
    if (s.length <= max)
        return s;
    const head = Math.ceil((max - 1) / 2);
    return `${s.slice(0, head)}…${s.slice(s.length - (max - 1 - head))}`;
}
/** At most `max` characters, the start cut off (`…/apps/web/.env.production:3`): a path's end says most. */
function shortenStart(s, max) {
    return s.length <= max ? s : `…${s.slice(s.length - max + 1)}`;
}

const DEFAULT_MAX_BYTES = 1_000_000;
const DEFAULT_HEADING = 'Clerk production gate';
const SEVERITY_ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
const CHECK_ICON = {
    pass: '✅',
    fail: '❌',
    skipped: '⏭️',
    error: '⚠️',
    incomplete: '🔶'
};
const CHECK_COUNTED = {
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
function renderMarkdown(report, rules, options = {}) {
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
        if (kept.hidden > 0)
            kept.hidden = Math.max(0, Math.floor(kept.hidden * 0.8) - 1);
        else
            kept.active = Math.max(0, Math.floor(kept.active * 0.8) - 1);
        text = compose(head, tail, active, hidden, kept, rules, options);
    }
    return fits(text) ? text : cut(text, options);
}
function compose(head, tail, active, hidden, kept, rules, options) {
    const shown = active.slice(0, kept.active);
    const more = (n, what) => `…and ${n} more ${what}, left out for length: see ${options.fullReport ?? 'the JSON report'}.`;
    const parts = [head, '### Findings', ''];
    if (active.length === 0)
        parts.push('No active findings.', '');
    if (shown.length > 0)
        parts.push(TABLE_HEADER, ...shown.map((f) => row(f, rules, f.severity)), '');
    if (shown.length < active.length)
        parts.push(more(active.length - shown.length, 'findings'), '');
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
function where(f) {
    return shortOrigin(f.origin);
}
/** Where built code came from (its source map) and the text around it, for a finding in a bundle or a page. */
function builtContext(f) {
    const { original, excerpt } = f;
    const source = original ? ` Source: ${codeSpan(`${original.file}:${original.line}:${original.column}`, false)}.` : '';
    return excerpt === undefined ? source : `${source} Excerpt: ${codeSpan(shorten(excerpt, MAX_EXCERPT), false)}`;
}
function row(f, rules, severity, why) {
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
function explanations(shown, rules) {
    const byRule = new Map();
    for (const f of shown)
        byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
    if (byRule.size === 0)
        return [];
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
            lines.push(`- ${codeSpan(where(f), false)} ${codeSpan(f.variable, false)} = ${codeSpan(f.value, false)}: ${escapeMarkdown(f.message)}${builtContext(f)}${otherFix}`);
        }
        lines.push('');
    }
    return lines;
}
function hiddenSection(shown, total, rules) {
    const table = shown.length > 0
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
function shortReason(f) {
    if (f.suppressed?.by === 'inline-comment') {
        return `suppressed by a comment at ${shortenStart(`${f.suppressed.file}:${f.suppressed.line}`, MAX_WHERE)}`;
    }
    if (f.suppressed)
        return 'suppressed by the ignore option';
    const by = f.shadowedBy;
    if (!by)
        return '';
    return `shadowed by ${by.kind === 'file' ? shortenStart(`${by.file}:${by.line}`, MAX_WHERE) : by.kind}`;
}
/** Failing and erring checks in view; all of them folded below. */
function checklist(checks) {
    const count = (status) => checks.filter((c) => c.status === status).length;
    const counts = Object.keys(CHECK_COUNTED)
        .filter((s) => count(s) > 0)
        .map((s) => `${count(s)} ${CHECK_COUNTED[s]}`);
    const line = (c) => {
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
function skippedFiles(report) {
    if (report.skipped.length === 0)
        return [];
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
function changesSection(changes) {
    if (!changes)
        return [];
    const { added, resolved, resolvedUnnamed } = changes;
    if (added.length + resolved.length + resolvedUnnamed === 0)
        return [];
    const lines = ['### Changes since the last run', ''];
    for (const f of added.slice(0, 20)) {
        lines.push(`- New: ${SEVERITY_ICON[f.severity]} ${codeSpan(f.rule, false)} ${codeSpan(f.variable, false)} at ${codeSpan(where(f), false)}`);
    }
    if (added.length > 20)
        lines.push(`- …and ${added.length - 20} more new`);
    for (const text of resolved.slice(0, 20))
        lines.push(`- Resolved: ${escapeMarkdown(text)}`);
    const unnamed = resolvedUnnamed + Math.max(0, resolved.length - 20);
    if (unnamed > 0)
        lines.push(`- …and ${unnamed} more resolved`);
    lines.push('');
    return lines;
}
function budget(options) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const maxChars = options.maxChars ?? Number.POSITIVE_INFINITY;
    return (text) => text.length <= maxChars && Buffer.byteLength(text, 'utf8') <= maxBytes;
}
/** Last resort when even the fixed parts do not fit: cut at a character boundary, and say so. */
function cut(text, options) {
    const note = '\n\n…output truncated (see the JSON report)\n';
    const maxChars = Math.min(options.maxChars ?? Number.POSITIVE_INFINITY, options.maxBytes ?? DEFAULT_MAX_BYTES);
    let out = text.slice(0, Math.max(0, maxChars - note.length));
    while (Buffer.byteLength(out + note, 'utf8') > (options.maxBytes ?? DEFAULT_MAX_BYTES))
        out = out.slice(0, -64);
    return out.replace(/\uFFFD+$/, '').replace(/[\uD800-\uDBFF]$/, '') + note;
}

export { codeSpan, escapeMarkdown, renderMarkdown };
