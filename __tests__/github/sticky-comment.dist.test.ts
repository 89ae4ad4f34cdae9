/**
 * The sticky pull-request comment, end to end: the shipped action (dist/index.js) run as the runner runs it on the
 * vendored `pull_request` payload (Codertocat/Hello-World #2), against the fake GitHub on github.com's layout and
 * on GitHub Enterprise Server's. One comment per environment, found by its marker and its author, edited in place,
 * not written again when nothing changed, saying what changed, ending with the workflow run's link.
 */
import { describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeGitHub } from '../fakes/github-server.js';
import { project } from '../helpers/run-cli.js';
import {
  changedEnv,
  expectVerdict,
  failingEnv,
  gate,
  marker,
  onlyComment,
  passingEnv,
  PR,
  REPOSITORY,
  routeCounts,
  RUN_ID,
  section,
  unescapeMarkdown,
  warnings,
  withFakeGitHub
} from './on-github.js';

const TIMEOUT = 60_000;

/** The requests `gh` received while `action` ran. */
async function during<T>(gh: FakeGitHub, action: () => Promise<T>): Promise<{ result: T; routes: string[] }> {
  const before = gh.requests.length;
  const result = await action();
  return { result, routes: gh.requests.slice(before).map((r) => r.route ?? `unknown ${r.method} ${r.path}`) };
}

const LAYOUTS = [
  { layout: 'github.com', enterprise: false, rest: '', graphql: '/graphql' },
  { layout: 'GitHub Enterprise Server', enterprise: true, rest: '/api/v3', graphql: '/api/graphql' }
];

