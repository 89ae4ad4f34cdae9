/**
 * End to end: the deployed-site check through the committed bundles (dist/cli.js, dist/index.js) against a fake
 * site, a real HTTPS server on 127.0.0.1 (test CA trusted through NODE_EXTRA_CA_CERTS), serving the pages a real
 * Next.js + @clerk/nextjs build prerendered (__tests__/fixtures/bundles/nextjs) and their chunks, and the ways a
 * site fails: redirects, Vercel Deployment Protection, a 5xx, a slow answer, a huge page, a page without Clerk.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FakeSite, type SiteRoute } from '../fakes/site-server.js';
import { fakeSites } from '../helpers/fake-sites.js';
import { fakeSecret } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import { runDistCli } from '../helpers/run-dist-cli.js';
import { runDistAction } from '../helpers/run-dist-action.js';

jest.setTimeout(60_000);

const FIXTURES = fileURLToPath(new URL('../fixtures/bundles/nextjs/', import.meta.url));
const PAYLOAD = fileURLToPath(new URL('../fixtures/github/deployment_status/payload.json', import.meta.url));
const DEV_PK = `pk_test_${Buffer.from('happy-hippo-42.clerk.accounts.dev$').toString('base64')}`;
const OTHER_DEV_PK = `pk_test_${Buffer.from('other-otter-7.clerk.accounts.dev$').toString('base64')}`;
const LIVE_PK = `pk_live_${Buffer.from('clerk.example-gate.com$').toString('base64')}`;
const TEST_SK = fakeSecret('sk_test_', 'PreviewKey', 1);
const BYPASS = 'bypassCANARY0123456789abcdefghijkl';
const PAGE_CANARY = fakeSecret('sk_live_', 'SitePage', 2);
const CHUNK_CANARY = fakeSecret('sk_live_', 'SiteChunk', 3);
/** No Clerk API is reachable from the tests: a closed loopback port, so nothing goes online by accident. */
const NO_CLERK = ['--clerk-api-url', 'http://127.0.0.1:9'];

const sites = fakeSites();
let site: FakeSite | undefined;
afterEach(() => {
  site = undefined;
});

/** The recorded build's page at `/` (or `path`) and every chunk file of the fixture at its URL. */
async function recorded(build: 'development' | 'production', more: Record<string, SiteRoute> = {}, path = '/') {
  const routes: Record<string, SiteRoute> = { [path]: { body: await readFile(join(FIXTURES, build, 'page.html')) } };
  const chunks = join(FIXTURES, build, '.next/static/chunks');
  for (const name of await readdir(chunks)) {
    if (!name.endsWith('.js')) continue;
    routes[`/_next/static/chunks/${name}`] = {
      headers: { 'content-type': 'application/javascript' },
      body: await readFile(join(chunks, name))
    };
  }
  return { ...routes, ...more };
}

interface JsonReport {
  passed: boolean;
  findings: {
    rule: string;
    severity: string;
    value: string;
    message: string;
    location: { url?: string; line?: number; column?: number };
  }[];
  checks: { id: string; status: string; detail: string }[];
}

/** A project with one harmless variable (so the gate has read something) and the CLI run on it with --url. */
async function gate(url: string, args: string[] = [], env: Record<string, string> = {}) {
  const dir = await project({ '.env': 'APP_NAME=demo\n' });
  const run = await runDistCli(dir, ['--format', 'json', '--url', url, ...NO_CLERK, ...args], {
    env: { NODE_EXTRA_CA_CERTS: sites.caFile(), ...env }
  });
  return { ...run, report: JSON.parse(run.stdout || '{}') as JsonReport };
}

const siteChecks = (report: JsonReport) =>
  Object.fromEntries(report.checks.filter((c) => c.id.startsWith('deployed-')).map((c) => [c.id, c.status]));

