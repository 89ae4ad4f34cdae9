/**
 * End to end on real builds: the committed bundles (dist/cli.js, dist/index.js) run as their own processes on the
 * client output of a real Vite + @clerk/clerk-react app and a real Next.js + @clerk/nextjs app
 * (__tests__/fixtures/bundles, made by scripts/bundle-fixtures/regenerate.sh). Expected positions are worked out
 * here from the fixture files themselves, and original positions from their source maps' own sources.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeSecret } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import { runDistCli } from '../helpers/run-dist-cli.js';
import { runDistAction } from '../helpers/run-dist-action.js';

jest.setTimeout(60_000);

const FIXTURES = fileURLToPath(new URL('../fixtures/bundles/', import.meta.url));
const DEV_PK = `pk_test_${Buffer.from('happy-hippo-42.clerk.accounts.dev$').toString('base64')}`;
const LIVE_PK = `pk_live_${Buffer.from('clerk.example-gate.com$').toString('base64')}`;
/**
 * The fake secret the leaked-secret build inlined (a canary: it must appear in no output). A literal, not built
 * here: it is baked into the committed fixture by scripts/bundle-fixtures/regenerate.sh.
 */
const CANARY = 'sk_test_CANARYbundleLeak0123456789abcdefghijklmnopqrstu';

interface JsonFinding {
  rule: string;
  severity: string;
  value: string;
  location: { file: string; line: number; column: number };
  original_location?: { file: string; line: number; column: number };
  excerpt?: string;
  suppressed?: unknown;
}
interface JsonReport {
  passed: boolean;
  findings: JsonFinding[];
  skipped: { file: string; reason: string }[];
  checks: { id: string; status: string; detail: string }[];
}

/** A project with a package.json naming `dependency` and a fixture's output copied to `outDir`. */
async function builtProject(fixture: string, outDir: string, dependency: string, extra: Record<string, string> = {}) {
  const dir = await project({ 'package.json': JSON.stringify({ dependencies: { [dependency]: '1.0.0' } }), ...extra });
  await mkdir(join(dir, outDir), { recursive: true });
  await cp(join(FIXTURES, fixture), join(dir, outDir), { recursive: true });
  return dir;
}

