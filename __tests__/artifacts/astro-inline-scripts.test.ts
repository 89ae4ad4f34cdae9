import { describe, expect, it } from '@jest/globals';
import { scriptStrings } from '../../src/artifacts/astro-inline-scripts.js';

/** The texts of the ranges, as they stand in the module (still JSON-escaped). */
function strings(module: string): string[] {
  const bytes = Buffer.from(module);
  const open = bytes.indexOf('"inlinedScripts":[') + '"inlinedScripts":'.length;
  return scriptStrings(bytes, open).map(([s, e]) => bytes.toString('utf8', s, e));
}

describe("scriptStrings: the code strings of the manifest's inlinedScripts, never the module ids or what follows", () => {
  it('each [id, code] pair gives its code, escapes and brackets inside strings included', () => {
    const manifest = JSON.stringify({
      inlinedScripts: [
        ['/src/pages/a.astro?astro&type=script&index=0&lang.ts', 'const a=["]"];console.log("x\\"y")'],
        ['/src/pages/b.astro?astro&type=script&index=0&lang.ts', 'b()']
      ],
      after: ['not a script', 'nor this']
    });
    expect(strings(`const m=${manifest};`)).toEqual([
      JSON.stringify('const a=["]"];console.log("x\\"y")').slice(1, -1),
      'b()'
    ]);
  });

  it('an empty list gives nothing; a list cut short gives what is there', () => {
    expect(strings('{"inlinedScripts":[],"x":["a","b"]}')).toEqual([]);
    expect(strings('{"inlinedScripts":[["id","code"],["id2","co')).toEqual(['code', 'co']);
  });
});
