/**
 * The gate fails closed, end to end through the SHIPPED bundles (dist/cli.js and dist/index.js as their own
 * processes): a tree it could not read, a value its parser cannot take, a secret it must mask without letting the
 * input choose what else gets masked, and a runner without a job-summary file.
 * ACTION_E2E_NODE (e.g. Node 24) is used for the "other Node" variant of the long-value test when set.
 */
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_HOST, fakeSecret, PROD_HOST, publishableKey, secretKey } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import { crashLines, runDistAction, type DistActionOptions, type DistActionRun } from '../helpers/run-dist-action.js';
import {
  actionAsUser,
  actionBundleOptions,
  canRunAs,
  NOBODY,
  openToEveryone,
  runDistCli,
  type DistCliRun
} from '../helpers/run-dist-cli.js';
import { inert, REGISTERED_COMMANDS, scanRunnerCommands } from '../helpers/runner-commands.js';

jest.setTimeout(60_000);

const liveEnv = (): string =>
  `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(PROD_HOST, 'live')}\nCLERK_SECRET_KEY=${secretKey('live')}\n`;

/** crashLines, JSON-quoted and cut short: a failure prints no raw line (the runner would read it as a command). */
const crashes = (run: { stdout: string; stderr: string }): string[] =>
  crashLines(run).map((line) => inert(line.slice(0, 300)));

/** stderr as lines, without the final newline. */
const stderrLines = (run: { stderr: string }): string[] => run.stderr.replace(/\n$/, '').split('\n');

/** A run that ended in one input-error line on stderr, not a crash. */
function expectOneErrorLine(run: DistCliRun, ...parts: (string | RegExp)[]): void {
  expect(run.signal).toBeNull();
  expect(run.code).toBe(2);
  expect(crashes(run)).toEqual([]);
  expect(run.stdout.length).toBe(0);
  const lines = stderrLines(run);
  expect(lines.length).toBe(1);
  // Cut short in what a failure prints: a message that echoed the value would be 10 MB.
  const line = (lines[0] ?? '').slice(0, 400);
  expect(line).toMatch(/^clerk-production-gate: /);
  for (const part of parts) {
    if (typeof part === 'string') expect(line).toContain(part);
    else expect(line).toMatch(part);
  }
  expect(/internal error|Maximum call stack|RangeError/i.test(run.stderr)).toBe(false);
}

/** The action's own failure line, `::error::…`, the one error command without properties. */
function stepError(result: DistActionRun): string[] {
  return scanRunnerCommands(result.stdout)
    .executed.filter((c) => c.command === 'error' && Object.keys(c.properties).length === 0)
    .map((c) => c.data);
}

