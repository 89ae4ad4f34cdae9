/**
 * Workflow-command injection, end to end through the SHIPPED bundles: a path or a variable name from the input
 * that the gate echoes must never become a command the Actions runner executes (`::error title=Deploy
 * approved::…`, `::add-mask::`, `::stop-commands::`, `::set-output`, `##[error]…`).
 *
 * Each case runs dist/index.js (through runDistAction, as the runner runs a node action) and dist/cli.js (its own
 * process, text format) with and without GITHUB_ACTIONS=true; stdout AND stderr (the runner reads both for
 * commands) go through a runner-faithful scanner (helpers/runner-commands.ts) that returns what would execute.
 * ACTION_E2E_NODE, ACTION_E2E_BUNDLE and CLI_E2E_BUNDLE run another Node or another build (as shells/main.dist.test.ts).
 */
import { describe, expect, it, jest } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEV_HOST, fakeSecret, publishableKey } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import { crashLines, runDistAction as runDistActionDefault, type DistActionRun } from '../helpers/run-dist-action.js';
import {
  actionBundleOptions,
  runDistCli as runDistCliDefault,
  type DistCliOptions,
  type DistCliRun
} from '../helpers/run-dist-cli.js';
import { describeCommands, inert, scanRunnerCommands, type ExecutedCommand } from '../helpers/runner-commands.js';

jest.setTimeout(60_000);

const runDistAction = (workspace: string, inputs: Record<string, string>): Promise<DistActionRun> =>
  runDistActionDefault(workspace, inputs, { timeoutMs: 50_000, ...actionBundleOptions() });
const runDistCli = (cwd: string, args: string[], options: DistCliOptions = {}): Promise<DistCliRun> =>
  runDistCliDefault(cwd, args, {
    ...(process.env.ACTION_E2E_NODE && { node: process.env.ACTION_E2E_NODE }),
    ...options
  });

/** Directory, file and (with a suffix) variable names that are workflow commands when they start a line. */
const HOSTILE = [
  '::error title=Deploy approved::All checks passed',
  ' ::warning::x',
  '##[error]boom',
  '::add-mask::abc',
  '::stop-commands::tok',
  '::set-output name=passed::true',
  // The runner trims Unicode white space (.NET TrimStart) before looking for `::`: no-break, ideographic, NEL.
  '\u00a0::error title=nbsp::x',
  '\u3000::error title=ideographic::x',
  '\u0085::error title=nel::x'
] as const;

/** Text that only a smuggled command would carry outside an annotation's message, file or title. */
const MARKERS = [
  'Deploy approved',
  'pwned',
  'boom',
  'abc',
  'tok',
  'All checks passed',
  'name=passed',
  '::x',
  'nbsp',
  'ideographic',
  'title=nel'
];

const devPublishable = (): string => publishableKey(DEV_HOST);

/** The stop-commands token the gate draws. */
const TOKEN = /^clerk-production-gate-[0-9a-f-]{36}$/;

/** A hostile string as test titles and assertion messages show it (see inert). */
const label = inert;

/** crashLines, inert and cut short. */
const crashes = (run: { stdout: string; stderr: string }): string[] =>
  crashLines(run).map((line) => label(line.slice(0, 300)));

/** As the text report shows a string: control characters (C0, DEL, C1) as `\xNN`, `##[` as `##\x5b`. */
function shown(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
      .replace(/##\[/g, '##\\x5b')
  );
}

/** The forms the human report may show `text` in at the start of a line: `./` in front, or `::` as `\x3a:`. */
function neutralForms(text: string): string[] {
  const display = shown(text);
  return [...new Set([`./${display}`, display.replace(/^(\s*)::/, '$1\\x3a:')])].filter(
    (form) => !/^\s*::/.test(form) && !form.includes('##[')
  );
}

/** Whether some line of `lines` starts with a neutral form of `path` followed by `rest`. */
function hasLine(lines: readonly string[], path: string, rest: string): boolean {
  return lines.some((line) => neutralForms(path).some((form) => line.startsWith(`${form}${rest}`)));
}

interface JsonReport {
  passed: boolean;
  findings: { rule: string; variable: string; suppressed?: unknown; location: { file?: string; source?: string } }[];
  checks: { id: string }[];
}

interface Expected {
  /** Secret values the test supplied: add-mask may register these and nothing else. */
  secrets: readonly string[];
  /** The relative paths an annotation may point at. */
  files: readonly string[];
  /** An annotation must point at exactly this path (the hostile one), proving it arrived as data. */
  hostileFile?: string;
}

/**
 * The action's stdout, as the runner would execute it: only the gate's own commands, each carrying only what
 * the gate means it to. Returns the lines of the stop-commands block (the human report).
 */
