import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEV_HOST, PROD_HOST, publishableKey, secretKey } from '../helpers/keys.js';
import { cli, project } from '../helpers/run-cli.js';

const nextPackage = JSON.stringify({ dependencies: { next: '15.0.0', '@clerk/nextjs': '6.0.0' } });
const liveEnv = `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(PROD_HOST, 'live')}\nCLERK_SECRET_KEY=${secretKey('live')}\n`;

describe('CLI verdicts and exit codes', () => {
  it('passes (0) a Next.js app with production keys', async () => {
    const dir = await project({ 'package.json': nextPackage, '.env.production': liveEnv });
    const run = await cli(dir, ['--offline']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('PASSED');
  });

  it('fails (1) when .env.production inherits a development key from .env, pointing at .env', async () => {
    const dir = await project({
      'package.json': nextPackage,
      '.env': `# shared\nNEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}\n`,
      '.env.production': `CLERK_SECRET_KEY=${secretKey('test')}\n`
    });
    const run = await cli(dir, ['--format', 'json', '--offline']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const finding = report.findings.find((f: { rule: string }) => f.rule === 'dev-publishable-key');
    expect(finding.location).toEqual({ file: '.env', line: 2, column: 1 });
    expect(report.sources.map((s: { file: string }) => s.file).sort()).toEqual(['.env', '.env.production']);
    expect(report.checks.find((c: { id: string }) => c.id === 'instance-not-production').status).toBe('skipped');
  });

  it('reports a value overridden by .env.production.local as a shadowed notice, not an error', async () => {
    const dir = await project({
      'package.json': nextPackage,
      '.env.production': `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}\nCLERK_SECRET_KEY=${secretKey('live')}\n`,
      '.env.production.local': `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(PROD_HOST, 'live')}\n`
    });
    const run = await cli(dir, ['--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect(run.code).toBe(0);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, notices: 1 });
    expect(report.findings[0]).toMatchObject({ rule: 'dev-publishable-key', severity: 'notice' });
  });

  it('fails (1) when it read no variable at all, saying where to point it', async () => {
    const dir = await project({ 'package.json': nextPackage, 'README.md': '# app\n' });
    const run = await cli(dir, ['--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.passed).toBe(false);
    expect(report.checks[0]).toEqual({
      id: 'variables-read',
      status: 'fail',
      detail: 'no variable was read: point env-files at the app, or pass vars-json / secrets-json'
    });
  });

  it('treats a live key in staging as a warning, failing only with --fail-on warning', async () => {
    const dir = await project({ 'package.json': nextPackage, '.env.staging': liveEnv, '.env': liveEnv });
    const lenient = await cli(dir, ['--environment', 'staging', '--format', 'json']);
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.stdout).summary.warnings).toBe(2);
    const strict = await cli(dir, ['--environment', 'staging', '--fail-on', 'warning']);
    expect(strict.code).toBe(1);
    // The checklist follows each rule's metadata: production-only rules are skipped in staging.
    const checks = Object.fromEntries(
      JSON.parse(lenient.stdout).checks.map((c: { id: string; status: string; detail: string }) => [c.id, c])
    );
    expect(checks['dev-publishable-key']).toEqual({
      id: 'dev-publishable-key',
      status: 'skipped',
      detail: 'applies to production environments only'
    });
    expect(checks['live-key-outside-production'].status).toBe('fail');
    expect(checks['invalid-key'].status).toBe('pass');
  });

  it('reads .env.production for a production environment with another name, such as Prod', async () => {
    const dir = await project({
      'package.json': JSON.stringify({ devDependencies: { vite: '7.0.0' } }),
      '.env.production': `VITE_CLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}\n`
    });
    const run = await cli(dir, ['--environment', 'Prod', '--production-environments', 'prod', '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect(report.sources).toEqual([{ kind: 'file', file: '.env.production', variables: 1, framework: 'vite' }]);
    expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('dev-publishable-key');
    expect(run.code).toBe(1);
  });

  it('reads .env.staging for a staging environment', async () => {
    const dir = await project({
      'package.json': JSON.stringify({ devDependencies: { vite: '7.0.0' } }),
      '.env.staging': `VITE_CLERK_PUBLISHABLE_KEY=${publishableKey(PROD_HOST, 'live')}\n`
    });
    const report = JSON.parse((await cli(dir, ['--environment', 'Staging', '--format', 'json'])).stdout);
    expect(report.sources.map((s: { file: string }) => s.file)).toEqual(['.env.staging']);
    expect(report.findings.map((f: { rule: string }) => f.rule)).toEqual(['live-key-outside-production']);
  });

  it('counts environments listed in --production-environments as production', async () => {
    const dir = await project({
      '.env': `CLERK_SECRET_KEY=${secretKey('test')}\nCLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}\n`
    });
    expect((await cli(dir, ['--environment', 'live', '.env'])).code).toBe(0);
    expect((await cli(dir, ['--environment', 'Live', '--production-environments', 'prod,live', '.env'])).code).toBe(1);
  });

  it('suppresses with --ignore and inline comments, still listing them as suppressed', async () => {
    const dir = await project({
      '.env': [
        `CLERK_PUBLISHABLE_KEY=${publishableKey(PROD_HOST, 'live')}`,
        `CLERK_SECRET_KEY=${secretKey('live')}`,
        '# clerk-production-gate-ignore dev-url -- reached over the VPN',
        'CLERK_PROXY_URL=http://10.0.0.5/__clerk',
        'NEXT_PUBLIC_UNSAFE_DISABLE_DEVELOPMENT_MODE_CONSOLE_WARNING=true'
      ].join('\n')
    });
    const run = await cli(dir, ['--format', 'json', '--ignore', 'dev-only-setting', '--fail-on', 'warning', '.env']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const suppressions = Object.fromEntries(
      report.findings.map((f: { rule: string; suppressed: unknown }) => [f.rule, f.suppressed])
    );
    expect(suppressions).toEqual({
      'dev-url': { by: 'inline-comment', file: '.env', line: 4 },
      'dev-only-setting': { by: 'ignore-option' }
    });
    expect(report.summary).toEqual({ errors: 0, warnings: 0, notices: 0 });
  });

  it('judges each app of a monorepo on its own: no mismatch between apps, one per app that mixes', async () => {
    const dir = await project({
      'apps/web/package.json': nextPackage,
      'apps/web/.env.production': liveEnv,
      'apps/admin/package.json': nextPackage,
      'apps/admin/.env': `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}\nCLERK_SECRET_KEY=${secretKey('live')}\n`
    });
    const run = await cli(dir, ['--format', 'json', '--environment', 'staging', 'apps/web', 'apps/admin']);
    const report = JSON.parse(run.stdout);
    const mismatches = report.findings.filter((f: { rule: string }) => f.rule === 'key-environment-mismatch');
    expect(mismatches.map((f: { location: { file: string } }) => f.location.file)).toEqual(['apps/admin/.env']);
    expect(run.code).toBe(1);
  });

  it('reads --vars-json and --secrets-json, locating findings by source', async () => {
    const dir = await project({
      'vars.json': JSON.stringify({ NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: publishableKey(DEV_HOST) }),
      'secrets.json': JSON.stringify({ CLERK_SECRET_KEY: secretKey('live'), github_token: 'ghs_' + 'x'.repeat(36) })
    });
    const run = await cli(dir, ['--vars-json', 'vars.json', '--secrets-json', 'secrets.json', '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const byRule = Object.fromEntries(
      report.findings.map((f: { rule: string; location: unknown }) => [f.rule, f.location])
    );
    expect(byRule['dev-publishable-key']).toEqual({ source: 'vars' });
    expect(byRule['key-environment-mismatch']).toEqual({ source: 'secrets' });
  });
});

describe('CLI usage and input errors exit 2 with one line', () => {
  const cases: Array<[string, string[], Record<string, string>, RegExp]> = [
    ['an unknown option', ['--nope'], {}, /Unknown option '--nope'/],
    ['an unknown format', ['--format', 'xml'], {}, /--format: expected one of/],
    [
      'an unknown rule in --ignore',
      ['--ignore', 'no-such-rule'],
      {},
      /^clerk-production-gate: --ignore: names an unknown rule/
    ],
    ['an unknown framework', ['--framework', 'rails'], {}, /^clerk-production-gate: --framework:/],
    ['a missing file', ['missing.env'], {}, /missing\.env/],
    ['a glob matching nothing', ['apps/*/.env'], {}, /matched no files/],
    ['a missing --vars-json file', ['--vars-json', 'nope.json'], {}, /--vars-json: cannot read nope\.json \(ENOENT\)/],
    [
      'broken --secrets-json',
      ['--secrets-json', 'broken.json'],
      { 'broken.json': '{"CLERK_SECRET_KEY": "sk_live_canary' },
      /broken\.json: invalid JSON at line 1, column \d+/
    ],
    [
      // dotenv-expand would loop forever on it: the gate stops and names the variable instead of hanging the job.
      'a dotenv file whose expansion does not finish',
      ['loop.env'],
      { 'loop.env': 'CLERK_SECRET_KEY=sk_live_canary\nA=\\$A\nB=$A$B\n' },
      /^clerk-production-gate: loop\.env:3:1: B: its \$\{…\} \/ \$NAME expansion does not finish/
    ]
  ];
  it.each(cases)('%s', async (_name, argv, files, message) => {
    const dir = await project({ '.env': 'A=1\n', ...files });
    const run = await cli(dir, argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toContain('sk_live_canary');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help and the version with exit 0', async () => {
    const dir = await project({});
    const help = await cli(dir, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 passed, 1 the gate failed, 2 usage or input error.');
    const pkg = JSON.parse(await readFile(join(process.cwd(), 'package.json'), 'utf8'));
    expect((await cli(dir, ['--version'])).stdout.trim()).toBe(pkg.version);
  });
});

describe('CLI formats', () => {
  it('writes SARIF, markdown and --output files', async () => {
    const dir = await project({
      '.env': `CLERK_SECRET_KEY=${secretKey('test')}\nCLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}\n`
    });
    const sarif = JSON.parse((await cli(dir, ['--format', 'sarif', '.env'])).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual([
      'dev-publishable-key',
      'dev-secret-key'
    ]);
    const markdown = (await cli(dir, ['--format', 'markdown', '.env'])).stdout;
    expect(markdown).toContain('dev-secret-key');
    const written = await cli(dir, ['--format', 'json', '--output', 'report.json', '.env']);
    expect(written.stdout).toBe('');
    expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')).passed).toBe(false);
  });

  it('colours text only on a terminal or with FORCE_COLOR, never with NO_COLOR', async () => {
    const dir = await project({ '.env': `CLERK_SECRET_KEY=${secretKey('test')}\n` });
    expect((await cli(dir, ['.env'])).stdout).not.toContain('\u001b[');
    expect((await cli(dir, ['.env'], { FORCE_COLOR: '1' })).stdout).toContain('\u001b[');
    expect((await cli(dir, ['.env', '--no-color'], { FORCE_COLOR: '1' })).stdout).not.toContain('\u001b[');
  });
});
