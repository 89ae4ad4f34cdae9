import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/core/errors.js';
import type { Variable } from '../../src/core/variable.js';
import { collectVariables, type CollectOptions } from '../helpers/collect.js';

const devKey = 'pk_test_' + Buffer.from('happy-hippo-12.clerk.accounts.dev$').toString('base64');
const liveKey = 'pk_live_' + Buffer.from('clerk.example.com$').toString('base64');
const testSecret = 'sk_test_' + 'A1b2'.repeat(10);
const liveSecret = 'sk_live_' + 'Z9y8'.repeat(10);
const VITE_APP = path.resolve(process.cwd(), '__tests__/fixtures/sources/vite-app');

let root: string;

/** Writes `files` (path → text or bytes) under a fresh directory of `root`. */
function tree(name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(root, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

function collect(cwd: string, paths: string[], extra: Partial<CollectOptions> = {}) {
  return collectVariables({ cwd, paths, framework: 'auto', environment: 'production', ...extra });
}

const effective = (vars: Variable[], name: string) => vars.filter((v) => v.name === name && !v.shadowedBy);
const all = (vars: Variable[], name: string) => vars.filter((v) => v.name === name);

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'cpg-collect-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('collectVariables on a Next.js directory', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = tree('next', {
      'apps/web/package.json': JSON.stringify({ dependencies: { next: '15.0.0' } }),
      'apps/web/.env': `# shared defaults\nNEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${devKey}\nCLERK_SECRET_KEY=${testSecret}\nAPP_HOST=app.example.com\n`,
      'apps/web/.env.production': `CLERK_SECRET_KEY=${liveSecret}\nNEXT_PUBLIC_APP_URL=https://\${APP_HOST}/home\n`,
      'apps/web/.env.production.local': 'CLERK_SECRET_KEY=local-override\n',
      'apps/web/.env.local': 'LOCAL_ONLY=1\n',
      'apps/web/.env.development': 'DEV_ONLY=1\n'
    });
  });

  it('reads the production files, highest precedence first, with relative paths and the framework', async () => {
    const { sources } = await collect(cwd, ['apps/web'], { environment: 'preview' });
    expect(sources).toEqual([
      { kind: 'file', file: 'apps/web/.env.production.local', variables: 1, framework: 'nextjs' },
      { kind: 'file', file: 'apps/web/.env.local', variables: 1, framework: 'nextjs' },
      { kind: 'file', file: 'apps/web/.env.production', variables: 2, framework: 'nextjs' },
      { kind: 'file', file: 'apps/web/.env', variables: 3, framework: 'nextjs' }
    ]);
  });

  it('keeps the publishable key inherited from .env effective, pointing at .env line 2', async () => {
    const { variables } = await collect(cwd, ['apps/web']);
    expect(effective(variables, 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY')).toEqual([
      {
        name: 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
        value: devKey,
        origin: { kind: 'file', file: 'apps/web/.env', line: 2, column: 1 }
      }
    ]);
    expect(all(variables, 'DEV_ONLY')).toEqual([]);
  });

  it('shadows lower definitions with the one in .env.production.local', async () => {
    const { variables } = await collect(cwd, ['apps/web']);
    const winner = { kind: 'file', file: 'apps/web/.env.production.local', line: 1, column: 1 };
    const defs = all(variables, 'CLERK_SECRET_KEY');
    expect(defs.map((v) => [v.value, v.shadowedBy])).toEqual([
      ['local-override', undefined],
      [liveSecret, winner],
      [testSecret, winner]
    ]);
  });

  it('expands across the layered set', async () => {
    const { variables } = await collect(cwd, ['apps/web']);
    expect(effective(variables, 'NEXT_PUBLIC_APP_URL')[0]?.value).toBe('https://app.example.com/home');
  });

  it('uses the development files when the environment is development', async () => {
    const { sources, variables } = await collect(cwd, ['apps/web'], { environment: 'development' });
    expect(sources.map((s) => (s.kind === 'file' ? s.file : s.kind))).toEqual([
      'apps/web/.env.local',
      'apps/web/.env.development',
      'apps/web/.env'
    ]);
    expect(effective(variables, 'DEV_ONLY')).toHaveLength(1);
  });

  it('honours an explicit framework over detection', async () => {
    const { sources } = await collect(cwd, ['apps/web'], { framework: 'nuxt' });
    expect(sources).toEqual([{ kind: 'file', file: 'apps/web/.env', variables: 3, framework: 'nuxt' }]);
  });

  it('reads a directory and a file inside it once', async () => {
    const { sources, variables, skipped } = await collect(cwd, [
      'apps/web/.env',
      'apps/web',
      'apps/web/',
      'apps/web/.env*'
    ]);
    const files = sources.map((s) => (s.kind === 'file' ? s.file : s.kind));
    expect(new Set(files).size).toBe(files.length);
    // .env.development is another mode's file: the glob lists it as skipped instead of judging it.
    expect(files).not.toContain('apps/web/.env.development');
    expect(skipped).toEqual([
      {
        file: 'apps/web/.env.development',
        reason: 'loaded only in development mode, and this deploy builds in production mode'
      }
    ]);
    expect(all(variables, 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY')).toHaveLength(1);
  });
});

