import { describe, expect, it } from '@jest/globals';
import dotenv from 'dotenv';
import { expand } from 'dotenv-expand';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Origin, Variable } from '../../src/core/variable.js';
import { InputError } from '../../src/core/errors.js';
import { boundedExpand, ExpansionTimeout, mayNeverFinish } from '../../src/sources/bounded-expand.js';
import { parseDotenv } from '../../src/sources/dotenv-file.js';
import { expandVariables } from '../../src/sources/expand.js';

const host = 'happy-hippo-12.clerk.accounts.dev';

describe('expandVariables', () => {
  it('expands ${NAME}, $NAME, defaults and \\$ escapes like dotenv-expand', () => {
    const { variables } = parseDotenv(
      `HOST=${host}\nURL=https://\${HOST}/v1\nBARE=$HOST\nDEF=\${MISSING:-fallback}\nESC=\\$HOST\n`,
      '.env'
    );
    const out = Object.fromEntries(expandVariables(variables).map((v) => [v.name, v.value]));
    expect(out).toEqual({
      HOST: host,
      URL: `https://${host}/v1`,
      BARE: host,
      DEF: 'fallback',
      ESC: '$HOST'
    });
  });

  it('neither reads nor writes process.env', () => {
    process.env.CPG_EXPAND_PROBE = 'from-process';
    try {
      const { variables } = parseDotenv('A=${CPG_EXPAND_PROBE}\nCPG_EXPAND_WRITE=1\n', '.env');
      expect(expandVariables(variables).map((v) => v.value)).toEqual(['', '1']);
      expect(process.env.CPG_EXPAND_WRITE).toBeUndefined();
    } finally {
      delete process.env.CPG_EXPAND_PROBE;
    }
  });

  it('expands shadowed definitions in the effective context and leaves origins alone', () => {
    const { variables } = parseDotenv('BASE=one\nURL=${BASE}/a\nBASE=two\nURL=${BASE}/b\n', '.env');
    const out = expandVariables(variables);
    expect(out.map((v) => v.value)).toEqual(['one', 'two/a', 'two', 'two/b']);
    expect(out.map((v) => v.origin)).toEqual(variables.map((v) => v.origin));
    expect(out[0]?.shadowedBy).toEqual(variables[2]?.origin);
  });

  it('resolves a name from a lower layer when layers are passed lowest first', () => {
    const winner: Origin = { kind: 'file', file: '.env.production', line: 1, column: 1 };
    const vars: Variable[] = [
      {
        name: 'HOST',
        value: 'dev.example',
        origin: { kind: 'file', file: '.env', line: 1, column: 1 },
        shadowedBy: winner
      },
      { name: 'API', value: 'https://${HOST}', origin: { kind: 'file', file: '.env', line: 2, column: 1 } },
      { name: 'HOST', value: 'prod.example', origin: winner }
    ];
    expect(expandVariables(vars).map((v) => v.value)).toEqual(['dev.example', 'https://prod.example', 'prod.example']);
  });
});

describe('expansion that never finishes', () => {
  // dotenv-expand 12.0.3 replaces `$A` with `$A` (the escape-resolved value of A) and searches again, forever.
  const looping = 'FIRST=1\nA=\\$A\nB=$A$B\nLAST=2\n';

  it('is stopped and reported at the variable that loops, by file:line:column', () => {
    const { variables } = parseDotenv(looping, 'apps/web/.env');
    let error: unknown;
    try {
      expandVariables(variables);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'apps/web/.env:3:1: B: its ${…} / $NAME expansion never finishes (dotenv-expand loops on it); ' +
        'rewrite or remove the reference'
    );
  });

  it('is stopped for a shadowed definition too', () => {
    const { variables } = parseDotenv('A=\\$A\nB=$A$B\nB=fine\n', '.env');
    expect(() => expandVariables(variables)).toThrow('.env:2:1: B: its ${…} / $NAME expansion never finishes');
  });

  it('guards only raw values with a \\$ escape, the input that can loop', () => {
    expect(mayNeverFinish(['plain', 'https://${HOST}/a', '$2b$10$hash', 'ends with $'])).toBe(false);
    expect(mayNeverFinish(['plain', 'price \\$5'])).toBe(true);
  });

  it('bounds dotenv-expand itself and leaves finishing input to it unchanged', () => {
    expect(() => boundedExpand({ parsed: { A: '\\$A', B: '$A$B' }, processEnv: {} }, 50)).toThrow(ExpansionTimeout);
    const parsed = { A: 'x', B: '${A}-$A' };
    expect(boundedExpand({ parsed: { ...parsed }, processEnv: {} }).parsed).toEqual(
      expand({ parsed: { ...parsed }, processEnv: {} }).parsed
    );
  });
});

describe('expandVariables against dotenv-expand over the whole corpus', () => {
  const corpus = path.resolve(process.cwd(), '../shared/corpus/dotenv');
  const files = readdirSync(corpus).filter((f) => !f.startsWith('SOURCES'));
  it.each(files)('%s expands exactly as dotenv-expand does on dotenv.parse', (file) => {
    const text = readFileSync(path.join(corpus, file), 'utf8');
    const expected = expand({ parsed: dotenv.parse(text), processEnv: {} }).parsed ?? {};
    const ours = expandVariables(parseDotenv(text, file).variables).filter((v) => !v.shadowedBy);
    expect(Object.fromEntries(ours.map((v) => [v.name, v.value]))).toEqual(expected);
  });
});
