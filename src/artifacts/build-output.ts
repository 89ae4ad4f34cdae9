import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { packageDependencies } from '../sources/frameworks.js';

/**
 * Where a framework writes the code the browser loads, by the package that marks the framework. Server output
 * (`.next/server`, `.output/server`, `build/server`) is not here and never scanned as client code (see
 * SERVER_DIRS): server secrets belong there.
 */
const CLIENT_OUTPUT: readonly (readonly [test: (dependency: string) => boolean, dirs: readonly string[]])[] = [
  [(d) => d === 'next', ['.next/static']],
  [(d) => d === 'vite' || d === 'astro' || d === 'expo', ['dist']],
  [(d) => d.startsWith('@remix-run/') || d === '@react-router/dev', ['build/client', 'public/build']],
  [(d) => d === 'nuxt', ['.output/public']],
  [(d) => d === '@sveltejs/kit', ['.svelte-kit/output/client']],
  [(d) => d === 'react-scripts', ['build/static']]
];

/** Vercel's Build Output API (`vercel build`): every framework's static client files. */
const VERCEL_STATIC = '.vercel/output/static';

/** Directories under a build directory that hold server code or caches, never client code. */
const SERVER_DIRS = new Set([
  '.next/server',
  '.next/cache',
  '.next/standalone',
  '.output/server',
  'build/server',
  '.svelte-kit/output/server',
  '.vercel/output/functions'
]);

export interface BuildDirPlan {
  /** Absolute directories to scan. */
  dirs: string[];
  /** Why a candidate was not scanned (`auto` only), for the report. */
  skipped: { file: string; reason: string }[];
}

/**
 * The build directories to scan. Named ones must exist (a typo must not pass silently). `auto` takes, for the
 * working directory and each app directory the gate read, the client output of the frameworks its package.json
 * names, when that output exists, and `.vercel/output/static`. `none` scans nothing.
 *
 * A Next.js `.next` without `BUILD_ID` is `next dev`'s output, which holds the development key by design: it is
 * skipped with the reason, so a local run after `next dev` is not a false alarm.
 */
export function planBuildDirs(cwd: string, buildDirs: readonly string[], appDirs: readonly string[]): BuildDirPlan {
  const dirs = new Set<string>();
  const skipped: BuildDirPlan['skipped'] = [];
  const rel = (abs: string): string => path.relative(cwd, abs).split(path.sep).join('/') || '.';
  for (const entry of buildDirs) {
    if (entry === 'none') continue;
    if (entry !== 'auto') {
      const abs = path.resolve(cwd, entry);
      if (!isDirectory(abs)) throw new InputError(`build-dirs: ${entry} is not a directory (build the app first?)`);
      if (isServerDir(abs)) {
        throw new InputError(`build-dirs: ${entry} is server output, not client code (secrets belong there)`);
      }
      dirs.add(abs);
      continue;
    }
    for (const app of new Set([cwd, ...appDirs])) {
      for (const candidate of clientOutputOf(app, rel)) {
        const abs = path.join(app, candidate);
        if (!isDirectory(abs) || dirs.has(abs)) continue;
        if (candidate === '.next/static' && !existsSync(path.join(app, '.next/BUILD_ID'))) {
          skipped.push({ file: rel(abs), reason: 'a next dev build (no .next/BUILD_ID), not a production build' });
          continue;
        }
        dirs.add(abs);
      }
    }
  }
  return { dirs: [...dirs], skipped };
}

function clientOutputOf(app: string, rel: (abs: string) => string): string[] {
  const dependencies = packageDependencies(app, rel(app)) ?? [];
  const dirs = CLIENT_OUTPUT.filter(([test]) => dependencies.some(test)).flatMap(([, d]) => d);
  return [...new Set([...dirs, VERCEL_STATIC])];
}

function isDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a directory is server output (or a cache) of a framework, by its path's end. */
export function isServerDir(abs: string): boolean {
  const posix = abs.split(path.sep).join('/');
  for (const server of SERVER_DIRS) if (posix.endsWith(`/${server}`)) return true;
  return false;
}
