import { describe, expect, it } from '@jest/globals';
import { codeSpan, escapeMarkdown, renderMarkdown } from '../../src/reporters/markdown.js';
import { hostileFinding, makeFinding, makeReport, manyFindings, sampleRules } from '../helpers/sample-report.js';

const rules = sampleRules();
const md = renderMarkdown(makeReport(), rules);
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Cells of a GFM table row: a `|` directly after a backslash is part of the cell (cmark-gfm's rule). */
function cells(row: string): string[] {
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '|' && row[i - 1] !== '\\') {
      out.push(cell);
      cell = '';
    } else cell += row[i];
  }
  out.push(cell);
  return out.slice(1, -1).map((c) => c.trim());
}

const tableRows = (text: string): string[] =>
  text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| | Rule'));
const section = (text: string, heading: string): string => {
  const start = text.indexOf(heading);
  const next = text.indexOf('\n### ', start + heading.length);
  return start === -1 ? '' : text.slice(start, next === -1 ? undefined : next);
};

describe('renderMarkdown', () => {
  it('opens with the verdict, then the environment and summary, then the checks', () => {
    expect(
      md.startsWith(
        '## ❌ Clerk production gate: failed\n\nEnvironment `production` · 3 errors, 1 warning, 1 notice (2 suppressed)\n\n### Checks: 1 failed, 1 erred, 1 passed, 1 skipped\n'
      )
    ).toBe(true);
    const passed = renderMarkdown(makeReport([]), rules, { heading: 'Gate <b>' });
    expect(passed.startsWith('## ✅ Gate \\<b\\>: passed\n')).toBe(true);
    expect(passed).toContain('No active findings.');
    expect(passed).not.toContain('Suppressed and shadowed');
  });

  it('shows failing and erring checks in view, and every check folded', () => {
    const checks = section(md, '### Checks');
    const [inView, folded] = checks.split('<details>') as [string, string];
    expect(inView).toContain('- ❌ **Development secret key in production** (`dev-secret-key`) — 2 findings\n');
    expect(inView).toContain('- ⚠️ **Instance is production** (`instance`) — request timed out\n');
    expect(inView).not.toContain('Development URL');
    expect(folded).toContain('- ✅ **Development URL** (`dev-url`)\n');
    expect(folded).toContain('- ⏭️ **Frontend API reachable** (`frontend-api`) — offline mode\n');
  });

  it('has a compact five-column table of active findings, most severe first, with docs links', () => {
    const findings = section(md, '### Findings');
    expect(findings).toContain('| | Rule | Variable | Where | Value |\n|---|---|---|---|---|\n');
    const rows = tableRows(findings.split('<details>')[0] ?? '');
    expect(rows.map((r) => cells(r).length)).toEqual([5, 5, 5, 5]);
    expect(cells(rows[0]!)).toEqual([
      '❌',
      '[dev\\-secret\\-key](https://example.test/docs/rules.md#dev-secret-key)',
      '`CLERK_SECRET_KEY`',
      '`.env.production:3`',
      '`sk_test_…WXYZ`'
    ]);
    expect(cells(rows[2]!).slice(0, 4)).toEqual([
      '⚠️',
      '[dev\\-url](https://example.test/docs/rules.md#dev-url)',
      '`CLERK_SIGN_IN_URL`',
      '`secrets`'
    ]);
  });

  it("gives each rule's explanation and fix once, with its findings' messages in full", () => {
    const many = section(renderMarkdown(makeReport(manyFindings(30)), rules), '### What to fix');
    // 30 findings of three rules: three explanations and fixes, thirty finding lines.
    expect(many.match(/\*\*Fix:\*\*/g)).toHaveLength(3);
    expect(many.match(/^- `\.env:\d+` `VAR_\d+`/gm)).toHaveLength(30);
    const fix = section(md, '### What to fix');
    expect(fix).toContain(
      '**[dev\\-secret\\-key](https://example.test/docs/rules.md#dev-secret-key): Development secret key in production.**'
    );
    expect(fix).toContain(
      '- `.env.production:3` `CLERK_SECRET_KEY` = `sk_test_…WXYZ`: CLERK\\_SECRET\\_KEY holds a development secret key\\.'
    );
  });

  it('shortens long cells in the table and keeps the full value in the finding line', () => {
    const url = `http://localhost:3000/${'very-long-path/'.repeat(8)}sign-in`;
    const out = renderMarkdown(
      makeReport([
        makeFinding({
          rule: 'dev-url',
          variable: 'NEXT_PUBLIC_CLERK_SIGN_IN_FALLBACK_REDIRECT_URL',
          value: url,
          origin: { kind: 'file', file: 'apps/some/deeply/nested/app/.env.production', line: 3, column: 1 }
        })
      ]),
      rules
    );
    const [, , variable, where, value] = cells(tableRows(out)[0]!);
    for (const cell of [variable, where, value]) expect(cell!.length).toBeLessThanOrEqual(34);
    expect(where).toBe('`…/nested/app/.env.production:3`');
    expect(section(out, '### What to fix')).toContain(`\`${url}\``);
  });

  it('puts suppressed and shadowed findings in a folded section with the reason', () => {
    const details = md.slice(md.lastIndexOf('<details>'));
    expect(
      details.startsWith(
        '<details>\n<summary>Suppressed and shadowed findings (3)</summary>\n\n| | Rule | Variable | Where | Why |'
      )
    ).toBe(true);
    expect(tableRows(details).map((row) => cells(row).at(-1))).toEqual([
      'suppressed by a comment at \\.env\\:3',
      'suppressed by the ignore option',
      'shadowed by secrets'
    ]);
  });

  it('ends with the changes since the last run and a link to the workflow run', () => {
    const out = renderMarkdown(makeReport(), rules, {
      runUrl: 'https://github.com/o/r/actions/runs/7',
      changes: {
        added: [makeFinding({ rule: 'dev-url', variable: 'CLERK_DOMAIN' })],
        resolved: ['missing-key CLERK_SECRET_KEY at .env:2'],
        resolvedUnnamed: 3
      }
    });
    expect(out.trimEnd().endsWith('[Workflow run](https://github.com/o/r/actions/runs/7)')).toBe(true);
    const changes = section(out, '### Changes since the last run');
    expect(changes).toContain('- New: ❌ `dev-url` `CLERK_DOMAIN` at `.env.production:1`');
    expect(changes).toContain('- Resolved: missing\\-key CLERK\\_SECRET\\_KEY at \\.env\\:2');
    expect(changes).toContain('- …and 3 more resolved');
  });

  it('links a rule only when its docs are an http(s) URL', () => {
    const out = renderMarkdown(makeReport([makeFinding({ rule: 'unknown-rule' })]), rules);
    expect(cells(tableRows(out)[0]!)[1]).toBe('unknown\\-rule');
  });
});

