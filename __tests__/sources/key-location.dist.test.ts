/**
 * Issue 16, defect 5, through the shipped bundles run as their own processes: a framework that reads Clerk's keys
 * at runtime (nuxt build, Remix, React Router, SvelteKit, TanStack Start) leaves no key in its build, so a build
 * scanned with no Clerk variable read is not a pass (exit 1), while a framework that compiles the key into the
 * client build (or nuxt generate, which prerenders it) is judged on the build alone. App trees are synthetic: a
 * package.json naming the framework and its Clerk SDK, and the output paths each framework writes.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeSites } from '../helpers/fake-sites.js';
import { PROD_HOST, publishableKey, secretKey } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import { actionBundleOptions, runDistCli } from '../helpers/run-dist-cli.js';
import { runDistAction } from '../helpers/run-dist-action.js';

jest.setTimeout(60_000);

const RUNTIME = "this framework reads Clerk's keys at runtime: pass its variables (vars-json, secrets-json or a host)";
const LIVE_PK = publishableKey(PROD_HOST, 'live');
const DEV_PK = publishableKey('happy-hippo-12.clerk.accounts.dev', 'test');
/** A client chunk with no Clerk key in it, as a runtime-key framework writes. */
const CHUNK = 'const e=useRuntimeConfig().public.clerk;export{e as c};\n';

interface JsonReport {
  passed: boolean;
  findings: { rule: string }[];
  checks: { id: string; status: string; detail: string }[];
}

function app(dependencies: Record<string, string>, files: Record<string, string>): Promise<string> {
  return project({ 'package.json': JSON.stringify({ dependencies }), ...files });
}

const nuxtBuild = () =>
  app(
    { nuxt: '4.2.0', '@clerk/nuxt': '3.0.16' },
    { '.output/public/_nuxt/entry.js': CHUNK, '.output/server/index.mjs': 'export {};\n' }
  );

async function gate(cwd: string, args: string[] = []): Promise<{ code: number | null; report: JsonReport }> {
  const run = await runDistCli(cwd, ['--offline', '--format', 'json', ...args]);
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
}

const readLine = (report: JsonReport) => report.checks.find((c) => c.id === 'variables-read');

