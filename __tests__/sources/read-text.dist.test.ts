/**
 * Only regular files are read, each with a byte cap, through the shipped CLI: a committed `package.json` linked
 * to /dev/zero, a link file that is a FIFO and an oversized dotenv file each end the run at once with exit 2 and a
 * message naming the file, instead of reading without end or waiting for a writer.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { project } from '../helpers/run-cli.js';
import { runDistCli } from '../helpers/run-dist-cli.js';

jest.setTimeout(60_000);

const LIVE_PK = `pk_live_${Buffer.from('clerk.example-gate.com$').toString('base64')}`;
const ENV = `VITE_CLERK_PUBLISHABLE_KEY=${LIVE_PK}\n`;

describe('files the gate finds are read only when regular, and capped', () => {
  it('a package.json linked to /dev/zero is an input error, not an endless read', async () => {
    const dir = await project({ '.env.production': ENV });
    await symlink('/dev/zero', join(dir, 'package.json'));
    const started = Date.now();
    const run = await runDistCli(dir, [], { timeoutMs: 20_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/package\.json: a device file, not a regular file/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a package.json that is a FIFO is an input error, not a wait for a writer', async () => {
    const dir = await project({ '.env.production': ENV });
    execFileSync('mkfifo', [join(dir, 'package.json')]);
    const run = await runDistCli(dir, [], { timeoutMs: 20_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/package\.json: a FIFO \(named pipe\), not a regular file/);
  });

  it('a .vercel/project.json that is a FIFO is an error naming the file, not a hang', async () => {
    const dir = await project({
      'package.json': JSON.stringify({ dependencies: { vite: '1.0.0' } }),
      '.env.production': ENV
    });
    await mkdir(join(dir, '.vercel'));
    execFileSync('mkfifo', [join(dir, '.vercel/project.json')]);
    const run = await runDistCli(dir, [], { timeoutMs: 20_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.vercel\/project\.json could not be read \(a FIFO/);
  });

  it('a dotenv file over 4 MB is refused by name, not judged in part', async () => {
    const dir = await project({ 'package.json': JSON.stringify({ dependencies: { vite: '1.0.0' } }) });
    await writeFile(join(dir, '.env.production'), `${ENV}${'# filler\n'.repeat(500_000)}`);
    const run = await runDistCli(dir, [], { timeoutMs: 20_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.env\.production: larger than 4 MB/);
  });

  it('a dotenv file named on the command line that links to a FIFO is an input error', async () => {
    const dir = await project({ 'package.json': JSON.stringify({ dependencies: { vite: '1.0.0' } }) });
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    await symlink('pipe', join(dir, '.env.ci'));
    const run = await runDistCli(dir, ['.env.ci'], { timeoutMs: 20_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.env\.ci: /);
  });
});
