/**
 * The Vercel host client against the fake Vercel API (real HTTP on 127.0.0.1): every answer goes through
 * `@vercel/sdk`'s own zod parsing, so these tests also check that the fake's bodies still have Vercel's shape.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { VercelCore } from '@vercel/sdk/core.js';
import { projectsFilterProjectEnvs } from '@vercel/sdk/funcs/projectsFilterProjectEnvs.js';
import { VercelError } from '@vercel/sdk/models/vercelerror.js';
import { redact } from '../../src/core/redact.js';
import { scrub, scrubDeep } from '../../src/core/scrub.js';
import { checkApiUrl, type HostOutcome } from '../../src/hosts/host-variable.js';
import { chooseForTarget, readVercel, settingsUrl, type VercelSettings } from '../../src/hosts/vercel.js';
import {
  CANARY_SECRET_KEY,
  CANARY_SENSITIVE,
  CANARY_TOKEN,
  CANARY_UNWANTED,
  DEV_PUBLISHABLE_KEY,
  OTHER_TEAM,
  PREVIEW_BRANCH,
  PREVIEW_BRANCH_SECRET,
  PROJECT_ID,
  PROJECT_NAME,
  STAGING_ENV_ID,
  STAGING_SECRET,
  TEAM,
  manyVariables,
  startFakeVercel,
  vercelScenario,
  type FakeVercel,
  type VercelScenario
} from '../fakes/vercel-server.js';

const fakes: FakeVercel[] = [];
async function start(scenario: VercelScenario = vercelScenario()): Promise<FakeVercel> {
  const fake = await startFakeVercel(scenario);
  fakes.push(fake);
  return fake;
}
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

/** The names the gate checks in these tests: Clerk's. */
const clerkNames = (name: string) => name.includes('CLERK');

function settings(fake: FakeVercel, overrides: Partial<VercelSettings> = {}): VercelSettings {
  return {
    token: fake.scenario.token,
    project: PROJECT_ID,
    team: TEAM.id,
    target: { kind: 'production' },
    apiUrl: fake.url,
    timeoutMs: 2000,
    wanted: clerkNames,
    ...overrides
  };
}

const CANARIES = [CANARY_TOKEN, CANARY_SECRET_KEY, CANARY_SENSITIVE, CANARY_UNWANTED, PREVIEW_BRANCH_SECRET];

/** A failed outcome whose message names Vercel and quotes no canary. */
function failure(outcome: HostOutcome): { status?: number; message: string } {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) throw new Error('expected a failure');
  expect(outcome.message).toMatch(/Vercel/);
  expect(outcome.message).not.toMatch(/\n/);
  for (const canary of CANARIES) expect(outcome.message).not.toContain(canary);
  return outcome;
}

function read(outcome: HostOutcome) {
  if (!outcome.ok) throw new Error(`expected a read, got: ${outcome.message}`);
  return outcome.read;
}

function byName(outcome: HostOutcome) {
  return Object.fromEntries(read(outcome).variables.map((v) => [v.name, v]));
}

