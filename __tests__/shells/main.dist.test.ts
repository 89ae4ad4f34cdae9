/**
 * End to end: the committed action bundle (dist/index.js) run as its own process, with the environment
 * the runner gives a `node24` action, on each form the `env-files` input takes and on vars/secrets.
 * ACTION_E2E_NODE=/path/to/node runs the bundle with another Node (e.g. Node 24) instead of this one;
 * ACTION_E2E_BUNDLE=/path/to/index.js runs another build of the bundle instead of the committed one.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEV_HOST, fakeSecret, PROD_HOST, publishableKey, secretKey } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import {
  actionInputDefaults,
  crashLines,
  type DistActionOptions,
  type DistActionRun,
  EVENTS,
  inputVariable,
  runDistAction
} from '../helpers/run-dist-action.js';

jest.setTimeout(30_000);

const options: DistActionOptions = {
  ...(process.env.ACTION_E2E_NODE && { node: process.env.ACTION_E2E_NODE }),
  ...(process.env.ACTION_E2E_BUNDLE && { entry: process.env.ACTION_E2E_BUNDLE })
};
const run = (workspace: string, inputs: Record<string, string>, more: DistActionOptions = {}): Promise<DistActionRun> =>
  runDistAction(workspace, inputs, { ...options, ...more });

const nextPackage = JSON.stringify({ dependencies: { next: '15.0.0' } });
const devPublishable = (): string => publishableKey(DEV_HOST);
const livePublishable = (): string => publishableKey(PROD_HOST, 'live');
const LOCAL_REDIRECT = 'http://localhost:3000/dashboard';

interface JsonFinding {
  rule: string;
  severity: string;
  location: { file?: string; line?: number; column?: number; source?: string };
  shadowed_by?: { file?: string; line?: number };
}

function findings(result: DistActionRun): JsonFinding[] {
  if (result.outputs.findings === undefined) throw new Error('the action set no findings output');
  return JSON.parse(result.outputs.findings) as JsonFinding[];
}

/** `rule@file:line` (or `rule@source`) for each finding of the given severity, sorted. */
function located(result: DistActionRun, severity = 'error'): string[] {
  return findings(result)
    .filter((f) => f.severity === severity)
    .map((f) => `${f.rule}@${f.location.source ?? `${f.location.file}:${f.location.line}`}`)
    .sort();
}

/** `file:line` of each `::error` annotation that points at a file, sorted. */
function errorAnnotations(result: DistActionRun): string[] {
  return result.commands
    .filter((c) => c.command === 'error' && c.properties.file)
    .map((c) => `${c.properties.file}:${c.properties.line}`)
    .sort();
}

/** The summary's findings-table row for a location (`file:line:column`), backslash escapes removed. */
function summaryRow(result: DistActionRun, location: string): string | undefined {
  return result.summary
    .split('\n')
    .find((line) => line.startsWith('|') && line.includes(`\`${location}\``))
    ?.replace(/\\/g, '');
}

/** What every run must show, whatever its verdict: no crash, the outputs and report the runner expects. */
async function expectReported(result: DistActionRun, code: 0 | 1): Promise<void> {
  expect(crashLines(result)).toEqual([]);
  expect(result.signal).toBeNull();
  expect(result.code).toBe(code);
  expect(result.outputs.passed).toBe(code === 0 ? 'true' : 'false');
  expect(result.outputs['report-file']).toBe(result.reportFile);
  const report = JSON.parse(await readFile(result.reportFile, 'utf8'));
  expect(report).toMatchObject({ version: 1, passed: code === 0 });
  expect(String(report.summary.errors)).toBe(result.outputs.errors);
  expect(result.summary).toContain(`Clerk production gate: ${code === 0 ? 'passed' : 'failed'}`);
  // The step's own failure line is the one error command without properties (annotations have a title).
  const failed = result.commands.filter((c) => c.command === 'error' && Object.keys(c.properties).length === 0);
  expect(failed.map((c) => c.data)).toEqual(
    code === 0 ? [] : [expect.stringMatching(/^Clerk production gate failed: \d+ errors, \d+ warnings\.$/)]
  );
}

