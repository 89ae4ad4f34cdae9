import { describe, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import markdownIt, { type MarkdownIt } from 'markdown-it';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Markdown rendered the way GitHub renders a comment or a job summary, shown in headless Chromium with GitHub's
 * markdown CSS in GitHub's 1012 px column, and measured there: what a reviewer sees.
 *
 * The browser is the system's (Debian's `chromium` package, `/usr/bin/chromium`), driven by playwright-core through
 * `executablePath`: nothing is downloaded.
 */

/** Debian's Chromium; another path with CLERK_GATE_CHROMIUM. */
export const CHROMIUM = process.env.CLERK_GATE_CHROMIUM ?? '/usr/bin/chromium';
/** Set to 1 (as `.ci/run` does) to make a missing browser fail the tests that need it instead of skipping them. */
export const REQUIRE_BROWSER_VARIABLE = 'CLERK_GATE_REQUIRE_BROWSER';
/** The width of GitHub's comment and job-summary column, in CSS pixels. */
export const GITHUB_COLUMN = 1012;

/**
 * `describe(title, body)` when Chromium is installed. Otherwise one skipped test and one line on standard error
 * saying so, or, with CLERK_GATE_REQUIRE_BROWSER=1, one failing test.
 */
export function describeWithBrowser(title: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(title, body);
    return;
  }
  if (process.env[REQUIRE_BROWSER_VARIABLE] === '1') {
    describe(title, () => {
      it(`needs ${CHROMIUM}`, () => {
        throw new Error(
          `${CHROMIUM} is missing, and ${REQUIRE_BROWSER_VARIABLE}=1 requires it (apt-get install chromium)`
        );
      });
    });
    return;
  }
  process.stderr.write(`skipped "${title}": needs ${CHROMIUM} (apt-get install chromium)\n`);
  describe(title, () => {
    it.skip(`needs ${CHROMIUM} (apt-get install chromium): skipped`, () => {});
  });
}

/**
 * GitHub's renderer as far as the gate's output can tell: CommonMark with GFM tables and autolinks, raw HTML passed
 * through (GitHub allows some, such as `<details>`; HTML comments render as nothing). GFM autolinks `www.` hosts and
 * `scheme://` URLs but not a bare `example.com`, so linkify-it's fuzzy links are kept only when they start `www.`
 * (or are e-mail addresses).
 * An escaped character (`www\.evil\.com`) breaks a host, in GFM and here alike.
 */
function githubMarkdown(hardBreaks: boolean): MarkdownIt {
  const md = markdownIt({ html: true, linkify: true, breaks: hardBreaks });
  md.linkify.set({ fuzzyLink: true, fuzzyEmail: true });
  // GFM takes any top-level domain; linkify-it knows a list. Add the ones reports and tests name.
  md.linkify.tlds(['app', 'dev', 'example', 'internal', 'local', 'localhost', 'test'], true);
  const match = md.linkify.match.bind(md.linkify);
  md.linkify.match = (text: string) =>
    (match(text) ?? []).filter((link) => link.schema !== '' || /^www\./i.test(link.raw));
  return md;
}

/** GitHub comments keep single newlines as line breaks; files and job summaries do not. */
const RENDERERS = { comment: githubMarkdown(true), summary: githubMarkdown(false) };

/** The raw HTML a gate's report may carry: folds, and the comment's hidden marker. */
const EXPECTED_RAW_HTML = /^(<details>|<\/details>|<summary>[^<>]*<\/summary>|<!--[\s\S]*?-->)$/;

const require = createRequire(import.meta.url);
const GITHUB_CSS = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');

export interface RenderOptions {
  /** The `.markdown-body` column, in CSS pixels. */
  width?: number;
  /** A pull-request comment (single newlines are line breaks) or a job summary. */
  kind?: 'comment' | 'summary';
}

export interface RenderedRow {
  height: number;
  cells: number;
  /** Each cell's text. */
  texts: string[];
}

export interface RenderedTable {
  /** The table's box: GitHub's CSS caps it at the column's width (it scrolls past that). */
  width: number;
  /** The width of its content: past the box's width, the reviewer has to scroll sideways. */
  scrollWidth: number;
  headerCells: number;
  /** The header's text and width of each column. */
  columns: { text: string; width: number }[];
  /** Body rows (the header row not included). */
  rows: RenderedRow[];
}

export interface Rendered {
  html: string;
  /** Raw HTML that the markdown passed through, other than `<details>`, `<summary>` and HTML comments. */
  rawHtml: string[];
  /** The element names under `.markdown-body`, once each, sorted. */
  elements: string[];
  links: { href: string; text: string }[];
  /** `@name`s in text outside code and links: GitHub would make each a mention, and notify that user or team. */
  mentions: string[];
  /** `.markdown-body`'s text with every fold open. */
  text: string;
  /** The column's rendered width, to check the page laid it out as asked. */
  columnWidth: number;
  /** The computed line height of body text and the vertical padding and border of a table cell, in pixels. */
  metrics: { lineHeight: number; cellPaddingY: number; cellBorderY: number };
  tables: RenderedTable[];
  /** A full-page PNG, folds closed as a reviewer first sees them. */
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
}

