/**
 * End to end: the hosts as sources through the committed bundles (dist/cli.js, dist/index.js), against the fake
 * Vercel and Netlify APIs (VERCEL_API_URL / NETLIFY_API_URL on 127.0.0.1). Host variables go through the same rules,
 * layering and reports as every other source; tokens and secret values appear in no output.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import {
  CANARY_SECRET_KEY as VERCEL_SECRET,
  CANARY_SENSITIVE,
  CANARY_TOKEN as VERCEL_TOKEN,
  CANARY_UNWANTED as VERCEL_UNWANTED,
  PREVIEW_BRANCH,
  PREVIEW_BRANCH_SECRET,
  PROJECT_ID,
  STAGING_SECRET,
  TEAM,
  startFakeVercel,
  vercelScenario,
  type FakeVercel
} from '../fakes/vercel-server.js';
import {
  CANARY_SECRET_HIDDEN,
  CANARY_SECRET_KEY as NETLIFY_SECRET,
  CANARY_TOKEN as NETLIFY_TOKEN,
  SITE_ID,
  netlifyScenario,
  startFakeNetlify,
  type FakeNetlify
} from '../fakes/netlify-server.js';
import { fakeSecret, publishableKey } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import { runDistCli } from '../helpers/run-dist-cli.js';
import { runDistAction } from '../helpers/run-dist-action.js';

jest.setTimeout(60_000);

const LIVE_PK = publishableKey('clerk.example.com', 'live');
const OTHER_DEV_PK = publishableKey('other-otter-7.clerk.accounts.dev', 'test');
const LIVE_SK = fakeSecret('sk_live_', 'DotenvFile', 4);

interface JsonReport {
  passed: boolean;
  findings: {
    rule: string;
    severity: string;
    variable: string;
    value: string;
    message: string;
    fix: string;
    location: Record<string, unknown>;
    shadowed_by?: Record<string, unknown>;
  }[];
  sources: Record<string, unknown>[];
  checks: { id: string; status: string; detail: string }[];
}

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function vercel(scenario = vercelScenario()): Promise<FakeVercel> {
  const fake = await startFakeVercel(scenario);
  servers.push(fake);
  return fake;
}
async function netlify(scenario = netlifyScenario()): Promise<FakeNetlify> {
  const fake = await startFakeNetlify(scenario);
  servers.push(fake);
  return fake;
}

/** The CLI, offline for Clerk (a closed loopback port) but online for the hosts. */
async function cli(dir: string, args: string[], env: Record<string, string>) {
  const run = await runDistCli(dir, ['--format', 'json', '--clerk-api-url', 'http://127.0.0.1:9', ...args], { env });
  return { ...run, report: JSON.parse(run.stdout || '{}') as JsonReport };
}

const vercelEnv = (fake: FakeVercel) => ({ VERCEL_TOKEN, VERCEL_API_URL: fake.url });
const vercelArgs = ['--vercel-project', PROJECT_ID, '--vercel-team', TEAM.id];

