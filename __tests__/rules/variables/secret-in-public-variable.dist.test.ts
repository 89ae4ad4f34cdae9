/**
 * Issue 16, minor: a secret-shaped value in any browser-exposed variable is a leaked secret whatever the variable's
 * name, through the shipped bundles run as their own processes; the value is never printed and the action masks
 * it before writing anything.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { fakeSecret } from '../../helpers/keys.js';
import { project } from '../../helpers/run-cli.js';
import { actionBundleOptions, runDistCli } from '../../helpers/run-dist-cli.js';
import { runDistAction } from '../../helpers/run-dist-action.js';

jest.setTimeout(60_000);

const SK = fakeSecret('sk_live_', 'PublicLeak', 1);
const RK = fakeSecret('rk_live_', 'PublicLeak', 2);
const WHSEC = fakeSecret('whsec_', 'PublicLeak', 3);
const CANARIES = [SK, RK, WHSEC];

/** Neither a canary nor a long piece of one. */
function expectNoCanary(text: string): void {
  for (const canary of CANARIES) {
    expect(text).not.toContain(canary);
    expect(text).not.toContain(canary.slice(8, 30));
  }
}

interface JsonReport {
  passed: boolean;
  findings: { rule: string; variable: string; value: string; fix: string }[];
}

describe('dist/cli.js: a secret in a browser-exposed variable of any name', () => {
  it('fails in every format, names each variable, and prints no value', async () => {
    const dir = await project({
      '.env': `NUXT_PUBLIC_LEAKED=${SK}\nVITE_PAYMENTS=${RK}\nEXPO_PUBLIC_HOOK=${WHSEC}\nSTRIPE_SECRET_KEY=${SK}\n`
    });
    const json = await runDistCli(dir, ['--environment', 'preview', '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as JsonReport;
    const leaks = report.findings.filter((f) => f.rule === 'secret-in-public-variable');
    expect(leaks.map((f) => [f.variable, f.value])).toEqual([
      ['NUXT_PUBLIC_LEAKED', 'sk_live_…0001'],
      ['VITE_PAYMENTS', 'rk_live_…0002'],
      ['EXPO_PUBLIC_HOOK', 'whsec_…0003']
    ]);
    // Not Clerk-named: the fix says to roll it with whichever service issued it.
    for (const leak of leaks) expect(leak.fix).toContain('Stripe Dashboard');
    expectNoCanary(json.stdout + json.stderr);
    for (const format of ['text', 'markdown', 'sarif']) {
      const run = await runDistCli(dir, ['--environment', 'preview', '--format', format]);
      expect(run.code).toBe(1);
      expectNoCanary(run.stdout + run.stderr);
    }
  });
});

describe('dist/index.js: the same leak from vars-json', () => {
  it('masks each value before writing anything, fails, and leaves no value in any output', async () => {
    const run = await runDistAction(
      await project({}),
      {
        environment: 'preview',
        'vars-json': JSON.stringify({ NUXT_PUBLIC_LEAKED: SK, VITE_PAYMENTS: RK, EXPO_PUBLIC_HOOK: WHSEC })
      },
      actionBundleOptions()
    );
    expect(run.code).toBe(1);
    expect(run.outputs.passed).toBe('false');
    const lines = run.stdout.split('\n');
    const masks = lines.filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice(12));
    expect(masks).toEqual(expect.arrayContaining(CANARIES));
    const firstOther = lines.findIndex((line) => !line.startsWith('::add-mask::'));
    for (const canary of CANARIES) expect(masks.indexOf(canary)).toBeLessThan(firstOther);
    const report = await readFile(run.reportFile, 'utf8');
    expect(report).toContain('secret-in-public-variable');
    const printed = lines.filter((line) => !line.startsWith('::add-mask::')).join('\n');
    for (const text of [printed, run.stderr, run.summary, report, JSON.stringify(run.outputs)]) expectNoCanary(text);
  });
});