let browser: Promise<Browser> | undefined;

/** The one browser of this test file, started on first use. */
function launch(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Root in a container, no network but the registries: no sandbox, no GPU, nothing fetched in the background.
    // Playwright gives the browser a fresh profile directory of its own (--user-data-dir) and removes it on close.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  });
  return browser;
}

/** Closes the browser, if one was started. */
export async function closeBrowser(): Promise<void> {
  const started = browser;
  browser = undefined;
  if (started) await (await started).close();
}

/** The version of the browser these measurements come from. */
export async function browserVersion(): Promise<string> {
  return (await launch()).version();
}

/**
 * Renders `markdown` as GitHub would, in a `.markdown-body` column `width` pixels wide with GitHub's light theme,
 * and measures it with every `<details>` open. The page runs no script and loads nothing: JavaScript is off, a
 * Content-Security-Policy forbids every load, and any request is aborted. Raw HTML is left in, as GitHub leaves
 * what it allows, so that markup the gate should never write shows up in `rawHtml` and `elements`.
 */
export async function renderInBrowser(markdown: string, options: RenderOptions = {}): Promise<Rendered> {
  const width = options.width ?? GITHUB_COLUMN;
  const md = RENDERERS[options.kind ?? 'comment'];
  const html = md.render(markdown);
  const rawHtml = md
    .parse(markdown, {})
    .flatMap((token) => (token.type === 'inline' ? (token.children ?? []) : [token]))
    .filter((token) => token.type === 'html_block' || token.type === 'html_inline')
    .flatMap((token) => token.content.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !EXPECTED_RAW_HTML.test(line));

  const context = await (
    await launch()
  ).newContext({
    javaScriptEnabled: false,
    viewport: { width: width + 32, height: 800 },
    deviceScaleFactor: 1,
    colorScheme: 'light'
  });
  const page = await context.newPage();
  await page.route('**/*', (route) => route.abort());
  await page.setContent(
    [
      '<!doctype html><html><head><meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
      `<style>${GITHUB_CSS}</style>`,
      '<style>body { margin: 0; padding: 16px; background: #fff; }',
      `.markdown-body { box-sizing: border-box; width: ${width}px; }</style>`,
      `</head><body><article class="markdown-body">${html}</article></body></html>`
    ].join('\n'),
    { waitUntil: 'load' }
  );
  const measured = await measure(page);
  return {
    html,
    rawHtml,
    ...measured,
    async screenshot(file: string) {
      await page.evaluate(CLOSE_FOLDS);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
    },
    async close() {
      await context.close();
    }
  };
}

type Measured = Omit<Rendered, 'html' | 'rawHtml' | 'screenshot' | 'close'>;

/**
 * Runs in the page (plain JavaScript: the project's TypeScript has no DOM types). Opens every fold, then measures
 * each table's box and content width, each column's width and each body row's height and cells.
 */
const MEASURE = `(() => {
  const body = document.querySelector('.markdown-body');
  for (const details of body.querySelectorAll('details')) details.setAttribute('open', '');
  const px = (value) => Number.parseFloat(value) || 0;
  const mentions = (root) => {
    const found = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('code, pre, a')) continue;
      for (const match of node.data.matchAll(/(?:^|[^\\w/\`])(@[A-Za-z0-9][\\w-]*)/g)) found.push(match[1]);
    }
    return found;
  };
  const cell = getComputedStyle(body.querySelector('td') ?? body);
  const tables = [...body.querySelectorAll('table')].map((table) => {
    const header = table.tHead ? table.tHead.rows[0] : undefined;
    const rows = [...table.tBodies].flatMap((tbody) => [...tbody.rows]);
    return {
      width: table.getBoundingClientRect().width,
      scrollWidth: table.scrollWidth,
      headerCells: header ? header.cells.length : 0,
      columns: [...(header ? header.cells : [])].map((th) => ({
        text: th.textContent,
        width: th.getBoundingClientRect().width
      })),
      rows: rows.map((row) => ({
        height: row.getBoundingClientRect().height,
        cells: row.cells.length,
        texts: [...row.cells].map((cell) => cell.textContent)
      }))
    };
  });
  return {
    elements: [...new Set([...body.querySelectorAll('*')].map((element) => element.localName))].sort(),
    links: [...body.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent })),
    mentions: mentions(body),
    text: body.textContent,
    columnWidth: body.getBoundingClientRect().width,
    metrics: {
      lineHeight: px(getComputedStyle(body).lineHeight),
      cellPaddingY: px(cell.paddingTop) + px(cell.paddingBottom),
      cellBorderY: px(cell.borderTopWidth) + px(cell.borderBottomWidth)
    },
    tables
  };
})()`;

async function measure(page: Page): Promise<Measured> {
  return (await page.evaluate(MEASURE)) as Measured;
}

/** Closes every fold again, as a reviewer first sees the page. */
const CLOSE_FOLDS = `for (const details of document.querySelectorAll('details')) details.removeAttribute('open')`;
