/**
 * The webhook payload file GITHUB_EVENT_PATH names, through dist/index.js: read only when it is a regular file (at
 * most 25 MB, GitHub's cap). A FIFO there never blocks the run. On `pull_request` the run keeps its verdict and
 * outputs and warns, naming the file, that the pull request is looked up by commit; on `deployment_status`, whose
 * payload says what is judged, the run stops with an input error naming the file (exit 2).
 */
import { describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { project } from '../helpers/run-cli.js';
import { runDistAction } from '../helpers/run-dist-action.js';
import { actionBundleOptions } from '../helpers/run-dist-cli.js';
import { expectVerdict, failingEnv, gate, plainErrors, warnings, withFakeGitHub } from './on-github.js';

jest.setTimeout(60_000);

async function fifo(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'event-')), 'event.json');
  execFileSync('mkfifo', [path]);
  return path;
}

describe('GITHUB_EVENT_PATH that is not a regular file', () => {
  it('pull_request: the run ends with its verdict, and warns naming the file', async () => {
    const workspace = await project({ '.env': failingEnv() });
    const path = await fifo();
    await withFakeGitHub(undefined, async (gh) => {
      const run = await gate(
        gh,
        workspace,
        { comment: 'always' },
        { env: { GITHUB_EVENT_PATH: path }, timeoutMs: 30_000 }
      );
      await expectVerdict(run, 1);
      expect(warnings(run)).toEqual(
        expect.arrayContaining([expect.stringContaining(`GITHUB_EVENT_PATH (${path}): a FIFO (named pipe)`)])
      );
    });
  });

  it('deployment_status: an input error naming the file (exit 2), never a hang', async () => {
    const workspace = await project({ '.env': 'APP_NAME=demo\n' });
    const path = await fifo();
    const run = await runDistAction(
      workspace,
      {},
      {
        ...actionBundleOptions(),
        extraEnv: { GITHUB_EVENT_NAME: 'deployment_status', GITHUB_EVENT_PATH: path },
        timeoutMs: 30_000
      }
    );
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(plainErrors(run)).toEqual([`GITHUB_EVENT_PATH (${path}): a FIFO (named pipe), not a regular file`]);
  });
});