describe('escaping', () => {
  const out = renderMarkdown(makeReport([hostileFinding()]), rules);
  const row = tableRows(out)[0]!;

  it('keeps a hostile row to its five cells', () => {
    expect(cells(row)).toHaveLength(5);
    expect(tableRows(out)).toHaveLength(1);
  });

  it('lets no HTML tag, link or emphasis through outside code spans', () => {
    const prose = out.replace(/(`+)[\s\S]*?\1/g, '');
    for (const tag of ['<script>', '<img', '<b>', '](https://evil.test)', '**bold**']) expect(prose).not.toContain(tag);
    expect(out).toContain(
      'Bad \\[link\\]\\(https\\:\\/\\/evil\\.test\\) \\*\\*bold\\*\\* \\<b\\>html\\<\\/b\\> \\| pipe new row'
    );
    // Fix texts come from the rules, not from scanned input: their code spans stay.
    expect(out).toContain('**Fix:** Use `pk_live_…` \\| not the test key');
  });

  it('makes each code cell exactly one code span: inner backtick runs are shorter than the fence', () => {
    for (const cell of cells(row).slice(2, 5)) {
      const fence = /^`+/.exec(cell)![0];
      expect(cell.endsWith(fence)).toBe(true);
      const inner = cell.slice(fence.length, -fence.length);
      expect((inner.match(/`+/g) ?? []).every((run) => run.length < fence.length)).toBe(true);
    }
  });

  it('escapes every ASCII punctuation character in text and folds newlines', () => {
    expect(escapeMarkdown('a|b\n<c>&`d`\\')).toBe('a\\|b \\<c\\>\\&\\`d\\`\\\\');
  });

  it('builds code spans around backtick runs and edges', () => {
    expect(codeSpan('plain')).toBe('`plain`');
    expect(codeSpan('a``b')).toBe('```a``b```');
    expect(codeSpan('`edge')).toBe('`` `edge ``');
    expect(codeSpan('a|b')).toBe('`a\\|b`');
    expect(codeSpan('a|b', false)).toBe('`a|b`');
    expect(codeSpan('')).toBe('');
  });
});

describe('size limits', () => {
  it('keeps 50,000 findings under the default 1,000,000 bytes, the most severe first, and says how many were left out', () => {
    const report = makeReport([...manyFindings(49_000, { severity: 'warning' }), ...manyFindings(1_000)]);
    report.findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    const out = renderMarkdown(report, rules, { fullReport: 'the job summary' });
    expect(bytes(out)).toBeLessThanOrEqual(1_000_000);
    const shown = tableRows(section(out, '### Findings')).length;
    expect(shown).toBeGreaterThan(1000);
    expect(
      tableRows(section(out, '### Findings'))
        .slice(0, 1000)
        .every((r) => r.startsWith('| ❌'))
    ).toBe(true);
    expect(out).toContain(`\n…and ${50_000 - shown} more findings, left out for length: see the job summary.\n`);
  });

  it('keeps a comment under 65,536 characters with 2,000 findings', () => {
    const out = renderMarkdown(makeReport(manyFindings(2_000)), rules, { maxChars: 65_536 });
    expect(out.length).toBeLessThanOrEqual(65_536);
    expect(out).toMatch(/…and \d+ more findings, left out for length/);
  });

  it('lets suppressed and shadowed findings give way first, with their own count', () => {
    const report = makeReport([...manyFindings(10), ...manyFindings(2_000, { suppressed: { by: 'ignore-option' } })]);
    const out = renderMarkdown(report, rules, { maxBytes: 100_000 });
    expect(bytes(out)).toBeLessThanOrEqual(100_000);
    const [main, details] = [
      section(out, '### Findings').split('<details>')[0] ?? '',
      out.slice(out.lastIndexOf('<details>'))
    ];
    expect(tableRows(main)).toHaveLength(10);
    expect(main).not.toContain('more findings');
    const detailsShown = tableRows(details).length;
    expect(detailsShown).toBeGreaterThan(100);
    expect(detailsShown).toBeLessThan(2_000);
    expect(details).toContain(`…and ${2_000 - detailsShown} more suppressed or shadowed findings, left out for length`);
  });

  it('keeps everything when it fits, and stays within a tiny limit', () => {
    expect(renderMarkdown(makeReport(manyFindings(20)), rules)).not.toContain('left out for length');
    for (const maxBytes of [100, 1_000, 5_000]) {
      expect(bytes(renderMarkdown(makeReport(manyFindings(100)), rules, { maxBytes }))).toBeLessThanOrEqual(maxBytes);
    }
  });
});
