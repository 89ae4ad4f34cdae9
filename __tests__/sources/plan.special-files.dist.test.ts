/**
 * A FIFO at a dotenv name the gate looks for in a directory (not one named on the command line), directly or through
 * a symbolic link, through dist/cli.js: never opened (the run ends at once, with the usual verdict), and listed as
 * skipped with the reason in the JSON and text reports.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DEV_HOST, publishableKey } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import { runDistCli } from '../helpers/run-dist-cli.js';

jest.setTimeout(60_000);

interface JsonReport {
  passed: boolean;
  skipped: { file: string; reason: string }[];
  sources: { file?: string; variables: number }[];
  findings: { rule: string }[];
}

/** A Vite app whose `.env` fails the gate, `.env.production` a FIFO, `.env.production.local` a link to another. */
async function appWithFifos(): Promise<string> {
  const dir = await project({
    'package.json': JSON.stringify({ dependencies: { vite: '^5.0.0' } }),
    '.env': `VITE_CLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}\n`
  });
  execFileSync('mkfifo', [join(dir, '.env.production')]);
  await mkdir(join(dir, 'pipes'));
  execFileSync('mkfifo', [join(dir, 'pipes', 'fifo')]);
  await symlink(join(dir, 'pipes', 'fifo'), join(dir, '.env.production.local'));
  return dir;
}

describe('a FIFO at a dotenv name in a directory', () => {
  it('dist/cli.js --format json: skipped with the reason, never read; the verdict as usual', async () => {
    const dir = await appWithFifos();
    const run = await runDistCli(dir, ['--offline', '--format', 'json'], { timeoutMs: 20_000 });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        { file: '.env.production', reason: 'a FIFO (named pipe), not a regular file' },
        { file: '.env.production.local', reason: 'a FIFO (named pipe), not a regular file' }
      ])
    );
    // The regular file next to them is still read and judged: the development key fails the production gate.
    expect(report.sources).toEqual([expect.objectContaining({ file: '.env', variables: 1 })]);
    expect(report.findings.map((f) => f.rule)).toContain('dev-publishable-key');
    expect(report.passed).toBe(false);
    expect(run.code).toBe(1);
  });

  it('dist/cli.js (text): the skipped FIFO is listed with its reason', async () => {
    const dir = await appWithFifos();
    const run = await runDistCli(dir, ['--offline'], { timeoutMs: 20_000 });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('.env.production');
    expect(run.stdout).toContain('a FIFO (named pipe), not a regular file');
  });
});
