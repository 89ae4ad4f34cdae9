import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding } from '../../src/core/finding.js';
import type { Report } from '../../src/core/report.js';
import { runGate, type GateHooks } from '../../src/engine/run-gate.js';
import type { GateOptionsInput } from '../../src/engine/options.js';
import { hiddenReason, sortByLocation } from '../../src/reporters/format.js';
import { renderMarkdown } from '../../src/reporters/markdown.js';
import { buildComment } from '../../src/reporters/pr-comment.js';
import { RULE_METAS } from '../../src/rules/index.js';
import { globs } from '../../src/sources/glob.js';
import { ROOT } from '../helpers/shared-data.js';
import { DEV_HOST, publishableKey, secretKey } from '../helpers/keys.js';
import {
  browserVersion,
  closeBrowser,
  describeWithBrowser,
  GITHUB_COLUMN,
  renderInBrowser,
  type Rendered,
  type RenderedTable
} from '../render/render-in-browser.js';

/**
 * The job summary and the sticky pull-request comment as a reviewer sees them: rendered as GitHub renders markdown,
 * with GitHub's CSS, in headless Chromium, in GitHub's 1012 px column. Reports come from real runs of the gate
 * (offline) on the shipped example and on projects made to stress the layout: long paths, names and URLs; hostile
 * file names, variable names and values; 2,000 findings.
 *
 * UPDATE_DOCS=1 writes docs/pr-comment-example.md and docs/pr-comment-example.png from the shipped example's run;
 * otherwise the committed markdown must be what the current code renders (checked with or without a browser).
 */

const RUN_URL = 'https://github.com/acme/app/actions/runs/1';
const DOC_MD = path.join(ROOT, 'docs', 'pr-comment-example.md');
const DOC_PNG = path.join(ROOT, 'docs', 'pr-comment-example.png');
const UPDATE_COMMAND = 'UPDATE_DOCS=1 npm test -- __tests__/reporters/pr-comment.render.test.ts';
const DOC_HEADER =
  'The pull-request comment of `clerk-production-gate --offline examples/nextjs-app` (environment `production`), ' +
  `as the gate writes it; made by \`${UPDATE_COMMAND}\`, which also takes ` +
  '[the screenshot](pr-comment-example.png) at 1012 px. Do not edit by hand.';

/** What a gate's report may render to: markdown's own elements, and the folds. Anything else is injected markup. */
const ALLOWED_ELEMENTS = new Set(
  'h2 h3 p ul li table thead tbody tr th td code a strong em br details summary'.split(' ')
);
/** The only places a link may go: the rules' docs and the workflow run. */
const ALLOWED_LINK =
  /^https:\/\/github\.com\/(clerk-production-gate\/clerk-production-gate\/blob\/main\/docs\/|acme\/app\/actions\/runs\/)/;

/** What each case's reports look like in the browser; printed at the end. */
const measurements: string[] = [];

let scratch: string;

