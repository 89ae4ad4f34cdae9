/**
 * Original positions of bundle findings, through the shipped CLI (dist/cli.js as its own process), on small builds
 * shaped as each bundler writes them: Turbopack's index maps (`sections`), Expo's root-relative
 * `sourceMappingURL`, a value inlined several times (Vite's `import.meta.env` object, a package's constants), a
 * bundler query on a source path, and tabs in excerpts. Expected original positions come from
 * @jridgewell/trace-mapping reading the same maps.
 */
import { describe, expect, it, jest } from '@jest/globals';
import {
  AnyMap,
  encodedMappings,
  originalPositionFor,
  TraceMap,
  type SourceMapSegment
} from '@jridgewell/trace-mapping';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { project } from '../helpers/run-cli.js';
import { runDistCli } from '../helpers/run-dist-cli.js';

jest.setTimeout(60_000);

const FIXTURES = fileURLToPath(new URL('../fixtures/bundles/', import.meta.url));
const CANARY = 'sk_test_CANARYbundleLeak0123456789abcdefghijklmnopqrstu';

/** A copy of a real build's fixture (an app root after the build), to run the gate in. */
async function fixture(app: string, variant: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${app}-`));
  await cp(join(FIXTURES, app, variant), dir, { recursive: true });
  return dir;
}

/** The gate's JSON report with `args`, run in `dir` (exit 1: there are findings). */
async function gateWith(dir: string, args: string[]): Promise<JsonReport> {
  const run = await runDistCli(dir, ['--format', 'json', ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  return JSON.parse(run.stdout) as JsonReport;
}

const DEV_PK = `pk_test_${Buffer.from('happy-hippo-42.clerk.accounts.dev$').toString('base64')}`;

interface JsonFinding {
  rule: string;
  location: { file: string; line: number; column: number };
  original_location?: { file: string; line: number; column: number };
  excerpt?: string;
}
interface JsonReport {
  findings: JsonFinding[];
  skipped: { file: string; reason: string }[];
}

/** A regular map: `lines[i]` are the segments of generated line i, as trace-mapping writes decoded ones. */
function regularMap(sources: string[], lines: SourceMapSegment[][]) {
  const decoded = { version: 3 as const, sources, names: [], mappings: lines };
  return { version: 3 as const, sources, names: [], mappings: encodedMappings(new TraceMap(decoded)) };
}

/** 1-based line and column of the n-th `needle` (0 = first) in `text`. */
function place(text: string, needle: string, n = 0): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i <= n; i++) index = text.indexOf(needle, index + 1);
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

/** What trace-mapping finds at a 1-based place, in the report's form (1-based column). */
function traced(map: Parameters<typeof AnyMap>[0], at: { line: number; column: number }) {
  const o = originalPositionFor(AnyMap(map), { line: at.line, column: at.column - 1 });
  return { source: o.source, line: o.line, column: (o.column ?? -1) + 1 };
}

const gate = (dir: string): Promise<JsonReport> => gateWith(dir, []);

describe('Turbopack index maps (defect 6)', () => {
  it('a finding in a minified Next.js chunk resolves through the section that covers it to app/leak.jsx', async () => {
    const runtime = '(globalThis.TURBOPACK||=[]).push(["static/chunks/0a.js",';
    const app = `{7:e=>{e.v(()=>"${DEV_PK}")}}]);`;
    const chunk = `${runtime}${app}\n//# sourceMappingURL=0a.js.map\n`;
    const keyAt = place(chunk, DEV_PK);
    const index = {
      version: 3 as const,
      sections: [
        {
          offset: { line: 0, column: 0 },
          map: regularMap(['turbopack:///[turbopack]/browser/runtime/base.ts'], [[[0, 0, 10, 2]]])
        },
        {
          offset: { line: 0, column: runtime.length },
          map: regularMap(
            [
              'turbopack:///[project]/node_modules/next/dist/client/app-index.js',
              'turbopack:///[project]/app/leak.jsx'
            ],
            [
              [
                [0, 0, 1, 0],
                [3, 1, 2, 9],
                [keyAt.column - 1 - runtime.length, 1, 4, 22]
              ]
            ]
          )
        }
      ]
    };
    const dir = await project({
      'package.json': JSON.stringify({ dependencies: { next: '16.0.0' } }),
      '.next/BUILD_ID': 'fixture',
      '.next/static/chunks/0a.js': chunk,
      '.next/static/chunks/0a.js.map': JSON.stringify(index)
    });
    const report = await gate(dir);
    expect(report.findings.map((f) => f.location)).toEqual([{ file: '.next/static/chunks/0a.js', ...keyAt }]);
    const expected = traced(index, keyAt);
    expect(expected.source).toBe('turbopack:///[project]/app/leak.jsx');
    expect(report.findings[0]?.original_location).toEqual({
      file: 'app/leak.jsx',
      line: expected.line,
      column: expected.column
    });
    expect(report.skipped.filter((s) => s.file.endsWith('.map'))).toEqual([]);
  });
});