describe('dist/cli.js: a framework that reads Clerk keys at runtime', () => {
  it('nuxt build with no variable: exit 1, and the checklist says what to pass', async () => {
    const { code, report } = await gate(await nuxtBuild());
    expect(code).toBe(1);
    expect(report.passed).toBe(false);
    expect(readLine(report)).toEqual({
      id: 'variables-read',
      status: 'fail',
      detail: `Nuxt (.output/server): ${RUNTIME}; no variable was read`
    });
    // The build was still scanned: the runtime read is the reason, not a missing build.
    expect(report.checks.find((c) => c.id === 'bundle-secret-key')?.status).toBe('pass');
  });

  it('nuxt build with only unrelated variables in .env: still exit 1', async () => {
    const dir = await nuxtBuild();
    await writeFile(join(dir, '.env'), 'DATABASE_URL=postgres://db.internal/app\n');
    const { code, report } = await gate(dir);
    expect(code).toBe(1);
    expect(readLine(report)?.detail).toBe(`Nuxt (.output/server): ${RUNTIME}; 1 variable read, none of them Clerk's`);
  });

  it('nuxt build with its variables passed (vars-json, secrets-json): judged on them, exit 0', async () => {
    const dir = await nuxtBuild();
    await writeFile(join(dir, 'vars.json'), JSON.stringify({ NUXT_PUBLIC_CLERK_PUBLISHABLE_KEY: LIVE_PK }));
    await writeFile(join(dir, 'secrets.json'), JSON.stringify({ NUXT_CLERK_SECRET_KEY: secretKey('live') }));
    const { code, report } = await gate(dir, ['--vars-json', 'vars.json', '--secrets-json', 'secrets.json']);
    expect(readLine(report)?.status).toBe('pass');
    expect(code).toBe(0);
  });

  it("a dotenv file named outside the app's own directory still counts for it: no false alarm", async () => {
    const dir = await nuxtBuild();
    await writeFile(join(dir, 'clerk.production.env'), `NUXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${LIVE_PK}\n`);
    await mkdir(join(dir, 'config'));
    await writeFile(join(dir, 'config/prod.env'), `NUXT_CLERK_SECRET_KEY=${secretKey('live')}\n`);
    const { code, report } = await gate(dir, ['clerk.production.env', 'config/prod.env']);
    expect(readLine(report)?.status).toBe('pass');
    expect(code).toBe(0);
  });

  it('nuxt build with a development key passed: the variables fail it, as for any framework', async () => {
    const dir = await nuxtBuild();
    await writeFile(join(dir, 'vars.json'), JSON.stringify({ NUXT_PUBLIC_CLERK_PUBLISHABLE_KEY: DEV_PK }));
    const { code, report } = await gate(dir, ['--vars-json', 'vars.json']);
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.rule)).toContain('dev-publishable-key');
  });

  it.each([
    ['Remix', { '@remix-run/node': '2.17.0', '@clerk/remix': '4.13.49' }, 'build/server/index.js', 'build/client/a.js'],
    [
      'React Router',
      { 'react-router': '8.0.0', '@react-router/dev': '8.0.0', '@clerk/react-router': '3.6.24' },
      'build/server/index.js',
      'build/client/a.js'
    ],
    [
      'SvelteKit',
      { '@sveltejs/kit': '2.49.0', 'svelte-clerk': '1.2.0' },
      '.svelte-kit/output/server/index.js',
      '.svelte-kit/output/client/_app/a.js'
    ],
    [
      'TanStack Start',
      { '@tanstack/react-start': '1.140.0', '@clerk/tanstack-react-start': '1.5.15' },
      'dist/server/server.js',
      'dist/client/assets/a.js'
    ]
  ])('%s server build with no variable: exit 1', async (framework, dependencies, server, client) => {
    const dir = await app(dependencies, { [server]: 'export {};\n', [client]: CHUNK });
    const { code, report } = await gate(dir);
    expect(code).toBe(1);
    expect(readLine(report)?.detail).toBe(
      `${framework} (${server.split('/').slice(0, -1).join('/')}): ${RUNTIME}; no variable was read`
    );
  });
});

describe('dist/cli.js: the build is the evidence when it carries the key', () => {
  /** nuxt generate: prerendered pages with the runtime config (and so the key) in them, and no server. */
  const nuxtGenerate = (key: string) =>
    app(
      { nuxt: '4.2.0', '@clerk/nuxt': '3.0.16' },
      {
        '.output/public/index.html': `<script>window.__NUXT__={};window.__NUXT__.config={public:{clerk:{publishableKey:"${key}"}}}</script>\n`,
        '.output/public/_nuxt/entry.js': CHUNK
      }
    );

  it('nuxt generate with the production key and no variable: exit 0, judged on the build', async () => {
    const { code, report } = await gate(await nuxtGenerate(LIVE_PK));
    expect(readLine(report)).toMatchObject({
      status: 'skipped',
      detail: 'no variable was read; the gate judged the build output only'
    });
    expect(code).toBe(0);
  });

  it('nuxt generate with the development key: exit 1 on the build', async () => {
    const { code, report } = await gate(await nuxtGenerate(DEV_PK));
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.rule)).toContain('bundle-dev-publishable-key');
  });

  it('React Router SPA mode (no server, a prerendered index.html) with the production key: exit 0', async () => {
    const dir = await app(
      { 'react-router': '8.0.0', '@react-router/dev': '8.0.0', '@clerk/react-router': '3.6.24' },
      { 'build/client/index.html': '<div id="root"></div>\n', 'build/client/assets/a.js': `const k="${LIVE_PK}";\n` }
    );
    const { code } = await gate(dir);
    expect(code).toBe(0);
  });

  it('Vite with a Clerk SDK and the production key compiled in: exit 0', async () => {
    const dir = await app(
      { vite: '8.0.0', '@clerk/react': '6.17.2' },
      { 'dist/assets/index.js': `const k="${LIVE_PK}";\n` }
    );
    const { code, report } = await gate(dir);
    expect(readLine(report)?.status).toBe('skipped');
    expect(code).toBe(0);
  });

  it('Astro server output (a real build, production key, no variable): the runtime check does not fail it', async () => {
    const fixture = fileURLToPath(new URL('../fixtures/bundles/astro-server/production/', import.meta.url));
    const run = await runDistCli(fixture, ['--offline', '--format', 'json']);
    const report = JSON.parse(run.stdout) as JsonReport;
    // Which directories are scanned is another check's business; this one says the build is the evidence.
    expect(readLine(report)).toMatchObject({ status: 'skipped' });
  });

  it('a Nuxt server build that does not use a Clerk SDK is no false alarm', async () => {
    const dir = await app(
      { nuxt: '4.2.0' },
      { '.output/public/_nuxt/entry.js': 'export{};\n', '.output/server/index.mjs': 'export {};\n' }
    );
    const { code, report } = await gate(dir);
    expect(readLine(report)?.status).toBe('skipped');
    expect(code).toBe(0);
  });
});

