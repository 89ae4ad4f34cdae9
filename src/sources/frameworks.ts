import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';

export const FRAMEWORKS = ['nextjs', 'vite', 'remix', 'astro', 'nuxt', 'expo', 'node'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** First match wins: a Next.js or Expo app may also list vite (e.g. for tests), so vite comes last. */
const DETECTORS: [Framework, (dep: string) => boolean][] = [
  ['nextjs', (d) => d === 'next'],
  ['expo', (d) => d === 'expo'],
  ['nuxt', (d) => d === 'nuxt'],
  ['astro', (d) => d === 'astro'],
  ['remix', (d) => d.startsWith('@remix-run/') || d === '@react-router/dev'],
  ['vite', (d) => d === 'vite']
];

/** The framework of the app in `dir`, from its package.json (dependencies and devDependencies). */
export function detectFramework(dir: string, label: string = dir): Framework {
  const file = path.join(dir, 'package.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'node';
    throw new InputError(`${path.posix.join(label, 'package.json')}: cannot read (${code ?? 'unknown error'})`);
  }
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch {
    throw new InputError(`${path.posix.join(label, 'package.json')}: invalid JSON`);
  }
  const deps = new Set<string>();
  for (const field of ['dependencies', 'devDependencies']) {
    const section = (pkg as Record<string, unknown> | null)?.[field];
    if (section && typeof section === 'object') for (const name of Object.keys(section)) deps.add(name);
  }
  for (const [framework, matches] of DETECTORS) if ([...deps].some(matches)) return framework;
  return 'node';
}

/**
 * The dotenv files `framework` loads for `environment`, highest precedence first. Documented orders:
 * - Next.js: .env.$(NODE_ENV).local, .env.local (not when NODE_ENV is test), .env.$(NODE_ENV), .env; `next build`
 *   and `next start` run with NODE_ENV=production (nextjs.org/docs/app/guides/environment-variables).
 * - Expo: same files and order via @expo/env; `expo export` / EAS builds are production
 *   (docs.expo.dev/guides/environment-variables).
 * - Vite, and Remix / React Router and Astro, which load env through Vite: .env.[mode].local, .env.[mode],
 *   .env.local, .env (vite.dev/guide/env-and-mode#env-files; docs.astro.build/en/guides/environment-variables).
 * - Nuxt: .env only (nuxt.com/docs/guide/directory-structure/env).
 * - Node, dotenv-flow convention: .env.{NODE_ENV}.local, .env.local (skipped for test), .env.{NODE_ENV}, .env
 *   (github.com/kerimdzhanov/dotenv-flow#files-under-version-control).
 */
export function envFilesFor(framework: Framework, environment: string): string[] {
  switch (framework) {
    case 'nextjs':
    case 'expo': {
      const mode = environment === 'development' || environment === 'test' ? environment : 'production';
      return flowOrder(mode);
    }
    case 'vite':
    case 'remix':
    case 'astro':
      return [`.env.${environment}.local`, `.env.${environment}`, '.env.local', '.env'];
    case 'nuxt':
      return ['.env'];
    case 'node':
      return flowOrder(environment);
  }
}

function flowOrder(mode: string): string[] {
  return mode === 'test'
    ? [`.env.${mode}.local`, `.env.${mode}`, '.env']
    : [`.env.${mode}.local`, '.env.local', `.env.${mode}`, '.env'];
}
