import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/core/errors.js';
import { parseJsonInput } from '../../src/sources/json-input.js';
import { jsonErrorOffset, lineColumn } from '../../src/sources/json-position.js';

const secret = 'sk_live_' + 'Zq9'.repeat(12);

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseJsonInput', () => {
  it('reads a toJSON(vars) object with its origin', () => {
    const text = JSON.stringify({ CLERK_DOMAIN: 'example.com', EMPTY: '' }, null, 2);
    expect(parseJsonInput(text, 'vars', 'vars-json')).toEqual([
      { name: 'CLERK_DOMAIN', value: 'example.com', origin: { kind: 'vars' } },
      { name: 'EMPTY', value: '', origin: { kind: 'vars' } }
    ]);
  });

  it('reads secrets and leaves out the github_token GitHub adds', () => {
    const text = JSON.stringify({ github_token: 'ghs_abc', CLERK_SECRET_KEY: secret });
    expect(parseJsonInput(text, 'secrets', 'secrets-json')).toEqual([
      { name: 'CLERK_SECRET_KEY', value: secret, origin: { kind: 'secrets' } }
    ]);
  });

  it('treats empty or whitespace input as no variables', () => {
    expect(parseJsonInput('', 'vars', 'v')).toEqual([]);
    expect(parseJsonInput(' \n\t', 'secrets', 's')).toEqual([]);
  });

  it('reports broken JSON by line and column without quoting the input', () => {
    const text = `{\n  "github_token": "ghs_abc",\n  "CLERK_SECRET_KEY": ${secret}\n}`;
    const err = errorOf(() => parseJsonInput(text, 'secrets', 'secrets-json'));
    expect(err.message).toBe('secrets-json: invalid JSON at line 3, column 23');
    expect(err.message).not.toContain(secret);
    expect(err.message).not.toContain('sk_live_');
  });

  it('reports a truncated document at its end', () => {
    const text = `{"CLERK_SECRET_KEY": "${secret}`;
    const err = errorOf(() => parseJsonInput(text, 'secrets', 'secrets-json'));
    expect(err.message).toBe(`secrets-json: invalid JSON at line 1, column ${text.length + 1}`);
    expect(err.message).not.toContain(secret.slice(8));
  });

  it('names the key, never the value, when a value is not a string', () => {
    const err = errorOf(() => parseJsonInput('{"A":"x","PORT":31337}', 'vars', 'vars-json'));
    expect(err.message).toBe('vars-json: the value of "PORT" is not a string');
    expect(err.message).not.toContain('31337');
  });

  it('keeps names that are also Object.prototype properties, and checks their values too', () => {
    const text = `{"__proto__":"${secret}","constructor":"c","toString":"t"}`;
    expect(parseJsonInput(text, 'secrets', 's').map((v) => [v.name, v.value])).toEqual([
      ['__proto__', secret],
      ['constructor', 'c'],
      ['toString', 't']
    ]);
    expect(errorOf(() => parseJsonInput('{"__proto__":{"A":"x"}}', 'vars', 'v')).message).toBe(
      'v: the value of "__proto__" is not a string'
    );
  });

  it('rejects a document that is not an object', () => {
    expect(errorOf(() => parseJsonInput(`["${secret}"]`, 'secrets', 's')).message).toBe(
      's: expected a JSON object of name → string'
    );
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": b}', 6],
    ['{"a":1,}', 7],
    ['{', 1],
    ['{"a": "x\ny"}', 8],
    ['[1] x', 4],
    ['{"a" 1}', 5],
    ['{"a": "\\q"}', 7],
    ['{"a": tru}', 9],
    ['{"a": -}', 7],
    ['{"a": 1.}', 8],
    ['{"a": 01}', 7],
    ['\uFEFF{}', 0]
  ])('%j fails at offset %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('agrees with V8 wherever V8 states a position', () => {
    const cases = [
      '{"a": -}',
      '{"a": 1.}',
      '{"a": 1e}',
      '{"a": 01}',
      '{"a":1,}',
      '{"a" 1}',
      '[1] x',
      '{"a": "x\ny"}',
      '{"a":1 "b":2}',
      '{"a":[1,2}'
    ];
    let compared = 0;
    for (const text of cases) {
      let message = '';
      try {
        JSON.parse(text);
      } catch (err) {
        message = (err as Error).message;
      }
      const stated = /at position (\d+)/.exec(message);
      if (!stated) continue;
      compared++;
      expect([text, jsonErrorOffset(text)]).toEqual([text, Number(stated[1])]);
    }
    expect(compared).toBeGreaterThan(cases.length / 2);
  });
});

describe('lineColumn', () => {
  it('counts \\n, \\r\\n and \\r as line ends, 1-based', () => {
    expect(lineColumn('ab', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('a\r\nbc', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('a\rb\nc', 4)).toEqual({ line: 3, column: 1 });
  });
});