describe('one comment per pull request and environment, edited in place', () => {
  it.concurrent.each(LAYOUTS)(
    '$layout: run 1 creates it, a changed run 2 edits it (what changed, the run link), an unchanged run 3 writes nothing',
    async ({ enterprise, rest, graphql }) => {
      await withFakeGitHub({ enterprise }, async (gh) => {
        const workspace = await project({ '.env': failingEnv() });
        // Each run is a new workflow run: GITHUB_RUN_ID 1658821493 (the harness's), then …94, …95.
        const runLink = (id: string): string => `${gh.serverUrl}/${REPOSITORY}/actions/runs/${id}`;
        const nextRun = (n: number) => ({ env: { GITHUB_RUN_ID: String(Number(RUN_ID) + n) } });
        if (enterprise) expect(gh.serverUrl).toBe(gh.origin);

        // Run 1: no comment yet, one is created.
        const first = await during(gh, () => gate(gh, workspace));
        await expectVerdict(first.result, 1);
        expect([...first.routes].sort()).toEqual(['comment-create', 'comments-list', 'graphql']);
        const created = onlyComment(gh);
        expect(created.user.login).toBe('github-actions[bot]');
        expect(created.html_url).toBe(`${gh.serverUrl}/${REPOSITORY}/pull/${PR}#issuecomment-${created.id}`);
        expect(first.result.outputs['comment-url']).toBe(created.html_url);
        expect(first.result.outputs['pull-requests']).toBe(String(PR));
        expect(created.body.startsWith(marker())).toBe(true);
        expect(created.body).toContain('## ❌ Clerk production gate: failed');
        expect(created.body).not.toContain('Changes since the last run');
        expect(created.body.trimEnd().endsWith(`[Workflow run](${runLink(RUN_ID)})`)).toBe(true);
        expect(warnings(first.result)).toEqual([]);

        // Run 2: the report changed; the same comment is edited.
        await writeFile(join(workspace, '.env'), changedEnv());
        const second = await during(gh, () => gate(gh, workspace, {}, nextRun(1)));
        await expectVerdict(second.result, 1);
        expect([...second.routes].sort()).toEqual(['comment-update', 'comments-list', 'graphql']);
        const [update] = gh.requestsTo('comment-update');
        expect(update?.path).toBe(`${rest}/repos/${REPOSITORY}/issues/comments/${created.id}`);
        expect(update?.status).toBe(200);
        const edited = onlyComment(gh);
        expect(edited.id).toBe(created.id);
        expect(edited.body).not.toBe(created.body);
        expect(second.result.outputs['comment-url']).toBe(created.html_url);
        expect(second.result.outputs['pull-requests']).toBe(String(PR));
        expect(edited.body).toContain('### Changes since the last run');
        expect(section(edited.body, 'Changes since the last run').map(unescapeMarkdown).sort()).toEqual([
          '- New: ❌ `dev-url` `NEXT_PUBLIC_CLERK_SIGN_IN_URL` at `.env:3`',
          '- New: ❌ `key-environment-mismatch` `CLERK_SECRET_KEY` at `.env:2`',
          '- Resolved: dev-secret-key CLERK_SECRET_KEY at .env:2'
        ]);
        expect(edited.body.trimEnd().endsWith(`[Workflow run](${runLink('1658821494')})`)).toBe(true);

        // Run 3: the same report; the comment is found, and not written.
        const third = await during(gh, () => gate(gh, workspace, {}, nextRun(2)));
        await expectVerdict(third.result, 1);
        expect([...third.routes].sort()).toEqual(['comments-list', 'graphql']);
        expect(onlyComment(gh)).toEqual(edited);
        expect(third.result.outputs['comment-url']).toBe(created.html_url);
        expect(routeCounts(gh)).toMatchObject({ 'comment-create': 1, 'comment-update': 1 });

        // Every call went to the runner's API URLs (GHES: /api/v3 and /api/graphql), with the job's token.
        for (const request of gh.requests) {
          expect(request.route).not.toBeNull();
          expect(request.path.startsWith(request.route === 'graphql' ? graphql : `${rest}/repos/`)).toBe(true);
          expect(request.token).toBe(gh.tokens.actions);
        }
        expect(gh.requestsTo('graphql').map((r) => r.path)).toEqual([graphql, graphql, graphql]);
      });
    },
    TIMEOUT
  );

  it.concurrent(
    'a comment carrying our marker by someone else is never edited: ours is created beside it',
    async () => {
      const workspace = await project({ '.env': failingEnv() });
      // A faithful copy of the gate's own comment for this very report (the worst case: it would count as unchanged).
      const copy = await withFakeGitHub(undefined, async (gh) => {
        await gate(gh, workspace);
        return onlyComment(gh).body;
      });
      await withFakeGitHub(undefined, async (gh) => {
        const [theirs] = gh.seedComments(REPOSITORY, PR, 1, { by: 'octocat', body: copy });
        const run = await gate(gh, workspace);
        await expectVerdict(run, 1);
        expect(gh.foreignEdits()).toEqual([]);
        expect(routeCounts(gh)).toMatchObject({ 'comment-create': 1 });
        expect(gh.requestsTo('comment-update')).toEqual([]);
        const [first, ours] = gh.comments(REPOSITORY, PR);
        expect(first).toEqual(theirs);
        expect(ours?.user.login).toBe('github-actions[bot]');
        expect(run.outputs['comment-url']).toBe(ours?.html_url);
      });
    },
    TIMEOUT
  );

  it.concurrent(
    'our comment on the second page of 150 comments is found and edited, not made again',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        const workspace = await project({ '.env': failingEnv() });
        gh.seedComments(REPOSITORY, PR, 120, { by: 'octocat' });
        await gate(gh, workspace);
        gh.seedComments(REPOSITORY, PR, 29, { by: 'hubot' });
        const all = gh.comments(REPOSITORY, PR);
        expect(all).toHaveLength(150);
        const ours = all[120];
        expect(ours?.user.login).toBe('github-actions[bot]');

        await writeFile(join(workspace, '.env'), changedEnv());
        const listed = gh.requestsTo('comments-list').length;
        const run = await gate(gh, workspace);
        await expectVerdict(run, 1);
        // Both pages were read: the second at the URL GitHub's Link header named.
        const pages = gh.requestsTo('comments-list').slice(listed);
        expect(pages.map((r) => r.query.page)).toEqual([undefined, '2']);
        expect(pages.every((r) => r.status === 200)).toBe(true);
        expect(gh.requestsTo('comment-create')).toHaveLength(1);
        expect(gh.requestsTo('comment-update').map((r) => r.path)).toEqual([
          `/repos/${REPOSITORY}/issues/comments/${ours?.id}`
        ]);
        expect(gh.comments(REPOSITORY, PR)).toHaveLength(150);
        expect(gh.comments(REPOSITORY, PR)[120]?.body).toContain('### Changes since the last run');
        expect(run.outputs['comment-url']).toBe(ours?.html_url);
      });
    },
    TIMEOUT
  );
});