async function json(
  cwd: string,
  args: string[] = []
): Promise<{ code: number | null; report: JsonReport; stderr: string }> {
  const run = await runDistCli(cwd, ['--format', 'json', ...args]);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

/** 1-based line and UTF-16 column of `needle` in a file, as an editor (and a source map) counts them. */
async function positionIn(file: string, needle: string): Promise<{ line: number; column: number }> {
  const text = await readFile(file, 'utf8');
  const index = text.indexOf(needle);
  expect(index).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

/** The file under `dir` whose text contains `needle` (Next.js chunk names change with every build). */
async function fileContaining(dir: string, needle: string): Promise<string> {
  for (const entry of await readdir(dir, { recursive: true })) {
    const file = join(dir, entry);
    if (!file.endsWith('.js')) continue;
    if ((await readFile(file, 'utf8')).includes(needle)) return file;
  }
  throw new Error(`no file under ${dir} contains the needle`);
}

/** The line of the original source a source map names, from the map's own sourcesContent. */
async function originalLine(mapFile: string, source: string, line: number): Promise<string> {
  const map = JSON.parse(await readFile(mapFile, 'utf8')) as { sources: string[]; sourcesContent: (string | null)[] };
  const index = map.sources.findIndex((s) => s.endsWith(source));
  return (map.sourcesContent[index] ?? '').split('\n')[line - 1] ?? '';
}

const bundleChecks = (report: JsonReport) =>
  Object.fromEntries(report.checks.filter((c) => c.id.startsWith('bundle-')).map((c) => [c.id, c.status]));

describe('a Vite + @clerk/clerk-react build (Vite 8: backtick strings, a 67k-character minified line)', () => {
  it('built with a development key: fails at the key, file:line:column, with its place in src/main.tsx', async () => {
    const dir = await builtProject('vite-react/development/dist', 'dist', 'vite');
    const { code, report } = await json(dir);
    expect(code).toBe(1);
    expect(report.findings).toHaveLength(1);
    const [finding] = report.findings;
    const file = await fileContaining(join(dir, 'dist'), DEV_PK);
    expect(finding).toMatchObject({
      rule: 'bundle-dev-publishable-key',
      severity: 'error',
      value: `pk_test_…${DEV_PK.slice(-4)}`,
      location: { file: relative(dir, file), ...(await positionIn(file, DEV_PK)) }
    });
    expect(finding?.location.line).toBe(15);
    // The source map says where it came from: the line that reads the variable in src/main.tsx.
    expect(finding?.original_location?.file).toBe('src/main.tsx');
    const source = await originalLine(`${file}.map`, 'src/main.tsx', finding?.original_location?.line ?? 0);
    expect(source).toContain('VITE_CLERK_PUBLISHABLE_KEY');
    // A short excerpt of the minified line, with the key redacted.
    expect(finding?.excerpt).toContain(`\`pk_test_…${DEV_PK.slice(-4)}\``);
    expect(finding?.excerpt?.length).toBeLessThan(200);
    expect(bundleChecks(report)).toEqual({
      'bundle-dev-publishable-key': 'fail',
      'bundle-dev-frontend-api': 'pass',
      'bundle-secret-key': 'pass',
      'bundle-incomplete': 'pass'
    });
  });

  it("built with the production key: passes; Clerk's SDK constants (prefixes, suffix lists) are not findings", async () => {
    const dir = await builtProject('vite-react/production/dist', 'dist', 'vite');
    const bundle = await readFile(await fileContaining(join(dir, 'dist'), LIVE_PK), 'utf8');
    // The constants a naive scanner flags are really there.
    for (const constant of ['`pk_test_`', '`accounts.dev`', '`.lcl.dev`']) expect(bundle).toContain(constant);
    const { code, report } = await json(dir);
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
    expect(report.passed).toBe(true);
    expect(bundleChecks(report)).toEqual({
      'bundle-dev-publishable-key': 'pass',
      'bundle-dev-frontend-api': 'pass',
      'bundle-secret-key': 'pass',
      'bundle-incomplete': 'pass'
    });
    expect(report.checks.find((c) => c.id === 'variables-read')).toMatchObject({ status: 'skipped' });
  });

  it('a secret key in the bundle fails in every environment, and its value appears in no output format', async () => {
    const dir = await builtProject('vite-react/leaked-secret/dist', 'dist', 'vite');
    const { code, report } = await json(dir, ['--environment', 'preview']);
    expect(code).toBe(1);
    // Outside production the development key is expected; the secret is not.
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([['bundle-secret-key', 'error']]);
    const file = await fileContaining(join(dir, 'dist'), CANARY);
    expect(report.findings[0]?.location).toEqual({ file: relative(dir, file), ...(await positionIn(file, CANARY)) });
    expect(report.findings[0]?.value).toBe(`sk_test_…${CANARY.slice(-4)}`);
    for (const format of ['text', 'json', 'markdown', 'sarif']) {
      const run = await runDistCli(dir, ['--format', format, '--environment', 'production']);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('bundle-secret-key');
      expect(run.stdout + run.stderr).not.toContain(CANARY);
      expect(run.stdout + run.stderr).not.toContain(CANARY.slice(8, 30));
    }
  });
});

describe('a Next.js + @clerk/nextjs build (Turbopack, double-quoted strings)', () => {
  const nextProject = async (build: 'development' | 'production', withBuildId = true) => {
    const dir = await builtProject(`nextjs/${build}/.next`, '.next', 'next', {
      // Server output: a server secret belongs here and must not be reported as client code.
      '.next/server/app/page.js': `const k="sk_live_${'S'.repeat(40)}";`
    });
    if (withBuildId) await writeFile(join(dir, '.next/BUILD_ID'), 'fixture');
    return dir;
  };

  it('built with a development key: fails at the key in the client chunk; .next/server is not read', async () => {
    const dir = await nextProject('development');
    const { code, report } = await json(dir);
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.rule)).toEqual(['bundle-dev-publishable-key']);
    const file = await fileContaining(join(dir, '.next/static'), DEV_PK);
    expect(report.findings[0]?.location).toEqual({ file: relative(dir, file), ...(await positionIn(file, DEV_PK)) });
    expect(report.findings[0]?.original_location?.file).toMatch(/@clerk\/nextjs/);
  });

  it('built with the production key: passes', async () => {
    const { code, report } = await json(await nextProject('production'));
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('a .next without BUILD_ID (next dev) is skipped with the reason, not judged', async () => {
    const { code, report } = await json(await nextProject('development', false));
    expect(report.findings).toEqual([]);
    expect(report.skipped).toContainEqual({ file: '.next/static', reason: expect.stringContaining('next dev') });
    expect(bundleChecks(report)['bundle-dev-publishable-key']).toBe('skipped');
    // Nothing was checked at all: the gate must not pass.
    expect(code).toBe(1);
  });

  it('build-dirs naming .next scans its client part and lists the server output as skipped', async () => {
    const dir = await nextProject('production');
    const { code, report } = await json(dir, ['--build-dir', '.next']);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.skipped).toContainEqual({
      file: '.next/server',
      reason: 'server output, not sent to the browser (its prerendered pages are scanned)'
    });
  });
});

describe('build-dirs input errors', () => {
  it('a named build directory that does not exist is an input error (exit 2), not a silent pass', async () => {
    const dir = await project({ '.env': `CLERK_SECRET_KEY=${fakeSecret('sk_live_', 'BuildDir', 2)}\n` });
    const run = await runDistCli(dir, ['--build-dir', 'dist']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('clerk-production-gate: build-dirs: dist is not a directory (build the app first?)\n');
  });

  it('a named directory that is server output is refused: secrets belong there, it is not client code', async () => {
    const dir = await project({ '.next/server/app/page.js': 'const k=1;', '.env': 'APP_NAME=demo\n' });
    const run = await runDistCli(dir, ['--build-dir', '.next/server']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'clerk-production-gate: build-dirs: .next/server is server output, not client code (secrets belong there)\n'
    );
  });

  it('none scans nothing even when output exists', async () => {
    const dir = await builtProject('vite-react/development/dist', 'dist', 'vite', {
      '.env.production': `VITE_CLERK_PUBLISHABLE_KEY=${LIVE_PK}\n`
    });
    const { code, report } = await json(dir, ['--build-dir', 'none']);
    expect(code).toBe(0);
    expect(bundleChecks(report)).toEqual({
      'bundle-dev-publishable-key': 'skipped',
      'bundle-dev-frontend-api': 'skipped',
      'bundle-secret-key': 'skipped',
      'bundle-incomplete': 'skipped'
    });
  });
});

describe('the action bundle on a build', () => {
  it('a leaked secret is masked before anything is written, and appears in no output, summary or report', async () => {
    const dir = await builtProject('vite-react/leaked-secret/dist', 'dist', 'vite', {
      '.env.production': `VITE_CLERK_PUBLISHABLE_KEY=${LIVE_PK}\n`
    });
    const run = await runDistAction(dir, { 'build-dirs': 'dist' });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    const masks = lines.filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice(12));
    expect(masks).toContain(CANARY);
    // The mask comes before the first line that is not a mask: nothing is printed before the runner knows it.
    expect(lines.findIndex((line) => !line.startsWith('::add-mask::'))).toBeGreaterThan(masks.indexOf(CANARY));
    const report = await readFile(run.reportFile, 'utf8');
    for (const text of [
      lines.filter((line) => !line.startsWith('::add-mask::')).join('\n'),
      run.stderr,
      run.summary,
      report,
      JSON.stringify(run.outputs)
    ]) {
      expect(text).not.toContain(CANARY);
      expect(text).not.toContain(CANARY.slice(8, 30));
    }
    expect(report).toContain('bundle-secret-key');
  });

  it('annotates the built file at the key and writes the source position into the job summary', async () => {
    const dir = await builtProject('vite-react/development/dist', 'dist', 'vite', {
      '.env.production': `VITE_CLERK_PUBLISHABLE_KEY=${LIVE_PK}\n`
    });
    const run = await runDistAction(dir, { 'build-dirs': 'dist' });
    expect(run.code).toBe(1);
    const file = await fileContaining(join(dir, 'dist'), DEV_PK);
    const annotation = run.commands.find((c) => c.command === 'error' && c.properties.title?.startsWith('bundle-'));
    expect(annotation?.properties).toMatchObject({
      file: relative(dir, file),
      line: String((await positionIn(file, DEV_PK)).line),
      col: String((await positionIn(file, DEV_PK)).column)
    });
    expect(run.summary).toContain('bundle-dev-publishable-key');
    expect(run.summary).toContain('Source: `src/main.tsx:');
    expect(run.outputs.passed).toBe('false');
  });
});