describe('a recorded Clerk page', () => {
  it('production build: the page, its clerk-js script and its chunks use the production key; passes', async () => {
    // The recorded page really carries the production key, in the clerk-js script and the payload.
    expect(await readFile(join(FIXTURES, 'production/page.html'), 'utf8')).toContain(LIVE_PK);
    site = await sites.start(await recorded('production'));
    const { code, report } = await gate(`${site.origin}/`);
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
    expect(siteChecks(report)).toEqual({
      'deployed-dev-instance': 'pass',
      // No variable held a publishable key: there was nothing to compare the deployed one with.
      'deployed-key-mismatch': 'skipped',
      'deployed-secret-key': 'pass',
      'deployed-site-unread': 'pass',
      'deployed-no-clerk': 'pass'
    });
    // Same-origin chunks were read; the cross-origin clerk-js script was not fetched.
    const paths = site.requests.map((r) => r.path);
    expect(paths.filter((p) => p.startsWith('/_next/static/chunks/')).length).toBeGreaterThanOrEqual(8);
    expect(paths.some((p) => p.includes('clerk-js'))).toBe(false);
  });

  it('development build: deployed-dev-instance at the clerk-js script key, its host, and the key in the chunks', async () => {
    site = await sites.start(await recorded('development'));
    const { code, report } = await gate(`${site.origin}/`);
    expect(code).toBe(1);
    const dev = report.findings.filter((f) => f.rule === 'deployed-dev-instance');
    expect(dev.every((f) => f.severity === 'error')).toBe(true);
    // The key in the page (attribute and RSC payload: one finding per resource), the clerk-js host, and a chunk.
    expect(dev.map((f) => f.value)).toEqual(
      expect.arrayContaining([`pk_test_…${DEV_PK.slice(-4)}`, 'happy-hippo-42.clerk.accounts.dev'])
    );
    const page = dev.find((f) => f.location.url === `${site!.origin}/` && f.value.startsWith('pk_test_'));
    const html = await readFile(join(FIXTURES, 'development/page.html'), 'utf8');
    expect(page?.location).toEqual({ url: `${site.origin}/`, line: 1, column: html.indexOf(DEV_PK) + 1 });
    expect(dev.some((f) => f.location.url?.includes('/_next/static/chunks/'))).toBe(true);
    expect(page?.message).toBe(
      'The deployed site uses a development publishable key (instance happy-hippo-42.clerk.accounts.dev).'
    );
  });

  it('a Pages Router page: the key in __NEXT_DATA__ (serialised props) is found', async () => {
    const props = { props: { pageProps: { __clerk_ssr_state: {}, publishableKey: DEV_PK } }, page: '/' };
    const html = `<!doctype html><html><body><div id="__next"></div><script id="__NEXT_DATA__" type="application/json">${JSON.stringify(props)}</script></body></html>`;
    site = await sites.start({ '/': { body: html } });
    const { code, report } = await gate(`${site.origin}/`);
    expect(code).toBe(1);
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'deployed-dev-instance',
        location: { url: `${site.origin}/`, line: 1, column: html.indexOf(DEV_PK) + 1 }
      })
    ]);
  });

  it('a Vite build served as a site: the key is found in the module script the page loads', async () => {
    const dist = fileURLToPath(new URL('../fixtures/bundles/vite-react/development/dist/', import.meta.url));
    const routes: Record<string, SiteRoute> = { '/': { body: await readFile(join(dist, 'index.html')) } };
    for (const name of await readdir(join(dist, 'assets'))) {
      const type = name.endsWith('.css') ? 'text/css' : 'application/javascript';
      routes[`/assets/${name}`] = {
        headers: { 'content-type': type },
        body: await readFile(join(dist, 'assets', name))
      };
    }
    site = await sites.start(routes);
    const { code, report } = await gate(`${site.origin}/`);
    expect(code).toBe(1);
    const [finding] = report.findings;
    expect(finding).toMatchObject({ rule: 'deployed-dev-instance', severity: 'error' });
    expect(finding?.location.url).toMatch(new RegExp(`^${site.origin}/assets/index-.*\\.js$`));
    expect(finding?.location.line).toBe(15);
  });

  it('follows redirects (302, 301, 307) to the page', async () => {
    site = await sites.start(
      await recorded(
        'development',
        {
          '/': { status: 302, headers: { location: '/en' } },
          '/en': { status: 301, headers: { location: '/en/' } },
          '/en/': { status: 307, headers: { location: '/en/home' } }
        },
        '/en/home'
      )
    );
    const { code, report } = await gate(`${site.origin}/`);
    expect(code).toBe(1);
    expect(
      report.findings.some((f) => f.rule === 'deployed-dev-instance' && f.location.url === `${site!.origin}/en/home`)
    ).toBe(true);
  });

  it('refuses a redirect off https (the bypass secret would travel in clear)', async () => {
    site = await sites.start({ '/': { status: 302, headers: { location: 'http://example.com/' } } });
    const { code, report } = await gate(`${site.origin}/`);
    expect(code).toBe(1);
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'deployed-site-unread',
        severity: 'error',
        message: `GET ${site.origin}/: a redirect to http://example.com/, which is not https.`
      })
    ]);
  });

  it('a secret key in a chunk is deployed-secret-key in every environment, and never printed', async () => {
    site = await sites.start(
      await recorded('production', {
        '/_next/static/chunks/3kg7jw6uvt67h.js': {
          headers: { 'content-type': 'application/javascript' },
          body: `(()=>{const s="${CHUNK_CANARY}";})();`
        }
      })
    );
    for (const format of ['json', 'text', 'markdown', 'sarif']) {
      const dir = await project({ '.env': 'APP_NAME=demo\n' });
      const run = await runDistCli(
        dir,
        ['--format', format, '--environment', 'preview', '--url', `${site.origin}/`, ...NO_CLERK],
        {
          env: { NODE_EXTRA_CA_CERTS: sites.caFile() }
        }
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('deployed-secret-key');
      expect(run.stdout + run.stderr).not.toContain(CHUNK_CANARY);
      expect(run.stdout + run.stderr).not.toContain(CHUNK_CANARY.slice(8, 30));
    }
  });

  it('a secret key inline in the page itself: deployed-secret-key at the page, never printed, masked by the action', async () => {
    const page = `<!doctype html><html><head><script>window.__cfg={stripe:"${PAGE_CANARY}"}</script></head><body></body></html>`;
    site = await sites.start({ '/': { body: page } });
    const { code, report, stdout, stderr } = await gate(`${site.origin}/`);
    expect(code).toBe(1);
    expect(report.findings.find((f) => f.rule === 'deployed-secret-key')?.location).toEqual({
      url: `${site.origin}/`,
      line: 1,
      column: page.indexOf(PAGE_CANARY) + 1
    });
    expect(stdout + stderr).not.toContain(PAGE_CANARY);
    const workspace = await project({ '.env': 'APP_NAME=demo\n' });
    const run = await runDistAction(
      workspace,
      { 'clerk-api-url': 'http://127.0.0.1:9', 'deployment-url': `${site.origin}/` },
      { extraEnv: { NODE_EXTRA_CA_CERTS: sites.caFile() } }
    );
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('::add-mask::'))).toContain(`::add-mask::${PAGE_CANARY}`);
    const visible = [lines.filter((l) => !l.startsWith('::add-mask::')).join('\n'), run.stderr, run.summary];
    for (const text of [...visible, await readFile(run.reportFile, 'utf8')]) expect(text).not.toContain(PAGE_CANARY);
  });

  it('a page without Clerk is a notice: neither a pass of the Clerk checks nor a failure', async () => {
    site = await sites.start({
      '/': { body: '<!doctype html><title>Hi</title><script src="/assets/app.js"></script>' }
    });
    const { code, report } = await gate(`${site.origin}/`);
    expect(code).toBe(0);
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'deployed-no-clerk',
        severity: 'notice',
        message: `No Clerk publishable key or clerk-js script was found on ${site.origin}/ or the 1 script it loads.`
      })
    ]);
    expect(siteChecks(report)).toMatchObject({ 'deployed-dev-instance': 'skipped', 'deployed-no-clerk': 'skipped' });
  });
});

