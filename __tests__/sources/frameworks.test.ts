import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/core/errors.js';
import { detectFramework, envFilesFor } from '../../src/sources/frameworks.js';

const DETECT = path.resolve(process.cwd(), '__tests__/fixtures/sources/detect');

describe('detectFramework', () => {
  it.each([
    ['nextjs', 'nextjs'],
    ['expo', 'expo'],
    ['nuxt', 'nuxt'],
    ['astro', 'astro'],
    ['remix', 'remix'],
    ['react-router', 'remix'],
    ['vite', 'vite'],
    ['node', 'node'],
    ['none', 'node'],
    ['next-with-vite', 'nextjs'],
    ['does-not-exist', 'node']
  ])('%s → %s', (dir, framework) => {
    expect(detectFramework(path.join(DETECT, dir))).toBe(framework);
  });

  // Made at test time: a broken package.json in the repository would break jest's module map.
  it('rejects a broken package.json, naming it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cpg-detect-'));
    try {
      writeFileSync(path.join(dir, 'package.json'), '{ "dependencies": { "next": ');
      expect(() => detectFramework(dir, 'apps/broken')).toThrow(InputError);
      expect(() => detectFramework(dir, 'apps/broken')).toThrow('apps/broken/package.json: invalid JSON');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('envFilesFor', () => {
  it('Next.js and Expo build in production mode unless development or test', () => {
    const prod = ['.env.production.local', '.env.local', '.env.production', '.env'];
    expect(envFilesFor('nextjs', 'production')).toEqual(prod);
    expect(envFilesFor('nextjs', 'preview')).toEqual(prod);
    expect(envFilesFor('expo', 'staging')).toEqual(prod);
    expect(envFilesFor('nextjs', 'development')).toEqual([
      '.env.development.local',
      '.env.local',
      '.env.development',
      '.env'
    ]);
    expect(envFilesFor('expo', 'test')).toEqual(['.env.test.local', '.env.test', '.env']);
  });

  it('Vite, Remix and Astro use the environment as the mode, .env.local below the mode file', () => {
    const staging = ['.env.staging.local', '.env.staging', '.env.local', '.env'];
    expect(envFilesFor('vite', 'staging')).toEqual(staging);
    expect(envFilesFor('remix', 'staging')).toEqual(staging);
    expect(envFilesFor('astro', 'staging')).toEqual(staging);
  });

  it('Nuxt reads .env only; Node follows dotenv-flow', () => {
    expect(envFilesFor('nuxt', 'production')).toEqual(['.env']);
    expect(envFilesFor('node', 'staging')).toEqual(['.env.staging.local', '.env.local', '.env.staging', '.env']);
    expect(envFilesFor('node', 'test')).toEqual(['.env.test.local', '.env.test', '.env']);
  });

  it('derives the names from any environment name (planSources skips the ones that cannot be a file name)', () => {
    expect(envFilesFor('vite', 'review/feature-x')).toEqual([
      '.env.review/feature-x.local',
      '.env.review/feature-x',
      '.env.local',
      '.env'
    ]);
  });
});
