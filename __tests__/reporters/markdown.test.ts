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
  text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Severity'));

describe('renderMarkdown', () => {
  it('opens with a heading carrying the verdict emoji, then the environment and summary', () => {
    expect(
      md.startsWith(
        '## ❌ Clerk production gate: failed\n\nEnvironment `production` · 3 errors, 1 warning, 1 notice (2 suppressed)\n'
      )
    ).toBe(true);
    const passed = renderMarkdown(makeReport([]), rules, { heading: 'Gate <b>' });
    expect(passed.startsWith('## ✅ Gate \\<b\\>: passed\n')).toBe(true);
    expect(passed).toContain('No active findings.');
    expect(passed).not.toContain('<details>');
  });

  it('lists every check with its status', () => {
    expect(md).toContain('- ❌ fail: **Development secret key in production** (`dev-secret-key`) — 2 findings\n');
    expect(md).toContain('- ✅ pass: **Development URL** (`dev-url`)\n');
    expect(md).toContain('- ⏭️ skipped: **Frontend API reachable** (`frontend-api`) — offline mode\n');
    expect(md).toContain('- ⚠️ error: **Instance is production** (`instance`) — request timed out\n');
  });

  it('has a findings table of active findings with a docs link, code spans and the fix', () => {
    const main = md.slice(0, md.indexOf('<details>'));
    expect(main).toContain(
      '| Severity | Rule | Variable | Location | Value | Message | Fix |\n|---|---|---|---|---|---|---|\n'
    );
    const rows = tableRows(main);
    expect(rows).toHaveLength(4);
    expect(cells(rows[1]!)).toEqual([
      '❌ error',
      '[dev\\-secret\\-key](https://example.test/docs/rules.md#dev-secret-key)',
      '`CLERK_SECRET_KEY`',
      '`.env.production:3:1`',
      '`sk_test_…WXYZ`',
      'CLERK\\_SECRET\\_KEY holds a development secret key\\.',
      'Use the production secret key.'
    ]);
    expect(cells(rows[2]!).slice(0, 4)).toEqual([
      '⚠️ warning',
      '[dev\\-url](https://example.test/docs/rules.md#dev-url)',
      '`CLERK_SIGN_IN_URL`',
      '`secrets`'
    ]);
  });

  it('puts suppressed and shadowed findings in a collapsed details section', () => {
    const details = md.slice(md.indexOf('<details>'));
    expect(
      details.startsWith(
        '<details>\n<summary>Suppressed and shadowed findings (3)</summary>\n\n| Severity | Rule | Variable | Location | Value | Why |'
      )
    ).toBe(true);
    expect(details.trimEnd().endsWith('</details>')).toBe(true);
    const why = tableRows(details).map((row) => cells(row).at(-1));
    expect(why).toEqual([
      'suppressed by an inline comment at \\.env\\:3',
      'suppressed by the ignore option',
      'shadowed by secrets'
    ]);
  });

  it('links a rule only when its docs are an http(s) URL', () => {
    const out = renderMarkdown(makeReport([makeFinding({ rule: 'unknown-rule' })]), rules);
    expect(cells(tableRows(out)[0]!)[1]).toBe('unknown\\-rule');
  });
});

describe('escaping', () => {
  const out = renderMarkdown(makeReport([hostileFinding()]), rules);
  const row = tableRows(out)[0]!;

  it('keeps a hostile row to its seven cells', () => {
    expect(cells(row)).toHaveLength(7);
    expect(tableRows(out)).toHaveLength(1);
  });

  it('lets no HTML tag, link or emphasis through', () => {
    const [, , variable, location, value, message, fix] = cells(row);
    // Outside code spans (where text is literal) no markup survives.
    const prose = out.replace(variable!, '').replace(location!, '').replace(value!, '');
    for (const tag of ['<script>', '<img', '<b>', '<i>', '](https://evil.test)', '**bold**'])
      expect(prose).not.toContain(tag);
    expect(message).toBe(
      'Bad \\[link\\]\\(https\\:\\/\\/evil\\.test\\) \\*\\*bold\\*\\* \\<b\\>html\\<\\/b\\> \\| pipe new row'
    );
    // Fix texts come from the rules, not from scanned input: their code spans stay, only `|` is escaped.
    expect(fix).toBe('Use `pk_live_…` \\| not the test key');
    // Code spans: fence longer than any backtick run inside, pipes escaped for the table.
    expect(variable).toBe('`` EVIL\\|<script>alert(1)</script>`x` ``');
    expect(location).toBe('``dir\\|x/<img src=x onerror=alert(1)>`.env:2:5``');
    expect(value).toBe('``sk_live_…`\\|<b``');
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

describe('size limit', () => {
  it('truncates 50,000 findings under the default 1,000,000 bytes and says how many were left out', () => {
    const report = makeReport(manyFindings(50_000));
    const out = renderMarkdown(report, rules);
    expect(bytes(out)).toBeLessThanOrEqual(1_000_000);
    const shown = tableRows(out).length;
    expect(shown).toBeGreaterThan(1000);
    expect(out).toContain(`\n…and ${50_000 - shown} more findings (see the JSON report)\n`);
  });

  it('gives active findings the room first, then truncates the details section with its own count', () => {
    const report = makeReport([...manyFindings(10), ...manyFindings(2_000, { suppressed: { by: 'ignore-option' } })]);
    const out = renderMarkdown(report, rules, { maxBytes: 100_000 });
    expect(bytes(out)).toBeLessThanOrEqual(100_000);
    const [main, details] = out.split('<details>') as [string, string];
    expect(tableRows(main)).toHaveLength(10);
    expect(main).not.toContain('more findings');
    const detailsShown = tableRows(details).length;
    expect(detailsShown).toBeGreaterThan(100);
    expect(detailsShown).toBeLessThan(2_000);
    expect(details).toContain(`\n…and ${2_000 - detailsShown} more findings (see the JSON report)\n\n</details>`);
  });

  it('keeps everything when it fits, and stays within a tiny limit', () => {
    expect(renderMarkdown(makeReport(manyFindings(20)), rules)).not.toContain('more findings');
    for (const maxBytes of [100, 1_000, 5_000]) {
      expect(bytes(renderMarkdown(makeReport(manyFindings(100)), rules, { maxBytes }))).toBeLessThanOrEqual(maxBytes);
    }
  });
});