async function expectOnlyGateCommands(result: DistActionRun, expected: Expected): Promise<string[]> {
  expect(crashes(result)).toEqual([]);
  expect(result.signal).toBeNull();
  expect(result.code).toBe(1);
  // Outputs go to GITHUB_OUTPUT: a smuggled `::set-output name=passed::true` must not have won.
  expect(result.outputs.passed).toBe('false');
  expect(describeCommands(scanRunnerCommands(result.stderr).executed)).toEqual([]);

  const { executed, stoppedLines } = scanRunnerCommands(result.stdout);
  const report = JSON.parse(await readFile(result.reportFile, 'utf8')) as JsonReport;
  expect(report.passed).toBe(false);
  const titles = new Set(
    report.findings
      .filter((f) => !f.suppressed)
      .map((f) => `${f.rule}: ${f.variable}${f.location.source ? ` (${f.location.source})` : ''}`)
  );
  const ruleIds = new Set(report.checks.map((check) => check.id));

  const stops = executed.filter((c) => c.command.toLowerCase() === 'stop-commands');
  const resumes = executed.filter((c) => c.kind === 'resume');
  expect(stops.length).toBe(1);
  expect(resumes.length).toBe(1);
  const token = stops[0]?.data ?? '';
  expect(TOKEN.test(token)).toBe(true);
  expect(resumes[0]?.command === token).toBe(true);
  expect(resumes[0]?.line ?? -1).toBeGreaterThan(stops[0]?.line ?? Infinity);
  // Masking comes first: no line of the report is written before the runner knows the secrets.
  const masks = executed.filter((c) => c.command.toLowerCase() === 'add-mask');
  expect(masks.every((c) => c.line < (stops[0]?.line ?? -1))).toBe(true);
  // The whole human report is inside the block.
  expect(/^clerk-production-gate {2}environment production {2}FAILED$/.test(stoppedLines[0] ?? '')).toBe(true);
  expect(stoppedLines.some((line) => /^\d+ errors?, \d+ warnings?, \d+ notices? \(\d+ suppressed\)$/.test(line))).toBe(
    true
  );

  const unexpected: string[] = [];
  const annotations: ExecutedCommand[] = [];
  for (const command of executed) {
    const name = command.command.toLowerCase();
    const props = Object.keys(command.properties);
    if (command === stops[0] || command === resumes[0]) continue;
    if (name === 'add-mask' && props.length === 0 && expected.secrets.includes(command.data)) continue;
    if (
      name === 'error' &&
      props.length === 0 &&
      /^Clerk production gate failed: \d+ errors, \d+ warnings\.$/.test(command.data)
    ) {
      continue;
    }
    if (['error', 'warning', 'notice'].includes(name) && command.kind === 'v2') {
      const { title, file, line, col, ...rest } = command.properties;
      // `<rule-id>: <variable>[ (<source>)]` of a finding in the report, or the gate's own aggregate.
      const ownTitle =
        title !== undefined &&
        ((titles.has(title) && ruleIds.has(title.slice(0, title.indexOf(': ')))) ||
          (/^clerk-production-gate: \d+ more (error|warning|notice)s$/.test(title) && file === undefined));
      const ownPlace =
        file === undefined
          ? line === undefined && col === undefined
          : expected.files.includes(file) && /^\d+$/.test(line ?? '') && /^\d+$/.test(col ?? '');
      if (ownTitle && ownPlace && Object.keys(rest).length === 0) {
        annotations.push(command);
        continue;
      }
    }
    unexpected.push(describeCommands([command])[0] ?? '');
  }
  expect(unexpected).toEqual([]);

  // Hostile text may ride only inside an annotation's message, file or title (all escaped by the gate).
  const carriers = executed.flatMap((command) => {
    // Their data is the token, checked above (a random UUID may hold `abc`).
    if (command === stops[0] || command === resumes[0]) return [];
    const isAnnotation = annotations.includes(command);
    const fields = Object.entries(command.properties)
      .filter(([key]) => !(isAnnotation && (key === 'file' || key === 'title')))
      .map(([, value]) => value);
    if (!isAnnotation && command.command.toLowerCase() !== 'add-mask') fields.push(command.data);
    return MARKERS.filter((marker) => fields.some((field) => field.includes(marker))).map(
      (marker) => `${command.command} carries ${marker}`
    );
  });
  expect(carriers).toEqual([]);

  if (expected.hostileFile !== undefined) {
    expect(annotations.some((a) => a.properties.file === expected.hostileFile)).toBe(true);
  }
  return stoppedLines;
}

