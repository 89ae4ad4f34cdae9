// Copies the trimmed output of one build of nextjs-prop/, expo-web/ or vite8-clerk-react/ into a fixture folder that
// looks like the app root after the build (so the gate can run there with `build-dirs: auto`). Called by
// regenerate.sh.
//
//   node trim-build.mjs <kind> <app dir> <fixture dir> <value>...
//
// kind: next-prop | next-maps | expo | expo-without-map | vite | vite-without-map. The values are the strings the build must carry (the publishable key,
// the canary secret): a file is kept when it holds one of them or mentions Clerk (CLERK_HINT), by the rules of its
// kind below. Every fixture gets `package.json` with the app's name and dependencies only.
//
// JS, HTML, RSC and the other build files are copied byte for byte. Source maps (.map) are the only files changed:
//   - a path in `sources` or `sourceRoot` under the build folder (a machine path) becomes a path relative to the map's
//     folder, so no machine path reaches the fixtures;
//   - `sourcesContent` of sources outside the app's own code and the Clerk SDK (React, React Native Web, Next.js,
//     Expo, …) is set to null, which the source map format allows; `mappings`, `names` and `sources` are left as they
//     are, in plain and in index maps (`sections`) alike.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copy, say, walk } from './files.mjs';

/** Files that mention Clerk: kept besides the ones that hold a value. */
const CLERK_HINT = /clerk|accounts\.dev|pk_test_|lcl\.dev/i;
/** The example host of a comment in `@clerk/shared` (`Matches patterns like: foo-bar-13.clerk.accounts.dev.`). */
const DOC_COMMENT_HOST = /foo-bar-13\.clerk\.accounts\.dev/;
/** Sources whose content stays in the kept maps: the app's own and the Clerk SDK's. */
const APP_AND_CLERK_SOURCES = /(^|\/)node_modules\/@clerk\/|^(?!.*node_modules\/)(?!.*\[turbopack\])/;
/** The app's own sources and `@clerk/shared` (where `getEnvVariable` reads `import.meta.env`). */
const APP_AND_CLERK_SHARED_SOURCES = /(^|\/)node_modules\/@clerk\/shared\/|^(?!.*node_modules\/)/;
/** The app's own sources only (Expo: Clerk's SDK sources alone are ~0.5 MB). */
const APP_SOURCES = /^(?!.*node_modules\/)(?!.*\[turbopack\])(?!\0)(?!__prelude__)/;
/**
 * The largest Next.js chunk kept for mentioning Clerk or `process.env.CLERK_PUBLISHABLE_KEY` without holding a value
 * (Clerk's SDK chunk, ~170 KB, is left out: the same bytes are in the nextjs/ fixture).
 */
const MAX_MENTION_CHUNK = 120_000;

/**
 * A source under the build folder (an absolute machine path) made relative to the map's folder; other sources as
 * they are (Expo writes `/node_modules/…` and `/App.js`, relative to the project root with a leading slash).
 */
function toRelative(source, mapDir, appDir) {
  if (source === null || typeof source !== 'string') return source;
  const path = source.startsWith('file://') ? fileURLToPath(source) : source;
  return isAbsolute(path) && path.startsWith(`${appDir}/`) ? relative(mapDir, path) : source;
}

/** Rewrites one source map (plain or index map) as described above; returns how many sourcesContent were nulled. */
function copyMap(from, to, appDir, keptSources) {
  const map = JSON.parse(readFileSync(from, 'utf8'));
  const mapDir = dirname(from);
  let dropped = 0;
  const fix = (m) => {
    if (Array.isArray(m.sections)) {
      for (const section of m.sections) fix(section.map);
      return;
    }
    if (typeof m.sourceRoot === 'string' && m.sourceRoot !== '')
      m.sourceRoot = toRelative(m.sourceRoot, mapDir, appDir);
    m.sources = (m.sources ?? []).map((s) => toRelative(s, mapDir, appDir));
    if (!Array.isArray(m.sourcesContent)) return;
    m.sourcesContent = m.sourcesContent.map((content, i) => {
      if (content === null || keptSources.test(String(m.sources[i]))) return content;
      dropped += 1;
      return null;
    });
  };
  fix(map);
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, JSON.stringify(map));
  return dropped;
}

