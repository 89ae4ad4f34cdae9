import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { DEV_HOST, PROD_HOST, publishableKey, secretKey } from '../helpers/keys.js';
import { runAction } from '../helpers/run-action.js';
import { project } from '../helpers/run-cli.js';

const nextPackage = JSON.stringify({ dependencies: { next: '15.0.0' } });

describe('the action', () => {
  it('fails a deploy with a development key: exit 1, outputs, summary, annotation at file:line', async () => {
    const workspace = await project({
      'web/package.json': nextPackage,
      'web/.env': `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}\n`
    });
    const result = await runAction(workspace, {
      'working-directory': 'web',
      'secrets-json': JSON.stringify({ CLERK_SECRET_KEY: secretKey('test') })
    });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ passed: 'false', errors: '2', warnings: '0' });
    const findings = JSON.parse(result.outputs.findings ?? '[]');
    expect(findings.map((f: { rule: string }) => f.rule).sort()).toEqual(['dev-publishable-key', 'dev-secret-key']);
    expect(result.outputs['report-file']).toBe(result.reportFile);
    expect(JSON.parse(await readFile(result.reportFile, 'utf8')).version).toBe(1);
    // Annotation paths are relative to the repository root, not the working directory.
    expect(result.stdout).toMatch(/::error title=[^:]*dev-publishable-key[^:]*,file=web\/\.env,line=1,col=1::/);
    expect(result.stdout).toContain('::error::Clerk production gate failed: 2 errors, 0 warnings.');
    expect(result.summary).toContain('dev-publishable-key');
    expect(result.summary).toContain('dns-record-missing');
  });

  it('passes production settings from vars and secrets: exit 0, passed=true', async () => {
    const workspace = await project({});
    const result = await runAction(workspace, {
      'vars-json': JSON.stringify({ NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: publishableKey(PROD_HOST, 'live') }),
      'secrets-json': JSON.stringify({ CLERK_SECRET_KEY: secretKey('live') }),
      offline: 'true'
    });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '0', findings: '[]' });
    expect(result.stdout).not.toContain('::error');
  });

  it('caps annotations at 10 errors per step, aggregating the rest', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => `APP${i}_CLERK_SECRET_KEY=${secretKey('test')}`);
    const workspace = await project({
      '.env': `${lines.join('\n')}\nCLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}\n`
    });
    const result = await runAction(workspace, { 'env-files': '.env' });
    const errorAnnotations = result.stdout.split('\n').filter((line) => line.startsWith('::error title='));
    expect(errorAnnotations).toHaveLength(10);
    expect(result.outputs.errors).toBe('26');
  });

  it('exits 2 with a one-line reason on bad input', async () => {
    const workspace = await project({});
    const result = await runAction(workspace, { 'fail-on': 'sometimes' });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^::error::fail-on: .*$/m);
    expect(result.outputs).toEqual({});
  });

  it('scans the step environment only when scan-process-env is true, skipping runner noise', async () => {
    const workspace = await project({});
    const env = { CLERK_SECRET_KEY: secretKey('test'), CLERK_PUBLISHABLE_KEY: publishableKey(PROD_HOST, 'live') };
    const off = await runAction(workspace, {}, env);
    expect(off.outputs.errors).toBe('0');
    const on = await runAction(workspace, { 'scan-process-env': 'true' }, env);
    const findings = JSON.parse(on.outputs.findings ?? '[]');
    expect(findings.map((f: { rule: string; location: unknown }) => [f.rule, f.location])).toEqual(
      expect.arrayContaining([['dev-secret-key', { source: 'env' }]])
    );
    expect(findings.every((f: { variable: string }) => !/^(GITHUB|RUNNER|INPUT)_/.test(f.variable))).toBe(true);
  });
});