describe('a glob that meets an unreadable directory', () => {
  // Root reads any file: then the children run as nobody, in a tree opened to everyone but apps/secret.
  const isRoot = process.getuid?.() === 0;
  const supported = process.platform !== 'win32' && process.getuid !== undefined;
  const probe = isRoot
    ? canRunAs(NOBODY.uid, NOBODY.gid, process.env.E2E_NODE ?? process.env.ACTION_E2E_NODE)
    : { ok: supported, reason: 'no POSIX permissions here' };
  const user = isRoot ? NOBODY : {};
  const itPerms = probe.ok ? it : it.skip;
  if (!probe.ok) console.log(`fail-closed: unreadable-directory tests skipped: ${probe.reason}`);

  // Mode 000 directories are opened again afterwards, so that the temporary trees can be removed.
  const locked: string[] = [];
  afterAll(async () => {
    for (const dir of locked) await chmod(dir, 0o755);
  });

  /** apps/web passes on its own; apps/secret (mode 000) holds a .env the gate cannot see. */
  async function tree(): Promise<string> {
    const dir = await project({
      'apps/web/package.json': JSON.stringify({ dependencies: { next: '15.0.0' } }),
      'apps/web/.env': liveEnv(),
      'apps/secret/.env': `CLERK_SECRET_KEY=${secretKey('test')}\n`
    });
    await openToEveryone(dir);
    locked.push(join(dir, 'apps/secret'));
    await chmod(join(dir, 'apps/secret'), 0o000);
    return dir;
  }

  itPerms('dist/cli.js: exits 2 with one line naming apps/secret; without it the same tree passes', async () => {
    const dir = await tree();
    const baseline = await runDistCli(dir, ['--offline', 'apps/web/.env*'], user);
    expect(baseline.stderr.slice(0, 400)).toBe('');
    expect(baseline.code).toBe(0);

    const run = await runDistCli(dir, ['--offline', 'apps/*/.env*'], user);
    expectOneErrorLine(run, 'apps/secret', 'permission denied', 'apps/*/.env*');
  });

  itPerms('dist/cli.js: an explicit path inside it exits 2 naming the path', async () => {
    const run = await runDistCli(await tree(), ['--offline', 'apps/secret/.env'], user);
    expectOneErrorLine(run, /: apps\/secret\/\.env: permission denied$/);
  });

  itPerms('dist/index.js: exits 2 with one ::error:: naming apps/secret; without it the same tree passes', async () => {
    const dir = await tree();
    const options: DistActionOptions = isRoot ? await actionAsUser(NOBODY.uid, NOBODY.gid) : actionBundleOptions();
    const baseline = await runDistAction(dir, { 'env-files': 'apps/web/.env*', offline: 'true' }, options);
    expect(crashes(baseline)).toEqual([]);
    expect(baseline.code).toBe(0);
    expect(baseline.outputs.passed).toBe('true');

    const result = await runDistAction(dir, { 'env-files': 'apps/*/.env*', offline: 'true' }, options);
    expect(crashes(result)).toEqual([]);
    expect(result.code).toBe(2);
    expect(result.outputs.passed).toBeUndefined();
    const errors = stepError(result);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('apps/secret');
    expect(errors[0]).toContain('permission denied');
    expect(errors[0]).not.toContain('\n');

    const explicit = await runDistAction(dir, { 'env-files': 'apps/secret/.env', offline: 'true' }, options);
    expect(explicit.code).toBe(2);
    expect(stepError(explicit)).toEqual([expect.stringMatching(/^apps\/secret\/\.env: permission denied$/)]);
  });
});

describe('a 10 MB quoted value on line 3: over the dotenv cap (4 MB), refused before parsing', () => {
  const huge = 'x'.repeat(10 * 1024 * 1024);
  const variants = {
    'closed "…"': `FIRST=1\n# the next line is too long\nHUGE="${huge}"\nLAST=2\n`,
    "unclosed '…": `FIRST=1\n# the next line is too long\nHUGE='${huge}\nLAST=2\n`
  };
  const otherNode =
    process.env.ACTION_E2E_NODE ??
    (existsSync('/tmp/node24/node_modules/.bin/node') ? '/tmp/node24/node_modules/.bin/node' : undefined);
  const otherVersion = otherNode
    ? spawnSync(otherNode, ['--version'], { encoding: 'utf8' }).stdout.trim() || 'unknown version'
    : undefined;
  if (!otherNode) console.log('fail-closed: the other-Node variant is skipped: no /tmp/node24 and no ACTION_E2E_NODE');

  describe.each(Object.entries(variants))('%s', (_, text) => {
    it(`dist/cli.js on this Node (${process.version}): exits 2, one line naming .env and its cap`, async () => {
      const run = await runDistCli(await project({ '.env': text }), ['--offline', '.env']);
      expectOneErrorLine(run, /^clerk-production-gate: \.env: larger than 4 MB, not a dotenv file \(not read\)$/);
    });

    (otherNode ? it : it.skip)(
      `dist/cli.js on ${otherNode ? `${otherNode} (${otherVersion})` : 'Node 24 (not found)'}: the same`,
      async () => {
        const run = await runDistCli(await project({ '.env': text }), ['--offline', '.env'], { node: otherNode });
        expectOneErrorLine(run, /^clerk-production-gate: \.env: larger than 4 MB, not a dotenv file \(not read\)$/);
      }
    );

    it('dist/index.js: exits 2 with that line as its ::error::', async () => {
      const result = await runDistAction(
        await project({ '.env': text }),
        { 'env-files': '.env', offline: 'true' },
        actionBundleOptions()
      );
      expect(crashes(result)).toEqual([]);
      expect(result.code).toBe(2);
      expect(stepError(result)).toEqual([
        expect.stringMatching(/^\.env: larger than 4 MB, not a dotenv file \(not read\)$/)
      ]);
      expect(/Maximum call stack|RangeError/.test(result.stdout)).toBe(false);
    });
  });
});

