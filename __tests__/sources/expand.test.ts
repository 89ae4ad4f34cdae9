import { describe, expect, it } from '@jest/globals';
import dotenv from 'dotenv';
import { expand } from 'dotenv-expand';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { Origin, Variable } from '../../src/core/variable.js';
import { InputError } from '../../src/core/errors.js';
import { EndlessExpansion, expandDotenv } from '../../src/sources/dotenv-expand.js';
import { parseDotenv } from '../../src/sources/dotenv-file.js';
import { expandVariables } from '../../src/sources/expand.js';
import { seededRandom } from '../helpers/random.js';
import {
  corpusFiles,
  type CorpusFile,
  describeWithShared,
  sharedOnlyCorpus,
  VENDORED_CORPUS
} from '../helpers/shared-data.js';

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

describe('expansion that does not finish', () => {
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
      'apps/web/.env:3:1: B: its ${…} / $NAME expansion does not finish ' +
        '(dotenv-expand would loop or grow the value without bound); rewrite or remove the reference'
    );
  });

  it('is stopped for a shadowed definition too', () => {
    const { variables } = parseDotenv('A=\\$A\nB=$A$B\nB=fine\n', '.env');
    expect(() => expandVariables(variables)).toThrow('.env:2:1: B: its ${…} / $NAME expansion does not finish');
  });

  it('is stopped when a value doubles line after line', () => {
    const lines = ['V0=xx', ...Array.from({ length: 30 }, (_, i) => `V${i + 1}=$V${i}$V${i}`)];
    const { variables } = parseDotenv(lines.join('\n'), '.env');
    expect(() => expandVariables(variables)).toThrow(/^\.env:2\d:1: V2\d: its/);
  });
});

describe('names that are also Object.prototype properties', () => {
  // dotenv-expand reads these from plain objects: it loops forever on `${constructor}`, throws on a variable
  // named `constructor` and turns `${toString}` into "[object Undefined]". Here they are names like any other.
  it('are set or unset like any other name, and never hang or throw', () => {
    const { variables } = parseDotenv(
      'A=${constructor}\nB=${toString}\nC=$valueOf-${hasOwnProperty:-d}\nconstructor=x\nD=$constructor\n' +
        '__proto__=p\nE=${__proto__}/$__proto__\nF=${isPrototypeOf:+alt}\n',
      '.env'
    );
    expect(expandVariables(variables).map((v) => [v.name, v.value])).toEqual([
      ['A', ''],
      ['B', ''],
      ['C', '-d'],
      ['constructor', 'x'],
      ['D', 'x'],
      ['__proto__', 'p'],
      ['E', 'p/p'],
      ['F', '']
    ]);
  });
});

describe('expandDotenv against dotenv-expand on random input', () => {
  // The package, stopped after `ms`: it never returns on some of this input.
  const sandbox = vm.createContext({ expand, options: undefined });
  const call = new vm.Script('expand(options)');
  const library = (parsed: Record<string, string>, ms = 100): Record<string, string> | 'hangs' => {
    sandbox.options = { parsed, processEnv: {} };
    try {
      return (call.runInContext(sandbox, { timeout: ms }) as { parsed: Record<string, string> }).parsed;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return 'hangs';
      throw error;
    }
  };
  const NAMES = ['A', 'B', 'C', 'HOST', '1', 'x_y'];
  const PIECES = [
    '$A',
    '${B}',
    '$HOST',
    '${C:-def}',
    '${A:+alt}',
    '${B-x}',
    '${HOST:-$A}',
    '\\$',
    '\\$A',
    '$',
    '{',
    '}',
    '$1',
    '${x_y}',
    'null',
    '$&',
    'lit',
    '/',
    ' ',
    '${nullable}'
  ];
  const { int: next } = seededRandom(42);

  it('agrees on 2,000 random files, and stops exactly where the library never returns', () => {
    let hung = 0;
    for (let i = 0; i < 2000; i++) {
      const parsed: Record<string, string> = {};
      for (let n = 1 + next(5); n > 0; n--) {
        parsed[NAMES[next(NAMES.length)] as string] = Array.from(
          { length: next(5) },
          () => PIECES[next(PIECES.length)]
        ).join('');
      }
      let expected = library({ ...parsed });
      let ours: Record<string, string> | 'hangs';
      try {
        ours = expandDotenv({ parsed: { ...parsed }, processEnv: {} });
      } catch (error) {
        if (!(error instanceof EndlessExpansion)) throw error;
        ours = 'hangs';
      }
      // A slow machine rather than a loop: ask the library again, with time to spare.
      if (expected === 'hangs' && ours !== 'hangs') expected = library({ ...parsed }, 5000);
      expect([parsed, ours]).toEqual([parsed, expected]);
      if (expected === 'hangs') hung++;
    }
    expect(hung).toBeGreaterThan(0); // the generator does reach the input that loops
  });
});

/** Expands exactly as dotenv-expand does on dotenv.parse. */
function expandsLikeTheLibrary({ name, file }: CorpusFile): void {
  const text = readFileSync(file, 'utf8');
  const expected = expand({ parsed: dotenv.parse(text), processEnv: {} }).parsed ?? {};
  const ours = expandVariables(parseDotenv(text, name).variables).filter((v) => !v.shadowedBy);
  expect(Object.fromEntries(ours.map((v) => [v.name, v.value]))).toEqual(expected);
}

describe('expandVariables against dotenv-expand over the vendored corpus', () => {
  it.each(corpusFiles(VENDORED_CORPUS))(
    '$name expands exactly as dotenv-expand does on dotenv.parse',
    expandsLikeTheLibrary
  );
});

describeWithShared('expandVariables against dotenv-expand over the rest of the corpus', ['corpus', 'dotenv'], (dir) => {
  it.each(sharedOnlyCorpus(dir))('$name expands exactly as dotenv-expand does on dotenv.parse', expandsLikeTheLibrary);
});
