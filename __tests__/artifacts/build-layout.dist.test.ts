/**
 * Which files the bundle scan judges, through the shipped CLI (dist/cli.js) run from the app's root with
 * `build-dirs: auto`: client output beside server output (Astro, TanStack Start, Angular), the scripts Astro
 * inlines into server-rendered pages, Next's prerendered pages, and the build folders of Gatsby, Docusaurus,
 * Eleventy and Angular. The trees copy the layouts the frameworks write (see README "Frameworks").
 */
import { describe, expect, it, jest } from '@jest/globals';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeSecret, publishableKey } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import { runDistCli } from '../helpers/run-dist-cli.js';

jest.setTimeout(60_000);

const DEV_HOST = 'happy-hippo-42.clerk.accounts.dev';
const DEV_PK = publishableKey(DEV_HOST);
const LIVE_PK = publishableKey('clerk.example-gate.com', 'live');
const SERVER_SECRET = fakeSecret('sk_live_', 'ServerSide', 1);
const LEAKED = fakeSecret('sk_test_', 'InlineLeak', 2);

interface JsonReport {
  passed: boolean;
  findings: {
    rule: string;
    value: string;
    excerpt?: string;
    location: { file: string; line: number; column: number };
  }[];
  skipped: { file: string; reason: string }[];
  checks: { id: string; status: string; detail: string }[];
}

async function gate(cwd: string, args: string[] = []) {
  const run = await runDistCli(cwd, ['--format', 'json', ...args]);
  expect(run.stderr).not.toContain('at ');
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, output: run.stdout + run.stderr };
}

const FIXTURES = fileURLToPath(new URL('../fixtures/bundles/', import.meta.url));
/** The canary the real leaked-secret builds inlined (see __tests__/fixtures/bundles/README.md). */
const CANARY = 'sk_test_CANARYbundleLeak0123456789abcdefghijklmnopqrstu';

/** A real build fixture copied to a temp folder, run from as the app's root. */
async function fixture(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'layout-'));
  await cp(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

const pkg = (...dependencies: string[]) =>
  JSON.stringify({ dependencies: Object.fromEntries(dependencies.map((d) => [d, '1.0.0'])) });
const rules = (report: JsonReport) => report.findings.map((f) => [f.rule, f.location.file]);
const check = (report: JsonReport, id: string) => report.checks.find((c) => c.id === id);

/** An Astro `output: 'server'` build with the node adapter, as `astro build` writes it. */
function astroServer(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'package.json': pkg('astro', '@astrojs/node', '@clerk/astro'),
    'dist/client/_astro/index.BfJ3k2.js': `const e="${LIVE_PK}";export{e as p};`,
    'dist/client/favicon.svg': '<svg/>',
    'dist/server/entry.mjs': "import './chunks/_@astrojs-ssr-adapter_x.mjs';\n",
    'dist/server/virtual_astro_middleware.mjs': `const env = { CLERK_SECRET_KEY: "${SERVER_SECRET}" };\nexport { env };\n`,
    ...extra
  };
}

describe('client output beside server output: only the client part is judged', () => {
  it('Astro server output: a secret key in dist/server (where it belongs) is no finding; exit 0', async () => {
    const dir = await project(astroServer());
    const { code, report, output } = await gate(dir);
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
    expect(check(report, 'bundle-secret-key')?.status).toBe('pass');
    expect(report.skipped).toContainEqual({ file: 'dist/server', reason: 'server output, not sent to the browser' });
    expect(output).not.toContain(SERVER_SECRET);
  });

  it('Astro server output: a secret key in dist/client is still found', async () => {
    const dir = await project(astroServer({ 'dist/client/_astro/leak.js': `console.log("${LEAKED}");` }));
    const { code, report } = await gate(dir);
    expect(code).toBe(1);
    expect(rules(report)).toEqual([['bundle-secret-key', 'dist/client/_astro/leak.js']]);
  });

  it('TanStack Start (dist/client + dist/server): server code is never judged', async () => {
    const dir = await project({
      'package.json': pkg('@tanstack/react-start', '@clerk/tanstack-react-start', 'vite'),
      'dist/client/assets/main-x.js': `const k="${LIVE_PK}";`,
      'dist/server/server.js': `const s="${SERVER_SECRET}";const d="${DEV_PK}";`
    });
    const { report } = await gate(dir);
    expect(report.findings).toEqual([]);
    expect(check(report, 'bundle-secret-key')?.status).toBe('pass');
    expect(check(report, 'bundle-secret-key')?.detail).toContain('dist');
  });

  it('Angular SSR: dist/<app>/browser is judged, dist/<app>/server is not', async () => {
    const dir = await project({
      'package.json': pkg('@angular/core', '@angular/ssr'),
      'dist/shop/browser/main-X.js': `const k="${DEV_PK}";`,
      'dist/shop/server/server.mjs': `const s="${SERVER_SECRET}";`
    });
    const { code, report } = await gate(dir);
    expect(code).toBe(1);
    expect(rules(report)).toEqual([['bundle-dev-publishable-key', 'dist/shop/browser/main-X.js']]);
  });
});

