/**
 * The Vercel bypass secret goes only to the deployment, through dist/index.js on a deployment_status event whose
 * environment_url is a fake site on loopback that records every request's headers: sent when the user named the
 * site (deployment-url) or when Vercel's app made the deployment, never to another origin the payload names.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FakeSite } from '../fakes/site-server.js';
import { fakeSites } from '../helpers/fake-sites.js';
import { project } from '../helpers/run-cli.js';
import { runDistAction } from '../helpers/run-dist-action.js';
import { actionBundleOptions } from '../helpers/run-dist-cli.js';

jest.setTimeout(60_000);

const PAYLOAD = fileURLToPath(new URL('../fixtures/github/deployment_status/payload.json', import.meta.url));
const BYPASS = 'bypassCANARY0123456789abcdefghijkl';
const PAGE = '<!doctype html><html><head><title>app</title></head><body>hello</body></html>';

const sites = fakeSites();
let site: FakeSite | undefined;
afterEach(() => {
  site = undefined;
});

interface Payload {
  deployment_status: Record<string, unknown>;
  deployment: Record<string, unknown>;
}

/** The action on a Preview deployment_status event whose environment_url is the fake site. */
async function onDeployment(
  edit: (payload: Payload) => void,
  inputs: (origin: string) => Record<string, string>,
  env: Record<string, string> = {}
) {
  site = await sites.start({ '/': { headers: { 'content-type': 'text/html' }, body: PAGE } });
  const data = JSON.parse(await readFile(PAYLOAD, 'utf8')) as Payload;
  data.deployment_status.environment_url = `${site.origin}/`;
  data.deployment_status.environment = 'Preview';
  data.deployment.environment = 'Preview';
  edit(data);
  const workspace = await project({ '.env': 'APP_NAME=demo\n' });
  const path = join(workspace, 'event.json');
  await writeFile(path, JSON.stringify(data));
  return runDistAction(
    workspace,
    { 'clerk-api-url': 'http://127.0.0.1:9', ...inputs(site.origin) },
    {
      ...actionBundleOptions(),
      event: { name: 'deployment_status', path },
      extraEnv: { NODE_EXTRA_CA_CERTS: sites.caFile(), ...env },
      timeoutMs: 50_000
    }
  );
}

const bypassHeaders = (): unknown[] =>
  (site?.requests ?? []).map((request) => request.headers['x-vercel-protection-bypass']);

describe('the bypass secret on a deployment_status event', () => {
  it.each([
    ['the input', { 'vercel-protection-bypass': BYPASS }, {}],
    ['VERCEL_AUTOMATION_BYPASS_SECRET', {}, { VERCEL_AUTOMATION_BYPASS_SECRET: BYPASS }]
  ])('from %s: not sent to a site that is not a Vercel deployment', async (_, inputs, env) => {
    const run = await onDeployment(
      () => undefined,
      () => inputs,
      env
    );
    expect(site?.requests.length).toBeGreaterThan(0);
    expect(bypassHeaders()).toEqual(site?.requests.map(() => undefined));
    expect(run.stdout).toContain('The Vercel bypass secret is not sent');
    // Masked (the runner hides it from the log), and printed nowhere else.
    const printed = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(printed.join('\n')).not.toContain(BYPASS);
  });

  it("sent to a deployment made by Vercel's app", async () => {
    await onDeployment(
      (payload) => {
        payload.deployment.performed_via_github_app = { id: 8329, slug: 'vercel', name: 'Vercel' };
        payload.deployment.creator = { login: 'vercel[bot]', type: 'Bot' };
      },
      () => ({ 'vercel-protection-bypass': BYPASS })
    );
    expect(site?.requests.length).toBeGreaterThan(0);
    expect(bypassHeaders().every((header) => header === BYPASS)).toBe(true);
  });

  it('sent to the site the user named with deployment-url', async () => {
    await onDeployment(
      () => undefined,
      (origin) => ({ 'vercel-protection-bypass': BYPASS, 'deployment-url': `${origin}/` })
    );
    expect(site?.requests.length).toBeGreaterThan(0);
    expect(bypassHeaders().every((header) => header === BYPASS)).toBe(true);
  });
});