describe('Turbopack index maps, real build (defect 6)', () => {
  it('Next.js 16 with Turbopack: the leaked secret in a client chunk resolves to app/leak.jsx, as AnyMap finds it', async () => {
    const dir = await fixture('nextjs-turbopack-maps', 'leaked-secret');
    const report = await gate(dir);
    // The prerendered page holds the rendered canary too (.next/server/app/index.html): the chunk's finding is here.
    const leak = report.findings.find(
      (f) => f.rule === 'bundle-secret-key' && f.location.file === '.next/static/chunks/3mlaeuklmew9o.js'
    );
    expect(leak?.location).toEqual({ file: '.next/static/chunks/3mlaeuklmew9o.js', line: 10, column: 57 });
    const map = JSON.parse(await readFile(join(dir, '.next/static/chunks/3chhb1nvgl9m8.js.map'), 'utf8')) as Parameters<
      typeof AnyMap
    >[0];
    const expected = traced(map, { line: 10, column: 57 });
    expect(expected.source).toBe('turbopack:///[project]/app/leak.jsx');
    expect(leak?.original_location).toEqual({ file: 'app/leak.jsx', line: expected.line, column: expected.column });
    expect(report.skipped.filter((s) => s.file.endsWith('.map'))).toEqual([]);
  });

  it("the unminified SDK chunk's doc-comment example host (foo-bar-13.clerk.accounts.dev) is not a finding", async () => {
    const dir = await fixture('nextjs-turbopack-maps', 'leaked-secret');
    const chunk = await readFile(join(dir, '.next/static/chunks/3w4j9ea2uuv37.js'), 'utf8');
    expect(chunk.split('\n')[4760]).toContain('foo-bar-13.clerk.accounts.dev');
    const report = await gate(dir);
    const inSdkChunk = report.findings.filter((f) => f.location.file === '.next/static/chunks/3w4j9ea2uuv37.js');
    expect(inSdkChunk).toEqual([]);
    expect(report.findings.some((f) => f.rule === 'bundle-secret-key')).toBe(true);
  });
});

describe("Expo's root-relative sourceMappingURL (defect 7)", () => {
  const bundle = (url: string) => `var __env={};const pk="${DEV_PK}";\n//# sourceMappingURL=${url}\n`;
  const map = (text: string) =>
    regularMap(
      ['../../../../../app/index.tsx'],
      [
        [
          [0, 0, 0, 0],
          [place(text, DEV_PK).column - 1, 0, 6, 13]
        ]
      ]
    );
  const expoProject = (files: Record<string, string>) =>
    project({ 'package.json': JSON.stringify({ dependencies: { expo: '57.0.0' } }), ...files });

  it('resolves /_expo/static/js/web/… against the build directory', async () => {
    const text = bundle('/_expo/static/js/web/index-4f2a.js.map');
    const dir = await expoProject({
      'dist/_expo/static/js/web/index-4f2a.js': text,
      'dist/_expo/static/js/web/index-4f2a.js.map': JSON.stringify(map(text))
    });
    const report = await gate(dir);
    expect(report.findings[0]?.location.file).toBe('dist/_expo/static/js/web/index-4f2a.js');
    expect(report.findings[0]?.original_location).toEqual({ file: 'app/index.tsx', line: 7, column: 14 });
  });

  it('falls back to the .map beside the bundle when the URL names no file there', async () => {
    for (const url of ['/_expo/static/js/web/renamed.js.map', 'https://cdn.example.com/index-4f2a.js.map']) {
      const text = bundle(url);
      const dir = await expoProject({
        'dist/_expo/static/js/web/index-4f2a.js': text,
        'dist/_expo/static/js/web/index-4f2a.js.map': JSON.stringify(map(text))
      });
      const report = await gate(dir);
      expect(report.findings[0]?.original_location).toEqual({ file: 'app/index.tsx', line: 7, column: 14 });
    }
  });
});

