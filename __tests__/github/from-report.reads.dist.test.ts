/**
 * `from-report` names a file in the workspace, which comes from another run: through dist/index.js, one that is not
 * a regular file (a FIFO, a link to a device) is an input error naming it (exit 2), at once, never read.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { project } from '../helpers/run-cli.js';
import { runDistAction } from '../helpers/run-dist-action.js';
import { actionBundleOptions } from '../helpers/run-dist-cli.js';
import { plainErrors } from './on-github.js';

jest.setTimeout(60_000);

describe('from-report naming a file that is not a regular file', () => {
  it.each([
    ['a FIFO', (path: string) => execFileSync('mkfifo', [path]), 'a FIFO (named pipe), not a regular file'],
    ['a link to /dev/zero', (path: string) => symlink('/dev/zero', path), 'a device file, not a regular file']
  ])('%s: exit 2, the message names the file', async (_kind, make, reason) => {
    const workspace = await project({});
    await make(join(workspace, 'report.json'));
    const run = await runDistAction(
      workspace,
      { 'from-report': 'report.json' },
      { ...actionBundleOptions(), timeoutMs: 30_000 }
    );
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(plainErrors(run)).toEqual([`from-report: cannot read report.json: ${reason}`]);
  });
});