/** The file a JS file's `//# sourceMappingURL=` comment names (relative, or root-relative to `root`), or undefined. */
function mapOf(file, root) {
  // The last such comment line (Expo writes a `//# debugId=` line after it).
  const match = [...readFileSync(file, 'utf8').matchAll(/^\/\/# sourceMappingURL=(\S+)\s*$/gm)].at(-1);
  if (!match || match[1].startsWith('data:')) return undefined;
  const url = decodeURIComponent(match[1]);
  const candidates = url.startsWith('/') ? [join(root, url), `${file}.map`] : [join(dirname(file), url)];
  return candidates.find((path) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  });
}

function writePackageJson(appDir, outDir) {
  const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8'));
  const trimmed = { name: pkg.name, private: true, dependencies: pkg.dependencies };
  if (pkg.devDependencies) trimmed.devDependencies = pkg.devDependencies;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(trimmed, null, 2)}\n`);
  say('  package.json (name and dependencies of the app)');
}

/**
 * Copies the files under `from` (relative to the app) that `keep` accepts; with `maps`, a kept JS file that holds a
 * value keeps its source map too.
 */
function collect(appDir, outDir, from, keep, { values, maps, root = appDir, keptSources = APP_AND_CLERK_SOURCES }) {
  for (const file of walk(join(appDir, from))) {
    const rel = relative(appDir, file);
    if (file.endsWith('.map')) continue;
    const text = readFileSync(file, 'utf8');
    const holds = values.filter((v) => text.includes(v)).length > 0;
    const why = keep(rel, text, holds);
    if (!why) continue;
    copy(file, join(outDir, rel));
    const map = maps && holds && /\.m?js$/.test(file) ? mapOf(file, root) : undefined;
    if (map) {
      const mapRel = relative(appDir, map);
      const dropped = copyMap(map, join(outDir, mapRel), appDir, keptSources);
      say(`  ${rel} (${why}; map ${mapRel} kept, sourcesContent of ${dropped} sources set to null)`);
    } else say(`  ${rel} (${why})`);
  }
}

const mentions = (text, holds) => (holds ? 'holds a value' : CLERK_HINT.test(text) ? 'mentions Clerk' : '');

/**
 * Next.js, key passed as a prop: prerendered pages and route bodies, the small client chunks that mention Clerk, and
 * the server JS that holds a value or reads the key's variable.
 */
function collectNextProp(appDir, outDir, values) {
  copy(join(appDir, '.next/BUILD_ID'), join(outDir, '.next/BUILD_ID'));
  say('  .next/BUILD_ID');
  collect(
    appDir,
    outDir,
    '.next/server',
    (rel, text, holds) => {
      if (/^\.next\/server\/(app|pages)\//.test(rel) && /\.(html|rsc|body|meta)$/.test(rel)) return 'prerendered';
      if (!rel.endsWith('.js') || rel.includes('manifest')) return '';
      if (holds) return 'server JS holding a value';
      if (text.length <= MAX_MENTION_CHUNK && text.includes('process.env.CLERK_PUBLISHABLE_KEY')) {
        return 'server JS reading process.env.CLERK_PUBLISHABLE_KEY';
      }
      return '';
    },
    { values, maps: false }
  );
  const small = (text, holds) => holds || text.length <= MAX_MENTION_CHUNK;
  collect(appDir, outDir, '.next/static', (rel, text, holds) => (small(text, holds) ? mentions(text, holds) : ''), {
    values,
    maps: true
  });
}

/**
 * Next.js without the minifier: the chunks that hold a value, with their index maps, the chunk of Clerk's SDK whose
 * kept comments name an example development host (without its map), and the prerendered page.
 */
function collectNextMaps(appDir, outDir, values) {
  copy(join(appDir, '.next/BUILD_ID'), join(outDir, '.next/BUILD_ID'));
  say('  .next/BUILD_ID');
  const keep = (rel, text, holds) => {
    if (holds) return 'holds a value';
    return DOC_COMMENT_HOST.test(text) ? 'unminified Clerk SDK: a doc comment names a development host' : '';
  };
  collect(appDir, outDir, '.next/static', keep, { values, maps: true });
  collect(
    appDir,
    outDir,
    '.next/server/app',
    (rel) => (/^\.next\/server\/app\/index\.(html|rsc)$/.test(rel) ? 'prerendered' : ''),
    {
      values,
      maps: false
    }
  );
}

/** Vite or Expo: everything in dist/ but JS that neither holds a value nor mentions Clerk; maps of the kept JS. */
function collectDist(appDir, outDir, values, options) {
  const keep = (rel, text, holds) => (/\.m?js$/.test(rel) ? mentions(text, holds) : 'as built');
  collect(appDir, outDir, 'dist', keep, { values, root: join(appDir, 'dist'), ...options });
}

const [kind, appDir, outDir, ...values] = process.argv.slice(2);
const kinds = {
  'next-prop': collectNextProp,
  'next-maps': collectNextMaps,
  // Expo's map is ~3.7 MB: only the app's sources keep their content, and one variant keeps the map at all.
  expo: (app, out, v) => collectDist(app, out, v, { maps: true, keptSources: APP_SOURCES }),
  'expo-without-map': (app, out, v) => collectDist(app, out, v, { maps: false }),
  // Vite 8's map is ~1.8 MB: React's, TanStack Query's and @clerk/react's sources lose their content.
  vite: (app, out, v) => collectDist(app, out, v, { maps: true, keptSources: APP_AND_CLERK_SHARED_SOURCES }),
  'vite-without-map': (app, out, v) => collectDist(app, out, v, { maps: false })
};
if (!kinds[kind] || !appDir || !outDir || values.length === 0) {
  process.stderr.write(`usage: node trim-build.mjs ${Object.keys(kinds).join('|')} <app dir> <out dir> <value>...\n`);
  process.exit(2);
}
writePackageJson(appDir, outDir);
kinds[kind](appDir, outDir, values);