describe('a value inlined several times is reported where the app uses it (defect 8)', () => {
  /** A Vite project whose one chunk holds the key twice: in an object a package reads, then in the app's code. */
  async function twice(firstSource: string | undefined, secondSource: string) {
    const chunk = [
      `const e={BASE_URL:"/",VITE_CLERK_PUBLISHABLE_KEY:"${DEV_PK}"};function g(k){return e[k]}`,
      `const pk="${DEV_PK}";mount(pk);`,
      '//# sourceMappingURL=index-Bq1.js.map',
      ''
    ].join('\n');
    const first = place(chunk, DEV_PK, 0);
    const second = place(chunk, DEV_PK, 1);
    const sources = [firstSource ?? '../../node_modules/vite/env.js', secondSource];
    // The first place maps to a package, or (as Vite's inlined env object) to no source at all.
    const firstSegment: SourceMapSegment = firstSource ? [first.column - 1, 0, 40, 8] : [first.column - 1];
    const map = regularMap(sources, [
      [[0, 0, 0, 0], firstSegment],
      [
        [0, 1, 3, 0],
        [second.column - 1, 1, 4, 11]
      ]
    ]);
    const dir = await project({
      'package.json': JSON.stringify({ dependencies: { vite: '8.0.0' } }),
      'dist/assets/index-Bq1.js': chunk,
      'dist/assets/index-Bq1.js.map': JSON.stringify(map)
    });
    return { dir, first, second, map };
  }

  it.each([
    ['Vite: the inlined import.meta.env object has no mapping', undefined],
    ['@clerk/shared in node_modules', '../../node_modules/@clerk/shared/dist/getEnvVariable.mjs'],
    [
      "gatsby-plugin-clerk's own src/, reached through node_modules",
      'webpack://app/./node_modules/gatsby-plugin-clerk/src/constants.ts'
    ],
    [
      "gatsby-plugin-clerk's src/ as Gatsby's map names it, its node_modules/ prefix lost",
      'webpack://bundle-fixture-gatsby/../src/constants.ts'
    ]
  ])('%s: the app line is reported', async (_, firstSource) => {
    const { dir, second, map } = await twice(firstSource, '../../src/main.tsx');
    const report = await gate(dir);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]?.location).toEqual({ file: 'dist/assets/index-Bq1.js', ...second });
    const expected = traced(map, second);
    expect(report.findings[0]?.original_location).toEqual({
      file: 'src/main.tsx',
      line: expected.line,
      column: expected.column
    });
    expect(report.findings[0]?.excerpt).toMatch(/^const pk="pk_test_/);
  });

  it('when no place maps to the app, the first is reported', async () => {
    const { dir, first } = await twice(
      '../../node_modules/@clerk/shared/dist/getEnvVariable.mjs',
      '../../node_modules/@clerk/clerk-react/dist/index.mjs'
    );
    const report = await gate(dir);
    expect(report.findings.map((f) => f.location)).toEqual([{ file: 'dist/assets/index-Bq1.js', ...first }]);
    expect(report.findings[0]?.original_location?.file).toBe('node_modules/@clerk/shared/dist/getEnvVariable.mjs');
  });
});