describe('readVercel: production', () => {
  it('reads the production variables, with values only for the wanted names, teamId on every call', async () => {
    const fake = await start();
    const outcome = await readVercel(settings(fake));
    const vars = byName(outcome);
    expect(Object.keys(vars).sort()).toEqual([
      'CLERK_SECRET_KEY',
      'CLERK_WEBHOOK_SIGNING_SECRET',
      'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
      'STRIPE_WEBHOOK_SECRET'
    ]);
    expect(vars.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY).toEqual({
      name: 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
      value: DEV_PUBLISHABLE_KEY,
      sensitive: false
    });
    expect(DEV_PUBLISHABLE_KEY).toBe(`pk_test_${Buffer.from('happy-hippo-42.clerk.accounts.dev$').toString('base64')}`);
    // The decrypted value from the per-variable endpoint, not the list's ciphertext.
    expect(vars.CLERK_SECRET_KEY).toEqual({ name: 'CLERK_SECRET_KEY', value: CANARY_SECRET_KEY, sensitive: false });
    expect(vars.CLERK_WEBHOOK_SIGNING_SECRET).toEqual({ name: 'CLERK_WEBHOOK_SIGNING_SECRET', sensitive: true });
    // Present, not wanted: never read.
    expect(vars.STRIPE_WEBHOOK_SECRET).toEqual({ name: 'STRIPE_WEBHOOK_SECRET', sensitive: false });
    expect(JSON.stringify(outcome)).not.toContain(CANARY_UNWANTED);
    expect(JSON.stringify(outcome)).not.toContain(CANARY_SENSITIVE);

    const r = read(outcome);
    expect(r).toMatchObject({ host: 'vercel', project: PROJECT_ID, target: 'production' });
    expect(r.hidden).toBeUndefined();
    expect(r.settingsUrl).toMatch(/^https:\/\/vercel\.com\/d\?to=.*environment-variables/);

    expect(fake.requests.length).toBeGreaterThan(0);
    for (const request of fake.requests) {
      expect(request.query.teamId).toBe(TEAM.id);
      expect(request.query.slug).toBeUndefined();
      expect(request.authorization).toBe(`Bearer ${CANARY_TOKEN}`);
    }
    // One list call; per-variable reads only for the wanted encrypted ones (the plain one is taken from the list).
    expect(fake.requests.filter((q) => q.route === 'list')).toHaveLength(1);
    expect(fake.requests.filter((q) => q.route === 'environments')).toHaveLength(0);
    const readPaths = fake.requests.filter((q) => q.route === 'variable').map((q) => q.path);
    expect(readPaths).toEqual([`/v1/projects/${PROJECT_ID}/env/env0000000000000002`]);
  });

  it('sends the team slug as `slug` and links the exact settings page when project and team are names', async () => {
    const fake = await start();
    const outcome = await readVercel(settings(fake, { project: PROJECT_NAME, team: TEAM.slug }));
    expect(byName(outcome).CLERK_SECRET_KEY?.value).toBe(CANARY_SECRET_KEY);
    expect(read(outcome).settingsUrl).toBe('https://vercel.com/acme/shop-web/settings/environment-variables');
    for (const request of fake.requests) {
      expect(request.query.slug).toBe(TEAM.slug);
      expect(request.query.teamId).toBeUndefined();
    }
  });

  it('sends no team for a personal project', async () => {
    const scenario = vercelScenario();
    const project = scenario.projects[0];
    if (!project) throw new Error('no project');
    delete project.team;
    const fake = await start(scenario);
    const outcome = await readVercel(settings(fake, { team: undefined }));
    expect(byName(outcome).CLERK_SECRET_KEY?.value).toBe(CANARY_SECRET_KEY);
    for (const request of fake.requests) expect(Object.keys(request.query)).not.toContain('teamId');
  });

  it('reports the production variables hidden from the token', async () => {
    const fake = await start(vercelScenario({ hiddenProductionEnvCount: 3 }));
    const outcome = await readVercel(settings(fake));
    expect(read(outcome).hidden).toBe(3);
    expect(byName(outcome).CLERK_SECRET_KEY?.value).toBe(CANARY_SECRET_KEY);
  });
});

describe('readVercel: preview and custom environments', () => {
  it("takes a branch's own variable over the general preview one, and leaves other branches' out", async () => {
    const fake = await start();
    const outcome = await readVercel(settings(fake, { target: { kind: 'preview', gitBranch: PREVIEW_BRANCH } }));
    const vars = byName(outcome);
    expect(read(outcome).target).toBe('preview');
    expect(vars.CLERK_SECRET_KEY?.value).toBe(PREVIEW_BRANCH_SECRET);
    expect(vars.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY?.value).toBe(DEV_PUBLISHABLE_KEY);
    expect(vars.NEXT_PUBLIC_CLERK_SIGN_IN_URL).toBeUndefined();
    expect(vars.CLERK_WEBHOOK_SIGNING_SECRET).toBeUndefined(); // production only
    // Only the chosen CLERK_SECRET_KEY (the branch's) was read; the plain publishable key came from the list.
    const reads = fake.requests.filter((q) => q.route === 'variable').map((q) => q.path.split('/').at(-1));
    expect(reads).toEqual(['env0000000000000005']);
  });

  it('takes the general preview variables when there is no branch', async () => {
    const fake = await start();
    const vars = byName(await readVercel(settings(fake, { target: { kind: 'preview' } })));
    expect(vars.CLERK_SECRET_KEY?.value).toBe(CANARY_SECRET_KEY);
    expect(vars.NEXT_PUBLIC_CLERK_SIGN_IN_URL).toBeUndefined();
  });

  it('resolves a custom environment by slug, case-insensitively, and lists its variables', async () => {
    const fake = await start();
    const outcome = await readVercel(settings(fake, { target: { kind: 'environment', name: 'Staging' } }));
    expect(read(outcome).target).toBe('staging');
    expect(byName(outcome)).toEqual({
      CLERK_SECRET_KEY: { name: 'CLERK_SECRET_KEY', value: STAGING_SECRET, sensitive: false }
    });
    const [environments, list] = fake.requests;
    expect(environments?.route).toBe('environments');
    expect(environments?.path).toBe(`/v9/projects/${PROJECT_ID}/custom-environments`);
    expect(list?.query.customEnvironmentId).toBe(STAGING_ENV_ID);
    for (const request of fake.requests) expect(request.query.teamId).toBe(TEAM.id);
  });

  it('treats an environment name that matches no custom environment as a preview', async () => {
    const fake = await start();
    const outcome = await readVercel(settings(fake, { target: { kind: 'environment', name: 'qa' } }));
    expect(read(outcome).target).toBe('preview');
    expect(byName(outcome).CLERK_SECRET_KEY?.value).toBe(CANARY_SECRET_KEY);
    expect(fake.requests.filter((q) => q.route === 'list')[0]?.query.customEnvironmentId).toBeUndefined();
  });

  it('chooses per target without the API (unit)', () => {
    const envs = [
      { key: 'A', type: 'plain', target: 'production' },
      { key: 'A', type: 'plain', target: ['preview'], gitBranch: 'x' },
      { key: 'A', type: 'plain', target: ['preview'] },
      { key: 'B', type: 'plain', target: ['preview'], gitBranch: 'y' }
    ];
    expect(chooseForTarget(envs, { kind: 'production', label: 'production' })).toEqual([envs[0]]);
    expect(chooseForTarget(envs, { kind: 'preview', label: 'preview', gitBranch: 'x' })).toEqual([envs[1]]);
    expect(chooseForTarget(envs, { kind: 'preview', label: 'preview', gitBranch: 'y' })).toEqual([envs[2], envs[3]]);
  });
});