describe('the deployed key against the variables', () => {
  /** A preview gate whose vars-json holds `publishable` (and a test secret key), on the recorded development site. */
  async function previewWithKey(publishable: string) {
    site = await sites.start(await recorded('development'));
    const vars = JSON.stringify({ NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: publishable, CLERK_SECRET_KEY: TEST_SK });
    const dir = await project({ 'vars.json': vars });
    const args = [
      '--format',
      'json',
      '--environment',
      'preview',
      '--vars-json',
      'vars.json',
      '--url',
      `${site.origin}/`
    ];
    const run = await runDistCli(dir, [...args, ...NO_CLERK], { env: { NODE_EXTRA_CA_CERTS: sites.caFile() } });
    return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
  }

  it('preview: a deployed key other than the one in the variables is a deployed-key-mismatch warning', async () => {
    const { code, report } = await previewWithKey(OTHER_DEV_PK);
    const mismatch = report.findings.filter((f) => f.rule === 'deployed-key-mismatch');
    expect(report.findings.map((f) => f.rule)).toEqual(mismatch.map(() => 'deployed-key-mismatch'));
    expect(mismatch.length).toBeGreaterThan(0);
    expect(mismatch[0]).toMatchObject({
      severity: 'warning',
      message:
        'The deployed site uses the key of happy-hippo-42.clerk.accounts.dev, but NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY is the key of other-otter-7.clerk.accounts.dev.'
    });
    expect(code).toBe(0);
  });

  it('the same key deployed as read: no mismatch', async () => {
    const { report } = await previewWithKey(DEV_PK);
    expect(report.findings).toEqual([]);
    expect(siteChecks(report)['deployed-key-mismatch']).toBe('pass');
  });
});