describe('Expo web and Vite 8, real builds (defects 7 and 8)', () => {
  it("Expo: the bundle's root-relative sourceMappingURL leads to its map, and App.js", async () => {
    const dir = await fixture('expo-web', 'leaked-secret');
    const report = await gateWith(dir, ['--build-dir', 'dist']);
    const file = 'dist/_expo/static/js/web/index-3a5f9e1c96a30a55933d7179144f8836.js';
    expect(report.findings.map((f) => [f.rule, f.location, f.original_location])).toEqual([
      ['bundle-dev-publishable-key', { file, line: 189, column: 280 }, { file: '/App.js', line: 5, column: 21 }],
      ['bundle-secret-key', { file, line: 189, column: 341 }, { file: '/App.js', line: 9, column: 16 }]
    ]);
    expect(report.skipped).toEqual([]);
  });

  it('Vite 8: of the three places of each value, the one in src/main.tsx is reported', async () => {
    const dir = await fixture('vite8-clerk-react', 'leaked-secret');
    const report = await gateWith(dir, ['--build-dir', 'dist']);
    const file = 'dist/assets/index-DBNcp8l-.js';
    expect(report.findings.map((f) => [f.rule, f.location, f.original_location])).toEqual([
      ['bundle-dev-publishable-key', { file, line: 35, column: 81946 }, { file: 'src/main.tsx', line: 6, column: 7 }],
      ['bundle-secret-key', { file, line: 35, column: 82008 }, { file: 'src/main.tsx', line: 11, column: 7 }]
    ]);
  });
});

describe('Gatsby 5, real build (defect 8)', () => {
  it("the key maps into gatsby-plugin-clerk's own src/, shown as the map names it, not as the app's src/", async () => {
    const dir = await fixture('gatsby', 'development');
    const report = await gateWith(dir, ['--build-dir', 'public']);
    const key = report.findings.find((f) => f.rule === 'bundle-dev-publishable-key');
    expect(key?.location).toEqual({ file: 'public/app-8d015992a9390a8f8aa3.js', line: 2, column: 78885 });
    expect(key?.original_location).toEqual({
      file: 'webpack://bundle-fixture-gatsby/../src/constants.ts',
      line: 20,
      column: 32
    });
  });

  it("the leaked secret in the page chunk maps to the app's src/pages/index.js", async () => {
    const dir = await fixture('gatsby', 'leaked-secret');
    const report = await gateWith(dir, ['--build-dir', 'public']);
    const leak = report.findings.find((f) => f.rule === 'bundle-secret-key' && f.location.file.endsWith('.js'));
    expect(leak?.original_location).toEqual({ file: 'src/pages/index.js', line: 6, column: 19 });
  });
});

describe('source paths and excerpts (minor items)', () => {
  it("TanStack Start (real build): the code-split route's ?tsr-split query is dropped from its source", async () => {
    const dir = await fixture('tanstack-start', 'leaked-secret');
    const report = await gateWith(dir, ['--build-dir', 'dist/client']);
    const route = report.findings.find((f) => /routes-[^/]+\.js$/.test(f.location.file));
    expect(route?.rule).toBe('bundle-secret-key');
    expect(route?.original_location).toEqual({ file: 'src/routes/index.tsx', line: 8, column: 7 });
    expect(JSON.stringify(report)).not.toContain(CANARY.slice(8));
  });

  it("a bundler query is not part of the source path (TanStack Start's ?tsr-split)", async () => {
    const chunk = `const k="${DEV_PK}";\n//# sourceMappingURL=index-x.js.map\n`;
    const map = regularMap(
      ['../../src/routes/index.jsx?tsr-split=component'],
      [
        [
          [0, 0, 2, 4],
          [9, 0, 5, 17]
        ]
      ]
    );
    const dir = await project({
      'package.json': JSON.stringify({ dependencies: { vite: '8.0.0' } }),
      'dist/assets/index-x.js': chunk,
      'dist/assets/index-x.js.map': JSON.stringify(map)
    });
    const report = await gate(dir);
    expect(report.findings[0]?.original_location).toEqual({ file: 'src/routes/index.jsx', line: 6, column: 18 });
  });

  it('tabs show as spaces in excerpts, in every format', async () => {
    const dir = await project({
      'package.json': JSON.stringify({ dependencies: { vite: '8.0.0' } }),
      'dist/assets/a.js': `\tconst k = "${DEV_PK}";\t// key\n`
    });
    const report = await gate(dir);
    expect(report.findings[0]?.excerpt).toBe(' const k = "pk_test_…JA=="; // key');
    for (const format of ['text', 'markdown', 'sarif']) {
      const run = await runDistCli(dir, ['--format', format]);
      expect(run.code).toBe(1);
      // SARIF carries no excerpt; the text and markdown reports do.
      if (format !== 'sarif') expect(run.stdout).toContain(' const k = "pk_test_…JA=="; // key');
      expect(run.stdout).not.toMatch(/\\x09|\\t|\t/);
    }
  });
});
