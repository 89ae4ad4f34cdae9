/**
 * Where an app's Clerk keys are read: compiled into the client build, or read by a server at runtime. When the
 * build carries the key, the build output is evidence of it; when a server reads it at runtime, the build output
 * proves nothing about it and only the deployment's variables can.
 *
 * Compiled into the client build (the build is evidence): Next.js (`NEXT_PUBLIC_` is inlined at build), Vite
 * (`VITE_`), Astro (`@clerk/astro` reads `import.meta.env.PUBLIC_CLERK_PUBLISHABLE_KEY`, an `astro:env` client
 * variable, in the browser), Expo (`EXPO_PUBLIC_`), Gatsby, Create React App.
 *
 * Read at runtime (the server hands the key to the browser), by each SDK's source:
 * - Nuxt, `nuxt build`: `@clerk/nuxt` puts the key in `runtimeConfig.public.clerk`, which a server fills from
 *   `NUXT_PUBLIC_CLERK_PUBLISHABLE_KEY` when it starts and serialises into each page it renders. `nuxt generate`
 *   (nitro's `static` preset) prerenders the pages with the key in their HTML and writes no server: the build is
 *   evidence there.
 * - Remix: `@clerk/remix`'s `rootAuthLoader` reads `CLERK_PUBLISHABLE_KEY` from the request's context or
 *   `process.env`, and `ClerkApp` takes it from the loader's data.
 * - React Router (framework mode): `@clerk/react-router`'s `ReactRouterClerkProvider` takes the key only from the
 *   loader's `clerkState`, read on the server; in SPA mode (`ssr: false`) it is a prop compiled into the build.
 * - SvelteKit: `svelte-clerk` reads `PUBLIC_CLERK_PUBLISHABLE_KEY` from `$env/dynamic/public`, which the server
 *   fills at runtime.
 * - TanStack Start and SolidStart: `@clerk/tanstack-react-start` and `clerk-solidjs` prefer the key in the
 *   server's initial state, read from `process.env` at runtime, over the `VITE_CLERK_PUBLISHABLE_KEY` compiled
 *   into the client: the compiled one is only a fallback.
 *
 * Which one a build is, is told from what is on disk, per app: server output present means a server reads the
 * keys; client output alone with a prerendered `index.html` (or Nuxt's `200.html`) is a static or SPA build, whose
 * pages and bundle carry the key. Client output alone without one is taken as the client half of a server build
 * (fail closed).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { packageDependencies } from './frameworks.js';

interface RuntimeKeyFramework {
  name: string;
  /** The package that marks the framework. */
  marks: (dependency: string) => boolean;
  /** Server output: when any is there, a server reads the keys at runtime. */
  server: readonly string[];
  /** Client output. */
  client: readonly string[];
  /** Files a static export or SPA build writes, with the key in its pages or bundle. */
  prerendered: readonly string[];
}

const RUNTIME_KEY_FRAMEWORKS: readonly RuntimeKeyFramework[] = [
  {
    name: 'Nuxt',
    marks: (d) => d === 'nuxt',
    server: ['.output/server', '.vercel/output/functions'],
    client: ['.output/public'],
    prerendered: ['.output/public/index.html', '.output/public/200.html']
  },
  {
    name: 'Remix',
    marks: (d) => d.startsWith('@remix-run/'),
    server: ['build/server', 'build/index.js'],
    client: ['build/client', 'public/build'],
    prerendered: ['build/client/index.html']
  },
  {
    name: 'React Router',
    marks: (d) => d === '@react-router/dev',
    server: ['build/server'],
    client: ['build/client'],
    prerendered: ['build/client/index.html']
  },
  {
    name: 'SvelteKit',
    marks: (d) => d === '@sveltejs/kit',
    server: ['.svelte-kit/output/server'],
    client: ['.svelte-kit/output/client'],
    prerendered: []
  },
  {
    name: 'TanStack Start',
    marks: (d) => d === '@tanstack/react-start' || d === '@tanstack/solid-start' || d === '@tanstack/start',
    server: ['dist/server', '.output/server'],
    client: ['dist/client', '.output/public'],
    prerendered: []
  },
  {
    name: 'SolidStart',
    marks: (d) => d === '@solidjs/start',
    server: ['.output/server', 'dist/server'],
    client: ['.output/public', 'dist/client'],
    prerendered: []
  }
];

