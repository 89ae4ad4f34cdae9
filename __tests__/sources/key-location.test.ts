import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeKeyApps, type RuntimeKeyApp } from '../../src/sources/key-location.js';
import { project } from '../helpers/run-cli.js';

/** An app root: a package.json naming `dependencies` (devDependencies with `dev`), and the given output files. */
async function app(dependencies: string[], files: string[], dev: string[] = []): Promise<string> {
  const names = (list: string[]) => Object.fromEntries(list.map((d) => [d, '1.0.0']));
  const tree: Record<string, string> = {
    'package.json': JSON.stringify({ dependencies: names(dependencies), devDependencies: names(dev) })
  };
  for (const file of files) tree[file] = 'x';
  return project(tree);
}

/** What the report shows of each app (the absolute directory is for the engine). */
function shown(apps: RuntimeKeyApp[]) {
  return apps.map(({ app, framework, evidence }) => ({ app, framework, evidence }));
}

async function judged(dependencies: string[], files: string[], dev: string[] = []) {
  const dir = await app(dependencies, files, dev);
  return shown(runtimeKeyApps(dir, [dir]));
}

describe('runtimeKeyApps: which builds cannot show the Clerk keys the app runs with', () => {
  it('Nuxt, nuxt build: a server reads the keys at runtime', async () => {
    expect(await judged(['nuxt', '@clerk/nuxt'], ['.output/public/_nuxt/a.js', '.output/server/index.mjs'])).toEqual([
      { app: '.', framework: 'Nuxt', evidence: '.output/server' }
    ]);
  });

  it('Nuxt, nuxt generate: prerendered pages and no server are evidence, not a runtime read', async () => {
    expect(await judged(['nuxt', '@clerk/nuxt'], ['.output/public/index.html', '.output/public/_nuxt/a.js'])).toEqual(
      []
    );
    expect(await judged(['nuxt', '@clerk/nuxt'], ['.output/public/200.html'])).toEqual([]);
  });

  it('Nuxt client output alone, with no prerendered page, is taken as the client half of a server build', async () => {
    expect(await judged(['nuxt', '@clerk/nuxt'], ['.output/public/_nuxt/a.js'])).toEqual([
      { app: '.', framework: 'Nuxt', evidence: '.output/public without a prerendered page' }
    ]);
  });

  it('Nuxt with prerendered pages and a server: the server still reads the keys', async () => {
    const found = await judged(['nuxt', '@clerk/nuxt'], ['.output/public/index.html', '.output/server/index.mjs']);
    expect(found.map((f) => f.evidence)).toEqual(['.output/server']);
  });

  it('Remix (Vite and classic compiler) and React Router framework mode', async () => {
    expect(await judged(['@remix-run/node', '@clerk/remix'], ['build/server/index.js', 'build/client/a.js'])).toEqual([
      { app: '.', framework: 'Remix', evidence: 'build/server' }
    ]);
    expect(await judged(['@remix-run/node', '@clerk/remix'], ['build/index.js', 'public/build/a.js'])).toEqual([
      { app: '.', framework: 'Remix', evidence: 'build/index.js' }
    ]);
    expect(
      await judged(['react-router', '@clerk/react-router'], ['build/server/index.js'], ['@react-router/dev'])
    ).toEqual([{ app: '.', framework: 'React Router', evidence: 'build/server' }]);
  });

  it('React Router SPA mode (ssr: false): a prerendered index.html and no server is a build that carries the key', async () => {
    expect(
      await judged(['react-router', '@clerk/react-router'], ['build/client/index.html'], ['@react-router/dev'])
    ).toEqual([]);
  });

  it('SvelteKit with svelte-clerk in devDependencies, TanStack Start and SolidStart', async () => {
    expect(await judged([], ['.svelte-kit/output/server/index.js'], ['@sveltejs/kit', 'svelte-clerk'])).toEqual([
      { app: '.', framework: 'SvelteKit', evidence: '.svelte-kit/output/server' }
    ]);
    expect(
      await judged(['@tanstack/react-start', '@clerk/tanstack-react-start'], ['dist/client/a.js', 'dist/server/s.js'])
    ).toEqual([{ app: '.', framework: 'TanStack Start', evidence: 'dist/server' }]);
    expect(await judged(['@solidjs/start', 'clerk-solidjs'], ['.output/server/index.mjs'])).toEqual([
      { app: '.', framework: 'SolidStart', evidence: '.output/server' }
    ]);
  });

  it('frameworks that compile the key into the client build are never runtime-read', async () => {
    expect(await judged(['next', '@clerk/nextjs'], ['.next/static/a.js', '.next/server/app.js'])).toEqual([]);
    expect(await judged(['vite', '@clerk/clerk-react'], ['dist/assets/a.js'])).toEqual([]);
    expect(await judged(['astro', '@clerk/astro'], ['dist/client/a.js', 'dist/server/entry.mjs'])).toEqual([]);
    expect(await judged(['expo', '@clerk/clerk-expo'], ['dist/a.js'])).toEqual([]);
  });

  it('an app that does not use a Clerk SDK is not judged: no false alarm on a Clerk-free build', async () => {
    expect(await judged(['nuxt'], ['.output/server/index.mjs'])).toEqual([]);
    // Tooling named for Clerk is not an SDK the app runs.
    expect(await judged(['nuxt'], ['.output/server/index.mjs'], ['@clerk/testing', '@clerk/types'])).toEqual([]);
    expect(await judged(['@remix-run/node'], ['build/server/index.js'], ['@clerk/shared'])).toEqual([]);
  });

  it('an app with no build output on disk is not judged here', async () => {
    expect(await judged(['nuxt', '@clerk/nuxt'], ['nuxt.config.ts'])).toEqual([]);
  });

  it('names an app in a subdirectory by its path from the working directory', async () => {
    const root = await project({ 'package.json': '{}' });
    const sub = await app(['@clerk/nuxt', 'nuxt'], ['.output/server/index.mjs']);
    const nested = await project({});
    const dir = join(nested, 'apps', 'web');
    await cp(sub, dir, { recursive: true });
    expect(shown(runtimeKeyApps(nested, [nested, dir]))).toEqual([
      { app: 'apps/web', framework: 'Nuxt', evidence: '.output/server' }
    ]);
    expect(shown(runtimeKeyApps(root, [root]))).toEqual([]);
  });
});

