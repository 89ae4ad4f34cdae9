/**
 * GitHub lists are read within bounds by the shipped action (dist/index.js): a server whose `Link: rel="next"`
 * never ends (comments of a pull request, pull requests of a commit) costs a warning, while the verdict, the
 * outputs and the summary stay as the scan made them.
 */
import { describe, expect, it } from '@jest/globals';
import { HELLO_WORLD } from '../fakes/github-server.js';
import { project } from '../helpers/run-cli.js';
import {
  EVENTS,
  expectVerdict,
  failingEnv,
  gate,
  onlyComment,
  PR,
  REPOSITORY,
  verdictOutputs,
  warnings,
  withFakeGitHub
} from './on-github.js';

const TIMEOUT = 60_000;
/** The harness kills the action after this long: far more than the bounded reads take. */
const RUN_LIMIT_MS = 30_000;

describe('endless pagination', () => {
  it(
    'comments whose next page never ends: a warning, no second comment, the verdict and outputs intact',
    async () => {
      await withFakeGitHub({ endlessPages: ['comments-list'] }, async (gh) => {
        gh.seedComments(REPOSITORY, PR, 3, { by: 'octocat' });
        const workspace = await project({ '.env': failingEnv() });
        const run = await gate(gh, workspace, {}, { timeoutMs: RUN_LIMIT_MS });
        await expectVerdict(run, 1);
        const { passed, errors, findings } = verdictOutputs(run);
        expect({ passed, errors }).toEqual({ passed: 'false', errors: '2' });
        expect(JSON.parse(findings ?? '[]')).toHaveLength(2);
        const pages = gh.requestsTo('comments-list');
        expect(pages.length).toBeGreaterThan(1);
        expect(pages.length).toBeLessThanOrEqual(50);
        expect(gh.requestsTo('comment-create')).toEqual([]);
        expect(run.outputs['comment-url']).toBe('');
        expect(warnings(run)).toEqual([expect.stringMatching(/the comment on #2: its comments were not all read/)]);
      });
    },
    TIMEOUT
  );

  it(
    'pull requests of a commit whose next page never ends: a warning, and the comment on those found',
    async () => {
      await withFakeGitHub({ endlessPages: ['commit-pulls'] }, async (gh) => {
        gh.associateCommit(REPOSITORY, HELLO_WORLD.pushSha, [PR]);
        const workspace = await project({ '.env': failingEnv() });
        const run = await gate(gh, workspace, {}, { event: EVENTS.pushNewBranch, timeoutMs: RUN_LIMIT_MS });
        await expectVerdict(run, 1);
        const pages = gh.requestsTo('commit-pulls');
        expect(pages.length).toBeGreaterThan(1);
        expect(pages.length).toBeLessThanOrEqual(10);
        expect(onlyComment(gh, PR).body).toContain('Clerk production gate: failed');
        expect(run.outputs['pull-requests']).toBe(String(PR));
        expect(warnings(run)).toEqual([
          expect.stringMatching(/pull requests of commit [0-9a-f]{40} were not all read \(it has more than 10 pages\)/)
        ]);
      });
    },
    TIMEOUT
  );
});