/** The CLI's text report in a CI step: one stop-commands block, and nothing else executes. */
function expectCliInertInActions(run: DistCliRun): string[] {
  expect(run.signal).toBeNull();
  expect(run.code).toBe(1);
  expect(crashes(run)).toEqual([]);
  expect(describeCommands(scanRunnerCommands(run.stderr).executed)).toEqual([]);
  const { executed, stoppedLines } = scanRunnerCommands(run.stdout);
  expect(executed.map((c) => c.kind)).toEqual(['v2', 'resume']);
  const [stop, resume] = executed;
  expect(stop?.command).toBe('stop-commands');
  expect(TOKEN.test(stop?.data ?? '')).toBe(true);
  expect(resume?.command === stop?.data).toBe(true);
  expect(run.stdout.startsWith('::stop-commands::')).toBe(true);
  expect(run.stdout.trimEnd().endsWith(`::${stop?.data}::`)).toBe(true);
  return stoppedLines;
}

/** The CLI's text report outside Actions: no line of it would execute if it were pasted into a step's log. */
function expectCliInert(run: DistCliRun): string[] {
  expect(run.signal).toBeNull();
  expect(run.code).toBe(1);
  expect(crashes(run)).toEqual([]);
  expect(describeCommands(scanRunnerCommands(run.stderr).executed)).toEqual([]);
  expect(describeCommands(scanRunnerCommands(run.stdout).executed)).toEqual([]);
  // Not wrapped: the block is for a CI step only.
  expect(/^::stop-commands::clerk-production-gate-/m.test(run.stdout)).toBe(false);
  return run.stdout.split('\n');
}

/** A dotenv file with a line dotenv ignores (line 1) and a development publishable key (line 2). */
const hostileEnv = (): string => `garbage line\nNEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${devPublishable()}\n`;

/** The report shows the finding at `file:2:1` and the ignored line as `file:1: note`, both neutralised. */
function expectInformative(lines: readonly string[], file: string): void {
  expect(hasLine(lines, file, ':2:1  error    dev-publishable-key  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY = ')).toBe(true);
  expect(hasLine(lines, file, ':1: note: ')).toBe(true);
}

const GITHUB_ACTIONS = { GITHUB_ACTIONS: 'true' };

describe.each(HOSTILE.map((name) => [label(name), name]))('a directory named %s', (_, name) => {
  const file = `${name}/.env`;
  const workspace = (): Promise<string> => project({ [file]: hostileEnv() });

  it('dist/index.js: only the gate’s own commands execute; the annotation points at the path as data', async () => {
    const result = await runDistAction(await workspace(), { 'env-files': `./${name}`, offline: 'true' });
    const report = await expectOnlyGateCommands(result, { secrets: [], files: [file], hostileFile: file });
    expectInformative(report, file);
  });

  it('dist/cli.js with GITHUB_ACTIONS=true: the report is inside one stop-commands block', async () => {
    const run = await runDistCli(await workspace(), ['--offline', `./${name}`], { env: GITHUB_ACTIONS });
    expectInformative(expectCliInertInActions(run), file);
  });

  it('dist/cli.js outside Actions: no line of the report is a command', async () => {
    const run = await runDistCli(await workspace(), ['--offline', `./${name}`]);
    expectInformative(expectCliInert(run), file);
  });

  it('through a glob too (the path comes from the directory listing, not the argument)', async () => {
    const dir = await workspace();
    const result = await runDistAction(dir, { 'env-files': '*/.env', offline: 'true' });
    expectInformative(await expectOnlyGateCommands(result, { secrets: [], files: [file], hostileFile: file }), file);
    expectInformative(expectCliInert(await runDistCli(dir, ['--offline', '*/.env'])), file);
  });
});

describe.each(HOSTILE.map((name) => [label(name), name]))('a dotenv FILE named %s, passed explicitly', (_, name) => {
  const workspace = (): Promise<string> => project({ [name]: hostileEnv() });

  it('dist/index.js', async () => {
    const result = await runDistAction(await workspace(), { 'env-files': `./${name}`, offline: 'true' });
    expectInformative(await expectOnlyGateCommands(result, { secrets: [], files: [name], hostileFile: name }), name);
  });

  it('dist/cli.js with and without GITHUB_ACTIONS=true', async () => {
    const dir = await workspace();
    expectInformative(
      expectCliInertInActions(await runDistCli(dir, ['--offline', `./${name}`], { env: GITHUB_ACTIONS })),
      name
    );
    expectInformative(expectCliInert(await runDistCli(dir, ['--offline', `./${name}`])), name);
  });
});

