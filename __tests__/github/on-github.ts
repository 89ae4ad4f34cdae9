/**
 * The shipped action (dist/index.js) run as the runner runs it, against the fake GitHub: the helpers the
 * pull-request comment's end-to-end tests share. Each run is its own process with the runner's environment for a
 * vendored webhook payload (GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_RUN_ID, GITHUB_EVENT_PATH …), the fake's
 * GITHUB_API_URL / GITHUB_GRAPHQL_URL / GITHUB_SERVER_URL, and `${{ github.token }}` = the fake's Actions token.
 * Clerk checks stay offline (the harness adds `offline: true` unless `clerk-api-url` is given).
 */
import { expect } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions, type IssueComment } from '../fakes/github-server.js';
import { DEV_HOST, PROD_HOST, publishableKey, secretKey } from '../helpers/keys.js';
import { crashLines, EVENTS, runDistAction, type DistActionRun, type GitHubEvent } from '../helpers/run-dist-action.js';
import { scanRunnerCommands, type ExecutedCommand } from '../helpers/runner-commands.js';

export { EVENTS };

/** What the runner sets GITHUB_RUN_ID to in `runDistAction`. */
export const RUN_ID = '1658821493';
export const REPOSITORY = 'Codertocat/Hello-World';
export const PR = 2;
/** The comment's hidden marker for an environment (see src/reporters/pr-comment.ts). */
export const marker = (environment = 'production'): string => `<!-- clerk-production-gate:${environment} `;

