// Copies the trimmed client output of one fixture build into __tests__/fixtures/bundles/. Called by regenerate.sh.
//
//   node collect.mjs vite <dist dir> <fixture dir>
//   node collect.mjs next <app dir> <fixture dir> <publishable key>
//   node collect.mjs split <app dir> <fixture dir> <client dirs> <server dirs> <needle>...
//
// `split` is for frameworks that write client and server output side by side (Astro server output, TanStack Start)
// or client output only (Gatsby `public/`); <client dirs> and <server dirs> are comma-separated paths relative to the
// app (`-` for none), the needles are the build's keys and secrets. It keeps, in the client dirs, every HTML and CSS
// file, every other file that holds a needle or mentions Clerk, the maps of the files that hold a needle, and the maps
// that have no file beside them (Astro writes the map of a script it inlines into the page, without the script); in the
// server dirs, only the files (no maps) that hold a needle or mention Clerk. The app's own folder, written as an
// absolute path into server chunks (Astro's manifest, component file names), is replaced by `/app` there: those files
// are the only copied files that are not byte for byte the build's. The app's package.json is written to the fixture
// root with its name and dependencies only, so the fixture looks like the app root to the gate's `auto` detection.
//
// JS, CSS and HTML files are copied byte for byte. Source maps (.map) are the only files changed:
//   - an absolute path in `sources` or `sourceRoot` becomes a path relative to the map's folder, so no machine path
//     (the temp build folder) reaches the fixtures;
//   - `sourcesContent` of the React runtime (react, react-dom, scheduler: ~0.7 MB per map, nothing to do with Clerk)
//     is set to null, which the source map format allows; `mappings`, `names` and `sources` are left as they are.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Chunks of the Next.js build that mention Clerk: the ones kept. */
const CLERK_HINT = /clerk|accounts\.dev|pk_test_|lcl\.dev/i;
/** Packages whose original source is dropped from source maps to keep the fixtures small. */
const DROPPED_SOURCES = /(^|\/)node_modules\/(react|react-dom|scheduler)\//;
/** `split` drops the source of every package but Clerk's (React, the framework's runtime, their helpers). */
const DROPPED_SPLIT_SOURCES = /(^|\/)node_modules\/(?!@clerk\/)/;
/** `split` drops a map larger than this (TanStack Start's 2 MB map of its main client chunk) to keep fixtures small. */
const MAX_SPLIT_MAP_BYTES = 512 * 1024;

const say = (line) => process.stdout.write(`${line}\n`);

function walk(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

function toRelative(source, mapDir) {
  if (source === null || typeof source !== 'string') return source;
  const path = source.startsWith('file://') ? fileURLToPath(source) : source;
  return isAbsolute(path) ? relative(mapDir, path) : source;
}

/** Rewrites one source map (plain or indexed with `sections`) as described above and writes it to `to`. */
function copyMap(from, to, droppedSources = DROPPED_SOURCES) {
  const map = JSON.parse(readFileSync(from, 'utf8'));
  const mapDir = dirname(from);
  let dropped = 0;
  const fix = (m) => {
    if (typeof m.sourceRoot === 'string' && m.sourceRoot !== '') m.sourceRoot = toRelative(m.sourceRoot, mapDir);
    m.sources = (m.sources ?? []).map((s) => toRelative(s, mapDir));
    if (Array.isArray(m.sourcesContent)) {
      m.sourcesContent = m.sourcesContent.map((content, i) => {
        if (content !== null && droppedSources.test(String(m.sources[i]))) {
          dropped += 1;
          return null;
        }
        return content;
      });
    }
  };
  if (Array.isArray(map.sections)) for (const section of map.sections) fix(section.map);
  else fix(map);
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, JSON.stringify(map));
  return dropped;
}

/** The file a chunk's `//# sourceMappingURL=` comment names, or undefined. */
function mapOf(chunkPath) {
  const match = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(chunkPath, 'utf8'));
  if (!match || match[1].startsWith('data:')) return undefined;
  const mapPath = join(dirname(chunkPath), decodeURIComponent(match[1]));
  try {
    return statSync(mapPath).isFile() ? mapPath : undefined;
  } catch {
    return undefined;
  }
}

function collectVite(distDir, outDir) {
  for (const file of walk(distDir)) {
    const to = join(outDir, 'dist', relative(distDir, file));
    if (file.endsWith('.map')) {
      const dropped = copyMap(file, to);
      say(`  ${relative(outDir, to)} (sourcesContent of ${dropped} React runtime sources set to null)`);
    } else {
      copy(file, to);
      say(`  ${relative(outDir, to)}`);
    }
  }
}