describe('when the site cannot be read', () => {
  it('behind Vercel Deployment Protection without the secret: skipped, saying how to enable it', async () => {
    site = await sites.start(await recorded('development', { '/': { bypass: BYPASS } }));
    const { code, report } = await gate(`${site.origin}/`);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    const line = report.checks.find((c) => c.id === 'deployed-dev-instance');
    expect(line?.status).toBe('skipped');
    expect(line?.detail).toContain('HTTP 401');
    expect(line?.detail).toContain('VERCEL_AUTOMATION_BYPASS_SECRET');
    expect(site.requests[0]?.headers['x-vercel-protection-bypass']).toBeUndefined();
  });

  it('with VERCEL_AUTOMATION_BYPASS_SECRET: the header goes to the deployment only, and the secret is never printed', async () => {
    const routes = await recorded('development');
    for (const route of Object.values(routes)) route.bypass = BYPASS;
    site = await sites.start(routes);
    for (const format of ['json', 'text']) {
      const dir = await project({ '.env': 'APP_NAME=demo\n' });
      const run = await runDistCli(dir, ['--format', format, '--url', `${site.origin}/`, ...NO_CLERK], {
        env: { NODE_EXTRA_CA_CERTS: sites.caFile(), VERCEL_AUTOMATION_BYPASS_SECRET: BYPASS }
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('deployed-dev-instance');
      expect(run.stdout + run.stderr).not.toContain(BYPASS);
    }
    expect(site.requests.length).toBeGreaterThan(2);
    expect(site.requests.every((r) => r.headers['x-vercel-protection-bypass'] === BYPASS)).toBe(true);
  });

  it('a refused bypass secret is an error whatever on-api-error says', async () => {
    site = await sites.start({ '/': { bypass: BYPASS, body: 'never' } });
    const { code, report } = await gate(`${site.origin}/`, ['--on-api-error', 'warn'], {
      VERCEL_AUTOMATION_BYPASS_SECRET: 'wrongSecret0123456789'
    });
    expect(code).toBe(1);
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'deployed-site-unread',
        severity: 'error',
        message: `GET ${site.origin}/: HTTP 401 (the deployment is protected); the bypass secret was not accepted.`
      })
    ]);
  });

  it('a 5xx is deployed-site-unread: an error by default, a warning with on-api-error warn', async () => {
    site = await sites.start({ '/': { status: 500, body: 'oops' } });
    const failed = await gate(`${site.origin}/`);
    expect(failed.code).toBe(1);
    expect(failed.report.findings).toEqual([
      expect.objectContaining({
        rule: 'deployed-site-unread',
        severity: 'error',
        message: `GET ${site.origin}/: HTTP 500.`
      })
    ]);
    const warned = await gate(`${site.origin}/`, ['--on-api-error', 'warn']);
    expect(warned.code).toBe(0);
    expect(warned.report.findings.map((f) => [f.rule, f.severity])).toEqual([['deployed-site-unread', 'warning']]);
  });

  it('a 503 with Retry-After is tried again, and the page read when it recovers', async () => {
    let calls = 0;
    const routes = await recorded('production');
    const page = routes['/']!;
    site = await sites.start({
      ...routes,
      get '/'(): SiteRoute {
        calls++;
        return calls === 1 ? { status: 503, headers: { 'retry-after': '0' } } : page;
      }
    });
    const { code, report } = await gate(`${site.origin}/`);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(site.requests.filter((r) => r.path === '/')).toHaveLength(2);
  });

  it('a slow page times out at api-timeout, with a message that says so', async () => {
    site = await sites.start({ '/': { delayMs: 5_000, body: 'late' } });
    const started = Date.now();
    const { code, report } = await gate(`${site.origin}/`, ['--api-timeout', '1']);
    expect(Date.now() - started).toBeLessThan(4_500);
    expect(code).toBe(1);
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'deployed-site-unread', message: `GET ${site.origin}/: timed out after 1 s.` })
    ]);
  });

  it('a page over 5 MB is cut off and reported, without reading it all', async () => {
    site = await sites.start({ '/': { hugeBytes: 64 * 1024 * 1024 } });
    const { code, report } = await gate(`${site.origin}/`);
    expect(code).toBe(1);
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'deployed-site-unread', message: `GET ${site.origin}/: larger than 5 MB.` })
    ]);
    expect(site.hugeBytesSent).toBeLessThan(32 * 1024 * 1024);
  });

  it('an http URL off loopback is refused as input (exit 2)', async () => {
    const dir = await project({ '.env': 'APP_NAME=demo\n' });
    const run = await runDistCli(dir, ['--url', 'http://example.com/', ...NO_CLERK]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'clerk-production-gate: --url: must be an https:// URL (http:// only on a loopback address)\n'
    );
  });

  it('--offline does not fetch the site and says so', async () => {
    site = await sites.start(await recorded('development'));
    const dir = await project({ '.env': 'APP_NAME=demo\n' });
    const run = await runDistCli(dir, ['--format', 'json', '--offline', '--url', `${site.origin}/`]);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.checks.find((c) => c.id === 'deployed-dev-instance')).toMatchObject({
      status: 'skipped',
      detail: 'offline mode'
    });
    expect(site.requests).toEqual([]);
  });
});

