/**
 * Publishing ends by a deadline derived from the run (8 × api-timeout, net/deadline.ts), through dist/index.js: a
 * GitHub that never answers the comment list costs the run that budget, not each call's 30 s, and the verdict,
 * outputs and summary stay as they are, with a warning that nothing was posted.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { project } from '../helpers/run-cli.js';
import { expectVerdict, failingEnv, gate, warnings, withFakeGitHub } from './on-github.js';

jest.setTimeout(60_000);

describe('the publishing deadline', () => {
  it('api-timeout 1: a comment list that never answers ends publishing within the run budget', async () => {
    const workspace = await project({ '.env': failingEnv() });
    await withFakeGitHub({ faults: { 'comments-list': { kind: 'hang' } } }, async (gh) => {
      const started = Date.now();
      const run = await gate(gh, workspace, { comment: 'always', 'api-timeout': '1' }, { timeoutMs: 45_000 });
      const elapsed = Date.now() - started;
      await expectVerdict(run, 1);
      expect(warnings(run)).toEqual(
        expect.arrayContaining([expect.stringContaining('Not posted to the pull request')])
      );
      // 8 s of publishing budget plus start-up; one call's own timeout (30 s), or retry pauses past the deadline, are above.
      expect(elapsed).toBeLessThan(18_000);
      expect(run.outputs['comment-url']).toBe('');
    });
  });
});
