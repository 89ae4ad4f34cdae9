/**
 * The Netlify host client against the fake Netlify API (real HTTP on 127.0.0.1), the fake's answers checked against
 * the OpenAPI document that ships with `@netlify/api`, and `@netlify/api` itself loaded and called on this Node.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NetlifyAPI } from '@netlify/api';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { redact } from '../../src/core/redact.js';
import { scrubDeep } from '../../src/core/scrub.js';
import type { HostOutcome } from '../../src/hosts/host-variable.js';
import { parseContext, pickValue, readNetlify, type NetlifySettings } from '../../src/hosts/netlify.js';
import { ROOT } from '../helpers/shared-data.js';
import {
  ACCOUNT_ID,
  BRANCH,
  CANARY_BRANCH_KEY,
  CANARY_SECRET_HIDDEN,
  CANARY_SECRET_KEY,
  CANARY_TOKEN,
  CANARY_UNWANTED,
  DEV_PUBLISHABLE_KEY,
  PREVIEW_KEY,
  SITE_ID,
  netlifyScenario,
  startFakeNetlify,
  type FakeNetlify,
  type NetlifyRequestRecord,
  type NetlifyScenario
} from '../fakes/netlify-server.js';

const fakes: FakeNetlify[] = [];
async function start(scenario: NetlifyScenario = netlifyScenario()): Promise<FakeNetlify> {
  const fake = await startFakeNetlify(scenario);
  fakes.push(fake);
  return fake;
}
/** Every answer any fake gave in this file, for the OpenAPI check at the end. */
const answered: NetlifyRequestRecord[] = [];
afterEach(async () => {
  for (const fake of fakes) answered.push(...fake.requests);
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const clerkNames = (name: string) => name.includes('CLERK');

function settings(fake: FakeNetlify, overrides: Partial<NetlifySettings> = {}): NetlifySettings {
  return {
    token: fake.scenario.token,
    site: SITE_ID,
    context: 'production',
    apiUrl: fake.apiUrl,
    timeoutMs: 2000,
    wanted: clerkNames,
    ...overrides
  };
}

const CANARIES = [CANARY_TOKEN, CANARY_SECRET_KEY, CANARY_SECRET_HIDDEN, CANARY_UNWANTED, CANARY_BRANCH_KEY];

function failure(outcome: HostOutcome): { status?: number; message: string } {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) throw new Error('expected a failure');
  expect(outcome.message).toMatch(/Netlify/);
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

describe('readNetlify: contexts', () => {
  it('reads production: development keys, a secret without its value, values only for wanted names', async () => {
    const fake = await start();
    const outcome = await readNetlify(settings(fake));
    expect(byName(outcome)).toEqual({
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: {
        name: 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
        value: DEV_PUBLISHABLE_KEY,
        sensitive: false
      },
      CLERK_SECRET_KEY: { name: 'CLERK_SECRET_KEY', value: CANARY_SECRET_KEY, sensitive: false },
      CLERK_WEBHOOK_SIGNING_SECRET: { name: 'CLERK_WEBHOOK_SIGNING_SECRET', sensitive: true },
      STRIPE_WEBHOOK_SECRET: { name: 'STRIPE_WEBHOOK_SECRET', sensitive: false }
    });
    expect(JSON.stringify(outcome)).not.toContain(CANARY_UNWANTED);
    expect(read(outcome)).toMatchObject({
      host: 'netlify',
      project: SITE_ID,
      target: 'production',
      settingsUrl: 'https://app.netlify.com/sites/shop-web/configuration/env'
    });

    const [site, env] = fake.requests;
    expect(site).toMatchObject({ route: 'site', path: `/api/v1/sites/${SITE_ID}` });
    expect(env).toMatchObject({
      route: 'env',
      path: `/api/v1/accounts/${ACCOUNT_ID}/env`,
      query: { site_id: SITE_ID, context_name: 'production' }
    });
    expect(fake.requests).toHaveLength(2);
    for (const request of fake.requests) expect(request.authorization).toBe(`Bearer ${CANARY_TOKEN}`);
  });

  it('reads deploy-preview', async () => {
    const fake = await start();
    const vars = byName(await readNetlify(settings(fake, { context: 'deploy-preview' })));
    expect(vars.CLERK_SECRET_KEY?.value).toBe(PREVIEW_KEY);
    expect(vars.PREVIEW_ONLY).toEqual({ name: 'PREVIEW_ONLY', sensitive: false });
    expect(vars.CLERK_WEBHOOK_SIGNING_SECRET).toBeUndefined();
    expect(fake.requests[1]?.query.context_name).toBe('deploy-preview');
  });

  it("reads branch:<name>: the branch's own value, else branch-deploy, else all; no context filter sent", async () => {
    const fake = await start();
    const outcome = await readNetlify(settings(fake, { context: `branch:${BRANCH}` }));
    const vars = byName(outcome);
    expect(read(outcome).target).toBe(`branch:${BRANCH}`);
    expect(vars.CLERK_SECRET_KEY?.value).toBe(CANARY_BRANCH_KEY);
    expect(vars.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY?.value).toBe(DEV_PUBLISHABLE_KEY);
    expect(vars.BRANCH_DEPLOY_ONLY).toBeDefined();
    expect(vars.PREVIEW_ONLY).toBeUndefined();
    expect(vars.CLERK_WEBHOOK_SIGNING_SECRET).toBeUndefined();
    expect(fake.requests[1]?.query).toEqual({ site_id: SITE_ID });

    const other = byName(await readNetlify(settings(fake, { context: 'branch:other' })));
    expect(other.CLERK_SECRET_KEY).toBeUndefined(); // no branch, branch-deploy or all value
    expect(other.BRANCH_DEPLOY_ONLY).toBeDefined();
  });

  it('picks values per context (unit)', () => {
    const values = [
      { value: 'a', context: 'all' },
      { value: 'b', context: 'branch-deploy' },
      { value: 'c', context: 'branch', context_parameter: 'x' },
      { value: 'p', context: 'production' }
    ];
    const pick = (context: string) => {
      const parsed = parseContext(context);
      if (!parsed) throw new Error(context);
      return pickValue(values, parsed)?.value;
    };
    expect(pick('production')).toBe('p');
    expect(pick('deploy-preview')).toBe('a');
    expect(pick('branch-deploy')).toBe('b');
    expect(pick('branch:x')).toBe('c');
    expect(pick('branch:y')).toBe('b');
    expect(pickValue([{ value: 'a', context: 'all' }], { kind: 'branch', branch: 'y' })?.value).toBe('a');
    expect(parseContext('branch:')).toBeUndefined();
    expect(parseContext('staging')).toBeUndefined();
  });

  it('refuses an unknown context without calling Netlify', async () => {
    const fake = await start();
    const { message } = failure(await readNetlify(settings(fake, { context: 'staging' })));
    expect(message).toMatch(/unknown deploy context "staging".*branch:<name>/);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses plain http on a host that is not a loopback IP', async () => {
    const fake = await start();
    const { message } = failure(
      await readNetlify(settings(fake, { apiUrl: `http://localhost:${new URL(fake.url).port}/api/v1` }))
    );
    expect(message).toMatch(/NETLIFY_API_URL .*plain http/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('readNetlify: failures', () => {
  it('401: names the token, never quotes it', async () => {
    const fake = await start();
    const { message, status } = failure(await readNetlify(settings(fake, { token: `${CANARY_TOKEN}-bad` })));
    expect(status).toBe(401);
    expect(message).toMatch(/refused the token \(401\) reading site .*NETLIFY_AUTH_TOKEN/);
  });

  it("403: the token's user may not read the team's variables", async () => {
    const fake = await start(netlifyScenario({ envForbidden: [ACCOUNT_ID] }));
    const { message, status } = failure(await readNetlify(settings(fake)));
    expect(status).toBe(403);
    expect(message).toMatch(/denied access \(403\) reading the environment variables of site .*member of the team/);
  });

  it('404: no such site (or one the token cannot see)', async () => {
    const fake = await start();
    const { message, status } = failure(await readNetlify(settings(fake, { site: 'no-such-site' })));
    expect(status).toBe(404);
    expect(message).toMatch(/found no site "no-such-site" \(404\).*netlify-site/);
    expect(fake.requests).toHaveLength(1);
  });

  it('500: a clear message', async () => {
    const fake = await start(netlifyScenario({ faults: { env: { status: 500 } } }));
    const { message, status } = failure(await readNetlify(settings(fake)));
    expect(status).toBe(500);
    expect(message).toMatch(/^Netlify's API failed \(500\) reading the environment variables of site/);
  });

  it('429 with Retry-After: @netlify/api ignores it and waits on X-RateLimit-Reset (≥ 1 s), then succeeds', async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    const fake = await start(
      netlifyScenario({
        faults: { env: { status: 429, times: 1, headers: { 'retry-after': '0', 'x-ratelimit-reset': reset } } }
      })
    );
    const started = Date.now();
    const outcome = await readNetlify(settings(fake, { timeoutMs: 1000 }));
    expect(byName(outcome).CLERK_SECRET_KEY?.value).toBe(CANARY_SECRET_KEY);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950); // the SDK's minimum wait, Retry-After: 0 ignored
    expect(fake.requests.filter((r) => r.route === 'env').map((r) => r.status)).toEqual([429, 200]);
  });

  it("a 429 storm ends within the caller's budget (3 × timeout), though the SDK would retry for seconds", async () => {
    // The SDK sleeps until X-RateLimit-Reset (here 1 s) between five retries; the budget is 3 × 200 ms.
    const reset = String(Math.floor(Date.now() / 1000) + 1);
    const fake = await start(
      netlifyScenario({ faults: { env: { status: 429, headers: { 'retry-after': '1', 'x-ratelimit-reset': reset } } } })
    );
    const started = Date.now();
    const { message } = failure(await readNetlify(settings(fake, { timeoutMs: 200 })));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(1000);
    expect(message).toMatch(/did not answer within the time budget \(600 ms\).*retries 429 by itself/);
    // The SDK's abandoned sleep ends later; the retry it then starts is aborted before it reaches the server.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(fake.requests.filter((r) => r.route === 'env')).toHaveLength(1);
  });

  it('a connection error: @netlify/api leaves the token in error.data.headers; the message has none of it', async () => {
    const server = http.createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));

    // The SDK's own error, as it throws it.
    const client = new NetlifyAPI(CANARY_TOKEN, { scheme: 'http', host: `127.0.0.1:${port}`, pathPrefix: '/api/v1' });
    const error = (await client.getSite({ site_id: SITE_ID }).then(
      () => undefined,
      (e: unknown) => e
    )) as { name?: string; code?: string; data?: { Authorization?: string; headers?: Record<string, string> } };
    expect(error.name).toBe('FetchError');
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.data?.Authorization).toBeUndefined();
    expect(error.data?.headers?.Authorization).toBe(`Bearer ${CANARY_TOKEN}`);
    expect(JSON.stringify(scrubDeep(error, [CANARY_TOKEN]))).not.toContain(CANARY_TOKEN);

    const { message } = failure(
      await readNetlify({
        token: CANARY_TOKEN,
        site: SITE_ID,
        context: 'production',
        apiUrl: `http://127.0.0.1:${port}/api/v1`,
        timeoutMs: 2000,
        wanted: clerkNames
      })
    );
    expect(message).toMatch(/could not reach Netlify's API at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\) reading site/);
  });

  it("scrubs the token out of Netlify's error text (a server that echoes the Authorization header)", async () => {
    const body = { code: 502, message: `upstream refused Authorization: Bearer ${CANARY_TOKEN}` };
    const fake = await start(netlifyScenario({ faults: { site: { status: 502, body } } }));
    const { message } = failure(await readNetlify(settings(fake)));
    // The token is shown redacted (core/scrub.ts), as every secret is.
    expect(message).toContain(`Netlify said: "upstream refused Authorization: Bearer ${redact(CANARY_TOKEN)}"`);
    expect(message).not.toContain(CANARY_TOKEN);
  });

  it('does not follow a redirect: the token never goes to the address a redirect names', async () => {
    const seen: string[] = [];
    const elsewhere = http.createServer((req, res) => {
      seen.push(String(req.headers.authorization ?? '(none)'));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"account_id":"x"}');
    });
    elsewhere.listen(0, '127.0.0.1');
    await once(elsewhere, 'listening');
    try {
      const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/api/v1/sites/${SITE_ID}`;
      const fake = await start(netlifyScenario({ faults: { site: { status: 302, headers: { location: target } } } }));
      const { message } = failure(await readNetlify(settings(fake)));
      expect(message).toContain('302');
      expect(seen).toEqual([]);
    } finally {
      await new Promise((resolve) => elsewhere.close(resolve));
    }
  });

  it('an answer not in the documented shape fails, naming the field', async () => {
    const fake = await start(netlifyScenario({ faults: { env: { status: 200, body: [{ key: 7 }] } } }));
    const { message } = failure(await readNetlify(settings(fake)));
    expect(message).toMatch(/not in the documented shape \(0\.key:/);
  });
});

describe('@netlify/api on this Node', () => {
  it('loads and calls the fake from a plain node process (no test runner), though it declares node >= 22.12', async () => {
    const fake = await start();
    const script = `
      import { NetlifyAPI } from '@netlify/api';
      const client = new NetlifyAPI(process.env.T, { scheme: 'http', host: process.env.H, pathPrefix: '/api/v1' });
      const site = await client.getSite({ site_id: process.env.S });
      console.log(JSON.stringify({ node: process.version, account: site.account_id }));
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, T: CANARY_TOKEN, H: new URL(fake.url).host, S: SITE_ID },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const result = JSON.parse(out) as { node: string; account: string };
    expect(result).toEqual({ node: process.version, account: ACCOUNT_ID });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Drift: every answer the fake gave above, against the OpenAPI document @netlify/api uses.

interface Swagger {
  paths: Record<string, Record<string, { operationId?: string; responses: Record<string, { schema?: object }> }>>;
}

/** The same schema with `additionalProperties: false` wherever it lists properties: a field the fake invents fails. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, closed(v)]))
        : closed(value);
  }
  if ('properties' in out && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

describe('the fake Netlify API follows the OpenAPI document shipped with @netlify/api', () => {
  const require = createRequire(import.meta.url);
  const swagger = require('@netlify/open-api/dist/swagger.json') as Swagger;
  const ajv = new Ajv({ strict: false, allErrors: true });
  const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;
  addFormats(ajv);
  ajv.addFormat('dateTime', true);
  ajv.addFormat('int64', true);
  ajv.addFormat('int32', true);
  ajv.addFormat('float', true);
  ajv.addFormat('double', true);
  ajv.addFormat('binary', true);

  const operation = (path: string) => {
    const op = swagger.paths[path]?.get;
    if (!op) throw new Error(`no GET ${path} in the OpenAPI document`);
    return op;
  };
  const operations = {
    site: { id: 'getSite', op: operation('/sites/{site_id}') },
    env: { id: 'getEnvVars', op: operation('/accounts/{account_id}/env') }
  };

  it('names the operations the client calls', () => {
    expect(operations.site.op.operationId).toBe('getSite');
    expect(operations.env.op.operationId).toBe('getEnvVars');
  });

  it('validates every answer given in this file (200s and errors), with no field the document lacks', () => {
    const checked = answered.filter((r) => r.route !== 'unknown' && r.status !== 0);
    // Both routes, successes and errors, were exercised above.
    expect(new Set(checked.map((r) => `${r.route} ${r.status === 200 ? 200 : 'error'}`))).toEqual(
      new Set(['site 200', 'site error', 'env 200', 'env error'])
    );
    for (const record of checked) {
      // The shape-drift test's own invented body is the one answer that must not validate.
      if (JSON.stringify(record.body) === '[{"key":7}]') continue;
      const { op } = operations[record.route as 'site' | 'env'];
      const response = op.responses[String(record.status)] ?? op.responses.default;
      if (!response?.schema) throw new Error(`no schema for ${record.route} ${record.status}`);
      const validate = ajv.compile(closed(response.schema) as object);
      const valid = validate(record.body);
      expect({ route: record.route, status: record.status, errors: valid ? null : validate.errors }).toEqual({
        route: record.route,
        status: record.status,
        errors: null
      });
    }
  });

  it('the closed check does catch a field the document does not have', () => {
    const validate = ajv.compile(closed(operations.env.op.responses['200']?.schema) as object);
    expect(validate([{ key: 'A', values: [{ value: 'x', context: 'all', contextParameter: 'y' }] }])).toBe(false);
    expect(validate([{ key: 'A', values: [{ value: 'x', context: 'everywhere' }] }])).toBe(false);
  });
});
