import path from 'node:path';
import { InputError } from '../core/errors.js';
import { readRegularFile, sizeInWords, UnreadableFile } from '../core/read-file.js';

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

/** The most of a package.json read; a larger one is refused, not judged in part. */
const MAX_PACKAGE_JSON_BYTES = 4 * 1024 * 1024;

/**
 * The package names `dir`'s package.json depends on (dependencies and devDependencies); undefined when there is
 * none. A package.json that is there but is not a readable regular file of JSON stops the gate (exit 2): what it
 * names decides which dotenv files and build output are read. `label` names `dir` in messages.
 */
export function packageDependencies(dir: string, label: string = dir): string[] | undefined {
  const name = path.posix.join(label, 'package.json');
  let text: string;
  try {
    const read = readRegularFile(path.join(dir, 'package.json'), MAX_PACKAGE_JSON_BYTES);
    if (read.overCap) throw new InputError(`${name}: larger than ${sizeInWords(MAX_PACKAGE_JSON_BYTES)}, not read`);
    text = read.bytes.toString('utf8');
  } catch (err) {
    if (!(err instanceof UnreadableFile)) throw err;
    if (err.missing) return undefined;
    throw new InputError(`${name}: ${err.reason}`);
  }
  let pkg: unknown;
  try {
    pkg = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new InputError(`${name}: invalid JSON`);
  }
  const deps = new Set<string>();
  for (const field of ['dependencies', 'devDependencies']) {
    const section = (pkg as Record<string, unknown> | null)?.[field];
    if (section && typeof section === 'object') for (const dep of Object.keys(section)) deps.add(dep);
  }
  return [...deps];
}

/** The framework of the app in `dir`, from its package.json (dependencies and devDependencies). */
export function detectFramework(dir: string, label: string = dir): Framework {
  const deps = packageDependencies(dir, label) ?? [];
  for (const [framework, matches] of DETECTORS) if (deps.some(matches)) return framework;
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