describe('collectVariables on the Vite fixture', () => {
  it("uses the environment as the mode and Vite's order", async () => {
    const { sources, variables } = await collect(VITE_APP, ['.'], { environment: 'staging' });
    expect(sources.map((s) => (s.kind === 'file' ? [s.file, s.framework] : s.kind))).toEqual([
      ['.env.staging.local', 'vite'],
      ['.env.staging', 'vite'],
      ['.env.local', 'vite'],
      ['.env', 'vite']
    ]);
    const value = (name: string) => effective(variables, name).map((v) => v.value);
    expect(value('VITE_API_URL')).toEqual(['https://api.mine.example']);
    expect(value('VITE_APP_NAME')).toEqual(['demo-local']);
    // .env's reference resolves to the overriding .env.staging value, as Vite's merged expansion does.
    expect(value('VITE_ORIGIN')).toEqual(['https://staging.example']);
  });
});

describe('collectVariables on explicit files and globs', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = tree('explicit', {
      'config/a.env': 'KEY=a\nREF=${KEY}!\n',
      'config/b.env': 'KEY=b\nloose line\n',
      'deploy.env': `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${devKey}\n`
    });
  });

  it('scans each file on its own: no shadowing between them', async () => {
    const { variables, sources, diagnostics } = await collect(cwd, ['config/*.env', 'deploy.env']);
    expect(sources).toEqual([
      { kind: 'file', file: 'config/a.env', variables: 2 },
      { kind: 'file', file: 'config/b.env', variables: 1 },
      { kind: 'file', file: 'deploy.env', variables: 1 }
    ]);
    expect(effective(variables, 'KEY').map((v) => v.value)).toEqual(['a', 'b']);
    expect(effective(variables, 'REF').map((v) => v.value)).toEqual(['a!']);
    expect(diagnostics).toEqual([
      { file: 'config/b.env', line: 2, message: 'line is not a NAME=value definition; dotenv ignores it' }
    ]);
  });

  it('lets runtime sources shadow dotenv definitions but not each other, without expanding them', async () => {
    const { variables, sources } = await collect(cwd, ['deploy.env', 'config/a.env'], {
      processEnv: Object.entries({ NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: liveKey, GITHUB_SHA: 'abc', LITERAL: '${KEY}' }),
      varsJson: { label: 'vars-json', text: JSON.stringify({ NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: liveKey }) },
      secretsJson: { label: 'secrets-json', text: JSON.stringify({ github_token: 'ghs_x', KEY: 'from-secret' }) }
    });
    expect(sources.slice(2)).toEqual([
      { kind: 'env', variables: 2 },
      { kind: 'vars', variables: 1 },
      { kind: 'secrets', variables: 1 }
    ]);
    const pk = all(variables, 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY');
    expect(pk.map((v) => [v.origin.kind, v.shadowedBy])).toEqual([
      ['file', { kind: 'env' }],
      ['env', undefined],
      ['vars', undefined]
    ]);
    expect(all(variables, 'KEY').map((v) => [v.origin.kind, v.shadowedBy])).toEqual([
      ['file', { kind: 'secrets' }],
      ['secrets', undefined]
    ]);
    expect(effective(variables, 'LITERAL')[0]?.value).toBe('${KEY}');
    expect(all(variables, 'GITHUB_SHA')).toEqual([]);
  });

  it('reads nothing from an empty directory and only runtime sources when no paths are given', async () => {
    const empty = tree('empty', { 'README.md': '# nothing\n' });
    await expect(collect(empty, ['.'])).resolves.toEqual({ variables: [], sources: [], diagnostics: [], skipped: [] });
    const { sources } = await collect(empty, [], { processEnv: [['A', '1']] });
    expect(sources).toEqual([{ kind: 'env', variables: 1 }]);
  });
});

describe('collectVariables errors', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = tree('errors', {
      '.env': 'OK=1\n',
      'nul.env': Buffer.from('A=1\n\0B=2\n'),
      'latin1.env': Buffer.from([0x41, 0x3d, 0xe9, 0x0a]),
      'bom.env': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('A=1\n')])
    });
  });

  it.each([
    [['missing.env'], 'missing.env: no such file or directory'],
    [['nope/*.env'], 'nope/*.env: matched no files'],
    [['nul.env'], 'nul.env: contains NUL bytes, not a dotenv text file'],
    [['latin1.env'], 'latin1.env: not valid UTF-8']
  ])('%j → InputError %j', async (paths, message) => {
    const run = collect(cwd, paths);
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow(message);
  });

  it('rejects broken secrets JSON without quoting it', async () => {
    const run = collect(cwd, ['.env'], { secretsJson: { label: 'secrets-json', text: `{"K": ${liveSecret}}` } });
    await expect(run).rejects.toThrow('secrets-json: invalid JSON at line 1, column 7');
    await expect(run).rejects.not.toThrow(liveSecret);
  });

  it('reads a UTF-8 file with a BOM', async () => {
    const { variables } = await collect(cwd, ['bom.env']);
    expect(variables).toEqual([
      { name: 'A', value: '1', origin: { kind: 'file', file: 'bom.env', line: 1, column: 1 } }
    ]);
  });
});