describe('Vercel as a source', () => {
  it('production: the development keys in the project are findings located at the project, with its settings page', async () => {
    const fake = await vercel();
    const dir = await project({ 'package.json': '{"dependencies":{"next":"15.0.0"}}' });
    const { code, report } = await cli(dir, vercelArgs, vercelEnv(fake));
    expect(code).toBe(1);
    const location = { source: 'vercel', project: PROJECT_ID, target: 'production' };
    const dev = report.findings.find((f) => f.rule === 'dev-publishable-key');
    expect(dev).toMatchObject({ variable: 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', location, severity: 'error' });
    expect(dev?.fix).toMatch(/Change it at https:\/\/vercel\.com\/.*environment-variables/);
    expect(report.findings.find((f) => f.rule === 'dev-secret-key')).toMatchObject({
      variable: 'CLERK_SECRET_KEY',
      value: `sk_test_…${VERCEL_SECRET.slice(-4)}`,
      location
    });
    // The sensitive variable: present, value not readable; listed, and counted on the checklist.
    expect(report.findings.find((f) => f.rule === 'host-variable-unreadable')).toMatchObject({
      severity: 'notice',
      variable: 'CLERK_WEBHOOK_SIGNING_SECRET',
      message: `CLERK_WEBHOOK_SIGNING_SECRET is present in vercel project ${PROJECT_ID} (production), value not readable (sensitive).`
    });
    expect(report.checks.find((c) => c.id === 'host-variable-unreadable')?.detail).toContain(
      '1 not judged (sensitive)'
    );
    expect(report.sources).toContainEqual(
      expect.objectContaining({ kind: 'vercel', project: PROJECT_ID, target: 'production' })
    );
    // teamId on every call; per-variable reads only for names the gate checks.
    expect(fake.requests.every((r) => r.query.teamId === TEAM.id)).toBe(true);
    const read = fake.requests.filter((r) => r.route === 'variable').map((r) => r.path);
    expect(read.length).toBeGreaterThan(0);
    expect(read.some((p) => p.endsWith('env0000000000000004'))).toBe(false);
  });

  it('the token, the secret values and the unread secret appear in no output format', async () => {
    const fake = await vercel();
    for (const format of ['json', 'text', 'markdown', 'sarif']) {
      const dir = await project({});
      const run = await runDistCli(dir, ['--format', format, '--clerk-api-url', 'http://127.0.0.1:9', ...vercelArgs], {
        env: vercelEnv(fake)
      });
      expect(run.code).toBe(1);
      for (const canary of [VERCEL_TOKEN, VERCEL_SECRET, CANARY_SENSITIVE, VERCEL_UNWANTED]) {
        expect(run.stdout + run.stderr).not.toContain(canary);
      }
    }
  });

  it('preview on a branch: the branch override wins; a missing-key is satisfied by a sensitive variable', async () => {
    const fake = await vercel();
    const dir = await project({});
    const { report } = await cli(
      dir,
      [...vercelArgs, '--environment', 'preview', '--git-branch', PREVIEW_BRANCH],
      vercelEnv(fake)
    );
    const location = { source: 'vercel', project: PROJECT_ID, target: 'preview' };
    expect(report.sources).toContainEqual(expect.objectContaining({ kind: 'vercel', target: 'preview' }));
    expect(report.findings.filter((f) => f.rule === 'missing-key')).toEqual([]);
    expect(JSON.stringify(report)).not.toContain(PREVIEW_BRANCH_SECRET);
    expect(report.findings.every((f) => f.location.source !== 'vercel' || f.location.target === location.target)).toBe(
      true
    );
  });

  it('a custom environment by its slug', async () => {
    const fake = await vercel();
    const dir = await project({});
    const { report } = await cli(dir, [...vercelArgs, '--environment', 'staging'], vercelEnv(fake));
    expect(report.sources).toContainEqual(expect.objectContaining({ kind: 'vercel', target: 'staging' }));
    expect(JSON.stringify(report)).not.toContain(STAGING_SECRET);
    expect(fake.requests.some((r) => r.route === 'environments')).toBe(true);
  });

  it('precedence: the project variables shadow a dotenv file; the process environment shadows the project', async () => {
    const fake = await vercel();
    const dir = await project({
      'package.json': '{"dependencies":{"next":"15.0.0"}}',
      '.env.production': `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${OTHER_DEV_PK}\nCLERK_SECRET_KEY=${LIVE_SK}\n`
    });
    const { report } = await cli(dir, vercelArgs, vercelEnv(fake));
    // The file's development key is shadowed by Vercel's (a notice), and Vercel's development key is the error.
    const fromFile = report.findings.find((f) => f.rule === 'dev-publishable-key' && f.location.file !== undefined);
    expect(fromFile).toMatchObject({ severity: 'notice', shadowed_by: { source: 'vercel', project: PROJECT_ID } });
    expect(report.findings.find((f) => f.rule === 'dev-publishable-key')?.location).toMatchObject({ source: 'vercel' });
    const withEnv = await cli(dir, [...vercelArgs, '--scan-process-env'], {
      ...vercelEnv(fake),
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: LIVE_PK
    });
    // The step's environment wins over the host: the file's key is now shadowed by env.
    const fromFileWithEnv = withEnv.report.findings.find(
      (f) => f.rule === 'dev-publishable-key' && f.location.file !== undefined
    );
    expect(fromFileWithEnv?.shadowed_by).toEqual({ source: 'env' });
  });

  it.each([
    [401, 'the token'],
    [403, 'team'],
    [404, 'project']
  ])('HTTP %i is host-api-error, always an error, naming %s', async (status, words) => {
    const scenario = vercelScenario();
    const fake = await vercel(
      status === 401 ? { ...scenario, badTokenStatus: 401 } : { ...scenario, faults: { list: { status, times: 99 } } }
    );
    const dir = await project({ '.env': 'APP_NAME=demo\n' });
    const env =
      status === 401 ? { VERCEL_TOKEN: 'vcp_wrongToken0123456789', VERCEL_API_URL: fake.url } : vercelEnv(fake);
    const { code, report, stderr } = await cli(dir, [...vercelArgs, '--on-api-error', 'warn'], env);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const failure = report.findings.find((f) => f.rule === 'host-api-error');
    expect(failure?.severity).toBe('error');
    expect(failure?.message.toLowerCase()).toContain(words);
    expect(JSON.stringify(report)).not.toContain('vcp_wrongToken0123456789');
  });

  it('a 500 follows on-api-error: an error by default, a warning with warn', async () => {
    const fake = await vercel({ ...vercelScenario(), faults: { list: { status: 500, times: 99 } } });
    const dir = await project({ '.env': 'APP_NAME=demo\n' });
    const failed = await cli(dir, vercelArgs, vercelEnv(fake));
    expect(failed.report.findings.map((f) => [f.rule, f.severity])).toEqual([['host-api-error', 'error']]);
    const warned = await cli(dir, [...vercelArgs, '--on-api-error', 'warn'], vercelEnv(fake));
    expect(warned.report.findings.map((f) => [f.rule, f.severity])).toEqual([['host-api-error', 'warning']]);
    expect(warned.code).toBe(0);
  });

  it('--offline does not call Vercel and says why', async () => {
    const fake = await vercel();
    const dir = await project({ '.env': 'APP_NAME=demo\n' });
    const run = await runDistCli(dir, ['--format', 'json', '--offline', ...vercelArgs], { env: vercelEnv(fake) });
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.checks.find((c) => c.id === 'host-api-error')).toMatchObject({
      status: 'skipped',
      detail: 'offline mode'
    });
    expect(fake.requests).toEqual([]);
  });

  it('a linked project without a token is a notice naming VERCEL_TOKEN', async () => {
    const dir = await project({
      '.env': 'APP_NAME=demo\n',
      '.vercel/project.json': JSON.stringify({ projectId: PROJECT_ID, orgId: TEAM.id })
    });
    const { code, report } = await cli(dir, [], {});
    expect(code).toBe(0);
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'host-variable-unreadable',
        severity: 'notice',
        message:
          '.vercel/project.json links this directory to a Vercel project, but VERCEL_TOKEN is not set: its variables were not read.'
      })
    ]);
  });

  it("VERCEL_PROJECT_ID and VERCEL_ORG_ID (the Vercel CLI's own names) give the project and team", async () => {
    const fake = await vercel();
    const dir = await project({});
    const { report } = await cli(dir, [], {
      ...vercelEnv(fake),
      VERCEL_PROJECT_ID: PROJECT_ID,
      VERCEL_ORG_ID: TEAM.id
    });
    expect(report.sources).toContainEqual(expect.objectContaining({ kind: 'vercel', project: PROJECT_ID }));
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.every((r) => r.query.teamId === TEAM.id)).toBe(true);
  });

  it('.vercel/project.json gives the project and team when a token is set', async () => {
    const fake = await vercel();
    const dir = await project({ '.vercel/project.json': JSON.stringify({ projectId: PROJECT_ID, orgId: TEAM.id }) });
    const { report } = await cli(dir, [], vercelEnv(fake));
    expect(report.sources).toContainEqual(expect.objectContaining({ kind: 'vercel', project: PROJECT_ID }));
    expect(fake.requests.every((r) => r.query.teamId === TEAM.id)).toBe(true);
  });

  it.each(['--vercel-token', '--vercel-token=vcp_secretOnTheCommandLine1234', '--netlify-token'])(
    '%s is a usage error that does not echo the value',
    async (flag) => {
      const dir = await project({});
      const run = await runDistCli(dir, [flag, 'vcp_secretOnTheCommandLine1234']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^clerk-production-gate: --(vercel|netlify)-token: not a flag; (VERCEL_TOKEN|NETLIFY_AUTH_TOKEN) is read from the environment only\n$/
      );
      expect(run.stderr).not.toContain('vcp_secret');
    }
  );

  it('http:// to a host other than loopback is refused for VERCEL_API_URL (the token travels with every call)', async () => {
    const dir = await project({ '.env': 'APP_NAME=demo\n' });
    const { report } = await cli(dir, vercelArgs, { VERCEL_TOKEN, VERCEL_API_URL: 'http://example.com' });
    const failure = report.findings.find((f) => f.rule === 'host-api-error');
    expect(failure?.message).toContain('VERCEL_API_URL');
  });
});

