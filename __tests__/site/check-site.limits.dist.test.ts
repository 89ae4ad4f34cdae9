/**
 * End to end through dist/cli.js: the deployed-site check's limits fail closed. The whole check ends within its
 * deadline (4 × --api-timeout) however many redirect hops and scripts it meets; redirects to the runner's own network
 * are refused without a request reaching it (unless the deployment URL is itself such an address); and a page with
 * more scripts than the check reads is `incomplete`, never `pass`, and fails a production gate unless
 * --on-api-error warn applies.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeDns, type FakeDns } from '../fakes/dns-server.js';
import { type FakeSite, type SiteRoute } from '../fakes/site-server.js';
import { fakeSites } from '../helpers/fake-sites.js';
import { project } from '../helpers/run-cli.js';
import { runDistCli } from '../helpers/run-dist-cli.js';

jest.setTimeout(60_000);

const DEV_PK = `pk_test_${Buffer.from('happy-hippo-42.clerk.accounts.dev$').toString('base64')}`;
const LIVE_PK = `pk_live_${Buffer.from('clerk.example-gate.com$').toString('base64')}`;
/** No Clerk API is reachable from the tests: a closed loopback port, so nothing goes online by accident. */
const NO_CLERK = ['--clerk-api-url', 'http://127.0.0.1:9'];

const sites = fakeSites();
let site: FakeSite | undefined;
afterEach(() => {
  site = undefined;
});

interface JsonReport {
  passed: boolean;
  findings: { rule: string; severity: string; message: string }[];
  checks: { id: string; status: string; detail: string }[];
}

async function gate(url: string, args: string[] = []) {
  const dir = await project({ '.env': 'APP_NAME=demo\n' });
  const started = performance.now();
  const run = await runDistCli(dir, ['--url', url, ...NO_CLERK, ...args], {
    env: { NODE_EXTRA_CA_CERTS: sites.caFile() }
  });
  return { ...run, ms: performance.now() - started };
}

async function gateJson(url: string, args: string[] = []) {
  const run = await gate(url, ['--format', 'json', ...args]);
  return { ...run, report: JSON.parse(run.stdout || '{}') as JsonReport };
}

const siteChecks = (report: JsonReport) =>
  Object.fromEntries(report.checks.filter((c) => c.id.startsWith('deployed-')).map((c) => [c.id, c.status]));

function page(scripts: readonly string[], key = LIVE_PK): SiteRoute {
  const tags = scripts.map((src) => `<script src="${src}"></script>`).join('\n');
  return {
    body: `<!doctype html><html><head><script data-clerk-publishable-key="${key}" src="https://clerk.example-gate.com/npm/@clerk/clerk-js@5/dist/clerk.browser.js"></script>\n${tags}</head><body></body></html>`
  };
}

const script = (body: string): SiteRoute => ({ headers: { 'content-type': 'application/javascript' }, body });