/** Writes `files` under a new directory of the scratch area and returns it. */
function project(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

async function gate(input: GateOptionsInput, hooks: GateHooks = {}): Promise<Report> {
  return (await runGate({ offline: true, ...input }, { collectSecrets: false, ...hooks })).report;
}

function shippedExample(): Promise<Report> {
  return gate({ cwd: ROOT, paths: ['examples/nextjs-app'] });
}

const LONG_APP = 'apps/some-very-long-application-name-for-the-enterprise-customer-portal/packages/config';
/** A 200-character development URL. */
const LONG_URL = `http://localhost:3000/${'very-long-path-segment/'.repeat(8)}`.slice(0, 200);
const LONG_NAME = 'NEXT_PUBLIC_CLERK_AFTER_SIGN_IN_FALLBACK_REDIRECT_URL_FOR_THE_ENTERPRISE_CUSTOMER_PORTAL_URL';

function monorepo(): Promise<Report> {
  const env = [
    `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}`,
    `CLERK_SECRET_KEY=${secretKey('test')}`,
    `${LONG_NAME}=${LONG_URL}`,
    `NEXT_PUBLIC_CLERK_SIGN_IN_URL=${LONG_URL}`,
    `NEXT_PUBLIC_CLERK_PROXY_URL=https://${DEV_HOST}/${'a'.repeat(150)}`
  ].join('\n');
  const cwd = project('monorepo', {
    [`${LONG_APP}/package.json`]: JSON.stringify({ dependencies: { next: '15.0.0' } }),
    [`${LONG_APP}/.env`]: env,
    [`${LONG_APP}/.env.production`]: env,
    [`${LONG_APP}/.env.production.example`]: env,
    [`${LONG_APP}/.env.development`]: env,
    'apps/b/.env.production': `${LONG_NAME.replace('URL_FOR', 'DOMAIN_FOR')}=${LONG_URL}\n`
  });
  return gate(
    {
      cwd,
      paths: ['apps/**/.env*'],
      varsJson: { label: 'vars-json', text: JSON.stringify({ [`${LONG_NAME}_${'X'.repeat(60)}_URL`]: LONG_URL }) }
    },
    { globs }
  );
}

/**
 * Markup, table breaks, links and emphasis wherever scanned input reaches a report. Dotenv names are limited to
 * [\w.-], so the hostile text is in directory names, dotenv values (no whitespace: a value with a space is no URL),
 * and the names and values of vars-json.
 */
// No `/` in a directory name: `</script>` cannot be one.
const HOSTILE_DIRS = ['x|<img src=x onerror=alert(1)>', '[a](javascript:alert(1))|`b`<svg onload=alert(1)> **@admin**'];
const HOSTILE_VALUE =
  'http://localhost:3000/<iframe/src=https://evil.example>|</td></tr></table>[x](javascript:alert(1))www.evil.example/**x**';
const HOSTILE_NAMES = [
  '<script>alert(1)</script>_CLERK_SECRET_KEY',
  'NEXT_PUBLIC_<img src=x>_CLERK_SECRET_KEY',
  'x|y](https://evil.example/)<b>@admin_CLERK_SIGN_IN_URL'
];

function hostile(): Promise<Report> {
  const [first = '', second = ''] = HOSTILE_DIRS;
  const cwd = project('hostile', {
    [`${first}/.env.production`]: [
      `CLERK_SECRET_KEY=${secretKey('test')}`,
      `NEXT_PUBLIC_CLERK_SIGN_IN_URL=${HOSTILE_VALUE}`,
      `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}`
    ].join('\n'),
    [`${second}/.env.production`]: `NEXT_PUBLIC_CLERK_SIGN_UP_URL=${HOSTILE_VALUE}\n`,
    [`${second}/.env`]: `NEXT_PUBLIC_CLERK_SIGN_UP_URL=http://localhost/x|<b>y</b>\n`
  });
  const [secretName = '', publicName = '', urlName = ''] = HOSTILE_NAMES;
  return gate(
    {
      cwd,
      paths: ['*/.env*'],
      varsJson: {
        label: 'vars-json',
        text: JSON.stringify({
          [secretName]: secretKey('test'),
          [publicName]: secretKey('live'),
          [urlName]: HOSTILE_VALUE
        })
      }
    },
    { globs }
  );
}

/** 40 apps of 50 local URLs each, with a development .env under each production file (shadowed findings). */
function thousands(): Promise<Report> {
  const files: Record<string, string> = {};
  for (let app = 0; app < 40; app++) {
    const dir = `apps/app-${String(app).padStart(2, '0')}`;
    files[`${dir}/.env.production`] = Array.from(
      { length: 50 },
      (_, i) => `NEXT_PUBLIC_CLERK_${String(i).padStart(2, '0')}_SIGN_IN_URL=http://localhost:${3000 + i}/sign-in`
    ).join('\n');
    files[`${dir}/.env`] = Array.from(
      { length: 5 },
      (_, i) => `NEXT_PUBLIC_CLERK_${String(i).padStart(2, '0')}_SIGN_IN_URL=http://127.0.0.1/sign-in`
    ).join('\n');
  }
  return gate({ cwd: project('thousands', files), paths: ['apps/*/.env*'] }, { globs });
}

function where(f: Finding): string {
  return f.origin.kind === 'file' ? `${f.origin.file}:${f.origin.line}` : f.origin.kind;
}

function summaryOf(report: Report): string {
  return renderMarkdown(report, RULE_METAS);
}

function commentOf(report: Report): string {
  return buildComment(report, RULE_METAS, { environment: 'production', runUrl: RUN_URL }).body;
}

/** The committed example: a header line, then the comment between prettier-ignore markers (prettier would align its tables). */
function exampleDoc(comment: string): string {
  return `${DOC_HEADER}\n\n<!-- prettier-ignore-start -->\n${comment}<!-- prettier-ignore-end -->\n`;
}

/**
 * The tallest a table row may be: three lines of text. GitHub's CSS sets 16 px text with a line height of 1.5
 * (24 px) and pads each cell 6 px above and below, inside 1 px borders: a row of one line measures 37 px, of two
 * 62 px, of three about 85 px, of four 109 px. The bound, 3 × 24 + 12 + 2 + 1 (rounding) = 87 px, is worked out from
 * the page's computed style, not assumed.
 */
function maxRowHeight(rendered: Rendered): number {
  const { lineHeight, cellPaddingY, cellBorderY } = rendered.metrics;
  return 3 * lineHeight + cellPaddingY + cellBorderY + 1;
}

/** The folded table of suppressed and shadowed findings: its last column says why. */
const isFoldedTable = (table: RenderedTable): boolean => table.columns.at(-1)?.text.trim() === 'Why';

function record(name: string, rendered: Rendered): void {
  const tables = rendered.tables.map((t) => {
    const tallest = Math.max(0, ...t.rows.map((r) => r.height));
    const columns = t.columns.map((c) => `${c.text.trim() || 'icon'} ${Math.round(c.width)}`).join(', ');
    return `width ${Math.round(t.width)}, scrollWidth ${t.scrollWidth}, ${t.rows.length} rows, tallest row ${tallest} px (columns: ${columns})`;
  });
  const { lineHeight, cellPaddingY, cellBorderY } = rendered.metrics;
  const metrics = `line ${lineHeight} px, cell padding ${cellPaddingY} px, borders ${cellBorderY} px: rows up to ${maxRowHeight(rendered)} px`;
  measurements.push(`${name} (${metrics}): ${tables.map((t) => `\n    ${t}`).join('')}`);
}

/** No table wider than the column, and no row taller than three lines. */
function expectFits(at: string, table: RenderedTable, bound: number): void {
  expect([at, 'scrollWidth', table.scrollWidth]).toEqual([
    at,
    'scrollWidth',
    Math.min(table.scrollWidth, GITHUB_COLUMN)
  ]);
  expect([at, 'width', table.width <= GITHUB_COLUMN]).toEqual([at, 'width', true]);
  const tall = table.rows.flatMap((r, i) => (r.height > bound ? [`row ${i + 1}: ${r.height} px > ${bound} px`] : []));
  expect([at, tall]).toEqual([at, []]);
}

/** Everything a reviewer must be able to trust in the rendered page; `except` tables are not held to the width. */
function expectSound(name: string, rendered: Rendered, except: (table: RenderedTable) => boolean): void {
  expect([name, rendered.columnWidth]).toEqual([name, GITHUB_COLUMN]);
  expect([name, rendered.rawHtml]).toEqual([name, []]);
  expect([name, rendered.elements.filter((e) => !ALLOWED_ELEMENTS.has(e))]).toEqual([name, []]);
  expect([name, rendered.links.filter((l) => !ALLOWED_LINK.test(l.href))]).toEqual([name, []]);
  expect([name, rendered.mentions]).toEqual([name, []]);
  expect(rendered.tables.length).toBeGreaterThan(0);
  for (const [t, table] of rendered.tables.entries()) {
    const at = `${name}, table ${t + 1}`;
    if (!except(table)) expectFits(at, table, maxRowHeight(rendered));
    const broken = table.rows.flatMap((r, i) =>
      r.cells !== table.headerCells ? [`row ${i + 1}: ${r.cells} cells`] : []
    );
    expect([at, table.headerCells, broken]).toEqual([at, table.headerCells, []]);
  }
}

/** The cell shows `full`, or `full` with a middle or start cut out at one `…` (as the table shortens it). */
function shows(cell: string, full: string): boolean {
  if (cell === full) return true;
  for (let at = cell.indexOf('…'); at !== -1; at = cell.indexOf('…', at + 1)) {
    const head = cell.slice(0, at);
    const tail = cell.slice(at + 1);
    if (full.length > cell.length - 1 && full.startsWith(head) && full.endsWith(tail)) return true;
  }
  return false;
}

/** A folded finding's reason, its path shortened as the Where cells are: `shadowed by …/app/.env.production:2`. */
function showsReason(cell: string, f: Finding): boolean {
  const by = f.shadowedBy;
  if (by) return shows(cell, `shadowed by ${by.kind === 'file' ? `${by.file}:${by.line}` : by.kind}`);
  if (f.suppressed?.by === 'inline-comment') {
    return shows(cell, `suppressed by a comment at ${f.suppressed.file}:${f.suppressed.line}`);
  }
  return cell === 'suppressed by the ignore option';
}

/** Text as a reader sees it: zero-width spaces (which keep GitHub from finding an @mention) are not seen. */
const visible = (text: string): string => text.replaceAll('\u200b', '');

const ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' } as const;

/**
 * No cell broken or shifted: the findings table's rows show the active findings in report order, the folded table's
 * the suppressed and shadowed ones by location with their reason, each in its own column.
 */
function expectCellsMatch(name: string, rendered: Rendered, report: Report): void {
  const active = report.findings.filter((f) => hiddenReason(f) === undefined);
  const hidden = sortByLocation(report.findings.filter((f) => hiddenReason(f) !== undefined));
  const main = rendered.tables.filter((t) => !isFoldedTable(t));
  const folded = rendered.tables.filter(isFoldedTable);
  expect([name, main.length, folded.length <= 1]).toEqual([name, 1, true]);
  for (const [table, findings, icon] of [
    [main[0], active, (f: Finding) => ICON[f.severity]],
    [folded[0], hidden, () => ICON.notice]
  ] as const) {
    if (!table) continue;
    const isMain = table === main[0];
    expect(table.columns.map((c) => c.text.trim())).toEqual([
      '',
      'Rule',
      'Variable',
      'Where',
      isMain ? 'Value' : 'Why'
    ]);
    const wrong = table.rows.flatMap((row, i) => {
      const f = findings[i];
      const [severity, rule, variable, at, last] = row.texts;
      const right =
        f !== undefined &&
        severity === icon(f) &&
        rule === f.rule &&
        shows(variable ?? '', f.variable) &&
        shows(at ?? '', where(f)) &&
        (isMain ? shows(last ?? '', f.value) : showsReason(visible(last ?? ''), f));
      return right ? [] : [`row ${i + 1}: ${JSON.stringify(row.texts)}`];
    });
    expect([name, wrong]).toEqual([name, []]);
  }
}

const CASES = {
  'the shipped example': shippedExample,
  'a monorepo with long paths, names and URLs': monorepo,
  'a hostile project': hostile,
  '2,000 findings': thousands
} as const;
type CaseName = keyof typeof CASES;
type Kind = 'summary' | 'comment';

describeWithBrowser('the job summary and the pull-request comment in Chromium, at GitHub’s 1012 px', () => {
  const reports = new Map<CaseName, Report>();
  const renders = new Map<string, Promise<Rendered>>();
  const started = Date.now();

  /** Each case's job summary or comment, rendered once. */
  function rendered(name: CaseName, kind: Kind): Promise<Rendered> {
    const key = `${name} (${kind})`;
    let render = renders.get(key);
    if (!render) {
      const report = reports.get(name) as Report;
      render = renderInBrowser(kind === 'summary' ? summaryOf(report) : commentOf(report), {
        width: GITHUB_COLUMN,
        kind
      });
      renders.set(key, render);
    }
    return render;
  }

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'cpg-render-'));
    for (const [name, make] of Object.entries(CASES)) reports.set(name as CaseName, await make());
  }, 60_000);

  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    const version = await browserVersion().catch(() => 'unknown');
    for (const render of renders.values()) await (await render).close();
    await closeBrowser();
    process.stderr.write(
      `Chromium ${version} at ${GITHUB_COLUMN} px, ${Date.now() - started} ms:\n${measurements.map((m) => `  ${m}`).join('\n')}\n`
    );
  });

  for (const name of Object.keys(CASES) as CaseName[]) {
    for (const kind of ['summary', 'comment'] as const) {
      const what = `${name}: the ${kind === 'summary' ? 'job summary' : 'comment'}`;
      it(`${what} fits the column, folded tables included, with no raw HTML and no broken row`, async () => {
        const page = await rendered(name, kind);
        record(`${name} (${kind})`, page);
        expectSound(`${name} (${kind})`, page, () => false);
        expectCellsMatch(`${name} (${kind})`, page, reports.get(name) as Report);
      }, 60_000);
    }
  }

  it('sees what it must catch: raw HTML, links elsewhere, a mention, a table too wide, a row too tall', async () => {
    const markdown = [
      '<img src=x onerror=alert(1)> [a](javascript:alert(1)) <a href="javascript:alert(1)">b</a> www.evil.example',
      '\\@admin `@not-in-code` a@b',
      '',
      '| a | b |',
      '|---|---|',
      `| \`${'x'.repeat(300)}\` | y |`,
      `| ${'word '.repeat(300)} | z |`,
      ''
    ].join('\n');
    const page = await renderInBrowser(markdown, { width: GITHUB_COLUMN, kind: 'comment' });
    try {
      expect(page.rawHtml).toEqual(['<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">', '</a>']);
      expect(page.elements).toEqual(expect.arrayContaining(['img', 'a']));
      expect(page.links.map((l) => l.href)).toEqual(['javascript:alert(1)', 'http://www.evil.example']);
      expect(page.mentions).toEqual(['@admin']);
      const [table] = page.tables;
      expect(table?.scrollWidth).toBeGreaterThan(GITHUB_COLUMN);
      expect(table?.rows[1]?.height).toBeGreaterThan(maxRowHeight(page));
    } finally {
      await page.close();
    }
  }, 60_000);

  it('shows hostile directory names, variable names and values as text, literally', async () => {
    const report = reports.get('a hostile project') as Report;
    // Every active finding's variable, value and location, in full (the list under "What to fix").
    const shown = report.findings.filter((f) => !f.suppressed && !f.shadowedBy);
    const texts = [...HOSTILE_DIRS, ...HOSTILE_NAMES, ...shown.flatMap((f) => [f.variable, f.value, where(f)])];
    for (const kind of ['summary', 'comment'] as const) {
      const page = await rendered('a hostile project', kind);
      for (const text of texts) expect([kind, text, visible(page.text).includes(text)]).toEqual([kind, text, true]);
      expect(visible(page.text)).toContain(
        '<iframe/src=https://evil.example>|</td></tr></table>[x](javascript:alert(1))'
      );
      expect(page.links.map((l) => l.href).join(' ')).not.toMatch(/evil|javascript/);
    }
  }, 60_000);

  if (process.env.UPDATE_DOCS === '1') {
    it("UPDATE_DOCS=1: takes docs/pr-comment-example.png, the shipped example's comment at 1012 px", async () => {
      await (await rendered('the shipped example', 'comment')).screenshot(DOC_PNG);
    }, 60_000);
  }
});

describe('docs/pr-comment-example.md', () => {
  it(`is the comment the current code writes for the shipped example (${UPDATE_COMMAND} rewrites it)`, async () => {
    const expected = exampleDoc(commentOf(await shippedExample()));
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC_MD, expected);
    expect(readFileSync(DOC_MD, 'utf8')).toBe(expected);
  });
});
