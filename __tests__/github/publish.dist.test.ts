/**
 * When GitHub says no, end to end: a fork's read-only token (403), 404 and 422 on the comment calls, a secondary
 * rate limit, 403 on the check run. The verdict, exit code, outputs and job summary are those of a run that never
 * talked to GitHub; a permission failure is ONE warning that names `pull-requests: write` and the fork-safe recipe.
 * And the check run: its annotations 50 a request (the fake refuses 51), its conclusion the verdict.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { HELLO_WORLD, type Faults } from '../fakes/github-server.js';
import { project } from '../helpers/run-cli.js';
import type { DistActionRun } from '../helpers/run-dist-action.js';
import {
  expectVerdict,
  failingEnv,
  gate,
  manyFindingsEnv,
  marker,
  onlyComment,
  passingEnv,
  plainErrors,
  PR,
  REPOSITORY,
  verdictOutputs,
  warnings,
  withFakeGitHub
} from './on-github.js';

const TIMEOUT = 60_000;
const PERMISSION_HINT = /`pull-requests: write`.*fork-safe recipe/;

/** What a run that never reached GitHub reports (`comment: never`): the failures below must not change it. */
let workspace: string;
let baseline: DistActionRun;
beforeAll(async () => {
  workspace = await project({ '.env': failingEnv() });
  baseline = await withFakeGitHub(undefined, async (gh) => {
    const run = await gate(gh, workspace, { comment: 'never' });
    expect(gh.requests).toEqual([]);
    return run;
  });
  await expectVerdict(baseline, 1);
}, TIMEOUT);

/** The verdict, outputs and summary are the baseline's; no comment output. */
async function expectIntact(run: DistActionRun): Promise<void> {
  await expectVerdict(run, 1);
  expect(verdictOutputs(run)).toEqual(verdictOutputs(baseline));
  expect(run.summary).toBe(baseline.summary);
  expect(plainErrors(run)).toEqual(plainErrors(baseline));
  expect(run.outputs['comment-url']).toBe('');
  expect(run.outputs['pull-requests']).toBe('');
}

interface FaultCase {
  name: string;
  /** `forkActions`: the read-only token of a fork's pull request. */
  token?: 'forkActions';
  faults?: Faults;
  /** Seed a comment of ours first (its memory unreadable: the run edits it). */
  ours?: boolean;
  route: 'comments-list' | 'comment-create' | 'comment-update';
  status: number;
}

const FAULTS: FaultCase[] = [
  {
    name: 'a fork’s read-only token: 403 creating the comment',
    token: 'forkActions',
    route: 'comment-create',
    status: 403
  },
  {
    name: '404 listing the comments',
    faults: { 'comments-list': { status: 404 } },
    route: 'comments-list',
    status: 404
  },
  {
    name: '404 creating the comment',
    faults: { 'comment-create': { status: 404 } },
    route: 'comment-create',
    status: 404
  },
  {
    name: '422 creating the comment',
    faults: { 'comment-create': { status: 422 } },
    route: 'comment-create',
    status: 422
  },
  {
    name: '422 editing our comment',
    ours: true,
    faults: { 'comment-update': { status: 422 } },
    route: 'comment-update',
    status: 422
  },
  {
    name: 'a fork’s read-only token: 403 editing our comment',
    token: 'forkActions',
    ours: true,
    route: 'comment-update',
    status: 403
  }
];

describe('GitHub refuses the comment: the verdict stands, one warning', () => {
  it.concurrent.each(FAULTS)(
    '$name',
    async ({ token, faults, ours, route, status }) => {
      await withFakeGitHub({ ...(faults && { faults }) }, async (gh) => {
        const seeded = ours ? gh.seedComments(REPOSITORY, PR, 1, { body: `${marker()}e30 -->\nan older report` }) : [];
        const run = await gate(gh, workspace, {}, { ...(token && { token: gh.tokens[token] }) });
        await expectIntact(run);
        expect(gh.requestsTo(route).map((r) => r.status)).toEqual([status]);
        expect(gh.comments(REPOSITORY, PR)).toEqual(seeded);
        const said = warnings(run);
        expect(said).toHaveLength(1);
        expect(said[0]).toContain(`${status} `);
        expect(said[0]).toMatch(PERMISSION_HINT);
        // The error GitHub sent is quoted, never the token.
        const used = token ? gh.tokens[token] : gh.tokens.actions;
        const log = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
        expect(log.some((line) => line.includes(used))).toBe(false);
      });
    },
    TIMEOUT
  );

  it.concurrent.each([403, 429] as const)(
    'a secondary rate limit (%i) that clears after one retry: exactly one comment, no warning',
    async (status) => {
      await withFakeGitHub(
        { faults: { 'comment-create': { kind: 'secondary-rate-limit', status, retryAfter: 1, times: 1 } } },
        async (gh) => {
          const run = await gate(gh, workspace);
          await expectVerdict(run, 1);
          expect(verdictOutputs(run)).toEqual(verdictOutputs(baseline));
          expect(run.summary).toBe(baseline.summary);
          expect(gh.requestsTo('comment-create').map((r) => [r.status, r.fault])).toEqual([
            [status, 'secondary-rate-limit'],
            [201, undefined]
          ]);
          const comment = onlyComment(gh);
          expect(run.outputs['comment-url']).toBe(comment.html_url);
          expect(run.outputs['pull-requests']).toBe(String(PR));
          expect(warnings(run)).toEqual([]);
        }
      );
    },
    TIMEOUT
  );
});