describe.each(HOSTILE.map((name) => [label(name), name]))(
  'only a diagnostics note names the directory %s',
  (_, name) => {
    const file = `${name}/.env`;
    // The hostile directory has no finding: its path reaches the output only through `file:line: note`.
    const workspace = (): Promise<string> =>
      project({
        [file]: 'garbage line\nUNRELATED=1\n',
        'web/.env': `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${devPublishable()}\n`
      });
    const expectNote = (lines: readonly string[]): void => {
      expect(hasLine(lines, file, ':1: note: ')).toBe(true);
      expect(lines.some((line) => line.startsWith('web/.env:1:1  error    dev-publishable-key'))).toBe(true);
    };

    it('dist/index.js', async () => {
      const result = await runDistAction(await workspace(), { 'env-files': `./${name}\nweb`, offline: 'true' });
      expectNote(await expectOnlyGateCommands(result, { secrets: [], files: ['web/.env'] }));
    });

    it('dist/cli.js with and without GITHUB_ACTIONS=true', async () => {
      const dir = await workspace();
      expectNote(
        expectCliInertInActions(await runDistCli(dir, ['--offline', `./${name}`, 'web'], { env: GITHUB_ACTIONS }))
      );
      expectNote(expectCliInert(await runDistCli(dir, ['--offline', `./${name}`, 'web'])));
    });
  }
);

/**
 * `vars` cannot hold such names on GitHub, but the gate must not trust its input. A name ending in
 * `_CLERK_SECRET_KEY` is a Clerk secret-key variable: its development key is a finding whose message starts
 * with the name, on a line of its own. The control-character names would split a line for the runner.
 * Two groups, so that each finding gets its own annotation (past 10 a level, the gate aggregates).
 */
const HOSTILE_NAMES = [
  ['::error title=pwned::x CLERK_SECRET_KEY', ...HOSTILE.slice(0, 6).map((name) => `${name}_CLERK_SECRET_KEY`)],
  [
    ...HOSTILE.slice(6).map((name) => `${name}_CLERK_SECRET_KEY`),
    '::error title=pwned::y_CLERK_SECRET_KEY',
    'cr\r::error title=pwned::cr_CLERK_SECRET_KEY',
    'lf\n::error title=pwned::lf_CLERK_SECRET_KEY'
  ]
];

describe.each(HOSTILE_NAMES.map((names, i) => [i + 1, names] as const))(
  'hostile variable names (group %i) and values from vars-json',
  (_, names) => {
    const secrets = names.map((_, i) => fakeSecret('sk_test_', 'Hostile', i));
    const vars = (): string =>
      JSON.stringify({
        ...Object.fromEntries(names.map((name, i) => [name, secrets[i]])),
        NEXT_PUBLIC_CLERK_SIGN_IN_URL: 'http://localhost:3000/::error::x',
        NEXT_PUBLIC_CLERK_SIGN_UP_URL: 'http://localhost:3000/\n::error title=pwned::lf'
      });
    /** Findings named after the hostile variables, each with its message on the next line. */
    const expectNamed = (lines: readonly string[]): void => {
      const missing = names
        .filter((n) => /_CLERK_SECRET_KEY$/.test(n))
        .flatMap((name) => {
          // Control characters are shown as \xNN and `##[` as `##\x5b`; at the start of a line `::` as `\x3a:`.
          const head = `dev-secret-key  ${shown(name)} = sk_test_`;
          const message = `    ${neutralForms(name).at(-1)} holds a development secret key (\`sk_test_…\`).`;
          return [
            ...(lines.some((line) => line.includes(head)) ? [] : [`finding line for ${label(name)}`]),
            ...(lines.includes(message) ? [] : [`message line for ${label(name)}`])
          ];
        });
      expect(missing).toEqual([]);
      expect(
        lines.some((line) => line.includes('dev-url  NEXT_PUBLIC_CLERK_SIGN_IN_URL = http://localhost:3000/::error::x'))
      ).toBe(true);
    };

    it('dist/index.js: names reach titles only as escaped properties; every secret is masked, nothing else', async () => {
      const result = await runDistAction(await project({}), { 'vars-json': vars(), offline: 'true' });
      const report = await expectOnlyGateCommands(result, { secrets, files: [] });
      expectNamed(report);
      const masked = scanRunnerCommands(result.stdout).executed.filter((c) => c.command === 'add-mask');
      // Compared by count and membership: the values are secrets and are not printed.
      expect(secrets.filter((secret) => !masked.some((c) => c.data === secret)).length).toBe(0);
      // Each hostile name that the rules read is a finding whose title names it exactly.
      const titles = scanRunnerCommands(result.stdout).executed.map((c) => c.properties.title);
      const untitled = names
        .filter((n) => /_CLERK_SECRET_KEY$/.test(n) && !titles.includes(`dev-secret-key: ${n} (vars)`))
        .map(label);
      expect(untitled).toEqual([]);
    });

    it('dist/cli.js --vars-json FILE, with and without GITHUB_ACTIONS=true', async () => {
      const dir = await project({});
      await writeFile(join(dir, 'vars.json'), vars());
      const args = ['--offline', '--vars-json', 'vars.json'];
      expectNamed(expectCliInertInActions(await runDistCli(dir, args, { env: GITHUB_ACTIONS })));
      expectNamed(expectCliInert(await runDistCli(dir, args)));
    });
  }
);