/** Packages named for Clerk that do not mean the app runs Clerk: tooling, types, the SDKs' internals. */
const NOT_AN_SDK = new Set(['@clerk/testing', '@clerk/types', '@clerk/shared', '@clerk/upgrade', '@clerk/dev-cli']);

/**
 * Whether a dependency is a Clerk SDK: Clerk's own (`@clerk/nuxt`, `@clerk/remix`, …) or a community one named for
 * Clerk (`svelte-clerk`, `clerk-sveltekit`, `clerk-solidjs`, `vue-clerk`, `@hono/clerk-auth`).
 */
function isClerkSdk(dependency: string): boolean {
  if (NOT_AN_SDK.has(dependency)) return false;
  return dependency.startsWith('@clerk/') || /(^|[/-])clerk(-|$)/.test(dependency);
}

/** An app whose Clerk keys a server reads at runtime, with the output on disk that shows it. */
export interface RuntimeKeyApp {
  /** The app's directory, absolute. */
  dir: string;
  /** The app's directory, relative to the working directory (`.` for it). */
  app: string;
  framework: string;
  /** The output that shows a server: `.output/server`, or client output with no prerendered page. */
  evidence: string;
}

/**
 * The apps that use a Clerk SDK and whose framework's build on disk reads Clerk's keys at runtime: among `appDirs`
 * (absolute; the working directory's first) and the apps that hold the build directories named in `buildDirs`
 * (the nearest directory with a package.json, up to the working directory). An app with no build output on disk is
 * not judged here.
 */
export function runtimeKeyApps(
  cwd: string,
  appDirs: readonly string[],
  buildDirs: readonly string[] = []
): RuntimeKeyApp[] {
  const found: RuntimeKeyApp[] = [];
  const named = buildDirs.filter((d) => d !== 'auto' && d !== 'none').map((d) => appHolding(cwd, path.resolve(cwd, d)));
  for (const dir of new Set([...appDirs, ...named.filter((d) => d !== undefined)])) {
    const app = (path.relative(cwd, dir) || '.').split(path.sep).join('/');
    const dependencies = packageDependencies(dir, app) ?? [];
    if (!dependencies.some(isClerkSdk)) continue;
    for (const framework of RUNTIME_KEY_FRAMEWORKS) {
      if (!dependencies.some(framework.marks)) continue;
      const evidence = runtimeEvidence(dir, framework);
      if (evidence !== undefined) found.push({ dir, app, framework: framework.name, evidence });
    }
  }
  return found;
}

/**
 * The app a directory belongs to: the nearest directory from `dir` up to `cwd` with a package.json; undefined
 * outside `cwd` or without one.
 */
export function appHolding(cwd: string, dir: string): string | undefined {
  const root = path.resolve(cwd);
  for (let at = dir; ; at = path.dirname(at)) {
    const inside = path.relative(root, at);
    if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return undefined;
    if (exists(path.join(at, 'package.json'))) return at;
    if (at === root) return undefined;
  }
}

/** The output that shows the keys are read at runtime; undefined for a static build or no build. */
function runtimeEvidence(dir: string, framework: RuntimeKeyFramework): string | undefined {
  const server = framework.server.find((p) => exists(path.join(dir, p)));
  if (server !== undefined) return server;
  const client = framework.client.find((p) => exists(path.join(dir, p)));
  if (client === undefined) return undefined;
  if (framework.prerendered.some((p) => exists(path.join(dir, p)))) return undefined;
  return `${client} without a prerendered page`;
}

function exists(abs: string): boolean {
  try {
    statSync(abs);
    return true;
  } catch {
    return false;
  }
}
