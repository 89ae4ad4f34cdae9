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
    ['react-scripts', built('build/static'), ['build/static']],
    ['express', built('.vercel/output/static'), ['.vercel/output/static']]
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
    expect(planBuildDirs(dir, ['auto'], [])).toEqual({ dirs: [], skipped: [] });
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