describe("the scripts Astro inlines into server-rendered pages (the manifest's inlinedScripts)", () => {
  const manifest = (scripts: [string, string][]) =>
    `const a = 1;\nconst manifest = deserializeManifest(${JSON.stringify({
      hrefRoot: 'file:///app/',
      inlinedScripts: scripts,
      key: 'x'
    })});\nconst s = "${SERVER_SECRET}";\n`;

  it('a secret in an inlined script is found, at its place in the server chunk; the server code around it is not judged', async () => {
    const script = `document.querySelector("#k").textContent="${LEAKED}";`;
    const text = manifest([['/app/src/pages/index.astro?astro&type=script&index=0&lang.ts', script]]);
    const dir = await project(astroServer({ 'dist/server/chunks/_virtual_astro_manifest_Cx1.mjs': text }));
    const { code, report, output } = await gate(dir);
    expect(code).toBe(1);
    expect(rules(report)).toEqual([['bundle-secret-key', 'dist/server/chunks/_virtual_astro_manifest_Cx1.mjs']]);
    const [line, column] = [2, text.split('\n')[1]!.indexOf(LEAKED) + 1];
    expect(report.findings[0]?.location).toMatchObject({ line, column });
    expect(report.findings[0]?.excerpt).toContain('textContent');
    expect(report.findings[0]?.excerpt).not.toContain('hrefRoot');
    expect(output).not.toContain(LEAKED);
    expect(output).not.toContain(SERVER_SECRET);
  });

  it('a development key in an inlined script fails production; a production one passes', async () => {
    const dev = manifest([
      ['/app/src/components/Auth.astro?astro&type=script&index=0&lang.ts', `window.k="${DEV_PK}"`]
    ]);
    const devDir = await project(astroServer({ 'dist/server/manifest_A.mjs': dev }));
    expect(rules((await gate(devDir)).report)).toEqual([['bundle-dev-publishable-key', 'dist/server/manifest_A.mjs']]);
    const live = manifest([
      ['/app/src/components/Auth.astro?astro&type=script&index=0&lang.ts', `window.k="${LIVE_PK}"`]
    ]);
    const liveDir = await project(astroServer({ 'dist/server/manifest_A.mjs': live }));
    const { code, report } = await gate(liveDir);
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });
});

describe("Next's prerendered pages are client output; its server JS is not", () => {
  function nextBuild(files: Record<string, string>): Promise<string> {
    return project({
      'package.json': pkg('next', '@clerk/nextjs'),
      '.next/BUILD_ID': 'build-1',
      '.next/static/chunks/app-x.js': 'console.log(1);',
      '.next/server/app/page.js': `const s="${SERVER_SECRET}";const d="${DEV_PK}";`,
      '.next/server/chunks/ssr/x.js': `const d="${DEV_PK}";`,
      ...files
    });
  }

  it.each([
    [
      '.next/server/app/index.html',
      `<script src="https://${DEV_HOST}/npm/@clerk/clerk-js@5/dist/clerk.browser.js" data-clerk-publishable-key="${DEV_PK}"></script>`
    ],
    ['.next/server/app/index.rsc', `1:["$","$L2",null,{"publishableKey":"${DEV_PK}"}]`],
    ['.next/server/app/dashboard.body', `{"publishableKey":"${DEV_PK}"}`],
    ['.next/server/pages/about.html', `<div data-key="${DEV_PK}"></div>`],
    ['.next/server/pages/about.json', `{"pageProps":{"publishableKey":"${DEV_PK}"}}`]
  ])('a development key in %s fails production', async (file, text) => {
    const dir = await nextBuild({ [file]: text });
    const { code, report } = await gate(dir);
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.location.file)).toEqual(
      file.endsWith('.html') && text.includes(DEV_HOST) ? [file, file] : [file]
    );
    expect(report.findings.map((f) => f.rule)).toContain('bundle-dev-publishable-key');
  });

  it('production pages with the live key pass; server JS holding a secret and a development key is not judged', async () => {
    const dir = await nextBuild({ '.next/server/app/index.html': `<div data-key="${LIVE_PK}"></div>` });
    const { report, output } = await gate(dir);
    expect(report.findings).toEqual([]);
    expect(check(report, 'bundle-dev-publishable-key')?.status).toBe('pass');
    expect(check(report, 'bundle-dev-publishable-key')?.detail).toContain('.next/server/app');
    expect(output).not.toContain(SERVER_SECRET);
  });

  it('a named .next: the prerendered pages are read, the rest of .next/server is not', async () => {
    const dir = await nextBuild({ '.next/server/app/index.rsc': `{"publishableKey":"${DEV_PK}"}` });
    const { code, report } = await gate(dir, ['--build-dir', '.next']);
    expect(code).toBe(1);
    expect(rules(report)).toEqual([['bundle-dev-publishable-key', '.next/server/app/index.rsc']]);
    expect(report.skipped).toContainEqual({
      file: '.next/server',
      reason: 'server output, not sent to the browser (its prerendered pages are scanned)'
    });
  });
});

