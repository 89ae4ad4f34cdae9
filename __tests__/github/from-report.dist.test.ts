/**
 * The fork-safe recipe, end to end: a first run scans with the fork's read-only token and `comment: never`; its JSON
 * report (the `report-file` output) is handed to a second run, on `workflow_run` with a write token, that posts
 * it with `from-report` and `pr-number`. The report comes from the fork, so a hostile one (valid schema, hostile
 * texts, a full live key) must not put HTML, links, mentions, broken tables or the key in the comment; one that
 * fails the schema is an input error naming `from-report`.
 *
 * `from-report` also redacts every string of the report, whatever its field: a full live key put into `environment`,
 * a finding's `rule` and a check's `id` (fields no reporter escapes away) reaches neither the comment, the job
 * summary, the log nor the outputs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HELLO_WORLD, startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js';
import { project } from '../helpers/run-cli.js';
import type { DistActionRun, GitHubEvent } from '../helpers/run-dist-action.js';
import {
  EVENTS,
  executed,
  expectVerdict,
  failingEnv,
  gate,
  onlyComment,
  outsideCodeSpans,
  plainErrors,
  PR,
  REPOSITORY,
  section,
  sentBodies,
  unescapeMarkdown,
  withFakeGitHub
} from './on-github.js';

const TIMEOUT = 60_000;
const COMMENT_MAX = 65_536;
const REPORT = 'clerk-production-gate-report.json';

/**
 * A `workflow_run` (completed) payload for the comment workflow: not vendored (octokit/webhooks' example is not in
 * the fixtures), made from the vendored pull_request payload's repository and sender; `pull_requests` is empty, as
 * it is for a fork's pull request.
 */
async function workflowRunEvent(dir: string): Promise<GitHubEvent> {
  const source = JSON.parse(await readFile(EVENTS.pullRequestOpened.path, 'utf8')) as Record<string, unknown>;
  const payload = {
    action: 'completed',
    workflow_run: {
      id: 1658821000,
      name: 'Clerk gate',
      event: 'pull_request',
      status: 'completed',
      conclusion: 'failure',
      head_sha: HELLO_WORLD.headSha,
      head_branch: 'changes',
      pull_requests: []
    },
    repository: source.repository,
    sender: source.sender
  };
  const path = join(dir, 'workflow_run.payload.json');
  await writeFile(path, JSON.stringify(payload));
  return { name: 'workflow_run', path };
}

/** The comment run of the recipe: the report in an empty workspace (nothing checked out), the job's write token. */
async function postReport(gh: FakeGitHub, report: string): Promise<DistActionRun> {
  const workspace = await project({ [REPORT]: report });
  return gate(
    gh,
    workspace,
    { 'from-report': REPORT, 'pr-number': String(PR) },
    // GITHUB_SHA of a workflow_run: the default branch's head.
    { event: await workflowRunEvent(workspace), env: { GITHUB_SHA: HELLO_WORLD.baseSha } }
  );
}

/** The rows of the findings table. */
const findingRows = (markdown: string): string[] => section(markdown, 'Findings').filter((l) => l.startsWith('| '));

/** The scanning run of the recipe (a fork's token, no comment) and its report. */
let scan: DistActionRun;
let reportText: string;
beforeAll(async () => {
  const workspace = await project({ '.env': failingEnv() });
  scan = await withFakeGitHub(undefined, async (gh) => {
    const run = await gate(gh, workspace, { comment: 'never' }, { token: gh.tokens.forkActions });
    expect(gh.requests).toEqual([]);
    return run;
  });
  await expectVerdict(scan, 1);
  reportText = await readFile(scan.outputs['report-file'] ?? '', 'utf8');
}, TIMEOUT);

