import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { planBuildDirs } from '../../src/artifacts/build-output.js';
import { project } from '../helpers/run-cli.js';

const pkg = (dependency: string) => JSON.stringify({ dependencies: { [dependency]: '1.0.0' } });
const built = (dir: string) => ({ [`${dir}/app.js`]: 'x' });

describe('build-dirs auto: the client output of each framework found, when it exists', () => {
  it.each([
    ['next', { ...built('.next/static'), '.next/BUILD_ID': 'b' }, ['.next/static']],
    ['vite', built('dist'), ['dist']],
    ['astro', built('dist'), ['dist']],
    ['expo', built('dist'), ['dist']],
    ['@remix-run/node', { ...built('build/client'), ...built('public/build') }, ['build/client', 'public/build']],
    ['@react-router/dev', built('build/client'), ['build/client']],
    ['nuxt', built('.output/public'), ['.output/public']],
    ['@sveltejs/kit', built('.svelte-kit/output/client'), ['.svelte-kit/output/client']],
    ['next', { ...built('out'), '.next/BUILD_ID': 'b' }, ['out']],
    [
      '@sveltejs/kit',
      { ...built('.svelte-kit/output/prerendered/pages'), ...built('.svelte-kit/output/server') },
      ['.svelte-kit/output/prerendered']
    ],
    ['react-scripts', built('build/static'), ['build/static']],
    ['express', built('.vercel/output/static'), ['.vercel/output/static']],
    ['gatsby', built('public'), ['public']],
    ['@docusaurus/core', built('build'), ['build']],
    ['@11ty/eleventy', built('_site'), ['_site']],
    ['@tanstack/react-start', { ...built('dist/client'), ...built('dist/server') }, ['dist']],
    ['@solidjs/start', { ...built('.output/public'), ...built('.output/server') }, ['.output/public']],
    ['@builder.io/qwik-city', { ...built('dist/build'), ...built('server') }, ['dist']],
    ['@angular/core', { ...built('dist/shop/browser'), ...built('dist/shop/server') }, ['dist/shop/browser']]
  ])('%s', async (dependency, files, expected) => {
    const dir = await project({ 'package.json': pkg(dependency), ...files });
    expect(planBuildDirs(dir, ['auto'], []).dirs).toEqual(expected.map((d) => join(dir, d)));
  });

  it('never server output, and nothing that was not built', async () => {
    const dir = await project({
      'package.json': pkg('nuxt'),
      ...built('.output/server'),
      ...built('dist')
    });
    expect(planBuildDirs(dir, ['auto'], [])).toEqual({ dirs: [], skipped: [], astroServerDirs: [] });
  });

  it("each app directory the gate read, besides the working directory's", async () => {
    const dir = await project({
      'apps/web/package.json': pkg('vite'),
      ...built('apps/web/dist'),
      'apps/site/package.json': pkg('next'),
      ...built('apps/site/.next/static')
    });
    const plan = planBuildDirs(dir, ['auto'], [join(dir, 'apps/web'), join(dir, 'apps/site')]);
    expect(plan.dirs).toEqual([join(dir, 'apps/web/dist')]);
    expect(plan.skipped).toEqual([
      { file: 'apps/site/.next/static', reason: 'a next dev build (no .next/BUILD_ID), not a production build' }
    ]);
  });
});

describe('build-dirs auto: Next prerendered pages, Angular outputPath, Astro server output', () => {
  it('a production Next build: its static chunks and its prerendered App and Pages Router pages', async () => {
    const dir = await project({
      'package.json': pkg('next'),
      '.next/BUILD_ID': 'b',
      ...built('.next/static'),
      '.next/server/app/index.html': 'x',
      '.next/server/pages/about.html': 'x'
    });
    expect(planBuildDirs(dir, ['auto'], []).dirs).toEqual(
      ['.next/static', '.next/server/app', '.next/server/pages'].map((d) => join(dir, d))
    );
  });

  it("Angular: each project's outputPath from angular.json, its browser part when there is one", async () => {
    const dir = await project({
      'package.json': pkg('@angular/core'),
      'angular.json': JSON.stringify({
        projects: {
          shop: { architect: { build: { options: { outputPath: { base: 'out/shop', browser: '' } } } } },
          admin: { architect: { build: { options: { outputPath: 'out/admin' } } } }
        }
      }),
      ...built('out/shop/main.js'),
      ...built('out/admin/browser'),
      ...built('out/admin/server')
    });
    expect(planBuildDirs(dir, ['auto'], []).dirs).toEqual([join(dir, 'out/shop'), join(dir, 'out/admin/browser')]);
  });

  it('an angular.json that is not JSON stops the gate with its name', async () => {
    const dir = await project({ 'package.json': pkg('@angular/core'), 'angular.json': '{ projects: ' });
    expect(() => planBuildDirs(dir, ['auto'], [])).toThrow(/angular\.json: not a readable angular\.json/);
  });

  it("Astro: the server output's inlined scripts are searched, only once something is scanned", async () => {
    const dir = await project({ 'package.json': pkg('astro'), ...built('dist/client'), ...built('dist/server') });
    expect(planBuildDirs(dir, ['auto'], [])).toEqual({
      dirs: [join(dir, 'dist')],
      skipped: [],
      astroServerDirs: [join(dir, 'dist/server')]
    });
    expect(planBuildDirs(dir, ['none'], []).astroServerDirs).toEqual([]);
  });

  it.each([['dist/server'], ['dist/server/chunks'], ['.next/server'], ['.next/server/chunks']])(
    'a named directory inside server output is refused: %s',
    async (named) => {
      const dir = await project({
        'package.json': pkg('astro'),
        ...built('dist/client'),
        ...built('dist/server/chunks'),
        ...built('.next/server/chunks')
      });
      expect(() => planBuildDirs(dir, [named], [])).toThrow(/is server output, not client code/);
    }
  );

  it('a named .next/server/app is prerendered pages: allowed', async () => {
    const dir = await project({ 'package.json': pkg('next'), '.next/server/app/index.html': 'x' });
    expect(planBuildDirs(dir, ['.next/server/app'], []).dirs).toEqual([join(dir, '.next/server/app')]);
  });
});
