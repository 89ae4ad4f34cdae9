/**
 * Which pull requests the shipped action comments on, end to end: the event's (`pull_request`), the open pull
 * requests of `GITHUB_SHA` (`push`, `workflow_dispatch`: `GET /repos/{owner}/{repo}/commits/{sha}/pulls`), or the
 * `pr-number` input; none at all is a notice, not a failure. And the outputs the runner reads back.
 */
import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { HELLO_WORLD } from '../fakes/github-server.js';
import { project } from '../helpers/run-cli.js';
import { REPO_ROOT } from '../helpers/run-dist-action.js';
import {
  EVENTS,
  expectVerdict,
  failingEnv,
  gate,
  marker,
  notices,
  onlyComment,
  PR,
  REPOSITORY,
  RUN_ID,
  warnings,
  withFakeGitHub
} from './on-github.js';

const TIMEOUT = 60_000;
/** `GITHUB_SHA` of the `push/with-new-branch` payload (its `after`). */
const PUSH_SHA = HELLO_WORLD.pushSha;

describe('the pull requests of the run', () => {
  it.concurrent(
    'push: the open pull requests of GITHUB_SHA, through commits/{sha}/pulls; a closed one is left out',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        gh.addPull(REPOSITORY, { number: 3, headSha: 'a'.repeat(40), state: 'closed' });
        gh.addPull(REPOSITORY, { number: 4, headSha: 'b'.repeat(40) });
        gh.associateCommit(REPOSITORY, PUSH_SHA, [PR, 3, 4]);
        const workspace = await project({ '.env': failingEnv() });

        const run = await gate(gh, workspace, {}, { event: EVENTS.pushNewBranch });
        await expectVerdict(run, 1);
        expect(gh.requestsTo('commit-pulls').map((r) => [r.path, r.status])).toEqual([
          [`/repos/${REPOSITORY}/commits/${PUSH_SHA}/pulls`, 200]
        ]);
        const onTwo = onlyComment(gh, PR);
        const onFour = onlyComment(gh, 4);
        expect(gh.comments(REPOSITORY, 3)).toEqual([]);
        expect(onTwo.body.startsWith(marker())).toBe(true);
        expect(onFour.body).toBe(onTwo.body);
        expect(run.outputs['pull-requests']).toBe(`${PR},4`);
        expect(run.outputs['comment-url']).toBe(onTwo.html_url);
        expect(warnings(run)).toEqual([]);
      });
    },
    TIMEOUT
  );

  it.concurrent(
    'workflow_dispatch: the pull request of the dispatched commit, in the payload’s repository',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        // The vendored payload is octo-org/octo-repo's and carries no commit: the harness's GITHUB_SHA stands in.
        const sha = 'f'.repeat(40);
        gh.addPull('octo-org/octo-repo', { number: 7, headSha: sha });
        const workspace = await project({ '.env': failingEnv() });

        const run = await gate(gh, workspace, {}, { event: EVENTS.workflowDispatch });
        await expectVerdict(run, 1);
        expect(gh.requestsTo('commit-pulls').map((r) => r.path)).toEqual([
          `/repos/octo-org/octo-repo/commits/${sha}/pulls`
        ]);
        const comment = onlyComment(gh, 7, 'octo-org/octo-repo');
        expect(comment.body.trimEnd().endsWith(`(${gh.serverUrl}/octo-org/octo-repo/actions/runs/${RUN_ID})`)).toBe(
          true
        );
        expect(run.outputs['pull-requests']).toBe('7');
        expect(run.outputs['comment-url']).toBe(comment.html_url);
      });
    },
    TIMEOUT
  );

  it.concurrent(
    'pr-number overrides the event’s pull request and the commit look-up',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        gh.addPull(REPOSITORY, { number: 5, headSha: 'c'.repeat(40) });
        gh.associateCommit(REPOSITORY, PUSH_SHA, [PR]);
        const workspace = await project({ '.env': failingEnv() });

        const onPull = await gate(gh, workspace, { 'pr-number': '5' });
        await expectVerdict(onPull, 1);
        const onPush = await gate(gh, workspace, { 'pr-number': '5' }, { event: EVENTS.pushNewBranch });
        await expectVerdict(onPush, 1);

        expect(gh.requestsTo('commit-pulls')).toEqual([]);
        expect(gh.comments(REPOSITORY, PR)).toEqual([]);
        const comment = onlyComment(gh, 5);
        expect(gh.requestsTo('comment-create')).toHaveLength(1);
        expect(onPull.outputs['pull-requests']).toBe('5');
        expect(onPush.outputs['pull-requests']).toBe('5');
        expect(onPush.outputs['comment-url']).toBe(comment.html_url);
      });
    },
    TIMEOUT
  );

  it.concurrent(
    'no pull request for the commit: no comment, one notice that says so, the verdict as always',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        const workspace = await project({ '.env': failingEnv() });
        // The fake knows the pushed commit, in no pull request.
        const run = await gate(gh, workspace, {}, { event: EVENTS.pushNewBranch });
        await expectVerdict(run, 1);
        expect(gh.requestsTo('commit-pulls').map((r) => r.status)).toEqual([200]);
        expect(gh.requestsTo('comments-list')).toEqual([]);
        expect(gh.requestsTo('comment-create')).toEqual([]);
        expect(notices(run)).toEqual([expect.stringMatching(/^No pull request for this push: no comment posted\.$/)]);
        expect(warnings(run)).toEqual([]);
        expect(run.outputs['comment-url']).toBe('');
        expect(run.outputs['pull-requests']).toBe('');
      });
    },
    TIMEOUT
  );
});

describe('the outputs', () => {
  it.concurrent(
    'every output of action.yml is in GITHUB_OUTPUT: the verdict, the findings, the report, the comment',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        const workspace = await project({ '.env': failingEnv() });
        const run = await gate(gh, workspace);
        await expectVerdict(run, 1);

        const action = parseDocument(await readFile(join(REPO_ROOT, 'action.yml'), 'utf8')).toJS() as {
          outputs: Record<string, unknown>;
        };
        const declared = Object.keys(action.outputs).sort();
        expect(declared).toEqual(
          [
            'comment-url',
            'errors',
            'findings',
            'incomplete',
            'passed',
            'pull-requests',
            'report-file',
            'warnings'
          ].sort()
        );
        expect(Object.keys(run.outputs).sort()).toEqual(declared);

        const report = JSON.parse(await readFile(run.reportFile, 'utf8')) as {
          summary: { errors: number; warnings: number };
          findings: unknown[];
        };
        const comment = onlyComment(gh);
        expect(run.outputs).toEqual({
          passed: 'false',
          errors: '2',
          warnings: '0',
          findings: JSON.stringify(report.findings),
          'report-file': run.reportFile,
          incomplete: '',
          'comment-url': comment.html_url,
          'pull-requests': String(PR)
        });
        expect(report.summary).toMatchObject({ errors: 2, warnings: 0 });
        expect(comment.html_url).toBe(`https://github.com/${REPOSITORY}/pull/${PR}#issuecomment-${comment.id}`);
      });
    },
    TIMEOUT
  );
});
