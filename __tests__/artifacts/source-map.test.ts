/**
 * originalPositions finds a built file's map (sourceMappingURL, root-relative against the build directory, the
 * `.map` beside it), reads regular and index maps, and shows sources as paths a user can open.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { originalPositions } from '../../src/artifacts/source-map.js';

/** A build directory `dist` in a fresh cwd, holding `files`. */
async function build(files: Record<string, string>): Promise<{ cwd: string; dist: string }> {
  const cwd = await mkdtemp(join(tmpdir(), 'source-map-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(cwd, name)), { recursive: true });
    await writeFile(join(cwd, name), text);
  }
  return { cwd, dist: join(cwd, 'dist') };
}

/** One segment at generated 0:0 mapping to `source` 3:5 (0-based). */
const oneSegment = (source: string, extra: object = {}) =>
  JSON.stringify({ version: 3, sources: [source], names: [], mappings: 'AAGK', ...extra });

function lookup(cwd: string, dist: string, file: string) {
  const rel = (abs: string) => relative(cwd, abs);
  return originalPositions(join(cwd, file), dist, cwd, [{ line: 1, column: 1 }], rel);
}

describe('originalPositions', () => {
  it('resolves a root-relative sourceMappingURL against the build directory (Expo)', async () => {
    const { cwd, dist } = await build({
      'dist/_expo/static/js/web/index-1.js': 'x\n//# sourceMappingURL=/_expo/static/js/web/index-1.js.map',
      'dist/_expo/static/js/web/index-1.js.map': oneSegment('../../../../../app/index.tsx')
    });
    expect(lookup(cwd, dist, 'dist/_expo/static/js/web/index-1.js')).toEqual({
      positions: [{ file: 'app/index.tsx', line: 4, column: 6 }]
    });
  });

  it('never leaves the build directory through a root-relative URL', async () => {
    const { cwd, dist } = await build({
      'dist/a.js': 'x\n//# sourceMappingURL=/../../../secret.map',
      'secret.map': oneSegment('leak.ts'),
      'dist/secret.map': oneSegment('inside.ts')
    });
    expect(lookup(cwd, dist, 'dist/a.js').positions[0]?.file).toBe('dist/inside.ts');
  });

  it('falls back to the .map beside the file when the URL names none here', async () => {
    for (const url of ['/missing.js.map', 'missing.js.map', 'https://cdn.example.com/a.js.map', '//cdn/a.js.map']) {
      const { cwd, dist } = await build({
        'dist/a.js': `x\n//# sourceMappingURL=${url}`,
        'dist/a.js.map': oneSegment('../src/a.ts')
      });
      expect(lookup(cwd, dist, 'dist/a.js').positions).toEqual([{ file: 'src/a.ts', line: 4, column: 6 }]);
    }
  });

  it('resolves relative sources against the map, not the built file', async () => {
    const { cwd, dist } = await build({
      'dist/js/a.js': 'x\n//# sourceMappingURL=../maps/a.js.map',
      'dist/maps/a.js.map': oneSegment('../../src/a.ts')
    });
    expect(lookup(cwd, dist, 'dist/js/a.js').positions[0]?.file).toBe('src/a.ts');
  });

  it.each([
    ['turbopack:///[project]/app/leak.jsx', 'app/leak.jsx'],
    ['webpack://_N_E/./app/page.tsx', 'app/page.tsx'],
    ['../src/routes/index.jsx?tsr-split=component', 'src/routes/index.jsx'],
    ['webpack://bundle-fixture-gatsby/../src/constants.ts', 'webpack://bundle-fixture-gatsby/../src/constants.ts'],
    ['../src/App.vue?vue&type=script&setup=true&lang.ts', 'src/App.vue'],
    [
      'webpack://app/./node_modules/gatsby-plugin-clerk/src/constants.ts',
      'node_modules/gatsby-plugin-clerk/src/constants.ts'
    ]
  ])('shows %s as %s', async (source, shown) => {
    const { cwd, dist } = await build({ 'dist/a.js': 'x', 'dist/a.js.map': oneSegment(source) });
    expect(lookup(cwd, dist, 'dist/a.js').positions[0]?.file).toBe(shown);
  });

  it('shows a file: URL under the working directory as a relative path', async () => {
    const { cwd, dist } = await build({ 'dist/a.js': 'x' });
    await writeFile(join(dist, 'a.js.map'), oneSegment(pathToFileURL(join(cwd, 'src/main.tsx')).href));
    expect(lookup(cwd, dist, 'dist/a.js').positions[0]?.file).toBe('src/main.tsx');
  });

  it('reads an index map, and names the map when part of it could not be used', async () => {
    const section = JSON.parse(oneSegment('turbopack:///[project]/app/leak.jsx')) as object;
    const { cwd, dist } = await build({
      'dist/a.js': 'x',
      'dist/a.js.map': JSON.stringify({
        version: 3,
        sections: [
          { offset: { line: 0, column: 0 }, map: section },
          { offset: { line: 5, column: 0 }, url: 'b.js.map' }
        ]
      })
    });
    const rel = (abs: string) => relative(cwd, abs);
    const places = [
      { line: 1, column: 1 },
      { line: 6, column: 1 }
    ];
    expect(originalPositions(join(dist, 'a.js'), dist, cwd, places, rel)).toEqual({
      positions: [{ file: 'app/leak.jsx', line: 4, column: 6 }, undefined],
      skipped: { file: 'dist/a.js.map', reason: 'its index map gives a section by URL (not read)' }
    });
  });
});