describe('build folders found by auto', () => {
  it.each([
    ['gatsby', 'public/app-x.js'],
    ['@docusaurus/core', 'build/assets/js/main.x.js'],
    ['@11ty/eleventy', '_site/index.html'],
    ['@builder.io/qwik-city', 'dist/build/q-x.js'],
    ['@solidjs/start', '.output/public/_build/assets/client-x.js']
  ])('%s: %s', async (dependency, file) => {
    const dir = await project({
      'package.json': pkg(dependency),
      [file]: `window.k="${DEV_PK}";`,
      'server/entry.ssr.js': `const s="${SERVER_SECRET}";`,
      '.output/server/index.mjs': `const s="${SERVER_SECRET}";`
    });
    const { code, report } = await gate(dir);
    expect(code).toBe(1);
    expect(rules(report)).toEqual([['bundle-dev-publishable-key', file]]);
  });

  it("Angular: the browser output named by angular.json's outputPath", async () => {
    const dir = await project({
      'package.json': pkg('@angular/core'),
      'angular.json': JSON.stringify({
        projects: { shop: { architect: { build: { options: { outputPath: { base: 'out/shop' } } } } } }
      }),
      'out/shop/browser/main-X.js': `const k="${DEV_PK}";`,
      'out/shop/server/server.mjs': `const s="${SERVER_SECRET}";`
    });
    const { code, report } = await gate(dir);
    expect(code).toBe(1);
    expect(rules(report)).toEqual([['bundle-dev-publishable-key', 'out/shop/browser/main-X.js']]);
  });
});

describe('a real Astro 7 server-output build (node adapter, @clerk/astro; fixtures/bundles/astro-server)', () => {
  it('production: the server secret in dist/server/virtual_astro_middleware.mjs is no finding; exit 0', async () => {
    const { code, report, output } = await gate(await fixture('astro-server/production'));
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
    expect(output).not.toContain('sk_live_SERVERonly');
  });

  it('development: the key in the client bundle fails; its server copies are not judged', async () => {
    const { code, report } = await gate(await fixture('astro-server/development'));
    expect(code).toBe(1);
    expect(report.findings.map((f) => [f.rule, f.location.file.replace(/\.[\w-]+\.js$/, '.js')])).toEqual([
      ['bundle-dev-publishable-key', 'dist/client/_astro/internal.js']
    ]);
  });

  it('leaked-secret: the canary is found in the inlined script of the server manifest, nowhere else', async () => {
    const { code, report, output } = await gate(await fixture('astro-server/leaked-secret'), [
      '--environment',
      'preview'
    ]);
    expect(code).toBe(1);
    expect(report.findings.map((f) => [f.rule, f.location])).toEqual([
      ['bundle-secret-key', { file: 'dist/server/entry.mjs', line: 181, column: 4935 }]
    ]);
    expect(report.findings[0]?.excerpt).toContain('textContent');
    expect(output).not.toContain(CANARY);
  });
});