describe('comment: always | on-failure | never', () => {
  it.concurrent(
    'never: not one request to GitHub',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        const workspace = await project({ '.env': failingEnv() });
        const run = await gate(gh, workspace, { comment: 'never' });
        await expectVerdict(run, 1);
        expect(gh.requests).toEqual([]);
        expect(run.outputs['comment-url']).toBe('');
        expect(run.outputs['pull-requests']).toBe('');
        expect(warnings(run)).toEqual([]);
      });
    },
    TIMEOUT
  );

  it.concurrent(
    'on-failure, a passing report and no comment yet: none is made',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        const workspace = await project({ '.env': passingEnv() });
        const run = await gate(gh, workspace, { comment: 'on-failure' });
        await expectVerdict(run, 0);
        expect(gh.comments(REPOSITORY, PR)).toEqual([]);
        expect(gh.requestsTo('comment-create')).toEqual([]);
        expect(gh.requestsTo('comment-update')).toEqual([]);
        expect(run.outputs['comment-url']).toBe('');
        expect(run.outputs['pull-requests']).toBe('');
        expect(warnings(run)).toEqual([]);
      });
    },
    TIMEOUT
  );

  it.concurrent(
    'on-failure: the ❌ comment of an earlier failing run is edited to ✅ when the gate passes',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        const workspace = await project({ '.env': failingEnv() });
        const failing = await gate(gh, workspace, { comment: 'on-failure' });
        await expectVerdict(failing, 1);
        const before = onlyComment(gh);
        expect(before.body).toContain('## ❌ Clerk production gate: failed');

        await writeFile(join(workspace, '.env'), passingEnv());
        const passing = await gate(gh, workspace, { comment: 'on-failure' });
        await expectVerdict(passing, 0);
        const after = onlyComment(gh);
        expect(after.id).toBe(before.id);
        expect(after.body).toContain('## ✅ Clerk production gate: passed');
        expect(after.body).not.toContain('❌ Clerk production gate');
        expect(section(after.body, 'Changes since the last run').map(unescapeMarkdown).sort()).toEqual([
          '- Resolved: dev-publishable-key NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY at .env:1',
          '- Resolved: dev-secret-key CLERK_SECRET_KEY at .env:2'
        ]);
        expect(gh.requestsTo('comment-create')).toHaveLength(1);
        expect(gh.requestsTo('comment-update')).toHaveLength(1);
        expect(passing.outputs['comment-url']).toBe(before.html_url);
        expect(passing.outputs['pull-requests']).toBe(String(PR));
      });
    },
    TIMEOUT
  );
});

describe('two environments on one pull request', () => {
  it.concurrent(
    'production and staging keep a comment each, each edited by its own runs only',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        const workspace = await project({ '.env': failingEnv(), 'staging.env': passingEnv() });
        const production = { environment: 'production', 'env-files': '.env' };
        const staging = { environment: 'staging', 'production-environments': 'production', 'env-files': 'staging.env' };

        await expectVerdict(await gate(gh, workspace, production), 1);
        await gate(gh, workspace, staging);
        const [prod, stage] = gh.comments(REPOSITORY, PR);
        expect(gh.comments(REPOSITORY, PR)).toHaveLength(2);
        expect(prod?.body.startsWith(marker('production'))).toBe(true);
        expect(prod?.body).toContain('Environment `production` ·');
        expect(stage?.body.startsWith(marker('staging'))).toBe(true);
        expect(stage?.body).toContain('Environment `staging` (not production) ·');
        expect(stage?.body).not.toContain(marker('production'));

        // A changed production report edits the production comment only.
        await writeFile(join(workspace, '.env'), changedEnv());
        const prodRun = await gate(gh, workspace, production);
        expect(prodRun.outputs['comment-url']).toBe(prod?.html_url);
        expect(gh.requestsTo('comment-update').map((r) => r.path)).toEqual([
          `/repos/${REPOSITORY}/issues/comments/${prod?.id}`
        ]);
        expect(gh.comments(REPOSITORY, PR)[1]).toEqual(stage);

        // A changed staging report edits the staging comment only.
        await writeFile(join(workspace, 'staging.env'), failingEnv());
        const stageRun = await gate(gh, workspace, staging);
        expect(stageRun.outputs['comment-url']).toBe(stage?.html_url);
        expect(gh.requestsTo('comment-update').map((r) => r.path)).toEqual([
          `/repos/${REPOSITORY}/issues/comments/${prod?.id}`,
          `/repos/${REPOSITORY}/issues/comments/${stage?.id}`
        ]);
        const [prodAfter, stageAfter] = gh.comments(REPOSITORY, PR);
        expect(gh.comments(REPOSITORY, PR)).toHaveLength(2);
        expect(prodAfter?.body).toContain('Environment `production` ·');
        expect(prodAfter?.body).toContain('### Changes since the last run');
        expect(stageAfter?.body).toContain('Environment `staging` (not production) ·');
        expect(stageAfter?.body).not.toBe(stage?.body);
        expect(gh.requestsTo('comment-create')).toHaveLength(2);
        expect(gh.foreignEdits()).toEqual([]);
      });
    },
    TIMEOUT
  );
});
