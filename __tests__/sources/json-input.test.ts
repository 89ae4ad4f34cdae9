import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/core/errors.js';
import { parseJsonInput } from '../../src/sources/json-input.js';
import { lineColumn } from '../../src/sources/json-position.js';

const secret = 'sk_live_' + 'Zq9'.repeat(12);

async function errorOf(fn: () => Promise<unknown>): Promise<InputError> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseJsonInput', () => {
  it('reads a toJSON(vars) object with its origin', async () => {
    const text = JSON.stringify({ CLERK_DOMAIN: 'example.com', EMPTY: '' }, null, 2);
    expect(await parseJsonInput(text, 'vars', 'vars-json')).toEqual([
      { name: 'CLERK_DOMAIN', value: 'example.com', origin: { kind: 'vars' } },
      { name: 'EMPTY', value: '', origin: { kind: 'vars' } }
    ]);
  });

  it('reads secrets and leaves out the github_token GitHub adds', async () => {
    const text = JSON.stringify({ github_token: 'ghs_abc', CLERK_SECRET_KEY: secret });
    expect(await parseJsonInput(text, 'secrets', 'secrets-json')).toEqual([
      { name: 'CLERK_SECRET_KEY', value: secret, origin: { kind: 'secrets' } }
    ]);
  });

  it('treats empty or whitespace input as no variables', async () => {
    expect(await parseJsonInput('', 'vars', 'v')).toEqual([]);
    expect(await parseJsonInput(' \n\t', 'secrets', 's')).toEqual([]);
  });

  it('reports broken JSON by line and column without quoting the input', async () => {
    const text = `{\n  "github_token": "ghs_abc",\n  "CLERK_SECRET_KEY": ${secret}\n}`;
    const err = await errorOf(() => parseJsonInput(text, 'secrets', 'secrets-json'));
    expect(err.message).toBe('secrets-json: invalid JSON at line 3, column 23');
    expect(err.message).not.toContain(secret);
    expect(err.message).not.toContain('sk_live_');
  });

  it('reports an unterminated string where it starts', async () => {
    const text = `{"CLERK_SECRET_KEY": "${secret}`;
    const err = await errorOf(() => parseJsonInput(text, 'secrets', 'secrets-json'));
    expect(err.message).toBe('secrets-json: invalid JSON at line 1, column 22');
    expect(err.message).not.toContain(secret.slice(8));
  });

  it('names the key, never the value, when a value is not a string', async () => {
    const err = await errorOf(() => parseJsonInput('{"A":"x","PORT":31337}', 'vars', 'vars-json'));
    expect(err.message).toBe('vars-json: the value of "PORT" is not a string');
    expect(err.message).not.toContain('31337');
  });

  it('keeps names that are also Object.prototype properties, and checks their values too', async () => {
    const text = `{"__proto__":"${secret}","constructor":"c","toString":"t"}`;
    expect((await parseJsonInput(text, 'secrets', 's')).map((v) => [v.name, v.value])).toEqual([
      ['__proto__', secret],
      ['constructor', 'c'],
      ['toString', 't']
    ]);
    expect((await errorOf(() => parseJsonInput('{"__proto__":{"A":"x"}}', 'vars', 'v'))).message).toBe(
      'v: the value of "__proto__" is not a string'
    );
  });

  it('rejects a document that is not an object', async () => {
    expect((await errorOf(() => parseJsonInput(`["${secret}"]`, 'secrets', 's'))).message).toBe(
      's: expected a JSON object of name → string'
    );
  });
});

describe('the position of broken JSON', () => {
  it.each([
    ['{"a": b}', 'line 1, column 7'],
    ['{"a":1,}', 'line 1, column 8'],
    ['{', 'line 1, column 2'],
    ['{\n  "a": "x\ny"\n}', 'line 2, column 8'],
    ['[1] x', 'line 1, column 5'],
    ['{"a" 1}', 'line 1, column 6'],
    ['{"a": "\\q"}', 'line 1, column 7'],
    ['{\r\n  "a": tru\r\n}', 'line 2, column 8'],
    ['{"a": 1 // comment\n}', 'line 1, column 9'],
    ['\uFEFF{}', 'line 1, column 1']
  ])('%j: at the token where the text stops being JSON, %s', async (text, where) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect((await errorOf(() => parseJsonInput(text, 'vars', 'v'))).message).toBe(`v: invalid JSON at ${where}`);
  });
});

describe('lineColumn', () => {
  it('counts \\n, \\r\\n and \\r as line ends, 1-based', () => {
    expect(lineColumn('ab', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('a\r\nbc', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('a\rb\nc', 4)).toEqual({ line: 3, column: 1 });
  });
});