describe('readVercel: pagination and concurrency', () => {
  it('follows pagination.next with `until` to the last of 3 pages', async () => {
    const fake = await start(vercelScenario({ pageSize: 3 }));
    const outcome = await readVercel(settings(fake));
    expect(Object.keys(byName(outcome)).sort()).toEqual([
      'CLERK_SECRET_KEY',
      'CLERK_WEBHOOK_SIGNING_SECRET',
      'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
      'STRIPE_WEBHOOK_SECRET'
    ]);
    const lists = fake.requests.filter((q) => q.route === 'list');
    expect(lists).toHaveLength(3);
    expect(lists[0]?.query.until).toBeUndefined();
    expect(lists[1]?.query.until).toBe(String(1_750_000_000_000 - 2 * 1000));
    expect(lists[2]?.query.until).toBe(String(1_750_000_000_000 - 5 * 1000));
    for (const list of lists) expect(list.query.teamId).toBe(TEAM.id);
    // The `until` hook touches list pages only.
    for (const q of fake.requests.filter((r) => r.route === 'variable')) expect(q.query.until).toBeUndefined();
  });

  it('reads at most 8 values at once, and every one of them', async () => {
    const scenario = vercelScenario({ latencyMs: { variable: 30 } });
    const project = scenario.projects[0];
    if (!project) throw new Error('no project');
    project.envs = manyVariables(30);
    const fake = await start(scenario);
    const outcome = await readVercel(settings(fake));
    const vars = byName(outcome);
    expect(Object.keys(vars)).toHaveLength(30);
    for (let i = 0; i < 30; i++) expect(vars[`CLERK_VAR_${i}`]?.value).toBe(`value-${i}`);
    expect(fake.requests.filter((q) => q.route === 'variable')).toHaveLength(30);
    expect(fake.maxVariableReadsInFlight).toBe(8);
  });

  it('stops starting reads after one fails, and names the variable', async () => {
    const scenario = vercelScenario({ latencyMs: { variable: 10 }, faults: { variable: { status: 500 } } });
    const project = scenario.projects[0];
    if (!project) throw new Error('no project');
    project.envs = manyVariables(40);
    const fake = await start(scenario);
    const { message, status } = failure(await readVercel(settings(fake)));
    expect(status).toBe(500);
    expect(message).toMatch(/reading variable CLERK_VAR_\d+ of project/);
    expect(fake.requests.filter((q) => q.route === 'variable').length).toBeLessThanOrEqual(16);
  });
});