describe('a multi-line secret is masked line by line, but its input cannot choose to mask a command word', () => {
  const COMMAND_WORDS = new Set(REGISTERED_COMMANDS);

  describe.each(['error', 'stop-commands', 'add-mask', 'Stop-Commands'])('a line "%s"', (word) => {
    it('dist/index.js: add-mask gets the whole value and each long line, no short line, not the word', async () => {
      const long1 = fakeSecret('whsec_', 'LineOne', 1);
      const long2 = fakeSecret('', 'LineTwo', 2);
      const eight = 'Z9y8X7w6';
      const shortLines = ['x7Q', 'Q1w2E3r'];
      const value = [long1, shortLines[0], word, eight, shortLines[1], long2].join('\n');
      const liveSecret = secretKey('live');
      const workspace = await project({});
      const result = await runDistAction(
        workspace,
        {
          'vars-json': JSON.stringify({ NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: publishableKey(PROD_HOST, 'live') }),
          'secrets-json': JSON.stringify({ CLERK_WEBHOOK_SECRET: value, CLERK_SECRET_KEY: liveSecret }),
          offline: 'true'
        },
        actionBundleOptions()
      );
      expect(crashes(result)).toEqual([]);
      expect(result.code).toBe(0);

      const masked = scanRunnerCommands(result.stdout)
        .executed.filter((c) => c.command === 'add-mask')
        .map((c) => c.data);
      // Compared by membership, never printed: these are secrets.
      const expected = [value, long1, eight, long2, liveSecret];
      expect(expected.map((secret) => masked.includes(secret))).toEqual(expected.map(() => true));
      expect(masked.every((data) => expected.includes(data))).toBe(true);
      expect(masked.filter((data) => data.trim().length < 8).length).toBe(0);
      expect(masked.filter((data) => COMMAND_WORDS.has(data.trim().toLowerCase())).length).toBe(0);
      expect(masked.includes(word)).toBe(false);
    });
  });
});

describe('the job summary file is missing (the runner normally creates it)', () => {
  async function missingSummary(): Promise<string> {
    return join(await mkdtemp(join(tmpdir(), 'no-summary-')), 'missing', 'step-summary.md');
  }

  it.each([
    ['a failing project', 1, () => `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}\n`],
    ['a passing project', 0, liveEnv]
  ] as const)('%s keeps its verdict (exit %i) and warns that the summary was not written', async (_, code, env) => {
    const summaryPath = await missingSummary();
    const result = await runDistAction(
      await project({ '.env': env() }),
      { 'env-files': '.env', offline: 'true' },
      { ...actionBundleOptions(), extraEnv: { GITHUB_STEP_SUMMARY: summaryPath } }
    );
    expect(crashes(result)).toEqual([]);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(code);
    expect(result.outputs.passed).toBe(code === 0 ? 'true' : 'false');
    const report = JSON.parse(await readFile(result.reportFile, 'utf8')) as { passed: boolean };
    expect(report.passed).toBe(code === 0);

    const { executed } = scanRunnerCommands(result.stdout);
    const warnings = executed.filter((c) => c.command === 'warning' && Object.keys(c.properties).length === 0);
    expect(warnings.map((c) => c.data)).toEqual([expect.stringMatching(/^The job summary was not written: \S/)]);
    expect(stepError(result)).toEqual(
      code === 0 ? [] : [expect.stringMatching(/^Clerk production gate failed: \d+ errors, \d+ warnings\.$/)]
    );
    // The runner-created summary file of runDistAction was not the one named, so it stays empty.
    expect(result.summary.length).toBe(0);
    expect(existsSync(summaryPath)).toBe(false);
  });

  it('a summary file that exists is written (the warning above is about the missing file only)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'summary-'));
    const summaryPath = join(dir, 'step-summary.md');
    await writeFile(summaryPath, '');
    const result = await runDistAction(
      await project({ '.env': liveEnv() }),
      { 'env-files': '.env', offline: 'true' },
      { ...actionBundleOptions(), extraEnv: { GITHUB_STEP_SUMMARY: summaryPath } }
    );
    expect(result.code).toBe(0);
    expect(scanRunnerCommands(result.stdout).executed.filter((c) => c.command === 'warning')).toEqual([]);
    expect(await readFile(summaryPath, 'utf8')).toContain('Clerk production gate: passed');
  });
});