describe('runtimeKeyApps: the app that holds a build directory named in build-dirs', () => {
  it('finds the nearest package.json above a named build directory, inside the working directory', async () => {
    const root = await project({
      'package.json': '{}',
      'apps/web/package.json': JSON.stringify({ dependencies: { nuxt: '4.2.0', '@clerk/nuxt': '3.0.16' } }),
      'apps/web/.output/public/_nuxt/a.js': 'x',
      'apps/web/.output/server/index.mjs': 'x'
    });
    expect(shown(runtimeKeyApps(root, [root], ['auto', 'apps/web/.output/public']))).toEqual([
      { app: 'apps/web', framework: 'Nuxt', evidence: '.output/server' }
    ]);
    expect(shown(runtimeKeyApps(root, [root], ['auto']))).toEqual([]);
    // A build directory outside the working directory is not traced to an app.
    const other = join(root, 'other');
    expect(shown(runtimeKeyApps(other, [other], ['../apps/web/.output/public']))).toEqual([]);
  });
});

describe('runtimeKeyApps on real builds (__tests__/fixtures/bundles)', () => {
  const fixtures = fileURLToPath(new URL('../fixtures/bundles/', import.meta.url));

  it.each(['production', 'development', 'leaked-secret'])(
    'Astro server output (%s) compiles the key into its client build: not a runtime read, though dist/server exists',
    (variant) => {
      const dir = join(fixtures, 'astro-server', variant);
      expect(existsSync(join(dir, 'dist/server'))).toBe(true);
      expect(runtimeKeyApps(dir, [dir])).toEqual([]);
    }
  );
});
