/**
 * The bundle scan fails closed, through the shipped bundles: caps limit what is listed, never what is judged or
 * masked; only regular files are read (a FIFO in the build output or a source map naming /dev/zero neither hangs
 * nor reads without end); a part left unread makes the scan incomplete; excerpts carry no other value.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fakeSecret } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import { runDistAction } from '../helpers/run-dist-action.js';
import { runDistCli } from '../helpers/run-dist-cli.js';

jest.setTimeout(60_000);

const DEV_PK = `pk_test_${Buffer.from('happy-hippo-42.clerk.accounts.dev$').toString('base64')}`;
const LIVE_PK = `pk_live_${Buffer.from('clerk.example-gate.com$').toString('base64')}`;

interface JsonReport {
  passed: boolean;
  findings: { rule: string; severity: string; value: string; excerpt?: string; location: { file: string } }[];
  skipped: { file: string; reason: string }[];
  checks: { id: string; status: string; detail: string }[];
}

/** A Vite project whose `dist/` holds `files`, with the production key in `.env.production`. */
async function viteProject(files: Record<string, string>): Promise<string> {
  const dist = Object.fromEntries(Object.entries(files).map(([name, text]) => [`dist/${name}`, text]));
  return project({
    'package.json': JSON.stringify({ dependencies: { vite: '1.0.0' } }),
    '.env.production': `VITE_CLERK_PUBLISHABLE_KEY=${LIVE_PK}\n`,
    ...dist
  });
}

/** 500 prerendered pages, each holding a distinct key of `prefix` (a production key, or one not judged here). */
function pages(count: number, key: (i: number) => string): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    files[`page-${String(i).padStart(4, '0')}.html`] = `<script>window.__k="${key(i)}"</script>`;
  }
  return files;
}

const livePk = (i: number): string => `pk_live_${Buffer.from(`clerk.site${i}.example.com$`).toString('base64')}`;
const devPk = (i: number): string => `pk_test_${Buffer.from(`pup-${i}.clerk.accounts.dev$`).toString('base64')}`;

async function json(cwd: string, args: string[] = [], timeoutMs?: number) {
  const run = await runDistCli(cwd, ['--format', 'json', ...args], timeoutMs ? { timeoutMs } : {});
  return { code: run.code, report: JSON.parse(run.stdout || '{}') as JsonReport, stderr: run.stderr, run };
}

const status = (report: JsonReport, id: string): string | undefined => report.checks.find((c) => c.id === id)?.status;

describe('a cap limits what is listed, never what is judged or masked', () => {
  it('500 pages with production keys do not hide a development key in a later chunk', async () => {
    const dir = await viteProject({ ...pages(500, livePk), 'zz-chunk.js': `const k="${DEV_PK}";` });
    const { code, report } = await json(dir);
    expect(code).toBe(1);
    expect(report.passed).toBe(false);
    expect(report.findings.map((f) => [f.rule, f.location.file])).toEqual([
      ['bundle-dev-publishable-key', 'dist/zz-chunk.js']
    ]);
    expect(status(report, 'bundle-dev-publishable-key')).toBe('fail');
  });

  it('a secret key past 600 development keys is still judged outside production, and masked by the action', async () => {
    const secret = fakeSecret('sk_test_', 'PastCap', 1);
    const dir = await viteProject({ ...pages(600, devPk), 'zz-chunk.js': `const s="${secret}";` });
    const { code, report } = await json(dir, ['--environment', 'preview']);
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.rule)).toEqual(['bundle-secret-key']);
    const action = await runDistAction(dir, { 'build-dirs': 'dist', environment: 'preview' });
    expect(action.code).toBe(1);
    expect(action.stdout.split('\n')).toContain(`::add-mask::${secret}`);
  });

  it('past 500 development keys in production, the rest are counted in the check, every secret is masked', async () => {
    const secrets = Array.from({ length: 505 }, (_, i) => fakeSecret('sk_live_', 'Capped', i));
    const files = Object.fromEntries(secrets.map((s, i) => [`s-${String(i).padStart(4, '0')}.js`, `x="${s}"`]));
    const dir = await viteProject(files);
    const { code, report } = await json(dir);
    expect(code).toBe(1);
    expect(report.findings.filter((f) => f.rule === 'bundle-secret-key')).toHaveLength(500);
    expect(report.checks.find((c) => c.id === 'bundle-secret-key')?.detail).toMatch(/^505 findings .*5 not listed/);
    const action = await runDistAction(dir, { 'build-dirs': 'dist' });
    const masks = new Set(action.stdout.split('\n').filter((l) => l.startsWith('::add-mask::')));
    expect(masks.has(`::add-mask::${secrets[504]}`)).toBe(true);
  });
});

