// Copies the trimmed client output of one fixture build into __tests__/fixtures/bundles/. Called by regenerate.sh.
//
//   node collect.mjs vite <dist dir> <fixture dir>
//   node collect.mjs next <app dir> <fixture dir> <publishable key>
//
// JS, CSS and HTML files are copied byte for byte. Source maps (.map) are the only files changed:
//   - an absolute path in `sources` or `sourceRoot` becomes a path relative to the map's folder, so no machine path
//     (the temp build folder) reaches the fixtures;
//   - `sourcesContent` of the React runtime (react, react-dom, scheduler: ~0.7 MB per map, nothing to do with Clerk)
//     is set to null, which the source map format allows; `mappings`, `names` and `sources` are left as they are.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copy, say, walk } from './files.mjs';

/** Chunks of the Next.js build that mention Clerk: the ones kept. */
const CLERK_HINT = /clerk|accounts\.dev|pk_test_|lcl\.dev/i;
/** Packages whose original source is dropped from source maps to keep the fixtures small. */
const DROPPED_SOURCES = /(^|\/)node_modules\/(react|react-dom|scheduler)\//;

function toRelative(source, mapDir) {
  if (source === null || typeof source !== 'string') return source;
  const path = source.startsWith('file://') ? fileURLToPath(source) : source;
  return isAbsolute(path) ? relative(mapDir, path) : source;
}

/** Rewrites one source map (plain or indexed with `sections`) as described above and writes it to `to`. */
function copyMap(from, to) {
  const map = JSON.parse(readFileSync(from, 'utf8'));
  const mapDir = dirname(from);
  let dropped = 0;
  const fix = (m) => {
    if (typeof m.sourceRoot === 'string' && m.sourceRoot !== '') m.sourceRoot = toRelative(m.sourceRoot, mapDir);
    m.sources = (m.sources ?? []).map((s) => toRelative(s, mapDir));
    if (Array.isArray(m.sourcesContent)) {
      m.sourcesContent = m.sourcesContent.map((content, i) => {
        if (content !== null && DROPPED_SOURCES.test(String(m.sources[i]))) {
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

const [kind, from, outDir, key] = process.argv.slice(2);
if (kind === 'vite' && from && outDir) collectVite(from, outDir);
else if (kind === 'next' && from && outDir && key) collectNext(from, outDir, key);
else {
  process.stderr.write('usage: node collect.mjs vite <dist dir> <out dir> | next <app dir> <out dir> <key>\n');
  process.exit(2);
}
