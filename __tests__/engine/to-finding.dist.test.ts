/**
 * The one way from hits to findings, through the shipped CLI (dist/cli.js): `ignore` and ignore comments, shadowing
 * and masking apply the same way to a rule on variables and to a rule on built code, and a checklist line counts a
 * suppressed finding as suppressed.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { fakeSecret, publishableKey, DEV_HOST } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import { runDistCli } from '../helpers/run-dist-cli.js';

jest.setTimeout(60_000);

interface JsonFinding {
  rule: string;
  severity: string;
  variable: string;
  value: string;
  excerpt?: string;
  suppressed?: { by: string; file?: string; line?: number };
}
interface JsonReport {
  passed: boolean;
  summary: { errors: number };
  findings: JsonFinding[];
  checks: { id: string; status: string; detail: string }[];
}

const BUNDLE_SECRET = fakeSecret('sk_live_', 'BundleHit', 1);
const FILE_SECRET = fakeSecret('sk_test_', 'DotenvHit', 2);
const DEV_PK = publishableKey(DEV_HOST);

/** A Vite app whose build holds a live secret key and whose production dotenv file holds development keys. */
function app(): Promise<string> {
  return project({
    'package.json': JSON.stringify({ dependencies: { vite: '5.0.0' } }),
    '.env.production': [
      `CLERK_SECRET_KEY=${FILE_SECRET} # clerk-production-gate-ignore dev-secret-key`,
      `VITE_CLERK_PUBLISHABLE_KEY=${DEV_PK}`,
      ''
    ].join('\n'),
    'dist/assets/index.js': `const config={secret:"${BUNDLE_SECRET}",name:"app"};export default config;\n`
  });
}

async function gate(cwd: string, args: string[]): Promise<{ code: number | null; report: JsonReport; out: string }> {
  const run = await runDistCli(cwd, ['--format', 'json', '--environment', 'production', ...args]);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, out: run.stdout + run.stderr };
}

describe('hits become findings in one place (dist/cli.js)', () => {
  it('suppresses a bundle rule by `ignore`, masks its value and excerpt, and its checklist line says so', async () => {
    const { report, out } = await gate(await app(), ['--ignore', 'bundle-secret-key']);
    const bundle = report.findings.find((f) => f.rule === 'bundle-secret-key');
    expect(bundle).toMatchObject({ severity: 'error', variable: 'secret key', suppressed: { by: 'ignore-option' } });
    expect(bundle?.value).toMatch(/^sk_live_…\w{4}$/);
    expect(bundle?.excerpt).toContain('sk_live_…');
    expect(out).not.toContain(BUNDLE_SECRET);
    expect(report.checks.find((c) => c.id === 'bundle-secret-key')).toMatchObject({
      status: 'pass',
      detail: expect.stringMatching(/\(1 suppressed\)$/)
    });
  });

  it('applies an ignore comment to the variable rule it names and to no other rule', async () => {
    const { report, out } = await gate(await app(), []);
    const dotenv = report.findings.find((f) => f.rule === 'dev-secret-key');
    expect(dotenv?.suppressed).toEqual({ by: 'inline-comment', file: '.env.production', line: 1 });
    expect(out).not.toContain(FILE_SECRET);
    const bundle = report.findings.find((f) => f.rule === 'bundle-secret-key');
    expect(bundle?.suppressed).toBeUndefined();
    expect(report.checks.find((c) => c.id === 'bundle-secret-key')?.status).toBe('fail');
  });

  it('passes once every active finding is ignored, on variables and on built code alike', async () => {
    const cwd = await app();
    const before = await gate(cwd, ['--ignore', 'bundle-secret-key']);
    expect(before.code).toBe(1);
    expect(before.report.findings.some((f) => f.rule === 'dev-publishable-key' && !f.suppressed)).toBe(true);

    const after = await gate(cwd, ['--ignore', 'bundle-secret-key,dev-publishable-key,key-environment-mismatch']);
    const active = after.report.findings.filter((f) => !f.suppressed && f.severity === 'error');
    expect(active).toEqual([]);
    expect(after.report.passed).toBe(true);
    expect(after.code).toBe(0);
    expect(after.report.summary.errors).toBe(0);
  });
});