describe('from-report', () => {
  it.concurrent(
    'posts the report of an earlier run: the same findings, verdict and outputs',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        const run = await postReport(gh, reportText);
        await expectVerdict(run, 1);
        expect(gh.requestsTo('commit-pulls')).toEqual([]);
        const comment = onlyComment(gh);
        expect(comment.body).toContain('## ❌ Clerk production gate: failed');
        expect(findingRows(comment.body)).toEqual(findingRows(scan.summary));
        // The header and the two findings.
        expect(findingRows(comment.body)).toHaveLength(3);
        expect(run.outputs.findings).toBe(scan.outputs.findings);
        expect(run.outputs.errors).toBe(scan.outputs.errors);
        expect(run.outputs['comment-url']).toBe(comment.html_url);
        expect(run.outputs['pull-requests']).toBe(String(PR));
        expect(findingRows(run.summary)).toEqual(findingRows(scan.summary));
      });
    },
    TIMEOUT
  );

  it.concurrent.each([
    { what: 'not JSON', text: () => '{"version": 1,' },
    { what: 'another version', text: () => JSON.stringify({ ...JSON.parse(reportText), version: 2 }) },
    {
      what: 'a finding of an unknown severity',
      text: () => {
        const report = JSON.parse(reportText) as { findings: Record<string, unknown>[] };
        report.findings[0] = { ...report.findings[0], severity: 'critical' };
        return JSON.stringify(report);
      }
    },
    {
      what: 'a finding with a key the schema does not know',
      text: () => {
        const report = JSON.parse(reportText) as { findings: Record<string, unknown>[] };
        report.findings[0] = { ...report.findings[0], html: '<script>alert(1)</script>' };
        return JSON.stringify(report);
      }
    }
  ])(
    'a report that fails the schema ($what): exit 2, one ::error:: naming from-report, nothing posted',
    async ({ text }) => {
      await withFakeGitHub(undefined, async (gh) => {
        const run = await postReport(gh, text());
        expect(run.code).toBe(2);
        const errors = executed(run, 'error');
        expect(errors).toHaveLength(1);
        expect(plainErrors(run)).toEqual([expect.stringMatching(/^from-report: /)]);
        expect(gh.requests).toEqual([]);
      });
    },
    TIMEOUT
  );
});

// ---------------------------------------------------------------------------------------------------------------
// A hostile report

/** A full live secret key, made at run time (nothing key-shaped is committed). */
const LIVE_KEY = `sk_live_${randomBytes(30)
  .toString('base64')
  .replace(/[^A-Za-z0-9]/g, '')}Zz9`;
/** Another, in the texts of a finding (message, fix) and of a check (detail). */
const TEXT_KEY = `sk_live_${randomBytes(30)
  .toString('base64')
  .replace(/[^A-Za-z0-9]/g, '')}Yy8`;
const EVIL = 'https://evil.example';
const HOSTILE_FIX = `<b>run</b> [this](${EVIL}/fix) as @octocat | x |`;

/** Texts a fork controls, each trying HTML, a link, a mention, table pipes and a workflow command. */
function hostileFinding(i: number, message = `pwn${i}`): Record<string, unknown> {
  return {
    rule: 'dev-secret-key',
    severity: 'error',
    variable: `CLERK_SECRET_KEY<img src=x onerror=alert(${i})>|@octocat|[v](${EVIL}/v)\``,
    value: LIVE_KEY,
    location: { file: `apps/<script>alert(${i})</script>|[f](${EVIL}/f)|@hubot/.env`, line: i, column: 1 },
    message: `<script>alert("${message}")</script> [click](${EVIL}/m) @octocat @github/security | a | b |\n::error::${message}`,
    fix: HOSTILE_FIX
  };
}

function hostileReport(): string {
  const report = JSON.parse(reportText) as Record<string, unknown> & { checks: Record<string, unknown>[] };
  const findings = [1, 2, 3, 4].map((i) => hostileFinding(i, i === 1 ? `pwn1 ${TEXT_KEY}` : `pwn${i}`));
  // Last (a warning): a 100 KB message, the first finding to give way for length.
  findings.push({ ...hostileFinding(5), severity: 'warning', message: `<i>@octocat</i> ${'A'.repeat(100_000)}` });
  return JSON.stringify({
    ...report,
    summary: { errors: 4, warnings: 1, notices: 0 },
    findings,
    skipped: [{ file: `<img src=x>@octocat|[s](${EVIL}/s).env`, reason: `[r](${EVIL}/r) @octocat <script>` }],
    checks: [
      ...report.checks.filter((c) => c.id !== 'dev-secret-key'),
      {
        id: 'dev-secret-key',
        status: 'fail',
        detail: `<script>x</script> @octocat [d](${EVIL}/d) | y | ${TEXT_KEY}`
      }
    ]
  });
}

