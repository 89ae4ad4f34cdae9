/**
 * The real-build fixtures in __tests__/fixtures/bundles/ hold their keys where the README there says: each row names a
 * file (by a pattern, as hashed names change on regeneration), the 1-based line:col of the value's first character
 * and the value. A regeneration that moves a key must update the README and this table together.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/bundles/', import.meta.url));

const DEV_PK = `pk_test_${Buffer.from('happy-hippo-42.clerk.accounts.dev$').toString('base64')}`;
const PROD_PK = `pk_live_${Buffer.from('clerk.example-gate.com$').toString('base64')}`;
const CANARY = 'sk_test_CANARYbundleLeak0123456789abcdefghijklmnopqrstu';
const DEV_SERVER_SK = 'sk_test_SERVERonlyDevFake0123456789abcdefghijklmn';
const PROD_SERVER_SK = 'sk_live_SERVERonlyProdFake0123456789abcdefghijklm';

type Row = readonly [variant: string, file: RegExp, line: number, column: number, value: string];

const ROWS: readonly Row[] = [
  ['astro-server/development', /^dist\/client\/_astro\/internal\.[^/]+\.js$/, 21, 8908, DEV_PK],
  ['astro-server/development', /^dist\/server\/virtual_astro_middleware\.mjs$/, 74, 26, DEV_SERVER_SK],
  ['astro-server/production', /^dist\/client\/_astro\/internal\.[^/]+\.js$/, 21, 8908, PROD_PK],
  ['astro-server/production', /^dist\/server\/chunks\/internal_[^/]+\.mjs$/, 252, 78, PROD_PK],
  ['astro-server/production', /^dist\/server\/entry\.mjs$/, 452, 37, PROD_PK],
  ['astro-server/production', /^dist\/server\/virtual_astro_middleware\.mjs$/, 74, 26, PROD_SERVER_SK],
  ['astro-server/leaked-secret', /^dist\/server\/entry\.mjs$/, 181, 4935, CANARY],
  ['astro-server/leaked-secret', /^dist\/server\/virtual_astro_middleware\.mjs$/, 72, 31, CANARY],
  ['astro-server/leaked-secret', /^dist\/server\/virtual_astro_middleware\.mjs$/, 75, 26, DEV_SERVER_SK],
  ['tanstack-start/production', /^dist\/client\/assets\/index-[^/]+\.js$/, 31, 25791, PROD_PK],
  ['tanstack-start/leaked-secret', /^dist\/client\/assets\/index-[^/]+\.js$/, 31, 25872, CANARY],
  ['tanstack-start/leaked-secret', /^dist\/client\/assets\/routes-[^/]+\.js$/, 1, 3461, CANARY],
  ['tanstack-start/leaked-secret', /^dist\/server\/assets\/routes-[^/]+\.js$/, 44, 18, CANARY]
];

const filesOf = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split('\\').join('/'));

const VARIANTS = [...new Set(ROWS.map(([variant]) => variant))].filter((v) => existsSync(join(FIXTURES, v)));

describe('real-build fixtures', () => {
  it.each(ROWS)('%s: %s holds the value at %i:%i', (variant, file, line, column, value) => {
    const matches = filesOf(join(FIXTURES, variant)).filter((f) => file.test(f));
    expect(matches).toHaveLength(1);
    const text = readFileSync(join(FIXTURES, variant, matches[0]!), 'utf8').split('\n')[line - 1] ?? '';
    expect(text.slice(column - 1, column - 1 + value.length)).toBe(value);
  });

  it.each(VARIANTS)('%s looks like an app root: a package.json with a name and the dependencies', (variant) => {
    const pkg = JSON.parse(readFileSync(join(FIXTURES, variant, 'package.json'), 'utf8')) as {
      name?: unknown;
      dependencies?: Record<string, string>;
    };
    expect(typeof pkg.name).toBe('string');
    expect(Object.values(pkg.dependencies ?? {}).every((v) => /^\d+\.\d+\.\d+$/.test(v))).toBe(true);
  });

  it.each(VARIANTS.filter((v) => v.startsWith('astro-server/')))(
    '%s: no secret key in dist/client (the server secret and the inlined canary are in dist/server only)',
    (variant) => {
      const client = join(FIXTURES, variant, 'dist', 'client');
      for (const file of filesOf(client).filter((f) => !f.endsWith('.map') && f.includes('.'))) {
        expect(readFileSync(join(client, file), 'utf8')).not.toMatch(/sk_(test|live)_[A-Za-z0-9]{20}/);
      }
    }
  );
});