describe('Netlify as a source', () => {
  const netlifyEnv = (fake: FakeNetlify) => ({
    NETLIFY_AUTH_TOKEN: NETLIFY_TOKEN,
    NETLIFY_API_URL: `${fake.url}/api/v1`
  });

  it('production: findings on the site, the secret variable listed as not readable, nothing leaked', async () => {
    const fake = await netlify();
    const dir = await project({});
    const run = await runDistCli(
      dir,
      ['--format', 'json', '--clerk-api-url', 'http://127.0.0.1:9', '--netlify-site', SITE_ID],
      {
        env: netlifyEnv(fake)
      }
    );
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(run.code).toBe(1);
    const location = { source: 'netlify', project: SITE_ID, target: 'production' };
    expect(report.findings.find((f) => f.rule === 'dev-secret-key')).toMatchObject({
      variable: 'CLERK_SECRET_KEY',
      location
    });
    expect(report.findings.find((f) => f.rule === 'host-variable-unreadable')).toMatchObject({
      variable: 'CLERK_WEBHOOK_SIGNING_SECRET',
      message: expect.stringContaining('value not readable (secret)')
    });
    for (const canary of [NETLIFY_TOKEN, NETLIFY_SECRET, CANARY_SECRET_HIDDEN])
      expect(run.stdout + run.stderr).not.toContain(canary);
  });
});