/** The places whose text holds `secret`. */
const leaks = (places: Record<string, string>, secret: string): string[] =>
  Object.entries(places)
    .filter(([, text]) => text.includes(secret))
    .map(([place]) => place);

/** Our own HTML: the marker, and the lines of folded sections. */
const OWN_HTML = [
  /^<!-- clerk-production-gate:production [A-Za-z0-9_-]+ -->$/,
  /^<\/?details>$/,
  /^<summary>.*<\/summary>$/
];
/** Our own links: the rules' docs, the workflow run. */
const OWN_LINK = new RegExp(
  '^(https://github\\.com/clerk-production-gate/clerk-production-gate/blob/main/docs/rules\\.md#[a-z-]+' +
    `|https://github\\.com/${REPOSITORY}/actions/runs/\\d+)$`
);

describe('from-report with a hostile report (valid schema)', () => {
  let gh: FakeGitHub;
  let run: DistActionRun;
  let body: string;
  beforeAll(async () => {
    gh = await startFakeGitHub();
    run = await postReport(gh, hostileReport());
    body = sentBodies(gh)[0] ?? '';
  }, TIMEOUT);
  afterAll(async () => {
    await gh?.close();
  });

  it('is posted, within 65,536 characters, with some of the hostile findings shown', async () => {
    await expectVerdict(run, 1);
    expect(gh.requestsTo('comment-create').map((r) => r.status)).toEqual([201]);
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX);
    expect(onlyComment(gh).body).toBe(body);
    // Not vacuous: hostile variables and files are in the table (as code), the messages in the text.
    expect(findingRows(body).length).toBeGreaterThan(1);
    expect(body).toContain('<img src=x onerror=alert(1)>');
    expect(body).toContain('pwn1');
  });

  it('has no raw HTML from it: every < outside a code span is escaped', () => {
    const raw: string[] = [];
    for (const line of body.split('\n')) {
      if (OWN_HTML.some((own) => own.test(line))) continue;
      const text = outsideCodeSpans(line).replace(/\\[!-/:-@[-`{-~]/g, '  ');
      if (text.includes('<')) raw.push(line.slice(0, 200));
    }
    expect(raw).toEqual([]);
  });

  it('has no link from it: every link is to the rules’ docs or the run', () => {
    const targets: string[] = [];
    for (const line of body.split('\n')) {
      const text = outsideCodeSpans(line).replace(/\\[!-/:-@[-`{-~]/g, '  ');
      for (const match of text.matchAll(/\]\(([^)\s]*)\)/g)) targets.push(match[1] ?? '');
    }
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => !OWN_LINK.test(t))).toEqual([]);
  });

  it('keeps every table row to its columns: no | from it splits a cell', () => {
    const lines = body.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]?.startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
      const table: string[] = [];
      for (let j = i; lines[j]?.startsWith('|'); j++) table.push(lines[j] ?? '');
      // GFM splits a row at every | not preceded by a backslash, in code spans too.
      const cells = table.map((row) => row.split(/(?<!\\)\|/).length);
      expect(new Set(cells).size).toBe(1);
    }
  });

  it('runs no workflow command from it', () => {
    expect(executed(run).filter((c) => c.data.includes('pwn'))).toEqual([]);
    expect(executed(run).map((c) => c.command)).not.toContain('pwn1');
  });

  it('shows the full live key nowhere: redacted in the comment, summary, outputs and log', () => {
    const middle = LIVE_KEY.slice('sk_live_'.length, -4);
    const places = {
      comment: body,
      'comment (as shown)': unescapeMarkdown(body),
      summary: run.summary,
      'summary (as shown)': unescapeMarkdown(run.summary),
      outputs: JSON.stringify(run.outputs),
      stdout: run.stdout,
      stderr: run.stderr
    };
    expect(leaks(places, middle)).toEqual([]);
    expect(body).toContain(`sk_live_…${LIVE_KEY.slice(-4)}`);
  });

  // GitHub's mention filter runs on the rendered text, after backslash escapes are gone: `\@octocat` would still
  // notify (github/markup#1168); the gate puts a zero-width space after every `@` it echoes.
  it('mentions no one from it: every @name from the report is inert on GitHub', () => {
    const mentions: string[] = [];
    for (const line of body.split('\n')) {
      if (OWN_HTML.some((own) => own.test(line))) continue;
      // GitHub's mention filter sees the rendered text: escapes gone, code spans left alone.
      const text = unescapeMarkdown(outsideCodeSpans(line));
      for (const match of text.matchAll(/(?:^|[^\w`/.@-])@([A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][\w.-]*)?)/g)) {
        mentions.push(match[1] ?? '');
      }
    }
    expect(mentions).toEqual([]);
  });

  // from-report redacts every key-shaped run in a report's texts, not only in values.
  it('shows no key from its texts (message, check detail) either', () => {
    const middle = TEXT_KEY.slice('sk_live_'.length, -4);
    const places = {
      'comment (as shown)': unescapeMarkdown(body),
      'summary (as shown)': unescapeMarkdown(run.summary),
      outputs: JSON.stringify(run.outputs),
      stdout: run.stdout
    };
    expect(leaks(places, middle)).toEqual([]);
  });

  // An untrusted fix is escaped once: `|` is left to the renderer, which escapes it in every fix.
  it('shows its fix as written, as text', () => {
    const line = body.split('\n').find((l) => l.startsWith('**Fix:** '));
    // As written, but for the zero-width space that keeps the @mention inert.
    expect(unescapeMarkdown(line ?? '').replace(/\u200b/g, '')).toBe(`**Fix:** ${HOSTILE_FIX}`);
  });
});

/** A full live secret key, made at run time (nothing key-shaped is committed). */
const liveKey = (tail: string): string =>
  `sk_live_${randomBytes(30)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')}${tail}`;

describe('from-report redacts every field', () => {
  it(
    'a key in environment, rule or a check id is shown redacted everywhere',
    async () => {
      const inEnvironment = liveKey('Ee1');
      const inRule = liveKey('Rr2');
      const inCheck = liveKey('Cc3');
      const report = {
        version: 1,
        environment: `production-${inEnvironment}`,
        production: true,
        passed: false,
        summary: { errors: 1, warnings: 0, notices: 0 },
        sources: [],
        skipped: [],
        findings: [
          {
            rule: inRule,
            severity: 'error',
            variable: 'CLERK_SECRET_KEY',
            value: 'sk_test_…WXYZ',
            location: { file: '.env', line: 1, column: 1 },
            message: 'CLERK_SECRET_KEY holds a development secret key.',
            fix: 'Use the production key.'
          }
        ],
        checks: [{ id: inCheck, status: 'fail', detail: 'failed' }]
      };
      const workspace = await project({ 'report.json': JSON.stringify(report) });
      await withFakeGitHub(undefined, async (gh) => {
        const run = await gate(gh, workspace, { 'from-report': 'report.json' });
        await expectVerdict(run, 1);
        const bodies = sentBodies(gh);
        expect(bodies).toHaveLength(1);
        const places = {
          comment: unescapeMarkdown(bodies.join('\n')),
          summary: unescapeMarkdown(run.summary),
          stdout: run.stdout,
          stderr: run.stderr,
          outputs: JSON.stringify(run.outputs)
        };
        // Not vacuous: each field is shown, redacted (prefix + … + last 4).
        const shown = unescapeMarkdown(run.summary);
        for (const key of [inEnvironment, inRule, inCheck]) expect(shown).toContain(`sk_live_…${key.slice(-4)}`);
        for (const key of [inEnvironment, inRule, inCheck]) {
          const middle = key.slice('sk_live_'.length, -4);
          const leaked = Object.entries(places)
            .filter(([, text]) => text.includes(middle))
            .map(([place]) => place);
          expect(leaked).toEqual([]);
        }
      });
    },
    TIMEOUT
  );
});