function collectNext(appDir, outDir, key) {
  const staticDir = join(appDir, '.next', 'static');
  const maps = new Set(walk(staticDir).filter((f) => f.endsWith('.map')));
  for (const file of walk(staticDir)) {
    if (maps.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    if (!text.includes(key) && !CLERK_HINT.test(text)) continue;
    const to = join(outDir, '.next', 'static', relative(staticDir, file));
    copy(file, to);
    const map = mapOf(file);
    if (map && text.includes(key)) {
      const mapTo = join(outDir, '.next', 'static', relative(staticDir, map));
      const dropped = copyMap(map, mapTo);
      say(`  ${relative(outDir, to)} (has the key; map ${relative(outDir, mapTo)} kept, ${dropped} sources nulled)`);
    } else {
      say(`  ${relative(outDir, to)} (mentions Clerk${map ? '; its map dropped' : ''})`);
    }
  }
  copy(join(appDir, '.next', 'server', 'app', 'index.html'), join(outDir, 'page.html'));
  say('  page.html (= .next/server/app/index.html)');
}

function hasMapBeside(map) {
  try {
    return statSync(map.slice(0, -'.map'.length)).isFile();
  } catch {
    return false;
  }
}

function collectClientDir(appDir, outDir, dir, needles) {
  const files = walk(join(appDir, dir));
  const keptMaps = new Set(files.filter((f) => f.endsWith('.map') && !hasMapBeside(f)));
  for (const file of files) {
    if (file.endsWith('.map')) continue;
    const text = readFileSync(file, 'latin1');
    const holds = needles.some((n) => text.includes(n));
    if (!holds && !CLERK_HINT.test(text) && !/\.(html|css)$/.test(file)) continue;
    copy(file, join(outDir, relative(appDir, file)));
    say(`  ${relative(appDir, file)}${holds ? ' (holds a key or secret)' : ''}`);
    const map = /\.(m?js|css)$/.test(file) ? mapOf(file) : undefined;
    if (map && holds) keptMaps.add(map);
  }
  for (const map of keptMaps) {
    if (statSync(map).size > MAX_SPLIT_MAP_BYTES) {
      say(`  ${relative(appDir, map)} dropped (${statSync(map).size} bytes)`);
      continue;
    }
    const dropped = copyMap(map, join(outDir, relative(appDir, map)), DROPPED_SPLIT_SOURCES);
    say(`  ${relative(appDir, map)} (sourcesContent of ${dropped} non-Clerk packages set to null)`);
  }
}

function collectServerDir(appDir, outDir, dir, needles) {
  for (const file of walk(join(appDir, dir))) {
    if (file.endsWith('.map')) continue;
    const text = readFileSync(file, 'utf8');
    const holds = needles.some((n) => text.includes(n));
    if (!holds && !CLERK_HINT.test(text)) continue;
    const to = join(outDir, relative(appDir, file));
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, text.split(`file://${appDir}/`).join('file:///app/').split(`${appDir}/`).join('/app/'));
    say(`  ${relative(appDir, file)} (server${holds ? '; holds a key or secret' : ''}; app folder written as /app)`);
  }
}

function collectSplit(appDir, outDir, clientDirs, serverDirs, needles) {
  const list = (dirs) => (dirs === '-' ? [] : dirs.split(','));
  for (const dir of list(clientDirs)) collectClientDir(appDir, outDir, dir, needles);
  for (const dir of list(serverDirs)) collectServerDir(appDir, outDir, dir, needles);
  const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8'));
  const trimmed = { name: pkg.name, dependencies: pkg.dependencies, devDependencies: pkg.devDependencies };
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(trimmed, null, 2)}\n`);
  say('  package.json (name and dependencies)');
}

const [kind, from, outDir, key, ...rest] = process.argv.slice(2);
if (kind === 'vite' && from && outDir) collectVite(from, outDir);
else if (kind === 'next' && from && outDir && key) collectNext(from, outDir, key);
else if (kind === 'split' && from && outDir && key && rest.length >= 2) collectSplit(from, outDir, key, rest[0], rest.slice(1));
else {
  process.stderr.write(
    'usage: node collect.mjs vite <dist dir> <out dir> | next <app dir> <out dir> <key>\n' +
      '       | split <app dir> <out dir> <client dirs> <server dirs> <needle>...\n'
  );
  process.exit(2);
}