describe('the action bundle, run as the runner runs it', () => {
  it('gets a clean runner environment: every input at its action.yml default, the runner files, cwd = workspace', async () => {
    const workspace = await project({
      'print-env.mjs': [
        "import { readFileSync } from 'node:fs';",
        'const files = ["GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"].map((n) => readFileSync(process.env[n], "utf8"));',
        'console.log(JSON.stringify({ env: process.env, cwd: process.cwd(), files }));'
      ].join('\n')
    });
    const result = await run(workspace, { offline: 'true' }, { entry: join(workspace, 'print-env.mjs') });
    expect(result.code).toBe(0);
    const seen = JSON.parse(result.stdout) as { env: Record<string, string>; cwd: string; files: string[] };
    const defaults = await actionInputDefaults();
    expect(Object.keys(defaults).length).toBeGreaterThan(5);
    const expected = Object.fromEntries(Object.entries(defaults).map(([name, value]) => [inputVariable(name), value]));
    expected['INPUT_OFFLINE'] = 'true';
    expected['INPUT_COMMENT'] = 'never';
    expect(Object.fromEntries(Object.entries(seen.env).filter(([name]) => name.startsWith('INPUT_')))).toEqual(
      expected
    );
    expect(seen.env['INPUT_ENV-FILES']).toBe('.');
    expect(seen.env).toMatchObject({
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      RUNNER_OS: 'Linux',
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: EVENTS.pullRequestOpened.path,
      GITHUB_REPOSITORY: 'Codertocat/Hello-World',
      GITHUB_REF: 'refs/pull/2/merge',
      GITHUB_SERVER_URL: 'https://github.com'
    });
    expect(seen.env.GITHUB_SHA).toMatch(/^[0-9a-f]{40}$/);
    for (const name of ['RUNNER_TEMP', 'GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY']) expect(seen.env[name]).toBeTruthy();
    expect(seen.files).toEqual(['', '']);
    expect(seen.cwd).toBe(workspace);
    // Nothing of the test process leaks in (jest's NODE_OPTIONS would change how the bundle loads).
    const runnerNames = /^(INPUT_|GITHUB_|RUNNER_)|^(CI|PATH|HOME)$/;
    expect(Object.keys(seen.env).filter((name) => !runnerNames.test(name))).toEqual([]);
  });

  it('a single file: reads only that file, fails on its development keys with annotations at file:line', async () => {
    const workspace = await project({
      'package.json': nextPackage,
      '.env.production': [
        '# production build settings',
        `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${devPublishable()}`,
        `CLERK_SECRET_KEY=${secretKey('test')}`,
        ''
      ].join('\n'),
      // Not named by env-files: had it been read, dev-url would be reported at .env:1.
      '.env': `NEXT_PUBLIC_CLERK_SIGN_IN_FALLBACK_REDIRECT_URL=${LOCAL_REDIRECT}\n`
    });
    const result = await run(workspace, { 'env-files': '.env.production', offline: 'true' });
    await expectReported(result, 1);
    expect(result.outputs).toMatchObject({ errors: '2', warnings: '0' });
    expect(located(result)).toEqual(['dev-publishable-key@.env.production:2', 'dev-secret-key@.env.production:3']);
    expect(findings(result).map((f) => f.location.file)).not.toContain('.env');
    expect(errorAnnotations(result)).toEqual(['.env.production:2', '.env.production:3']);
    expect(summaryRow(result, '.env.production:2')).toContain('dev-publishable-key');
    expect(summaryRow(result, '.env.production:3')).toContain('dev-secret-key');
  });

  it('a directory: reads it the way Next.js loads it, so .env.production shadows .env', async () => {
    const workspace = await project({
      'apps/web/package.json': nextPackage,
      'apps/web/.env': [
        `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${devPublishable()}`,
        `NEXT_PUBLIC_CLERK_SIGN_IN_FALLBACK_REDIRECT_URL=${LOCAL_REDIRECT}`,
        ''
      ].join('\n'),
      'apps/web/.env.production': `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${livePublishable()}\nCLERK_SECRET_KEY=${secretKey('live')}\n`,
      // Neither is loaded for a production build of apps/web.
      'apps/web/.env.development': `CLERK_SECRET_KEY=${secretKey('test')}\n`,
      'apps/api/.env': `CLERK_SECRET_KEY=${secretKey('test')}\n`
    });
    const result = await run(workspace, { 'env-files': 'apps/web', offline: 'true' });
    await expectReported(result, 1);
    expect(result.outputs).toMatchObject({ errors: '1', warnings: '0' });
    expect(located(result)).toEqual(['dev-url@apps/web/.env:2']);
    // The development key in .env is overridden: a notice that names what shadows it, not an error.
    expect(located(result, 'notice')).toEqual(['dev-publishable-key@apps/web/.env:1']);
    expect(findings(result).find((f) => f.rule === 'dev-publishable-key')?.shadowed_by).toMatchObject({
      file: 'apps/web/.env.production',
      line: 1
    });
    expect(findings(result).some((f) => f.rule === 'dev-secret-key')).toBe(false);
    expect(errorAnnotations(result)).toEqual(['apps/web/.env:2']);
    expect(summaryRow(result, 'apps/web/.env:2')).toContain('dev-url');
  });

  describe('a glob', () => {
    const layeredApp = (): Promise<string> =>
      project({
        'package.json': nextPackage,
        '.env': `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${devPublishable()}\n`,
        '.env.production': `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${livePublishable()}\nCLERK_SECRET_KEY=${secretKey('live')}\n`
      });

    it('runs a glob through the bundle to a verdict, with no crash', async () => {
      const result = await run(await layeredApp(), { 'env-files': '.env*', offline: 'true' });
      expect(crashLines(result)).toEqual([]);
      expect(result.code === 0 || result.code === 1).toBe(true);
      await expectReported(result, result.code as 0 | 1);
      expect(findings(result).every((f) => /^\.env(\.production)?$/.test(f.location.file ?? ''))).toBe(true);
      const report = JSON.parse(await readFile(result.reportFile, 'utf8')) as { sources: { file?: string }[] };
      expect(report.sources.map((source) => source.file).sort()).toEqual(['.env', '.env.production']);
    });

    it('reads the matched files layered like Next.js: .env.production shadows .env, so the gate passes', async () => {
      const result = await run(await layeredApp(), { 'env-files': '.env*', offline: 'true' });
      await expectReported(result, 0);
      expect(result.outputs).toMatchObject({ errors: '0', warnings: '0' });
      expect(errorAnnotations(result)).toEqual([]);
      for (const finding of findings(result)) {
        expect(finding).toMatchObject({ severity: 'notice', shadowed_by: { file: '.env.production', line: 1 } });
      }
    });
  });

  it('a comma- and newline-separated list of two apps, relative to working-directory', async () => {
    const workspace = await project({
      'apps/web/package.json': nextPackage,
      'apps/web/.env.production': `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${devPublishable()}\n`,
      'apps/admin/package.json': nextPackage,
      'apps/admin/.env.production': `# admin\nCLERK_SECRET_KEY=${secretKey('test')}\n`,
      'apps/blog/package.json': nextPackage,
      'apps/blog/.env.production': `NEXT_PUBLIC_CLERK_SIGN_IN_FALLBACK_REDIRECT_URL=${LOCAL_REDIRECT}\n`
    });
    const result = await run(workspace, {
      'working-directory': 'apps',
      'env-files': 'web,\nadmin\n',
      offline: 'true'
    });
    await expectReported(result, 1);
    // Finding locations are relative to working-directory; annotations to the repository root.
    expect(located(result)).toEqual([
      'dev-publishable-key@web/.env.production:1',
      'dev-secret-key@admin/.env.production:2'
    ]);
    expect(errorAnnotations(result)).toEqual(['apps/admin/.env.production:2', 'apps/web/.env.production:1']);
    expect(result.summary).not.toContain('blog/');
    expect(summaryRow(result, 'admin/.env.production:2')).toContain('dev-secret-key');
  });

  describe('vars-json and secrets-json only (env-files at its default, an empty workspace)', () => {
    /** Where a secret shows up, other than the `::add-mask::` line that registers it: names only, never the value. */
    async function leaks(result: DistActionRun, secret: string): Promise<string[]> {
      const parts = secret.split('\n').filter((part) => part.trim().length >= 8);
      const places: Record<string, string> = {
        stdout: result.stdout
          .split('\n')
          .filter((line) => !line.trimStart().startsWith('::add-mask::'))
          .join('\n'),
        stderr: result.stderr,
        summary: result.summary,
        'report file': await readFile(result.reportFile, 'utf8'),
        ...Object.fromEntries(Object.entries(result.outputs).map(([name, value]) => [`output ${name}`, value]))
      };
      return Object.entries(places)
        .filter(([, text]) => parts.some((part) => text.includes(part)))
        .map(([where]) => where);
    }

    const masked = (result: DistActionRun, secret: string): number =>
      result.commands.filter((c) => c.command === 'add-mask' && c.data === secret).length;

    it('passes production keys: exit 0, passed=true, no annotations, the secret masked', async () => {
      const workspace = await project({});
      const liveSecret = secretKey('live');
      const result = await run(workspace, {
        'vars-json': JSON.stringify({ NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: livePublishable() }),
        'secrets-json': JSON.stringify({ CLERK_SECRET_KEY: liveSecret }),
        offline: 'true'
      });
      await expectReported(result, 0);
      expect(result.outputs).toMatchObject({ errors: '0', warnings: '0', findings: '[]' });
      expect(result.commands.filter((c) => ['error', 'warning'].includes(c.command))).toEqual([]);
      expect(result.summary).toContain('No active findings.');
      expect(masked(result, liveSecret)).toBe(1);
      expect(await leaks(result, liveSecret)).toEqual([]);
    });

    it('fails a development secret key from secrets: location {source: secrets}, no secret anywhere but add-mask', async () => {
      const workspace = await project({});
      const devSecret = secretKey('test');
      const password = fakeSecret('pw_', 'DbPassword', 1);
      const multiLine = `${fakeSecret('', 'SigningKeyLineOne', 2)}\n${fakeSecret('', 'SigningKeyLineTwo', 3)}`;
      const secrets = { CLERK_SECRET_KEY: devSecret, DATABASE_PASSWORD: password, SIGNING_KEY: multiLine };
      const result = await run(workspace, {
        'vars-json': JSON.stringify({ NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: devPublishable() }),
        'secrets-json': JSON.stringify(secrets),
        offline: 'true'
      });
      await expectReported(result, 1);
      expect(located(result)).toEqual(['dev-publishable-key@vars', 'dev-secret-key@secrets']);
      expect(findings(result).find((f) => f.rule === 'dev-secret-key')?.location).toEqual({ source: 'secrets' });
      // No file, so no file annotation; the findings still reach the log as plain error annotations.
      expect(errorAnnotations(result)).toEqual([]);
      expect(result.commands.filter((c) => c.command === 'error').length).toBeGreaterThanOrEqual(3);
      expect(summaryRow(result, 'secrets')).toContain('dev-secret-key');
      for (const secret of Object.values(secrets)) {
        expect(masked(result, secret)).toBe(1);
        expect(await leaks(result, secret)).toEqual([]);
      }
      // The runner masks line by line, so each line of a multi-line secret is registered too.
      for (const line of multiLine.split('\n')) expect(masked(result, line)).toBe(1);
    });
  });

  it.each([
    ['fail-on', 'sometimes'],
    ['offline', 'maybe']
  ])('bad input %s=%s: exit 2, one ::error:: line naming the input, no stack trace', async (name, value) => {
    const workspace = await project({ '.env': `CLERK_SECRET_KEY=${secretKey('test')}\n` });
    const result = await run(workspace, { [name]: value });
    expect(crashLines(result)).toEqual([]);
    expect(result.code).toBe(2);
    const errors = result.commands.filter((c) => c.command === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ properties: {}, data: expect.stringMatching(new RegExp(`^${name}: `)) });
    expect(result.stdout.split('\n').filter((line) => line.startsWith('::error'))).toHaveLength(1);
    expect(result.outputs).toEqual({});
  });

  describe.each([
    ['workflow_dispatch', EVENTS.workflowDispatch],
    ['push of a new branch', EVENTS.pushNewBranch],
    ['push deleting a tag', EVENTS.pushTagDeleted],
    ['pull_request synchronize', EVENTS.pullRequestSynchronize]
  ])('on a %s event', (_, event) => {
    it('fails a development key: exit 1 with its annotation', async () => {
      const workspace = await project({
        'package.json': nextPackage,
        '.env.production': `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${devPublishable()}\n`
      });
      const result = await run(workspace, { offline: 'true' }, { event });
      await expectReported(result, 1);
      expect(located(result)).toEqual(['dev-publishable-key@.env.production:1']);
      expect(errorAnnotations(result)).toEqual(['.env.production:1']);
    });

    it('passes production keys: exit 0', async () => {
      const workspace = await project({
        'package.json': nextPackage,
        '.env.production': `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${livePublishable()}\n`
      });
      const result = await run(
        workspace,
        { offline: 'true', 'secrets-json': JSON.stringify({ CLERK_SECRET_KEY: secretKey('live') }) },
        { event }
      );
      await expectReported(result, 0);
      expect(result.outputs.findings).toBe('[]');
    });
  });
});