describe('a Netlify 429 storm', () => {
  it('the CLI reports within its time budget and exits, though the SDK sleeps until X-RateLimit-Reset', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 60);
    const fake = await netlify(
      netlifyScenario({ faults: { env: { status: 429, headers: { 'retry-after': '1', 'x-ratelimit-reset': reset } } } })
    );
    const dir = await project({ '.env': 'APP_NAME=demo\n' });
    const started = Date.now();
    const run = await runDistCli(
      dir,
      [
        '--format',
        'json',
        '--clerk-api-url',
        'http://127.0.0.1:9',
        '--netlify-site',
        SITE_ID,
        '--api-timeout',
        '1',
        '--on-api-error',
        'warn'
      ],
      { env: { NETLIFY_AUTH_TOKEN: NETLIFY_TOKEN, NETLIFY_API_URL: `${fake.url}/api/v1` } }
    );
    // 3 x the 1 s timeout, plus start-up and the half second the process may linger: far from the 60 s reset.
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([['host-api-error', 'warning']]);
    expect(run.stdout + run.stderr).not.toContain(NETLIFY_TOKEN);
  });
});

describe('the action with VERCEL_TOKEN', () => {
  it('reads the project, fails on its development keys, and masks the token and the values first', async () => {
    const fake = await vercel();
    const workspace = await project({ 'package.json': '{"dependencies":{"next":"15.0.0"}}' });
    const run = await runDistAction(
      workspace,
      { 'clerk-api-url': 'http://127.0.0.1:9', 'vercel-project': PROJECT_ID, 'vercel-team': TEAM.id },
      { extraEnv: { VERCEL_TOKEN, VERCEL_API_URL: fake.url } }
    );
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    const masks = lines.filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice(12));
    expect(masks).toEqual(expect.arrayContaining([VERCEL_TOKEN, VERCEL_SECRET]));
    const report = await readFile(run.reportFile, 'utf8');
    const visible = [lines.filter((l) => !l.startsWith('::add-mask::')).join('\n'), run.stderr, run.summary, report];
    for (const text of visible) {
      for (const canary of [VERCEL_TOKEN, VERCEL_SECRET, CANARY_SENSITIVE, VERCEL_UNWANTED])
        expect(text).not.toContain(canary);
    }
    expect(run.summary).toContain('dev-publishable-key');
    expect(run.summary).toContain(`vercel project ${PROJECT_ID} (production)`);
  });
});