describe('readVercel: failures', () => {
  it('401: names the token, never quotes it', async () => {
    const fake = await start();
    const wrong = `${CANARY_TOKEN}-wrong`;
    const { message, status } = failure(await readVercel(settings(fake, { token: wrong })));
    expect(status).toBe(401);
    expect(message).toMatch(/refused the token \(401\).*VERCEL_TOKEN/);
    expect(message).not.toContain(wrong);
    expect(message).toContain(PROJECT_ID);
  });

  it("403 with Vercel's invalidToken flag is about the token too", async () => {
    const fake = await start(vercelScenario({ badTokenStatus: 403 }));
    const { message, status } = failure(await readVercel(settings(fake, { token: 'vcp_not_the_token' })));
    expect(status).toBe(403);
    expect(message).toMatch(/refused the token \(403\)/);
  });

  it('403 (a team the token cannot act on): names the project, the team and the token scope', async () => {
    const fake = await start();
    const { message, status } = failure(await readVercel(settings(fake, { team: OTHER_TEAM.id })));
    expect(status).toBe(403);
    expect(message).toContain(`project "${PROJECT_ID}" (team ${OTHER_TEAM.id})`);
    expect(message).toMatch(/give the token access to team .*vercel-team/);
    expect(message).toMatch(/Vercel said: "Not authorized: Trying to access resource under scope/);
  });

  it('404 (no such project): names the project and what to check', async () => {
    const fake = await start();
    const { message, status } = failure(await readVercel(settings(fake, { project: 'no-such-app' })));
    expect(status).toBe(404);
    expect(message).toMatch(/found no project "no-such-app" in team team_acme\S* \(404\): check vercel-project/);
  });

  it('404 for a team project read without its team: says to set vercel-team', async () => {
    const fake = await start();
    const { message } = failure(await readVercel(settings(fake, { team: undefined })));
    expect(message).toMatch(/personal account \(set vercel-team/);
  });

  it('429: retries as Retry-After says, then succeeds', async () => {
    const fake = await start(
      vercelScenario({ faults: { list: { status: 429, times: 2, headers: { 'retry-after': '0' } } } })
    );
    const outcome = await readVercel(settings(fake));
    expect(byName(outcome).CLERK_SECRET_KEY?.value).toBe(CANARY_SECRET_KEY);
    expect(fake.requests.filter((q) => q.route === 'list').map((q) => q.status)).toEqual([429, 429, 200]);
  });

  it('429: waits Retry-After (1 s) and stops within the time budget (3 × timeout)', async () => {
    const fake = await start(vercelScenario({ faults: { list: { status: 429, headers: { 'retry-after': '1' } } } }));
    const started = Date.now();
    const { message, status } = failure(await readVercel(settings(fake, { timeoutMs: 600 })));
    const elapsed = Date.now() - started;
    expect(status).toBe(429);
    expect(message).toMatch(/rate-limited the token \(429\) \(Retry-After: 1\).*1800 ms/);
    // Waited once (1 s); a second wait would pass the 1.8 s budget.
    expect(fake.requests.filter((q) => q.route === 'list')).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(1800);
  });

  it('429 with a Retry-After beyond the budget: fails at once', async () => {
    const fake = await start(vercelScenario({ faults: { list: { status: 429, headers: { 'retry-after': '3600' } } } }));
    const started = Date.now();
    failure(await readVercel(settings(fake, { timeoutMs: 500 })));
    expect(Date.now() - started).toBeLessThan(500);
    expect(fake.requests).toHaveLength(1);
  });

  it('500: a clear message', async () => {
    const fake = await start(vercelScenario({ faults: { list: { status: 500 } } }));
    const { message, status } = failure(await readVercel(settings(fake)));
    expect(status).toBe(500);
    expect(message).toMatch(/^Vercel's API failed \(500\) listing the variables of project .*run the gate again later/);
  });

  it('a request that takes longer than the timeout', async () => {
    const fake = await start(vercelScenario({ latencyMs: { list: 3000 } }));
    const started = Date.now();
    const { message } = failure(await readVercel(settings(fake, { timeoutMs: 200 })));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(message).toMatch(/did not answer within 200 ms listing the variables/);
  });

  it('a refused connection', async () => {
    const server = http.createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const { message } = failure(
      await readVercel({ ...settings(await start()), apiUrl: `http://127.0.0.1:${port}`, token: CANARY_TOKEN })
    );
    expect(message).toMatch(/could not reach Vercel's API at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  it('an answer that does not match the SDK schema (drift) fails, naming the field', async () => {
    const body = {
      envs: [{ key: 'CLERK_SECRET_KEY', type: 'quantum', value: '', securityIssues: [] }],
      pagination: { count: 1, next: null, prev: null }
    };
    const fake = await start(vercelScenario({ faults: { list: { status: 200, body } } }));
    const { message } = failure(await readVercel(settings(fake)));
    expect(message).toMatch(/did not match what @vercel\/sdk expects/);
  });

  it("scrubs the token out of Vercel's error text (a server that echoes the Authorization header)", async () => {
    const fake = await start(vercelScenario({ echoAuthorizationInErrors: true, faults: { list: { status: 500 } } }));
    const { message } = failure(await readVercel(settings(fake)));
    // The token is shown redacted (core/scrub.ts), as every secret is.
    expect(message).toContain(`Bearer ${redact(fake.scenario.token)}`);
    expect(message).not.toContain(fake.scenario.token);
  });

  it('refuses plain http on a host that is not a loopback IP, without calling it', async () => {
    const fake = await start();
    for (const apiUrl of ['http://api.vercel.example', `http://localhost:${new URL(fake.url).port}`, 'ftp://x']) {
      const { message } = failure(await readVercel(settings(fake, { apiUrl })));
      expect(message).toMatch(/VERCEL_API_URL/);
    }
    expect(fake.requests).toHaveLength(0);
  });
});

describe('scrub and scrubDeep', () => {
  it('take the token out of a real @vercel/sdk error that contains it', async () => {
    const fake = await start(vercelScenario({ echoAuthorizationInErrors: true, badTokenStatus: 403 }));
    const core = new VercelCore({ serverURL: fake.url, bearerToken: `${CANARY_TOKEN}x` });
    const result = await projectsFilterProjectEnvs(core, { idOrName: PROJECT_ID });
    if (result.ok) throw new Error('expected an error');
    const error = result.error;
    expect(error).toBeInstanceOf(VercelError);
    // The SDK's error carries the server's body, token and all.
    expect(String((error as Error).message)).toContain(`${CANARY_TOKEN}x`);
    expect((error as VercelError).body).toContain(`${CANARY_TOKEN}x`);

    const scrubbed = scrub((error as Error).message, [`${CANARY_TOKEN}x`]);
    expect(scrubbed).not.toContain(CANARY_TOKEN);
    expect(scrubbed).toContain('Not authorized');
    expect(JSON.stringify(scrubDeep(error, [`${CANARY_TOKEN}x`]))).not.toContain(CANARY_TOKEN);
  });

  it('scrub the token in its encoded forms and any Bearer credential', () => {
    const token = 'tok/en+with=chars';
    const text = `a ${token} b ${encodeURIComponent(token)} c ${Buffer.from(token).toString('base64')} d Bearer other123`;
    const out = scrub(text, [token]);
    expect(out).not.toContain(token);
    expect(out).not.toContain(encodeURIComponent(token));
    expect(out).not.toContain('other123');
    expect(scrub('nothing here', [''])).toBe('nothing here');
  });

  it('scrubDeep drops authorization headers at any depth and survives cycles', () => {
    const error = Object.assign(new Error(`failed with ${CANARY_TOKEN}`), {
      data: { headers: { Authorization: 'Bearer zzz', accept: 'json' } }
    }) as Error & { self?: unknown };
    error.self = error;
    const copy = JSON.stringify(scrubDeep(error, [CANARY_TOKEN]));
    expect(copy).not.toContain(CANARY_TOKEN);
    expect(copy).not.toContain('zzz');
    expect(copy).toContain('"accept":"json"');
  });
});

describe('API URL and settings URL', () => {
  it('allows https anywhere and http only on loopback IPs', () => {
    expect(checkApiUrl('https://api.vercel.com', 'V').ok).toBe(true);
    expect(checkApiUrl('http://127.0.0.1:8080', 'V').ok).toBe(true);
    expect(checkApiUrl('http://127.1.2.3', 'V').ok).toBe(true);
    expect(checkApiUrl('http://[::1]:3000', 'V').ok).toBe(true);
    expect(checkApiUrl('http://localhost:3000', 'V').ok).toBe(false);
    expect(checkApiUrl('http://10.0.0.1', 'V').ok).toBe(false);
    expect(checkApiUrl('http://127.0.0.1.example.com', 'V').ok).toBe(false);
    expect(checkApiUrl('https://user:pass@api.vercel.com', 'V').ok).toBe(false);
    expect(checkApiUrl('not a url', 'V').ok).toBe(false);
  });

  it('links the exact page only when the team slug and project name are known', () => {
    expect(settingsUrl('shop-web', 'acme')).toBe('https://vercel.com/acme/shop-web/settings/environment-variables');
    expect(settingsUrl('prj_1', 'acme')).toMatch(/^https:\/\/vercel\.com\/d\?to=/);
    expect(settingsUrl('shop-web', 'team_1')).toMatch(/^https:\/\/vercel\.com\/d\?to=/);
    expect(settingsUrl('shop-web', undefined)).toMatch(/^https:\/\/vercel\.com\/d\?to=/);
  });
});