export interface GateRunOptions {
  event?: GitHubEvent;
  /** `${{ github.token }}`; default the fake's Actions token (github-actions[bot], may write). */
  token?: string;
  /** More step environment (after the fake's URLs). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Runs the shipped action against `gh`. */
export function gate(
  gh: FakeGitHub,
  workspace: string,
  inputs: Record<string, string> = {},
  options: GateRunOptions = {}
): Promise<DistActionRun> {
  return runDistAction(workspace, inputs, {
    event: options.event ?? EVENTS.pullRequestOpened,
    githubToken: options.token ?? gh.tokens.actions,
    extraEnv: { ...gh.env, ...options.env },
    timeoutMs: options.timeoutMs ?? 45_000
  });
}

/** A fake GitHub for the body of `test`, closed afterwards whatever happens. */
export async function withFakeGitHub<T>(
  options: FakeGitHubOptions | undefined,
  test: (gh: FakeGitHub) => Promise<T>
): Promise<T> {
  const gh = await startFakeGitHub(options);
  try {
    return await test(gh);
  } finally {
    await gh.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Dotenv files

const devPublishable = (): string => publishableKey(DEV_HOST);
const livePublishable = (): string => publishableKey(PROD_HOST, 'live');

/** Fails with two errors: dev-publishable-key (line 1), dev-secret-key (line 2). */
export const failingEnv = (): string =>
  `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${devPublishable()}\nCLERK_SECRET_KEY=${secretKey('test')}\n`;

/**
 * The failing file, changed: dev-secret-key is resolved (a live key), key-environment-mismatch (line 2) and
 * dev-url (line 3) are new, dev-publishable-key (line 1) stays.
 */
export const changedEnv = (): string =>
  `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${devPublishable()}\nCLERK_SECRET_KEY=${secretKey('live')}\n` +
  'NEXT_PUBLIC_CLERK_SIGN_IN_URL=http://localhost:3000/sign-in\n';

/** Passes: production keys. */
export const passingEnv = (): string =>
  `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${livePublishable()}\nCLERK_SECRET_KEY=${secretKey('live')}\n`;

/** `n` Clerk secret-key variables holding development keys: `n` dev-secret-key errors, one per line. */
export function manyFindingsEnv(n: number): string {
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) lines.push(`APP${i}_CLERK_SECRET_KEY=${secretKey('test', `Dev${i}`.padEnd(40, 'x'))}`);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// What the runner does with the output

/** The workflow commands the runner would execute from the run's stdout (stop-commands honoured). */
export function executed(run: DistActionRun, command?: string): ExecutedCommand[] {
  const all = scanRunnerCommands(run.stdout).executed;
  return command === undefined ? all : all.filter((c) => c.command === command);
}

/** The data of each `::warning::` (annotations with a file are findings, not the gate's own warnings). */
export function warnings(run: DistActionRun): string[] {
  return executed(run, 'warning')
    .filter((c) => c.properties.file === undefined)
    .map((c) => c.data);
}

export function notices(run: DistActionRun): string[] {
  return executed(run, 'notice')
    .filter((c) => c.properties.file === undefined)
    .map((c) => c.data);
}

/** `::error::` lines without properties: the step's failure line and usage errors (not the findings' annotations). */
export function plainErrors(run: DistActionRun): string[] {
  return executed(run, 'error')
    .filter((c) => Object.keys(c.properties).length === 0)
    .map((c) => c.data);
}

/** A run that ended as the action means to: no crash, `code`, the outputs, the report file and the summary. */
export async function expectVerdict(run: DistActionRun, code: 0 | 1): Promise<void> {
  expect(crashLines(run)).toEqual([]);
  expect(run.signal).toBeNull();
  expect({ code: run.code, passed: run.outputs.passed }).toEqual({ code, passed: code === 0 ? 'true' : 'false' });
  expect(run.outputs['report-file']).toBe(run.reportFile);
  const report = JSON.parse(await readFile(run.reportFile, 'utf8')) as { passed: boolean; summary: { errors: number } };
  expect(report.passed).toBe(code === 0);
  expect(run.outputs.errors).toBe(String(report.summary.errors));
  expect(run.summary).toContain(`Clerk production gate: ${code === 0 ? 'passed' : 'failed'}`);
}

/** The outputs that do not depend on the pull request (nor on RUNNER_TEMP): the verdict's. */
export function verdictOutputs(run: DistActionRun): Record<string, string | undefined> {
  const { passed, errors, warnings: count, findings } = run.outputs;
  return { passed, errors, warnings: count, findings };
}

/** The one comment on `pull` (fails when there is not exactly one). */
export function onlyComment(gh: FakeGitHub, pull = PR, repo = REPOSITORY): IssueComment {
  const all = gh.comments(repo, pull);
  expect(all).toHaveLength(1);
  return all[0] as IssueComment;
}

/** Bodies the fake received for comment creations and updates, in order. */
export function sentBodies(gh: FakeGitHub): string[] {
  return gh.requests
    .filter((r) => r.route === 'comment-create' || r.route === 'comment-update')
    .map((r) => String((r.body as { body?: unknown } | undefined)?.body ?? ''));
}

/** Counts of the fake's routes: `{ 'comment-create': 1, … }` (routes not called are left out). */
export function routeCounts(gh: FakeGitHub): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of gh.requests) counts[r.route ?? 'unknown'] = (counts[r.route ?? 'unknown'] ?? 0) + 1;
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a comment as GitHub shows it

/** Backslash escapes removed, as GitHub's renderer (and its mention filter after it) sees the text. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The lines of a `### heading` section, up to the next heading, the run link or the end. */
export function section(body: string, heading: string): string[] {
  const lines = body.split('\n');
  const start = lines.indexOf(`### ${heading}`);
  if (start === -1) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('### ') || line.startsWith('[Workflow run]('));
  return (end === -1 ? rest : rest.slice(0, end)).filter((line) => line.trim() !== '');
}

/**
 * A line's text outside code spans, escapes kept (`\x` pairs are never a code span's start). Code spans render
 * their content literally: no HTML, link or mention in them is live.
 */
export function outsideCodeSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const ch = line[i] ?? '';
    if (ch === '\\' && i + 1 < line.length) {
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(line.slice(i))?.[0] ?? '`';
      // The closing run: the same number of backticks, not part of a longer run.
      const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
      close.lastIndex = i + run.length;
      const match = close.exec(line);
      if (match) {
        i = match.index + run.length;
        out += ' ';
        continue;
      }
      out += run;
      i += run.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
