/**
 * Broken vars/secrets JSON through the shipped bundles: the position is found by a chunk loaded only on this path
 * (sources/json-position.ts), so the bundles must ship it and load it from where they run.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { project } from '../helpers/run-cli.js';
import { runDistAction } from '../helpers/run-dist-action.js';
import { runDistCli } from '../helpers/run-dist-cli.js';

jest.setTimeout(60_000);

const secret = 'sk_live_' + 'Jp7'.repeat(12);
const BROKEN = `{\n  "CLERK_SECRET_KEY": ${secret}\n}`;

describe('broken JSON input in the bundles', () => {
  it('dist/cli.js names the file, line and column, exit 2, never the text', async () => {
    const cwd = await project({ '.env.production': 'A=1\n' });
    await writeFile(join(cwd, 'vars.json'), BROKEN);
    const run = await runDistCli(cwd, ['--offline', '--vars-json', 'vars.json', '.']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('vars.json: invalid JSON at line 2, column 23');
    expect(run.stderr + run.stdout).not.toContain(secret.slice(8));
  });

  it('dist/index.js fails the step with the input, line and column, never the text', async () => {
    const workspace = await project({ '.env.production': 'A=1\n' });
    const run = await runDistAction(workspace, { offline: 'true', comment: 'never', 'secrets-json': BROKEN });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('invalid JSON at line 2, column 23');
    expect(run.stdout + run.stderr + run.summary).not.toContain(secret.slice(8));
  });
});