describe('check-run: true', () => {
  it.concurrent(
    '121 findings in a file: one check run, its annotations sent 50 a request, conclusion failure',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        const app = await project({ 'apps/web/.env': manyFindingsEnv(120) });
        const run = await gate(gh, app, { 'check-run': 'true', 'working-directory': 'apps/web' });
        await expectVerdict(run, 1);
        expect(run.outputs.errors).toBe('120');
        expect(gh.requestsTo('check-run-create').map((r) => r.status)).toEqual([201]);
        expect(gh.requestsTo('check-run-update').map((r) => r.status)).toEqual([200, 200]);
        const [check, ...more] = gh.checkRuns(REPOSITORY);
        expect(more).toEqual([]);
        expect(check).toMatchObject({
          name: 'Clerk production gate (production)',
          headSha: HELLO_WORLD.headSha,
          status: 'completed',
          conclusion: 'failure',
          batches: [50, 50, 21]
        });
        // Paths from the repository root, one annotation per finding, errors first: 120 dev-secret-key errors, one
        // per line, and missing-key (a warning: no publishable key) at the first line.
        expect(check?.annotations.map((a) => `${a.path}:${a.start_line}:${a.annotation_level}`)).toEqual([
          ...Array.from({ length: 120 }, (_, i) => `apps/web/.env:${i + 1}:failure`),
          'apps/web/.env:1:warning'
        ]);
        expect(check?.output.title).toBe('120 errors, 1 warning');
        // The comment as always.
        expect(onlyComment(gh).body.startsWith(marker())).toBe(true);
        expect(warnings(run)).toEqual([]);
      });
    },
    TIMEOUT
  );

  it.concurrent(
    'a passing report: conclusion success, no annotations',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        const passing = await project({ '.env': passingEnv() });
        const run = await gate(gh, passing, { 'check-run': 'true' });
        await expectVerdict(run, 0);
        expect(gh.checkRuns(REPOSITORY)).toEqual([
          expect.objectContaining({ conclusion: 'success', batches: [0], annotations: [] })
        ]);
        expect(gh.requestsTo('check-run-update')).toEqual([]);
        expect(warnings(run)).toEqual([]);
      });
    },
    TIMEOUT
  );

  it.concurrent(
    '403 on the check run: one warning naming checks: write, the verdict and the comment as always',
    async () => {
      await withFakeGitHub({ faults: { 'check-run-create': { status: 403 } } }, async (gh) => {
        const run = await gate(gh, workspace, { 'check-run': 'true' });
        await expectVerdict(run, 1);
        expect(verdictOutputs(run)).toEqual(verdictOutputs(baseline));
        expect(run.summary).toBe(baseline.summary);
        expect(gh.checkRuns()).toEqual([]);
        const said = warnings(run);
        expect(said).toHaveLength(1);
        expect(said[0]).toMatch(/the check run: 403 /);
        expect(said[0]).toContain('`checks: write`');
        // The comment does not depend on the check run.
        expect(run.outputs['comment-url']).toBe(onlyComment(gh).html_url);
      });
    },
    TIMEOUT
  );

  it.concurrent(
    'a fork’s read-only token refused both the check run and the comment: still ONE warning',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        const run = await gate(gh, workspace, { 'check-run': 'true' }, { token: gh.tokens.forkActions });
        await expectIntact(run);
        expect(gh.requestsTo('check-run-create').map((r) => r.status)).toEqual([403]);
        expect(gh.requestsTo('comment-create').map((r) => r.status)).toEqual([403]);
        const said = warnings(run);
        expect(said).toHaveLength(1);
        expect(said[0]).toMatch(/the check run: 403 .*the comment on #2: 403 /);
        expect(said[0]).toMatch(PERMISSION_HINT);
      });
    },
    TIMEOUT
  );
});
