import { describe, expect, it } from '@jest/globals';
import dotenv from 'dotenv';
import type { Variable } from '../../src/core/variable.js';
import { LINE as DOTENV_LINE, parseDotenv } from '../../src/sources/dotenv-file.js';
import { seededRandom } from '../helpers/random.js';

const FILE = 'app/.env';
const fakeKey = 'pk_test_' + Buffer.from('x.y$').toString('base64');

/** Parses and checks that effective values agree with dotenv itself. */
function parse(text: string) {
  const result = parseDotenv(text, FILE);
  const effective = Object.fromEntries(result.variables.filter((v) => !v.shadowedBy).map((v) => [v.name, v.value]));
  expect(effective).toEqual({ ...dotenv.parse(text) });
  return result;
}

function pos(v: Variable | undefined): [number, number] {
  if (v?.origin.kind !== 'file') throw new Error('expected a file origin');
  return [v.origin.line, v.origin.column];
}

const byName = (vars: Variable[], name: string) => vars.find((v) => v.name === name);

describe('parseDotenv values', () => {
  it('strips single, double and backtick quotes; only double quotes expand \\n', () => {
    const { variables } = parse('S=\'a\\nb\'\nD="a\\nb"\nB=`it\'s "x"`\nU=  spaced out  \n');
    expect(byName(variables, 'S')?.value).toBe('a\\nb');
    expect(byName(variables, 'D')?.value).toBe('a\nb');
    expect(byName(variables, 'B')?.value).toBe('it\'s "x"');
    expect(byName(variables, 'U')?.value).toBe('spaced out');
  });

  it('accepts `export` and the `:` separator, and reports the column of the name', () => {
    const { variables } = parse(`export KEY=${fakeKey}\n  COLON: value\n`);
    expect(byName(variables, 'KEY')?.value).toBe(fakeKey);
    expect(pos(byName(variables, 'KEY'))).toEqual([1, 8]);
    expect(byName(variables, 'COLON')?.value).toBe('value');
    expect(pos(byName(variables, 'COLON'))).toEqual([2, 3]);
  });

  it('drops inline comments from unquoted values but keeps # inside quotes', () => {
    const { variables } = parse('A=value # note\nB="has # hash" # note\nC=x#y\n');
    expect(variables.map((v) => v.value)).toEqual(['value', 'has # hash', 'x']);
  });

  it('keeps physical line numbers with CRLF and multi-line quoted values', () => {
    const { variables, diagnostics } = parse('A=1\r\nPEM="-----BEGIN-----\r\nabc\r\n-----END-----"\r\n\r\nC=3');
    expect(byName(variables, 'PEM')?.value).toBe('-----BEGIN-----\nabc\n-----END-----');
    expect(variables.map(pos)).toEqual([
      [1, 1],
      [2, 1],
      [6, 1]
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('does not count a BOM as a column', () => {
    const { variables } = parse('\uFEFFFIRST=1\nSECOND=2\n');
    expect(byName(variables, 'FIRST')?.value).toBe('1');
    expect(pos(byName(variables, 'FIRST'))).toEqual([1, 1]);
  });

  it('skips leading blank lines when locating a name', () => {
    const { variables } = parse('\n\n   \n\tKEY=v\n');
    expect(pos(variables[0])).toEqual([4, 2]);
  });
});

describe('parseDotenv duplicates', () => {
  it('keeps the last definition as effective and shadows the earlier ones with it', () => {
    const { variables } = parse('KEY=first\nOTHER=x\nKEY=second\nKEY=third\n');
    const keys = variables.filter((v) => v.name === 'KEY');
    expect(keys.map((v) => v.value)).toEqual(['first', 'second', 'third']);
    const last = keys[2]?.origin;
    expect(last).toEqual({ kind: 'file', file: FILE, line: 4, column: 1 });
    expect(keys[0]?.shadowedBy).toEqual(last);
    expect(keys[1]?.shadowedBy).toEqual(last);
    expect(keys[2]?.shadowedBy).toBeUndefined();
    expect(byName(variables, 'OTHER')?.shadowedBy).toBeUndefined();
  });
});

describe('parseDotenv inline ignore comments', () => {
  it('reads ids (and an optional reason) from the line directly above', () => {
    const text = [
      '# clerk-production-gate-ignore dev-publishable-key, dev-url -- staging mirror',
      `KEY=${fakeKey}`,
      'NEXT=1'
    ].join('\n');
    const { variables } = parse(text);
    expect(byName(variables, 'KEY')?.ignoredRules).toEqual(['dev-publishable-key', 'dev-url']);
    expect(byName(variables, 'NEXT')?.ignoredRules).toBeUndefined();
  });

  it('needs the comment directly above: a blank line in between cancels it', () => {
    const { variables } = parse('# clerk-production-gate-ignore dev-url\n\nKEY=v\n');
    expect(byName(variables, 'KEY')?.ignoredRules).toBeUndefined();
  });

  it('works when the comment follows another definition (dotenv folds it into that match)', () => {
    const { variables } = parse('A=1\n# clerk-production-gate-ignore dev-url\nB=2\n');
    expect(byName(variables, 'A')?.ignoredRules).toBeUndefined();
    expect(byName(variables, 'B')?.ignoredRules).toEqual(['dev-url']);
  });

  it('reads a trailing comment on an unquoted or quoted value', () => {
    const { variables } = parse(
      'A=value # clerk-production-gate-ignore dev-url\nB="a#b" # clerk-production-gate-ignore x, y -- why\n'
    );
    expect(byName(variables, 'A')).toMatchObject({ value: 'value', ignoredRules: ['dev-url'] });
    expect(byName(variables, 'B')).toMatchObject({ value: 'a#b', ignoredRules: ['x', 'y'] });
  });

  it('ignores the directive inside quotes: it is part of the value, not a comment', () => {
    const { variables } = parse('A="v # clerk-production-gate-ignore dev-url"\n');
    expect(byName(variables, 'A')?.value).toBe('v # clerk-production-gate-ignore dev-url');
    expect(byName(variables, 'A')?.ignoredRules).toBeUndefined();
  });

  it('ignores a directive-looking line that is inside a multi-line quoted value', () => {
    const { variables } = parse('A="x\n# clerk-production-gate-ignore dev-url"\nB=1\n');
    expect(byName(variables, 'A')?.value).toBe('x\n# clerk-production-gate-ignore dev-url');
    expect(byName(variables, 'B')?.ignoredRules).toBeUndefined();
  });

  it('does not suppress anything when no id is named', () => {
    const { variables } = parse(
      '# clerk-production-gate-ignore -- just because\nA=1\nB=2 # clerk-production-gate-ignore\n'
    );
    expect(byName(variables, 'A')?.ignoredRules).toBeUndefined();
    expect(byName(variables, 'B')?.ignoredRules).toBeUndefined();
  });

  it('merges ids from above and trailing comments', () => {
    const { variables } = parse('# clerk-production-gate-ignore a\nK=v # clerk-production-gate-ignore b, a\n');
    expect(byName(variables, 'K')?.ignoredRules).toEqual(['a', 'b']);
  });
});

describe('parseDotenv diagnostics', () => {
  it('flags non-comment lines dotenv ignores, without quoting them', () => {
    const secretTail = 'sk_test_' + 'Q'.repeat(20);
    const text = ['# comment', '', 'KEY=line1', secretTail, 'JUST_A_NAME', 'OK=1'].join('\n');
    const { variables, diagnostics } = parse(text);
    expect(byName(variables, 'KEY')?.value).toBe('line1');
    expect(diagnostics.map((d) => [d.file, d.line])).toEqual([
      [FILE, 4],
      [FILE, 5]
    ]);
    for (const d of diagnostics) {
      expect(d.message).toBe('line is not a NAME=value definition; dotenv ignores it');
      expect(d.message).not.toContain(secretTail);
    }
  });

  it('reports nothing for a clean file', () => {
    expect(parse('# header\nA=1\n\n  # indented comment\nB="x\ny"\n').diagnostics).toEqual([]);
  });
});

describe('parseDotenv positions', () => {
  // dotenv's LINE regex with match.indices: where each name really starts, against the line and column
  // parseDotenv reports (line breaks normalised, `export` prefixes, odd blanks) on tricky input.
  const LINE = new RegExp(DOTENV_LINE.source, 'dgm');
  const PIECES = [
    '',
    ' ',
    '\t',
    '\u00a0',
    '\u2003',
    'export',
    'export ',
    'export\t',
    ' export  ',
    'export\n',
    'A',
    'export',
    'a.b-c',
    'x_1',
    '=',
    ' =',
    ':',
    ': ',
    ':x',
    'v',
    '"q"',
    "'s'",
    '#c',
    '\n',
    '\r\n',
    '$'
  ];
  const { int: next } = seededRandom(7);

  it('gives every definition the line and column of its name, on 5,000 random files', () => {
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: 1 + next(12) }, () => PIECES[next(PIECES.length)]).join('');
      const src = text.replace(/\r\n?/g, '\n');
      const expected: [string, number, number][] = [];
      for (const m of src.matchAll(LINE)) {
        const at = (m.indices?.[1] as [number, number])[0];
        const lineStart = src.lastIndexOf('\n', at - 1) + 1;
        expected.push([m[1] as string, src.slice(0, at).split('\n').length, at - lineStart + 1]);
      }
      const got = parseDotenv(text, FILE).variables.map((v) => [v.name, ...pos(v)]);
      expect([text, got]).toEqual([text, expected]);
    }
  });
});
