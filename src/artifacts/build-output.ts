import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { InputError } from '../core/errors.js';
import { readRegularFile, sizeInWords, UnreadableFile } from '../core/read-file.js';
import { packageDependencies } from '../sources/frameworks.js';

/**
 * Where a framework writes the code the browser loads, by the package that marks the framework. Server output
 * (`.next/server`, `.output/server`, `dist/server` beside `dist/client`) is never scanned as client code (see
 * isServerDir): server secrets belong there. Next's prerendered pages are the exception: served as they are, they
 * are read as client output (see PRERENDERED).
 */
const CLIENT_OUTPUT: readonly (readonly [test: (dependency: string) => boolean, dirs: readonly string[]])[] = [
  // `out` is `output: 'export'` (a static export).
  [(d) => d === 'next', ['.next/static', '.next/server/app', '.next/server/pages', 'out']],
  [(d) => d === 'vite' || d === 'astro' || d === 'expo', ['dist']],
  [(d) => d.startsWith('@remix-run/') || d === '@react-router/dev', ['build/client', 'public/build']],
  [(d) => d === 'nuxt', ['.output/public']],
  [(d) => d === '@sveltejs/kit', ['.svelte-kit/output/client', '.svelte-kit/output/prerendered']],
  [(d) => d === 'react-scripts', ['build/static']],
  // TanStack Start and SolidStart: `dist/client` beside `dist/server` (Vite), or Nitro's `.output/public`.
  [(d) => /^@tanstack\/(react-|solid-)?start$/.test(d) || d === '@solidjs/start', ['dist', '.output/public']],
  // Qwik City: `dist/` (the SSR build goes to `server/` beside it).
  [(d) => d === '@builder.io/qwik-city' || d === '@qwik.dev/router', ['dist']],
  [(d) => d === 'gatsby', ['public']],
  [(d) => d === '@docusaurus/core', ['build']],
  [(d) => d === '@11ty/eleventy', ['_site']]
];

/** Vercel's Build Output API (`vercel build`): every framework's static client files. */
const VERCEL_STATIC = '.vercel/output/static';

/** Directories under a build directory that hold server code or caches, never client code. */
const SERVER_DIRS = [
  '.next/server',
  '.next/cache',
  '.next/standalone',
  '.output/server',
  'build/server',
  '.svelte-kit/output/server',
  '.vercel/output/functions'
];

/** Beside one of these, a `server` directory is a framework's server build (Astro, TanStack Start, Angular SSR). */
const CLIENT_SIBLINGS = ['client', 'browser'];

/**
 * Server directories whose prerendered files are served to the browser as they are, and which files those are:
 * Next's App Router pages (`.html`, the RSC payload `.rsc`, a static route's `.body`) and Pages Router pages
 * (`.html`, and the `getStaticProps` data `.json` served under `/_next/data`). Their JS is server code.
 */
const PRERENDERED: readonly (readonly [dir: string, extensions: ReadonlySet<string>])[] = [
  ['.next/server/app', new Set(['.html', '.rsc', '.body'])],
  ['.next/server/pages', new Set(['.html', '.json'])]
];

export interface BuildDirPlan {
  /** Absolute directories to scan. */
  dirs: string[];
  /** Why a candidate was not scanned (`auto` only), for the report. */
  skipped: { file: string; reason: string }[];
  /**
   * Astro server output, where Astro keeps the scripts it inlines into server-rendered pages: only those script
   * strings are judged there, never the server code around them (see astro-inline-scripts.ts).
   */
  astroServerDirs: string[];
}

/** Where an Astro adapter writes the server build: node (`dist/server`), Netlify, Vercel. */
const ASTRO_SERVER_OUTPUT = ['dist/server', '.netlify/build', '.vercel/output/functions'];

/**
 * The build directories to scan. Named ones must exist (a typo must not pass silently) and must not be server
 * output. `auto` takes, for the working directory and each app directory the gate read, the client output of the
 * frameworks its package.json names, when that output exists, and `.vercel/output/static`. `none` scans nothing.
 *
 * A Next.js `.next` without `BUILD_ID` is `next dev`'s output, which holds the development key by design: it is
 * skipped with the reason, so a local run after `next dev` is not a false alarm.
 */
export function planBuildDirs(cwd: string, buildDirs: readonly string[], appDirs: readonly string[]): BuildDirPlan {
  const dirs = new Set<string>();
  const skipped: BuildDirPlan['skipped'] = [];
  const rel = (abs: string): string => path.relative(cwd, abs).split(path.sep).join('/') || '.';
  const apps = [...new Set([cwd, ...appDirs])];
  for (const entry of buildDirs) {
    if (entry === 'none') continue;
    if (entry !== 'auto') {
      const abs = path.resolve(cwd, entry);
      if (!isDirectory(abs)) throw new InputError(`build-dirs: ${entry} is not a directory (build the app first?)`);
      if (prerenderedExtensions(abs) === undefined && insideServerDir(abs)) {
        throw new InputError(`build-dirs: ${entry} is server output, not client code (secrets belong there)`);
      }
      dirs.add(abs);
      continue;
    }
    for (const app of apps) {
      for (const candidate of clientOutputOf(app, rel)) {
        const abs = path.join(app, candidate);
        if (!isDirectory(abs) || dirs.has(abs)) continue;
        if (candidate.startsWith('.next/') && !existsSync(path.join(app, '.next/BUILD_ID'))) {
          skipped.push({ file: rel(abs), reason: 'a next dev build (no .next/BUILD_ID), not a production build' });
          continue;
        }
        dirs.add(abs);
      }
    }
  }
  const scanned = dirs.size > 0;
  const astroServerDirs = scanned ? apps.flatMap((app) => astroServerOutput(app, rel)) : [];
  return { dirs: [...dirs], skipped, astroServerDirs };
}

