/**
 * Any environment name works, through the bundles: `review/feature-x` (a name a deployment_status event can carry)
 * is judged like any other environment. The dotenv files named after it cannot exist, so they are listed as
 * skipped with the reason, and the other files of the app are read.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { DEV_HOST, publishableKey } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import { runDistAction } from '../helpers/run-dist-action.js';
import { actionBundleOptions, runDistCli } from '../helpers/run-dist-cli.js';

jest.setTimeout(60_000);

interface JsonReport {
  environment: string;
  skipped: { file: string; reason: string }[];
  sources: { file?: string; variables: number }[];
}

const app = (): Promise<string> =>
  project({
    'package.json': JSON.stringify({ dependencies: { vite: '^5.0.0' } }),
    '.env': `VITE_CLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}\n`
  });

describe('an environment name with a slash', () => {
  it('dist/cli.js: judged, the files named after it skipped with the reason', async () => {
    const run = await runDistCli(await app(), ['--offline', '--format', 'json', '--environment', 'review/feature-x']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.environment).toBe('review/feature-x');
    expect(report.skipped).toEqual([
      { file: '.env.review/feature-x.local', reason: expect.stringContaining('cannot be part of a file name') },
      { file: '.env.review/feature-x', reason: expect.stringContaining('cannot be part of a file name') }
    ]);
    expect(report.sources).toEqual([expect.objectContaining({ variables: 1 })]);
  });

  it('dist/index.js: the environment input works the same', async () => {
    const run = await runDistAction(
      await app(),
      { environment: 'review/feature-x', offline: 'true' },
      { ...actionBundleOptions(), timeoutMs: 50_000 }
    );
    expect(run.code).toBe(0);
    expect(run.outputs.passed).toBe('true');
    expect(run.stdout).toContain('cannot be part of a file name');
  });
});
