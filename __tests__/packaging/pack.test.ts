import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { ROOT } from '../helpers/shared-data.js';

const run = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const SLOW = 120_000;

/** npm as a user runs it, minus the npm_config_* of the `npm test` around us, and with nothing shared. */
async function npm(args: string[], cwd: string, work: string): Promise<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_/i.test(name)));
  const hermetic = ['--cache', path.join(work, 'npm-cache'), '--userconfig', path.join(work, 'no-npmrc')];
  const { stdout } = await run(NPM, [...args, ...hermetic, '--offline', '--no-update-notifier'], { cwd, env });
  return stdout;
}

/**
 * Module specifiers of every static import/export, `import()` and `require()` (also rollup's `__require`) in a
 * script, comments and strings aside. A call after a `throw` in the same block never runs and is left out.
 */
function specifiers(name: string, text: string): string[] {
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const literal = (node: ts.Node | undefined): string =>
    node !== undefined && ts.isStringLiteralLike(node) ? node.text : `<computed: ${node?.getText(source) ?? ''}>`;
  const loads = (callee: ts.Expression): boolean =>
    callee.kind === ts.SyntaxKind.ImportKeyword ||
    (ts.isIdentifier(callee) && (callee.text === 'require' || callee.text === '__require'));
  const afterThrow = (node: ts.Node): boolean => {
    let statement = node;
    while (statement.parent && !ts.isBlock(statement.parent) && !ts.isSourceFile(statement.parent)) {
      statement = statement.parent;
    }
    const block = statement.parent;
    if (!block || !(ts.isBlock(block) || ts.isSourceFile(block))) return false;
    const before = block.statements.slice(0, block.statements.indexOf(statement as ts.Statement));
    return before.some((s) => ts.isThrowStatement(s));
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      found.push(literal(node.moduleSpecifier));
    } else if (ts.isCallExpression(node) && loads(node.expression) && !afterThrow(node)) {
      found.push(literal(node.arguments[0]));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the import scan', () => {
  it('finds every kind of load, and skips comments, strings and code after a throw', () => {
    const text = [
      'import a from "yaml"; export * from "./b.js"; const c = await import("node:fs");',
      'const d = require("zod"); // import e from "ajv"',
      'const f = "require(\'dotenv\')"; const g = import(name);',
      'try { throw new Error("not bundled"); pm = __require("picomatch"); } catch {}'
    ].join('\n');
    expect(specifiers('x.js', text)).toEqual(['yaml', './b.js', 'node:fs', 'zod', '<computed: name>']);
  });
});

describe('npm pack', () => {
  let work = '';
  let tarball = '';
  let shipped: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'gate-pack-'));
    const out = await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT, work);
    const [pack] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(work, pack?.filename ?? '');
    shipped = (pack?.files ?? []).map((f) => f.path);
  }, SLOW);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('ships the bundles, action.yml and package.json, and no sources, tests or dependencies', () => {
    expect(shipped).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/index.js', 'action.yml', 'package.json']));
    const unwanted = shipped.filter((f) => /^(src|__tests__|bench|examples|\.ci)\/|(^|\/)node_modules\//.test(f));
    expect(unwanted).toEqual([]);
  });

  it('ships scripts that import only Node built-ins and files that ship with them', async () => {
    const scripts = shipped.filter((f) => f.endsWith('.js'));
    expect(scripts).toContain('dist/cli.js');
    let scanned = 0;
    for (const file of scripts) {
      const found = specifiers(file, await readFile(path.join(ROOT, file), 'utf8'));
      const bad = found.filter((spec) =>
        spec.startsWith('./') || spec.startsWith('../')
          ? !shipped.includes(path.posix.join(path.posix.dirname(file), spec))
          : !isBuiltin(spec)
      );
      expect([file, bad]).toEqual([file, []]);
      scanned += found.length;
    }
    expect(scanned).toBeGreaterThan(0); // the bundles do load built-ins: a scan that finds nothing is broken
  }, 30_000); // reads and scans every shipped script (megabytes): over the 5 s default on a loaded machine

  it(
    'installs into an empty directory without the network, and its bin fails the example with exit 1',
    async () => {
      const prefix = path.join(work, 'empty');
      await mkdir(prefix);
      await npm(['install', '--no-audit', '--no-fund', '--prefix', prefix, tarball], work, work);

      // Nothing but the package itself: it has no dependencies to fetch.
      const installed = (await readdir(path.join(prefix, 'node_modules'))).filter((d) => !d.startsWith('.'));
      expect(installed).toEqual(['clerk-production-gate']);

      const bin = path.join(prefix, 'node_modules', '.bin', 'clerk-production-gate');
      const example = path.join(ROOT, 'examples', 'nextjs-app');
      const result = await run(bin, ['--offline', '--format', 'json', example], { cwd: prefix }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout })
      );
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as { passed: boolean; findings: { rule: string }[] };
      expect(report.passed).toBe(false);
      expect(report.findings.map((f) => f.rule)).toContain('dev-publishable-key');
    },
    SLOW
  );
});