function clientOutputOf(app: string, rel: (abs: string) => string): string[] {
  const dependencies = packageDependencies(app, rel(app)) ?? [];
  const dirs = CLIENT_OUTPUT.filter(([test]) => dependencies.some(test)).flatMap(([, d]) => d);
  if (dependencies.includes('@angular/core')) dirs.push(...angularBrowserOutput(app, rel));
  return [...new Set([...dirs, VERCEL_STATIC])];
}

function astroServerOutput(app: string, rel: (abs: string) => string): string[] {
  if (!(packageDependencies(app, rel(app)) ?? []).includes('astro')) return [];
  return ASTRO_SERVER_OUTPUT.map((d) => path.join(app, d)).filter(isDirectory);
}

/** The most of an angular.json read; a larger one is refused, not judged in part. */
const MAX_ANGULAR_JSON_BYTES = 4 * 1024 * 1024;

const outputPathSchema = z.union([z.string(), z.object({ base: z.string(), browser: z.optional(z.string()) })]);
const angularJsonSchema = z.object({
  projects: z.optional(
    z.record(
      z.string(),
      z.object({
        architect: z.optional(
          z.object({
            build: z.optional(z.object({ options: z.optional(z.object({ outputPath: z.optional(outputPathSchema) })) }))
          })
        )
      })
    )
  )
});

/**
 * Angular's browser output, relative to the app: for each project in angular.json, `<outputPath>/browser` (the
 * application builder; `outputPath.browser` when set) or `<outputPath>` itself (the older browser builder), and
 * without an angular.json, every `dist/<project>/browser`. The `server` beside `browser` is never scanned.
 */
function angularBrowserOutput(app: string, rel: (abs: string) => string): string[] {
  const name = path.posix.join(rel(app), 'angular.json');
  let text: string;
  try {
    const read = readRegularFile(path.join(app, 'angular.json'), MAX_ANGULAR_JSON_BYTES);
    if (read.overCap) throw new InputError(`${name}: larger than ${sizeInWords(MAX_ANGULAR_JSON_BYTES)}, not read`);
    text = read.bytes.toString('utf8');
  } catch (err) {
    if (!(err instanceof UnreadableFile)) throw err;
    if (!err.missing) throw new InputError(`${name}: ${err.reason}`);
    return dirsNamed(path.join(app, 'dist'), 'browser').map((d) => path.relative(app, d));
  }
  let parsed: z.infer<typeof angularJsonSchema>;
  try {
    parsed = angularJsonSchema.parse(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch {
    throw new InputError(`${name}: not a readable angular.json (JSON with projects.<name>.architect.build.options)`);
  }
  return Object.values(parsed.projects ?? {}).flatMap((project) => {
    const outputPath = project.architect?.build?.options?.outputPath;
    if (outputPath === undefined) return [];
    const base = typeof outputPath === 'string' ? outputPath : outputPath.base;
    const browser = typeof outputPath === 'string' ? 'browser' : (outputPath.browser ?? 'browser');
    const nested = path.join(base, browser);
    return [isDirectory(path.join(app, nested)) ? nested : base];
  });
}

/** The directories named `name` one level under `dir`, sorted. */
function dirsNamed(dir: string, name: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.map((e) => path.join(dir, e, name)).filter(isDirectory);
}

function isDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

const toPosix = (abs: string): string => abs.split(path.sep).join('/');

/**
 * Whether a directory is server output (or a cache) of a framework: one of SERVER_DIRS by its path's end, or a
 * `server` directory beside a `client` or `browser` one (Astro, TanStack Start, Angular SSR). A `server` folder with
 * an `index.html` is a site's page (`/docs/server/` beside `/docs/client/`), not server output: it is read.
 */
export function isServerDir(abs: string): boolean {
  const posix = toPosix(abs);
  if (SERVER_DIRS.some((server) => posix.endsWith(`/${server}`))) return true;
  return (
    path.basename(abs) === 'server' &&
    CLIENT_SIBLINGS.some((c) => isDirectory(path.join(abs, '..', c))) &&
    !existsSync(path.join(abs, 'index.html'))
  );
}

/** Whether a directory is server output or inside it. */
function insideServerDir(abs: string): boolean {
  for (let dir = abs; path.dirname(dir) !== dir; dir = path.dirname(dir)) if (isServerDir(dir)) return true;
  return false;
}

/**
 * The extensions read as client output in a directory of prerendered pages (or under one), such as
 * `.next/server/app`; undefined for any other directory.
 */
export function prerenderedExtensions(abs: string): ReadonlySet<string> | undefined {
  const posix = `${toPosix(abs)}/`;
  return PRERENDERED.find(([dir]) => posix.includes(`/${dir}/`))?.[1];
}

/** The prerendered-page directories inside a server directory (`.next/server/app`, `.next/server/pages`). */
export function prerenderedDirsIn(serverDir: string): string[] {
  return PRERENDERED.map(([dir]) => path.join(serverDir, path.basename(dir))).filter(
    (d) => prerenderedExtensions(d) !== undefined && isDirectory(d)
  );
}

/** A directory's entries, sorted by name; one that cannot be read stops the gate (exit 2), naming it. */
export function directoryEntries(abs: string, rel: (abs: string) => string): Dirent[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(abs, { withFileTypes: true });
  } catch (error) {
    throw new InputError(
      `build-dirs: cannot read directory ${rel(abs)} (${(error as NodeJS.ErrnoException).code ?? 'error'})`
    );
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
