/**
 * Vercel variable types through the CLI bundle (dist/cli.js) against the fake Vercel API: a `plain` variable's
 * listed value is its value (the per-variable endpoint answers it with `decrypted: false`, as Vercel does), only
 * `encrypted` variables are read one by one, and `sensitive` ones stay present but unreadable. And a list whose
 * `pagination.next` never ends is read within its bound: what was read is judged, the gap is host-api-error.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import {
  CANARY_TOKEN,
  PROJECT_ID,
  TEAM,
  startFakeVercel,
  vercelScenario,
  type FakeVercel,
  type FakeVercelEnv
} from '../fakes/vercel-server.js';
import { fakeSecret, publishableKey } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import { runDistCli } from '../helpers/run-dist-cli.js';

jest.setTimeout(60_000);

const DEV_PK = publishableKey('plain-panda-3.clerk.accounts.dev', 'test');
const LIVE_SK = fakeSecret('sk_live_', 'VercelPlainLive', 21);
const SENSITIVE_SK = fakeSecret('sk_live_', 'VercelPlainSensitive', 22);

interface JsonReport {
  passed: boolean;
  findings: { rule: string; severity: string; variable: string; message: string; location: Record<string, unknown> }[];
  checks: { id: string; status: string; detail: string }[];
}

const ARGS = ['--format', 'json', '--clerk-api-url', 'http://127.0.0.1:9', '--vercel-project', PROJECT_ID];

const servers: FakeVercel[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function variable(id: number, key: string, value: string, type: FakeVercelEnv['type']): FakeVercelEnv {
  return { id: `env${String(id).padStart(16, '0')}`, key, value, type, target: ['production'] };
}

describe('Vercel variable types', () => {
  it('a pk_test_ in a plain NEXT_PUBLIC_ variable is judged from the list, without a per-variable read', async () => {
    const base = vercelScenario();
    const envs = [
      variable(1, 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', DEV_PK, 'plain'),
      variable(2, 'CLERK_SECRET_KEY', LIVE_SK, 'encrypted'),
      variable(3, 'CLERK_WEBHOOK_SIGNING_SECRET', SENSITIVE_SK, 'sensitive')
    ];
    const fake = await startFakeVercel({ ...base, projects: [{ ...base.projects[0]!, envs }] });
    servers.push(fake);
    const dir = await project({ 'package.json': '{"dependencies":{"next":"15.0.0"}}' });
    const run = await runDistCli(dir, [...ARGS, '--vercel-team', TEAM.id], {
      env: { VERCEL_TOKEN: CANARY_TOKEN, VERCEL_API_URL: fake.url }
    });
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(run.code).toBe(1);
    expect(report.findings.find((f) => f.rule === 'dev-publishable-key')).toMatchObject({
      severity: 'error',
      variable: 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
      location: { source: 'vercel', project: PROJECT_ID, target: 'production' }
    });
    // Only the encrypted variable is read one by one; the plain one is not unreadable, the sensitive one is.
    const reads = fake.requests.filter((r) => r.route === 'variable').map((r) => r.path);
    expect(reads).toEqual([`/v1/projects/${PROJECT_ID}/env/env0000000000000002`]);
    const unreadable = report.findings.filter((f) => f.rule === 'host-variable-unreadable').map((f) => f.variable);
    expect(unreadable).toEqual(['CLERK_WEBHOOK_SIGNING_SECRET']);
    for (const canary of [CANARY_TOKEN, LIVE_SK, SENSITIVE_SK]) expect(run.stdout + run.stderr).not.toContain(canary);
  });
});

describe('a Vercel list whose next page never ends', () => {
  it('is read to 100 pages: its development key is judged, the cut list is host-api-error (a warning with warn)', async () => {
    const fake = await startFakeVercel(vercelScenario({ endlessPages: true }));
    servers.push(fake);
    const dir = await project({});
    const env = { VERCEL_TOKEN: CANARY_TOKEN, VERCEL_API_URL: fake.url };
    for (const onApiError of ['fail', 'warn']) {
      const run = await runDistCli(dir, [...ARGS, '--vercel-team', TEAM.id, '--on-api-error', onApiError], { env });
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(run.code).toBe(1);
      expect(report.findings.find((f) => f.rule === 'dev-publishable-key')?.severity).toBe('error');
      expect(report.findings.find((f) => f.rule === 'host-api-error')).toMatchObject({
        severity: onApiError === 'fail' ? 'error' : 'warning',
        message: expect.stringContaining('the variable list was not read to its end (more than 100 pages)')
      });
      expect(report.checks.find((c) => c.id === 'host-api-error')?.status).toBe('fail');
    }
    expect(fake.requests.filter((r) => r.route === 'list')).toHaveLength(200);
  });
});