describe('a real TanStack Start build (dist/client + dist/server; fixtures/bundles/tanstack-start)', () => {
  it('production: no finding; the server half is listed as skipped, not judged', async () => {
    const { report } = await gate(await fixture('tanstack-start/production'));
    expect(report.findings).toEqual([]);
    expect(check(report, 'bundle-secret-key')?.status).toBe('pass');
    expect(report.skipped).toContainEqual({ file: 'dist/server', reason: 'server output, not sent to the browser' });
  });

  it('leaked-secret: the canary is found in the client chunks only, never in its server copy', async () => {
    const { code, report, output } = await gate(await fixture('tanstack-start/leaked-secret'), [
      '--environment',
      'preview'
    ]);
    expect(code).toBe(1);
    const files = report.findings.map((f) => f.location.file);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(/^dist\/client\/assets\//);
    expect(report.findings.map((f) => f.rule)).toContain('bundle-secret-key');
    expect(output).not.toContain(CANARY);
  });
});

describe('a site whose pages are named client and server is not server output', () => {
  it('Docusaurus build/docs/server/index.html beside build/docs/client is read', async () => {
    const dir = await project({
      'package.json': pkg('@docusaurus/core'),
      'build/docs/client/index.html': '<h1>Client</h1>',
      'build/docs/server/index.html': `<pre>publishableKey: "${DEV_PK}"</pre>`
    });
    const { code, report } = await gate(dir);
    expect(code).toBe(1);
    expect(rules(report)).toEqual([['bundle-dev-publishable-key', 'build/docs/server/index.html']]);
  });
});

describe('a real Next 16 build with the key passed as a prop (fixtures/bundles/nextjs-prop)', () => {
  it('development: the key and the development host are found in the prerendered pages, the only place they are', async () => {
    const { code, report } = await gate(await fixture('nextjs-prop/development'));
    expect(code).toBe(1);
    const at = (file: string) => report.findings.filter((f) => f.location.file === file).map((f) => f.rule);
    expect(at('.next/server/app/index.html').sort()).toEqual(['bundle-dev-frontend-api', 'bundle-dev-publishable-key']);
    expect(at('.next/server/app/index.rsc')).toEqual(['bundle-dev-publishable-key']);
    expect(at('.next/server/app/clerk-config.json.body')).toEqual(['bundle-dev-publishable-key']);
    expect(at('.next/server/pages/404.html')).toContain('bundle-dev-publishable-key');
    expect(
      report.findings.find(
        (f) => f.location.file === '.next/server/app/index.html' && f.rule === 'bundle-dev-publishable-key'
      )?.location
    ).toMatchObject({ line: 1, column: 1057 });
    for (const f of report.findings)
      expect(f.location.file).toMatch(/^\.next\/server\/(app|pages)\/.*\.(html|rsc|body)$/);
  });

  it('production: passes; the server chunks are not judged', async () => {
    const { code, report } = await gate(await fixture('nextjs-prop/production'));
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('leaked-secret: the canary in the client chunk and the prerendered page, never in the server chunk', async () => {
    const { report, output } = await gate(await fixture('nextjs-prop/leaked-secret'), ['--environment', 'preview']);
    const secrets = report.findings.filter((f) => f.rule === 'bundle-secret-key').map((f) => f.location.file);
    expect(secrets).toEqual(['.next/server/app/index.html', expect.stringMatching(/^\.next\/static\/chunks\//)]);
    expect(output).not.toContain(CANARY);
  });
});

describe('a real Gatsby 5 build (public/; fixtures/bundles/gatsby), found by auto', () => {
  it('development: fails at the key in public/app-<hash>.js', async () => {
    const { code, report } = await gate(await fixture('gatsby/development'));
    expect(code).toBe(1);
    expect(report.findings.map((f) => [f.rule, f.location.file.replace(/-[0-9a-f]+\.js$/, '.js')])).toEqual([
      ['bundle-dev-publishable-key', 'public/app.js']
    ]);
    expect(check(report, 'bundle-dev-publishable-key')?.detail).toContain('of public');
  });

  it('production: passes, having scanned public/', async () => {
    const { code, report } = await gate(await fixture('gatsby/production'));
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
    expect(check(report, 'bundle-secret-key')).toMatchObject({ status: 'pass' });
    expect(check(report, 'bundle-secret-key')?.detail).toContain('of public');
  });

  it('leaked-secret: the canary in the page chunk and the prerendered page', async () => {
    const { code, report, output } = await gate(await fixture('gatsby/leaked-secret'), ['--environment', 'preview']);
    expect(code).toBe(1);
    const secrets = report.findings.filter((f) => f.rule === 'bundle-secret-key').map((f) => f.location.file);
    expect(secrets).toEqual([expect.stringMatching(/^public\/component---src-pages-index-js-/), 'public/index.html']);
    expect(output).not.toContain(CANARY);
  });
});