describe('one deadline for the whole check', () => {
  it('24 scripts, each behind 5 slow redirect hops (0.6 s each), at --api-timeout 1: ends within the 4 s budget, not pass', async () => {
    const routes: Record<string, SiteRoute> = {};
    const scripts: string[] = [];
    for (let s = 0; s < 24; s++) {
      scripts.push(`/chunks/s${s}/hop0.js`);
      for (let hop = 0; hop < 5; hop++) {
        routes[`/chunks/s${s}/hop${hop}.js`] = {
          status: 302,
          delayMs: 600,
          headers: { location: `/chunks/s${s}/hop${hop + 1}.js` }
        };
      }
      routes[`/chunks/s${s}/hop5.js`] = script('console.log(1);');
    }
    routes['/'] = page(scripts);
    site = await sites.start(routes);
    const { report, ms, code } = await gateJson(`${site.origin}/`, ['--api-timeout', '1']);
    // Hop by hop with a timeout each, this took four batches of 6 × 0.6 s: over 14 s. One deadline: 4 s, plus the
    // process's start and the page.
    expect(ms).toBeLessThan(8000);
    expect(code).toBe(1);
    expect(siteChecks(report)['deployed-site-unread']).toBe('fail');
    const unread = report.findings.find((f) => f.rule === 'deployed-site-unread');
    expect(unread?.message).toMatch(/could not be read \(GET .*: (the time budget of 4 s ran out|timed out after 1 s)/);
    // (deployed-no-clerk passes: Clerk was found on the page.)
    expect(siteChecks(report)['deployed-secret-key']).toBe('incomplete');
    expect(siteChecks(report)['deployed-dev-instance']).toBe('incomplete');
  });
});

describe('redirects to the runner’s own network', () => {
  let dns: FakeDns;
  let probe: Server;
  let probeHits: string[];
  let probePort: number;
  beforeAll(async () => {
    // The deployment has a name (as a real one does); a second name also resolves to loopback.
    dns = await startFakeDns({
      'clerk.example.test': { A: ['127.0.0.1'] },
      'clerk.other-app.test': { A: ['127.0.0.1'] }
    });
    probeHits = [];
    probe = createServer((req, res) => {
      probeHits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('runner-local service');
    });
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    probePort = (probe.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await dns.close();
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });

  it.each([
    ['loopback http', () => `http://127.0.0.1:${probePort}/admin`],
    ['the cloud metadata address', () => 'https://169.254.169.254/latest/meta-data/'],
    ['a private address', () => 'https://10.1.2.3/internal']
  ])('a redirect to %s is refused, and the finding shows no status from it', async (_name, target) => {
    site = await sites.start({ '/': { status: 302, headers: { location: target() } } });
    const url = `https://clerk.example.test:${new URL(site.origin).port}/`;
    const { report, code, stderr } = await gateJson(url, ['--dns-servers', dns.address]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const unread = report.findings.find((f) => f.rule === 'deployed-site-unread');
    const shown = new URL(target());
    expect(unread?.message).toContain(
      `GET ${url}: a redirect to ${shown.protocol}//${shown.host}${shown.pathname} was refused: a loopback, private or link-local address`
    );
    expect(unread?.message).not.toMatch(/HTTP \d{3}|timed out/);
    expect(probeHits).toEqual([]);
  });

  it('a redirect to a name that resolves to loopback is refused when connecting; same-host redirects still work', async () => {
    const routes: Record<string, SiteRoute> = {
      '/': { status: 302, headers: { location: '/home' } },
      '/secret': { body: '<!doctype html><p>internal</p>' }
    };
    site = await sites.start(routes);
    const port = new URL(site.origin).port;
    routes['/home'] = { status: 302, headers: { location: `https://clerk.other-app.test:${port}/secret` } };
    const origin = `https://clerk.example.test:${new URL(site.origin).port}`;
    const { report, code } = await gateJson(`${origin}/`, ['--dns-servers', dns.address]);
    expect(code).toBe(1);
    const unread = report.findings.find((f) => f.rule === 'deployed-site-unread');
    expect(unread?.message).toContain(`a redirect to https://clerk.other-app.test:`);
    expect(unread?.message).toContain('refused: the host name resolves to a loopback, private or link-local address');
    // The same-host hop (/ → /home) was followed; the other host was never asked.
    expect(site.requests.map((r) => r.path)).toEqual(['/', '/home']);
  });

  it('a deployment URL on loopback itself may redirect on loopback (tests, a local preview)', async () => {
    site = await sites.start({
      '/': { status: 302, headers: { location: '/next' } },
      '/next': page([])
    });
    const { report, code } = await gateJson(`${site.origin}/`);
    expect(code).toBe(0);
    expect(siteChecks(report)['deployed-site-unread']).toBe('pass');
  });
});

describe('more scripts than the check reads', () => {
  async function manyScripts() {
    const routes: Record<string, SiteRoute> = {};
    const scripts: string[] = [];
    for (let s = 1; s <= 60; s++) {
      scripts.push(`/assets/chunk-${s}.js`);
      routes[`/assets/chunk-${s}.js`] = script(s === 56 ? `const key = "${DEV_PK}";` : `console.log(${s});`);
    }
    routes['/'] = page(scripts);
    return sites.start(routes);
  }

  it('a development key in script 56 of 60: incomplete ("50 of 60 scripts read"), never pass; production fails', async () => {
    site = await manyScripts();
    const { report, code } = await gateJson(`${site.origin}/`);
    const checks = report.checks.filter((c) => c.id.startsWith('deployed-'));
    expect(checks.find((c) => c.id === 'deployed-dev-instance')).toMatchObject({
      status: 'incomplete',
      detail: expect.stringContaining('50 of 60 scripts read')
    });
    expect(siteChecks(report)['deployed-site-unread']).toBe('incomplete');
    expect(siteChecks(report)['deployed-secret-key']).toBe('incomplete');
    expect(report.passed).toBe(false);
    expect(code).toBe(1);
  });

  it('with --on-api-error warn: still incomplete, and the gate passes', async () => {
    site = await manyScripts();
    const { report, code } = await gateJson(`${site.origin}/`, ['--on-api-error', 'warn']);
    expect(siteChecks(report)['deployed-dev-instance']).toBe('incomplete');
    expect(report.passed).toBe(true);
    expect(code).toBe(0);
  });

  it('outside production: incomplete, and it does not fail the gate', async () => {
    site = await manyScripts();
    const { report, code } = await gateJson(`${site.origin}/`, ['--environment', 'preview']);
    expect(siteChecks(report)['deployed-site-unread']).toBe('incomplete');
    expect(code).toBe(0);
  });

  it('every format shows the incomplete check', async () => {
    site = await manyScripts();
    const text = await gate(`${site.origin}/`, ['--format', 'text']);
    expect(text.stdout).toMatch(/◐ .*\(deployed-dev-instance\) — 50 of 60 scripts read/);
    expect(text.stdout).toMatch(/\d+ checks could not read everything \(◐\)\n$/);
    const markdown = await gate(`${site.origin}/`, ['--format', 'markdown']);
    expect(markdown.stdout).toMatch(/### Checks: .*\d+ incomplete/);
    expect(markdown.stdout).toMatch(/🔶 \*\*.*\*\* \(`deployed-dev-instance`\) — 50 of 60 scripts read/);
    const sarif = JSON.parse((await gate(`${site.origin}/`, ['--format', 'sarif'])).stdout) as {
      runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: object[] }[] }[];
    };
    const invocation = sarif.runs[0]?.invocations[0];
    expect(invocation?.executionSuccessful).toBe(false);
    expect(invocation?.toolExecutionNotifications).toContainEqual({
      descriptor: { id: 'deployed-dev-instance' },
      level: 'error',
      message: { text: expect.stringContaining('(incomplete): 50 of 60 scripts read') }
    });
  });
});
