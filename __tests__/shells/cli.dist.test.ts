/**
 * Every output of dist/cli.js that echoes input, in an Actions step (GITHUB_ACTIONS=true), run through a
 * runner-faithful scanner (helpers/runner-commands.ts): the JSON, markdown and SARIF reports on standard output,
 * and the error messages on standard error, with hostile directory and file names. JSON and SARIF stay valid and
 * carry the names unchanged; the error paths of dist/index.js fail the step with the name as data.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { DEV_HOST, publishableKey } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import { crashLines, runDistAction } from '../helpers/run-dist-action.js';
import { actionBundleOptions, runDistCli } from '../helpers/run-dist-cli.js';
import { describeCommands, inert, scanRunnerCommands } from '../helpers/runner-commands.js';

jest.setTimeout(60_000);

const HOSTILE = [
  'x\n::error::x',
  '##[warning]x',
  '::add-mask::abc',
  '::stop-commands::tok',
  'a\r::warning title=cr::x'
] as const;

const IN_ACTIONS = { env: { GITHUB_ACTIONS: 'true' } };

/** The commands a stream would execute, apart from one stop-commands block the gate opened and closed itself. */
function foreignCommands(stream: string): string[] {
  const { executed } = scanRunnerCommands(stream);
  const stop = executed.findIndex((c) => c.command === 'stop-commands' && /^clerk-production-gate-/.test(c.data));
  const own =
    stop >= 0 && executed[stop + 1]?.kind === 'resume' && executed[stop + 1]?.command === executed[stop]?.data
      ? [executed[stop], executed[stop + 1]]
      : [];
  return describeCommands(executed.filter((c) => !own.includes(c)));
}

interface Located {
  findings: { location: { file?: string } }[];
}

describe.each(HOSTILE.map((name) => [inert(name), name]))('a directory named %s', (_, name) => {
  const file = `${name}/.env`;
  const workspace = (): Promise<string> =>
    project({ [file]: `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}\n` });

  it.each(['json', 'sarif', 'markdown'])(
    'dist/cli.js --format %s executes nothing and keeps the report',
    async (format) => {
      const run = await runDistCli(await workspace(), ['--offline', '--format', format, `./${name}`], IN_ACTIONS);
      expect(run.code).toBe(1);
      expect(crashLines(run)).toEqual([]);
      expect(foreignCommands(run.stdout)).toEqual([]);
      expect(foreignCommands(run.stderr)).toEqual([]);
      if (format === 'json') {
        // The escapes are inside strings: the parsed report names the directory exactly.
        const report = JSON.parse(run.stdout) as Located;
        expect(report.findings.map((f) => f.location.file)).toContain(file);
      }
      if (format === 'sarif') expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    }
  );

  it('dist/cli.js: a path that does not exist is an error that executes nothing', async () => {
    const run = await runDistCli(await workspace(), ['--offline', `${name}/missing.env`], IN_ACTIONS);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.env');
    expect(foreignCommands(run.stderr)).toEqual([]);
    expect(foreignCommands(run.stdout)).toEqual([]);
  });

  it('dist/cli.js: an unreadable --vars-json file is an error that executes nothing', async () => {
    const run = await runDistCli(await workspace(), ['--offline', '--vars-json', `${name}.json`], IN_ACTIONS);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--vars-json: cannot read');
    expect(foreignCommands(run.stderr)).toEqual([]);
  });

  it('dist/index.js: a path that does not exist fails the step with the name as data', async () => {
    const run = await runDistAction(
      await workspace(),
      { 'env-files': `${name}/missing.env`, offline: 'true' },
      { timeoutMs: 50_000, ...actionBundleOptions() }
    );
    expect(run.code).toBe(2);
    const { executed } = scanRunnerCommands(run.stdout);
    expect(describeCommands(executed.filter((c) => c.command !== 'error'))).toEqual([]);
    // A newline separates env-files entries: the first one is then the path that does not exist.
    expect(executed.filter((c) => c.command === 'error').map((c) => c.data)).toEqual([
      expect.stringMatching(/: (no such file or directory|matched no files)$/)
    ]);
    expect(foreignCommands(run.stderr)).toEqual([]);
  });
});

it('outside Actions the error is one plain line, with no workflow-command wrapping', async () => {
  const run = await runDistCli(await project({}), ['--offline', '--vars-json', 'missing.json']);
  expect(run.stderr).toBe('clerk-production-gate: --vars-json: cannot read missing.json (ENOENT)\n');
});