describe('dist/cli.js: a real TanStack Start build (__tests__/fixtures/bundles/tanstack-start)', () => {
  /** The key the fixture was built with (see the fixtures' README). */
  const FIXTURE_LIVE_PK = `pk_live_${Buffer.from('clerk.example-gate.com$').toString('base64')}`;
  const fixture = fileURLToPath(new URL('../fixtures/bundles/tanstack-start/production/', import.meta.url));

  async function copied(): Promise<string> {
    const dir = await project({});
    await cp(fixture, dir, { recursive: true });
    return dir;
  }

  it('production build with no variable: exit 1, the server hands the browser its runtime key', async () => {
    const { code, report } = await gate(await copied());
    expect(readLine(report)).toEqual({
      id: 'variables-read',
      status: 'fail',
      detail: `TanStack Start (dist/server): ${RUNTIME}; no variable was read`
    });
    expect(code).toBe(1);
  });

  it('production build with its variables passed: exit 0', async () => {
    const dir = await copied();
    await writeFile(join(dir, 'vars.json'), JSON.stringify({ VITE_CLERK_PUBLISHABLE_KEY: FIXTURE_LIVE_PK }));
    await writeFile(join(dir, 'secrets.json'), JSON.stringify({ CLERK_SECRET_KEY: secretKey('live') }));
    const { code, report } = await gate(dir, ['--vars-json', 'vars.json', '--secrets-json', 'secrets.json']);
    expect(readLine(report)?.status).toBe('pass');
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('dist/index.js on the same build with no variable: exit 1', async () => {
    const run = await runDistAction(await copied(), {}, actionBundleOptions());
    expect(run.outputs.passed).toBe('false');
    expect(run.code).toBe(1);
  });
});

describe('dist/cli.js: the deployed site shows the key a server hands the browser', () => {
  const sites = fakeSites();
  /** No Clerk API is reachable from the tests: a closed loopback port, so nothing goes online by accident. */
  const NO_CLERK = ['--clerk-api-url', 'http://127.0.0.1:9'];
  const page = (script: string) => ({
    '/': { body: `<!DOCTYPE html><html><head>${script}</head><body></body></html>` }
  });
  const clerkJs = `<script async crossorigin="anonymous" data-clerk-publishable-key="${LIVE_PK}" src="https://${PROD_HOST}/npm/@clerk/clerk-js@5/dist/clerk.browser.js"></script>`;

  async function gateSite(routes: Record<string, { body: string }>) {
    const site = await sites.start(routes);
    const run = await runDistCli(await nuxtBuild(), ['--format', 'json', '--url', site.origin, ...NO_CLERK], {
      env: { NODE_EXTRA_CA_CERTS: sites.caFile() }
    });
    return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
  }

  it('nuxt build, no variable, a deployed page that loads the production instance: exit 0', async () => {
    const { code, report } = await gateSite(page(clerkJs));
    expect(report.checks.find((c) => c.id === 'deployed-no-clerk')?.status).toBe('pass');
    expect(readLine(report)?.status).toBe('skipped');
    expect(code).toBe(0);
  });

  it('nuxt build, no variable, a deployed page without Clerk: exit 1', async () => {
    const { code, report } = await gateSite(page('<title>demo</title>'));
    expect(readLine(report)?.status).toBe('fail');
    expect(code).toBe(1);
  });
});

describe('dist/cli.js: a build directory named in build-dirs is traced to its app', () => {
  it('apps/web/.output/public of a nuxt build, gated from the repository root with no variable: exit 1', async () => {
    const root = await project({
      'package.json': JSON.stringify({ private: true, workspaces: ['apps/*'] }),
      'apps/web/package.json': JSON.stringify({ dependencies: { nuxt: '4.2.0', '@clerk/nuxt': '3.0.16' } }),
      'apps/web/.output/public/_nuxt/entry.js': CHUNK,
      'apps/web/.output/server/index.mjs': 'export {};\n'
    });
    const { code, report } = await gate(root, ['--build-dir', 'apps/web/.output/public']);
    expect(readLine(report)?.detail).toBe(`apps/web: Nuxt (.output/server): ${RUNTIME}; no variable was read`);
    expect(code).toBe(1);
  });
});

describe('dist/cli.js: a monorepo judges each app on its own', () => {
  it("one app's Clerk variables do not stand in for another app that reads its keys at runtime", async () => {
    const root = await project({
      'package.json': JSON.stringify({ private: true }),
      'apps/web/package.json': JSON.stringify({ dependencies: { next: '16.0.0', '@clerk/nextjs': '7.9.17' } }),
      'apps/web/.env.production': `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${LIVE_PK}\nCLERK_SECRET_KEY=${secretKey('live')}\n`,
      'apps/web/.next/BUILD_ID': 'b1\n',
      'apps/web/.next/static/chunks/main.js': `const k="${LIVE_PK}";\n`,
      'apps/admin/package.json': JSON.stringify({ dependencies: { nuxt: '4.2.0', '@clerk/nuxt': '3.0.16' } }),
      'apps/admin/.env': 'DATABASE_URL=postgres://db.internal/admin\n',
      'apps/admin/.output/public/_nuxt/entry.js': CHUNK,
      'apps/admin/.output/server/index.mjs': 'export {};\n'
    });
    const both = await gate(root, ['apps/web', 'apps/admin']);
    expect(readLine(both.report)?.detail).toBe(
      `apps/admin: Nuxt (.output/server): ${RUNTIME}; no Clerk variable was read for it`
    );
    expect(both.code).toBe(1);
    // The Next.js app alone: its variables and its build are judged, and pass.
    const web = await gate(root, ['apps/web']);
    expect(readLine(web.report)?.status).toBe('pass');
    expect(web.code).toBe(0);
  });
});

describe('dist/index.js: the action gives the same verdict', () => {
  it('nuxt build with no variable: exit 1, passed=false, and the summary says what to pass', async () => {
    const run = await runDistAction(await nuxtBuild(), {}, actionBundleOptions());
    expect(run.code).toBe(1);
    expect(run.outputs.passed).toBe('false');
    // The summary is markdown, with its punctuation escaped.
    expect(run.summary.replace(/\\(.)/g, '$1')).toContain(`Nuxt (.output/server): ${RUNTIME}`);
  });

  it('nuxt build with vars-json and secrets-json: exit 0', async () => {
    const run = await runDistAction(
      await nuxtBuild(),
      {
        'vars-json': JSON.stringify({ NUXT_PUBLIC_CLERK_PUBLISHABLE_KEY: LIVE_PK }),
        'secrets-json': JSON.stringify({ NUXT_CLERK_SECRET_KEY: secretKey('live') })
      },
      actionBundleOptions()
    );
    expect(run.outputs.passed).toBe('true');
    expect(run.code).toBe(0);
  });
});