describe('only regular files are read', () => {
  it('a FIFO among the client files neither hangs the scan nor passes: incomplete, and fails production', async () => {
    const dir = await viteProject({ 'a.js': `const k="${LIVE_PK}";` });
    execFileSync('mkfifo', [join(dir, 'dist/pipe.js')]);
    const { code, report } = await json(dir, [], 20_000);
    expect(code).toBe(1);
    expect(report.skipped).toContainEqual({ file: 'dist/pipe.js', reason: expect.stringMatching(/FIFO/) });
    expect(status(report, 'bundle-dev-publishable-key')).toBe('incomplete');
    expect(status(report, 'bundle-secret-key')).toBe('incomplete');
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([['bundle-incomplete', 'error']]);
    // on-api-error: warn makes it a warning; the check still does not say pass.
    const warned = await json(dir, ['--on-api-error', 'warn'], 20_000);
    expect(warned.code).toBe(0);
    expect(warned.report.findings.map((f) => [f.rule, f.severity])).toEqual([['bundle-incomplete', 'warning']]);
    expect(status(warned.report, 'bundle-secret-key')).toBe('incomplete');
  });

  it('a symbolic link to a device file among the client files is skipped with its reason', async () => {
    const dir = await viteProject({ 'a.js': `const k="${LIVE_PK}";` });
    await symlink('/dev/zero', join(dir, 'dist/zero.js'));
    const { code, report } = await json(dir, [], 20_000);
    expect(code).toBe(1);
    expect(report.skipped).toContainEqual({ file: 'dist/zero.js', reason: expect.stringMatching(/device file/) });
    expect(status(report, 'bundle-incomplete')).toBe('fail');
  });

  it('a source map named /dev/zero, or a map linked to it, is not read: the finding keeps its built position', async () => {
    const dir = await viteProject({
      'a.js': `const k="${DEV_PK}";\n//# sourceMappingURL=/dev/zero\n`,
      'b.js': `const k="${DEV_PK}";\n`,
      'c.js': `const k="${DEV_PK}";\n//# sourceMappingURL=../../../../../../../../dev/zero\n`
    });
    await symlink('/dev/zero', join(dir, 'dist/b.js.map'));
    // A root-relative URL is relative to the site root, the build directory: `/dev/zero` is dist/dev/zero.
    await mkdir(join(dir, 'dist/dev'));
    await symlink('/dev/zero', join(dir, 'dist/dev/zero'));
    const { code, report, stderr } = await json(dir, [], 20_000);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.location.file)).toEqual(['dist/a.js', 'dist/b.js', 'dist/c.js']);
    expect(report.skipped).toContainEqual({ file: 'dist/dev/zero', reason: expect.stringMatching(/device file/) });
    expect(report.skipped).toContainEqual({ file: 'dist/b.js.map', reason: expect.stringMatching(/device file/) });
    expect(report.skipped).toContainEqual({ file: 'dist/c.js', reason: expect.stringMatching(/outside the build/) });
  });
});

describe('excerpts carry no other value', () => {
  it('a neighbouring DATABASE_URL password appears in no output format', async () => {
    const password = 'hunter2-Pa55word';
    const dir = await viteProject({
      'env.js': `const e={DATABASE_URL:"postgres://app:${password}@db.internal/app",PK:"${DEV_PK}",X:'${password}'};`
    });
    for (const format of ['json', 'text', 'markdown', 'sarif']) {
      const run = await runDistCli(dir, ['--format', format]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('pk_test_');
      expect(run.stdout).not.toContain(password);
      expect(run.stdout).not.toContain('db.internal');
    }
  });
});

describe('a deep build tree', () => {
  it('a symbolic link to a directory is not followed and makes the scan incomplete', async () => {
    const dir = await viteProject({ 'a.js': `const k="${LIVE_PK}";` });
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'elsewhere/b.js'), `const k="${DEV_PK}";`);
    await symlink(join(dir, 'elsewhere'), join(dir, 'dist/linked'));
    const { code, report } = await json(dir);
    expect(code).toBe(1);
    expect(report.skipped).toContainEqual({
      file: 'dist/linked',
      reason: expect.stringMatching(/link to a directory/)
    });
    expect(status(report, 'bundle-dev-publishable-key')).toBe('incomplete');
  });
});
