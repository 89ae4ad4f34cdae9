import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Report } from '../../src/core/report.js';
import { runGate } from '../../src/engine/run-gate.js';
import { globs } from '../../src/sources/glob.js';
import { DEV_HOST, PROD_HOST, publishableKey, secretKey } from '../helpers/keys.js';

/**
 * Globs read what the app reads: matched files grouped by directory and layered as the directory's framework
 * loads them for the target, templates and other modes' files listed as skipped, directories read as directories,
 * `!pattern` entries excluding.
 */
let root: string;
const NEXT = JSON.stringify({ dependencies: { next: '15.0.0' } });
const devEnv = `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}\nCLERK_SECRET_KEY=${secretKey('test')}\n`;
const liveEnv = `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(PROD_HOST, 'live')}\nCLERK_SECRET_KEY=${secretKey('live')}\n`;

function tree(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

async function gate(cwd: string, paths: string[], extra: Record<string, unknown> = {}): Promise<Report> {
  return (await runGate({ cwd, paths, offline: true, ...extra }, { globs })).report;
}

const read = (report: Report): string[] => report.sources.flatMap((s) => (s.kind === 'file' ? [s.file] : []));
const active = (report: Report): string[] =>
  report.findings.filter((f) => !f.shadowedBy && !f.suppressed).map((f) => f.rule);

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'cpg-globs-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("'.env*' on a Next.js app", () => {
  let app: string;
  beforeAll(() => {
    app = tree('next', {
      'package.json': NEXT,
      '.env': devEnv,
      '.env.production': liveEnv,
      '.env.example': devEnv,
      '.env.development': devEnv,
      '.env.test': devEnv,
      '.env.local.sample': devEnv
    });
  });

  it('passes: .env.production shadows the development .env, as Next.js loads them', async () => {
    const report = await gate(app, ['.env*']);
    expect(report.passed).toBe(true);
    expect(active(report)).toEqual([]);
    expect(read(report)).toEqual(['.env.production', '.env']);
    expect(report.sources.every((s) => s.kind !== 'file' || s.framework === 'nextjs')).toBe(true);
    // The development .env is still shown, as notices shadowed by .env.production.
    expect(report.findings.filter((f) => f.shadowedBy).map((f) => f.rule)).toContain('dev-publishable-key');
  });

  it('lists every file it does not judge, with the reason', async () => {
    const { skipped, checks } = await gate(app, ['.env*']);
    expect(skipped).toEqual([
      {
        file: '.env.development',
        reason: 'loaded only in development mode, and this deploy builds in production mode'
      },
      { file: '.env.example', reason: 'a template (example, sample, template or dist): no tool loads it' },
      { file: '.env.local.sample', reason: 'a template (example, sample, template or dist): no tool loads it' },
      { file: '.env.test', reason: 'loaded only in test mode, and this deploy builds in production mode' }
    ]);
    expect(checks[0]?.detail).toMatch(/4 files skipped \(not loaded for this deploy\)$/);
  });

  it('still reads a file named explicitly, as given', async () => {
    const report = await gate(app, ['.env.example']);
    expect(read(report)).toEqual(['.env.example']);
    expect(active(report)).toContain('dev-publishable-key');
    const both = await gate(app, ['.env*', '.env.development']);
    expect(read(both)).toEqual(['.env.production', '.env', '.env.development']);
    expect(both.skipped.map((s) => s.file)).not.toContain('.env.development');
  });

  it('judges the development files when deploying to development, and skips production ones', async () => {
    const report = await gate(app, ['.env*'], { environment: 'development' });
    expect(read(report)).toEqual(['.env.development', '.env']);
    expect(report.skipped.map((s) => s.file)).toEqual([
      '.env.example',
      '.env.local.sample',
      '.env.production',
      '.env.test'
    ]);
  });
});

describe("the README's monorepo glob", () => {
  let repo: string;
  beforeAll(() => {
    repo = tree('mono', {
      'apps/web/package.json': NEXT,
      'apps/web/.env': devEnv,
      'apps/web/.env.production': liveEnv,
      'apps/web/.env.example': devEnv,
      'apps/web/.env.development': devEnv,
      'apps/api/.env': liveEnv,
      'apps/api/.env.test': devEnv,
      'apps/api/.env.prod': devEnv
    });
  });

  it("'apps/*/.env*' layers each app and judges no template or other mode's file", async () => {
    const report = await gate(repo, ['apps/*/.env*']);
    expect(read(report)).toEqual(['apps/api/.env', 'apps/api/.env.prod', 'apps/web/.env.production', 'apps/web/.env']);
    expect(report.skipped.map((s) => s.file)).toEqual([
      'apps/api/.env.test',
      'apps/web/.env.development',
      'apps/web/.env.example'
    ]);
  });

  it(".env.prod is production's file (a short name), and another mode's file for staging", async () => {
    const report = await gate(repo, ['apps/api/.env*']);
    expect(read(report)).toContain('apps/api/.env.prod');
    expect(active(report)).toContain('dev-publishable-key');
    const staging = await gate(repo, ['apps/api/.env*'], { environment: 'staging' });
    expect(staging.skipped).toContainEqual({
      file: 'apps/api/.env.prod',
      reason: 'loaded only in prod mode, and this deploy builds in staging mode'
    });
    const live = await gate(repo, ['apps/api/.env*'], { environment: 'Live', productionEnvironments: ['live'] });
    expect(read(live)).toContain('apps/api/.env.prod');
  });

  it("'apps/*/' reads each app directory the way its framework loads it", async () => {
    const report = await gate(repo, ['apps/*/']);
    expect(read(report)).toEqual(['apps/api/.env', 'apps/web/.env.production', 'apps/web/.env']);
    expect(report.passed).toBe(true);
  });

  it("'!pattern' entries exclude, from globs and from directories; alone they apply to the working directory", async () => {
    const report = await gate(repo, ['apps/*/.env*', '!apps/api/**']);
    expect(read(report)).toEqual(['apps/web/.env.production', 'apps/web/.env']);
    const fromDir = await gate(repo, ['apps/web', '!apps/web/.env.production']);
    expect(read(fromDir)).toEqual(['apps/web/.env']);
    expect(fromDir.skipped).toEqual([{ file: 'apps/web/.env.production', reason: 'excluded by a !pattern entry' }]);
    expect(fromDir.passed).toBe(false);
    const web = path.join(repo, 'apps/web');
    const alone = await gate(web, ['!.env.example']);
    expect(read(alone)).toEqual(['.env.production', '.env']);
  });

  it('skips a matched file that is no dotenv file, and errs on a glob that matches nothing', async () => {
    const report = await gate(repo, ['apps/web/*']);
    expect(report.skipped).toContainEqual({ file: 'apps/web/package.json', reason: 'not a dotenv file name' });
    await expect(gate(repo, ['apps/*/.env.nothing*'])).rejects.toThrow('apps/*/.env.nothing*: matched no files');
  });
});