describe('the action on a deployment_status event', () => {
  /** The action on a deployment_status event for `environment`, whose environment_url is the recorded dev site. */
  async function onDeployment(environment: string) {
    site = await sites.start(await recorded('development'));
    const data = JSON.parse(await readFile(PAYLOAD, 'utf8')) as {
      deployment_status: Record<string, unknown>;
      deployment: Record<string, unknown>;
    };
    data.deployment_status.environment_url = `${site.origin}/`;
    data.deployment_status.environment = environment;
    data.deployment.environment = environment;
    const workspace = await project({ '.env': 'APP_NAME=demo\n' });
    const path = join(workspace, 'event.json');
    await writeFile(path, JSON.stringify(data));
    return runDistAction(
      workspace,
      { 'clerk-api-url': 'http://127.0.0.1:9' },
      { event: { name: 'deployment_status', path }, extraEnv: { NODE_EXTRA_CA_CERTS: sites.caFile() } }
    );
  }

  it('production: reads environment_url from the payload and fails on the development instance', async () => {
    const run = await onDeployment('production');
    expect(run.code).toBe(1);
    const annotations = run.commands.filter(
      (c) => c.command === 'error' && c.properties.title?.startsWith('deployed-dev-instance')
    );
    expect(annotations.map((a) => a.data)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'The deployed site uses a development publishable key (instance happy-hippo-42.clerk.accounts.dev).'
        ),
        expect.stringContaining(
          'The deployed site loads Clerk from the development host happy-hippo-42.clerk.accounts.dev.'
        )
      ])
    );
    expect(run.summary).toContain('deployed-dev-instance');
    expect(site?.requests[0]?.path).toBe('/');
  });

  it("Vercel's `Preview` environment: the development instance is expected there, so it passes", async () => {
    const run = await onDeployment('Preview');
    expect(run.code).toBe(0);
    expect(run.outputs.errors).toBe('0');
    expect(run.commands.filter((c) => c.command === 'error')).toEqual([]);
    expect(site?.requests.length).toBeGreaterThan(0);
  });

  it("Vercel's `Production – my-app` counts as production", async () => {
    const run = await onDeployment('Production – my-app');
    expect(run.code).toBe(1);
    expect(run.summary).toContain('deployed-dev-instance');
  });
});
